import type * as z from 'zod/mini';
import { toFieldProblems } from '../contract/details.js';
import { fieldRefused, validationFailed } from './refusal.js';

/** `input` checked against a contract schema; a failure is 400 with one detail per problem. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toFieldProblems(result.error, input));
  return result.data as z.infer<S>;
}

/**
 * The request's JSON body. Malformed JSON is 400 like any other invalid body. An empty body
 * reads as `whenEmpty` (undefined unless a route allows it, so that `(body) is required`).
 */
export async function readJson(request: Request, whenEmpty?: unknown): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return whenEmpty;

  try {
    return JSON.parse(text);
  } catch {
    throw fieldRefused('(body)', 'invalid_json', 'is not valid JSON');
  }
}

/**
 * The query string as an object for a schema: the first value of each parameter, and the
 * `numeric` ones as numbers when they are written as whole numbers (else left as text, so
 * that the schema refuses them).
 */
export function readQuery(url: URL, numeric: readonly string[] = []): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) continue;
    query[key] = numeric.includes(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return query;
}
