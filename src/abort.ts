// Following AbortSignals: many calls share one (a client's, a page's), and Node warns of a
// leak when one signal carries more than ten listeners.

/**
 * Calls `abort` with the reason of the first of `signals` to abort (at once if one already
 * has) and returns what stops listening. Cheaper per call than `AbortSignal.any`, and it
 * works on signals of another realm (jsdom's, an iframe's).
 */
export function onAbort(
  signals: readonly AbortSignal[],
  abort: (reason: unknown) => void,
): () => void {
  const aborted = signals.find((s) => s.aborted);
  if (aborted) {
    abort(aborted.reason);
    return () => {};
  }
  const stops = signals.map((signal) =>
    follow(signal, () => {
      unlink();
      abort(signal.reason);
    }),
  );
  const unlink = () => stops.forEach((stop) => stop());
  return unlink;
}

/** What waits on each signal, behind the one listener each signal gets. */
const followed = new WeakMap<AbortSignal, { followers: Set<() => void>; stop: () => void }>();

/**
 * Runs `onAborted` when `signal` aborts; returns what stops following it. However many calls
 * share a signal (one for the whole client, say), it carries one listener, not one per call:
 * Node warns of a leak past ten.
 */
function follow(signal: AbortSignal, onAborted: () => void): () => void {
  let entry = followed.get(signal);
  if (!entry) {
    const followers = new Set<() => void>();
    const dispatch = () => {
      followed.delete(signal);
      followers.forEach((follower) => follower());
    };
    signal.addEventListener('abort', dispatch, { once: true });
    entry = { followers, stop: () => signal.removeEventListener('abort', dispatch) };
    followed.set(signal, entry);
  }
  const { followers, stop } = entry;
  followers.add(onAborted);
  return () => {
    followers.delete(onAborted);
    if (followers.size === 0 && followed.get(signal)?.followers === followers) {
      followed.delete(signal);
      stop();
    }
  };
}

/** Waits `ms`, or rejects with the reason of the first of `signals` to abort. */
export function sleep(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unlink();
      resolve();
    }, ms);
    const unlink = onAbort(signals, (reason) => {
      clearTimeout(timer);
      reject(reason);
    });
  });
}
