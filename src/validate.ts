import type * as z from 'zod/mini';
import { toFieldProblems } from './contract/details.js';
import { ValidationError } from './errors.js';

/**
 * Checks caller input against a contract schema before anything is sent, so that bad input
 * gets a {@link ValidationError} listing each field instead of a round trip or a `TypeError`.
 * `field` names a single value (e.g. `grievanceId`), which has no field path of its own.
 */
export function validateInput<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  call: string,
  field?: string,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;

  const details = toFieldProblems(parsed.error, input).map((detail) =>
    field !== undefined && detail.field === '(body)' ? { ...detail, field } : detail,
  );
  const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
  throw new ValidationError({
    code: 'VALIDATION_FAILED',
    message: `${call}: ${summary}. Correct the input and call again.`,
    details,
  });
}

function notAnObject(call: string, example: string, field: string): ValidationError {
  return new ValidationError({
    code: 'VALIDATION_FAILED',
    message: `${call} takes an object of named fields. Pass one, e.g. ${example}.`,
    details: [{ field, code: 'invalid_type', message: 'must be an object' }],
  });
}

/** How {@link readFields} reads one input. */
export interface ReadFieldsOptions {
  /** The fields the call takes; any other own field is refused, naming it. */
  known: readonly string[];
  /**
   * The call's own fields by name (`{ description, district }`), shown when the input is not
   * an object: never a value, which could look like a citizen's data and would be masked.
   */
  example: string;
  /** Names the whole input in error details: `(input)` (default) or `options`. */
  field?: string;
  /** Prefixes the names of refused fields: `attachments.0.`. */
  prefix?: string;
  /** Reads the known fields and ignores any other (the caller checks them itself). */
  allowUnknown?: boolean;
}

/**
 * Reads the caller's object once into a plain copy of its known fields, before any of them is
 * used. A getter or Proxy of theirs that throws becomes a {@link ValidationError} with the
 * original as `cause`, rather than escaping from the middle of a call; a field the call does
 * not take is refused by name rather than silently ignored.
 */
export function readFields(
  input: unknown,
  call: string,
  { known, example, field = '(input)', prefix = '', allowUnknown = false }: ReadFieldsOptions,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  let own: string[];
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw notAnObject(call, example, field);
    }
    own = Object.keys(input);
    const object = input as Record<string, unknown>;
    for (const key of known) {
      const value = object[key];
      if (value !== undefined) fields[key] = value;
    }
  } catch (cause) {
    if (cause instanceof ValidationError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError({
      code: 'VALIDATION_FAILED',
      message: `${call}: reading ${field === '(input)' ? 'the input' : field} threw (${reason}). Pass plain values.`,
      details: [{ field, code: 'unreadable', message: 'could not be read' }],
      cause,
    });
  }

  if (!allowUnknown) refuseUnknown(own, known, call, prefix);
  return fields;
}

/** Refuses, by name, every field in `keys` that the call does not take. */
export function refuseUnknown(
  keys: readonly string[],
  known: readonly string[],
  call: string,
  prefix = '',
): void {
  const unknown = keys.filter((key) => !known.includes(key));
  if (unknown.length === 0) return;

  const names = unknown.map((key) => `${prefix}${key}`);
  throw new ValidationError({
    code: 'VALIDATION_FAILED',
    message: `${call} does not take ${names.join(', ')}; it takes ${known.join(', ')}. Remove the unknown ${unknown.length > 1 ? 'fields' : 'field'} and call again.`,
    details: names.map((name) => ({
      field: name,
      code: 'unknown_field',
      message: `is not a field of ${call}`,
    })),
  });
}
