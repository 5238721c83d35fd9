import { addMs } from './clock.js';
import { PortalRefusal, fieldRefused } from './refusal.js';
import type { Answer } from './respond.js';
import type { PortalState } from './state.js';

const KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

/** The request's `Idempotency-Key`, if it sent one: 1-255 visible ASCII characters. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get('Idempotency-Key');
  if (key === null) return undefined;

  if (!KEY_PATTERN.test(key)) {
    throw fieldRefused('Idempotency-Key', 'invalid', 'must be 1-255 visible ASCII characters');
  }
  return key;
}

/** JSON with object keys sorted, so that two bodies that mean the same compare equal. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;

  if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) =>
          `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`,
      );
    return `{${fields.join(',')}}`;
  }

  return JSON.stringify(value) ?? 'null';
}

/** Where a key is remembered: the citizen, the route and the key itself. */
export interface IdempotencyScope {
  citizenId: string;
  route: string;
  key: string | undefined;
}

/**
 * Runs `work` once per key. The same key with the same body (by `fingerprint`) replays the
 * stored answer with `Idempotent-Replayed: true` and does nothing; with another body it is
 * 409. Only successes are stored, so a refused request can be corrected and sent again.
 * `work` is synchronous, so no other request can slip in between the look-up and the store.
 */
export function once(
  state: PortalState,
  scope: IdempotencyScope,
  fingerprint: string,
  work: () => Answer,
): Answer {
  if (scope.key === undefined) return work();

  const now = state.options.now();
  const storeKey = `${scope.citizenId} ${scope.route} ${scope.key}`;
  const stored = state.data.idempotency.get(storeKey);
  if (stored && stored.expiresAt <= now) state.data.idempotency.delete(storeKey);

  if (stored && stored.expiresAt > now) {
    if (stored.fingerprint !== fingerprint) {
      throw new PortalRefusal({
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message:
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      });
    }
    return {
      status: stored.status,
      ...(stored.body !== undefined && { body: JSON.parse(stored.body) as unknown }),
      headers: { 'Idempotent-Replayed': 'true' },
    };
  }

  const answer = work();
  if (answer.status >= 200 && answer.status < 300) {
    state.data.idempotency.set(storeKey, {
      fingerprint,
      status: answer.status,
      body: answer.body === undefined ? undefined : JSON.stringify(answer.body),
      expiresAt: addMs(now, state.options.policy.idempotencyTtlMs),
    });
  }
  return answer;
}
