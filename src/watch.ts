import { isGrievanceError } from './errors.js';
import { isOpenStatus } from './status.js';
import type { Grievance } from './types.js';

/** How to follow a grievance. */
export interface WatchOptions {
  /** Time between polls. Default 60 000 ms; keep it long against the real portal. */
  intervalMs?: number;
  /** Stops watching; the iteration then ends quietly. */
  signal?: AbortSignal;
}

const MAX_BACKOFF_FACTOR = 16;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    // The caller may abort while the generator is suspended at a yield; the abort event has
    // then fired already and would never end this wait.
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Polls `read` and yields each change of status until a final status or an abort. */
export async function* watchGrievance(
  read: (signal: AbortSignal | undefined) => Promise<Grievance>,
  { intervalMs = 60_000, signal }: WatchOptions,
): AsyncGenerator<Grievance, void, undefined> {
  let last: string | undefined;
  let factor = 1;

  while (!signal?.aborted) {
    let wait = intervalMs;
    try {
      const grievance = await read(signal);
      factor = 1;
      if (grievance.rawStatus !== last) {
        last = grievance.rawStatus;
        yield grievance;
      }
      if (!isOpenStatus(grievance.status)) return;
    } catch (error) {
      if (signal?.aborted) return;
      if (!isGrievanceError(error) || !error.retryable) throw error;

      factor = Math.min(factor * 2, MAX_BACKOFF_FACTOR);
      const retryAfter = error.retryAt ? error.retryAt.getTime() - Date.now() : 0;
      wait = Math.max(intervalMs * factor, retryAfter);
    }
    await pause(wait, signal);
  }
}
