export { formatTimestamp } from '../time.js';

/**
 * The first whole second at or after `date`. The wire carries whole seconds, so a moment
 * when something becomes possible is rounded up: never a time at which it is still refused.
 */
export function ceilToSecond(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / 1000) * 1000);
}

/** Whole seconds from `now` until `later`, rounded up, at least 1. For `Retry-After`. */
export function secondsUntil(now: Date, later: Date): number {
  return Math.max(1, Math.ceil((later.getTime() - now.getTime()) / 1000));
}

/** `date` moved on by `ms` milliseconds. */
export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
