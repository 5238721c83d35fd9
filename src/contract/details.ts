import type * as z from 'zod/mini';

/** One problem with one field, as the error envelope and `ValidationError` carry it. */
export interface FieldProblem {
  /** The field's path, dotted (`attachments.0.kind`), or `(body)` / `(input)` for the whole. */
  field: string;
  /** A stable code for the problem, e.g. `required`, `too_long`, `invalid_mobile`. */
  code: string;
  /** What is wrong, in English. `ValidationError.userMessage('bn')` gives Bengali. */
  message: string;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `1 character`, `5 characters`. */
export function count(n: number | bigint, noun: string): string {
  return `${n} ${n === 1 || n === 1n ? noun : `${noun}s`}`;
}

function bound(which: string, limit: number | bigint, origin: string): string {
  if (origin === 'string') return `have ${which} ${count(limit, 'character')}`;
  if (origin === 'array' || origin === 'set') return `have ${which} ${count(limit, 'item')}`;
  return `be ${which} ${limit}`;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `must ${bound('at least', issue.minimum, issue.origin)}`;
    case 'too_big':
      return `must ${bound('at most', issue.maximum, issue.origin)}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    default:
      return issue.message === 'Invalid input' ? 'is not valid' : issue.message;
  }
}

/**
 * Turns zod's issues into the contract's error details. A check that names a `reason` in
 * its params gives that as the code, so that the code says what is wrong in our words.
 */
export function toFieldProblems(error: z.core.$ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(body)';
    if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return { field, code: 'required', message: 'is required' };
    }

    const reason = (issue as { params?: { reason?: string } }).params?.reason;
    return { field, code: reason ?? issue.code, message: describe(issue) };
  });
}
