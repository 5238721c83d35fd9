import { ValidationError } from './errors.js';
import type { CreateOptions } from './http.js';
import { readFields } from './validate.js';

/**
 * Whether `value` can be listened to, and stopped listening to, as an AbortSignal (one from
 * another realm too).
 */
export function isAbortSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal | null;
  return (
    typeof signal === 'object' &&
    signal !== null &&
    typeof signal.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  );
}

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

/** The longest delay `setTimeout` keeps; a longer one fires after 1 ms instead. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * What is wrong with a duration in milliseconds, or undefined when it is usable as a timer:
 * a finite number above 0 (or 0 itself, where `zero` allows it) up to {@link MAX_TIMER_MS}.
 */
export function durationProblem(value: unknown, zero = false): string | undefined {
  const least = zero ? 'from 0' : 'above 0';
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!zero && value === 0)) {
    return `must be a number of milliseconds ${least} up to ${MAX_TIMER_MS}`;
  }
  if (value > MAX_TIMER_MS) return `must be at most ${MAX_TIMER_MS} ms (about 24.8 days)`;
  return undefined;
}

/** The options every call takes. */
export const CALL_OPTIONS = ['signal', 'timeoutMs'] as const;

/** The options of calls that create something. */
export const CREATE_OPTIONS = [...CALL_OPTIONS, 'idempotencyKey'] as const;

/**
 * Reads a public call's options once, refusing an option the call does not take by name and
 * a value of the wrong type, before anything is sent. `known` lists the call's options beyond
 * {@link CALL_OPTIONS} (its own, such as `pageSize`, and `idempotencyKey` for creates).
 */
export function readOptions(
  options: unknown,
  call: string,
  known: readonly string[] = [],
): CreateOptions & Record<string, unknown> {
  if (options === undefined) return {};
  const fields = readFields(options, call, {
    known: [...new Set([...CALL_OPTIONS, ...known])],
    example: '{ signal }',
    field: 'options',
  });
  return checkCallOptions(fields) as CreateOptions & Record<string, unknown>;
}

/**
 * Refuses call options of the wrong type before anything is sent, so that a stray value
 * gives a {@link ValidationError} rather than a `TypeError` from deep inside fetch.
 */
export function checkCallOptions(options: unknown): CreateOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw ValidationError.forField('options', 'invalid_type', 'must be an object, e.g. { signal }');
  }

  const { signal, timeoutMs, idempotencyKey } = options as Record<string, unknown>;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw ValidationError.forField('signal', 'invalid_type', 'must be an AbortSignal');
  }
  const timeoutProblem = timeoutMs === undefined ? undefined : durationProblem(timeoutMs);
  if (timeoutProblem) throw ValidationError.forField('timeoutMs', 'invalid_type', timeoutProblem);
  if (
    idempotencyKey !== undefined &&
    !(typeof idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(idempotencyKey))
  ) {
    throw ValidationError.forField(
      'idempotencyKey',
      'invalid_value',
      'must be 1-200 visible ASCII characters, e.g. a UUID',
    );
  }
  return options as CreateOptions;
}
