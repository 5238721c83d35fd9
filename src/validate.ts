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

/**
 * Refuses anything that is not a plain object, before a field of it is read. `example` shows
 * the call's own fields by name (`{ description, district }`): never a value, which could look
 * like a citizen's data and would be masked in the message anyway.
 */
export function requireObject(
  input: unknown,
  call: string,
  example: string,
): Record<string, unknown> {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  throw new ValidationError({
    code: 'VALIDATION_FAILED',
    message: `${call} takes an object of named fields. Pass one, e.g. ${example}.`,
    details: [{ field: '(input)', code: 'invalid_type', message: 'must be an object' }],
  });
}
