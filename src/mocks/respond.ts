import { HttpResponse } from 'msw';
import { formatTimestamp } from './clock.js';
import type { PortalRefusal } from './refusal.js';

/** What a route answers, before the headers every response carries are added. */
export interface Answer {
  status: number;
  /** A JSON body; none when undefined (204). */
  body?: unknown;
  /** A body sent as is instead of JSON, e.g. a proxy's HTML error page. */
  raw?: { body: string; contentType: string };
  headers?: Record<string, string>;
}

const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, Idempotent-Replayed';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept-Language';
const PREFLIGHT_MAX_AGE_SECONDS = '600';
const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The contract's error envelope for a refusal. The `Retry-After` header goes with 429 and 503
 * only, as the contract says (and when a fault asks for it): on a 409 such as
 * `REMINDER_TOO_SOON` it would invite generic retry code to wait days and try again.
 */
export function refusalAnswer(
  refusal: PortalRefusal,
  requestId: string,
  retryAfterHeader = refusal.status === 429 || refusal.status === 503,
): Answer {
  const error = {
    code: refusal.code,
    message: refusal.message,
    status: refusal.status,
    ...(refusal.details && { details: refusal.details }),
    requestId,
    ...(refusal.retryAfterSeconds !== undefined && {
      retryAfterSeconds: refusal.retryAfterSeconds,
    }),
    ...(refusal.retryAt && { retryAt: formatTimestamp(refusal.retryAt) }),
  };

  const headers: Record<string, string> = {};
  if (retryAfterHeader && refusal.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(refusal.retryAfterSeconds);
  }
  return { status: refusal.status, body: { error }, headers };
}

/** The answer to a CORS preflight: browsers (and happy-dom) send one before most calls. */
export function preflightAnswer(): Answer {
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    },
  };
}

/** Turns an answer into a Response with the request id and CORS headers. */
export function toResponse(answer: Answer, request: Request, requestId: string): Response {
  const headers = new Headers(answer.headers);
  const origin = request.headers.get('Origin');
  headers.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) headers.append('Vary', 'Origin');
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  headers.set('X-Request-Id', requestId);

  // A Response with one of these statuses must not have a body, whatever a fault asked for.
  if (NO_BODY_STATUSES.has(answer.status) || (answer.body === undefined && !answer.raw)) {
    return new HttpResponse(null, { status: answer.status, headers });
  }

  if (answer.raw) {
    headers.set('Content-Type', answer.raw.contentType);
    return new HttpResponse(answer.raw.body, { status: answer.status, headers });
  }

  return HttpResponse.json(answer.body as never, { status: answer.status, headers });
}
