import { sleep } from './abort.js';
import { MAX_TIMER_MS, durationProblem, isAbortSignal } from './call-options.js';
import { ValidationError, isGrievanceError } from './errors.js';
import { readFields } from './validate.js';
import { isOpenStatus } from './status.js';
import type { Grievance } from './types.js';

/** How to follow a grievance. */
export interface WatchOptions {
  /** Time between polls, up to 2 147 483 647 ms. Default 60 000 ms; keep it long on the real portal. */
  intervalMs?: number;
  /** Stops watching; the iteration then ends quietly. */
  signal?: AbortSignal;
}

const MAX_BACKOFF_FACTOR = 16;

/**
 * Refuses watch options that would poll the portal in a tight loop (an interval of 0, NaN or
 * a string) or never stop, before the first request.
 */
export function checkWatchOptions(options: unknown): WatchOptions {
  if (options === undefined) return {};
  const { intervalMs, signal } = readFields(options, 'grievances.watch', {
    known: ['intervalMs', 'signal'],
    example: '{ signal }',
    field: 'options',
  });
  const intervalProblem = intervalMs === undefined ? undefined : durationProblem(intervalMs);
  if (intervalProblem)
    throw ValidationError.forField('intervalMs', 'invalid_type', intervalProblem);
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw ValidationError.forField('signal', 'invalid_type', 'must be an AbortSignal');
  }
  return { intervalMs, signal } as WatchOptions;
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
    // An abort ends the wait early, and the loop then ends: even one that came while the
    // generator was suspended at a yield, before this wait began.
    await sleep(Math.min(wait, MAX_TIMER_MS), signal ? [signal] : []).catch(() => {});
  }
}
