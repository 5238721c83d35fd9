import { ErrorEnvelope } from './contract/common.js';
import type { FieldProblem } from './contract/details.js';
import {
  AttachmentTooLargeError,
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  GrievanceClosedError,
  GrievanceError,
  type GrievanceErrorInit,
  NotFoundError,
  OtpExpiredError,
  OtpInvalidError,
  OtpLockedError,
  OtpResendTooSoonError,
  RateLimitedError,
  ReminderTooSoonError,
  ServerUnavailableError,
  SessionExpiredError,
  TimeoutError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';

/** What could be read from an error body, whatever its shape. */
interface ErrorBody {
  code?: string;
  message?: string;
  details?: FieldProblem[];
  retryAfterSeconds?: number;
  retryAt?: string;
  attemptsRemaining?: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Gateways and older grievance systems answer errors in other shapes: DIGIT PGR sends
// `{ Errors: [{ code, message }] }`, Open311 `[{ code, description }]`. Read what they say.
function readErrorBody(text: string): ErrorBody {
  const json = parseJson(text);

  const envelope = ErrorEnvelope.safeParse(json);
  if (envelope.success) {
    const error = envelope.data.error;
    const attempts = error.details?.find((d) => d.attemptsRemaining !== undefined);
    return { ...error, attemptsRemaining: attempts?.attemptsRemaining };
  }

  const first = (list: unknown) => (Array.isArray(list) ? (list[0] as unknown) : undefined);
  const item = (first((json as { Errors?: unknown } | undefined)?.Errors) ?? first(json)) as
    Record<string, unknown> | undefined;
  if (item === null || typeof item !== 'object') return {};

  const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return {
    code: str(item.code),
    message: str(item.message) ?? str(item.description),
  };
}

function isWait(seconds: unknown): seconds is number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0;
}

/** Milliseconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;

  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const DEFAULT_CODE: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  410: 'OTP_EXPIRED',
  413: 'ATTACHMENT_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  423: 'OTP_LOCKED',
  429: 'RATE_LIMITED',
};

type ErrorClass = new (init: GrievanceErrorInit & { attemptsRemaining?: number }) => GrievanceError;

function classFor(status: number, code: string): ErrorClass {
  const byCode: Record<string, ErrorClass> = {
    SESSION_EXPIRED: SessionExpiredError,
    OTP_INVALID: OtpInvalidError,
    OTP_EXPIRED: OtpExpiredError,
    OTP_LOCKED: OtpLockedError,
    OTP_RESEND_TOO_SOON: OtpResendTooSoonError,
    REMINDER_TOO_SOON: ReminderTooSoonError,
    GRIEVANCE_CLOSED: GrievanceClosedError,
  };
  const byStatus: Record<number, ErrorClass> = {
    400: ValidationError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    408: TimeoutError,
    409: ConflictError,
    410: OtpExpiredError,
    413: AttachmentTooLargeError,
    415: UnsupportedMediaTypeError,
    422: ValidationError,
    423: OtpLockedError,
    429: RateLimitedError,
  };
  return (
    byCode[code] ?? byStatus[status] ?? (status >= 500 ? ServerUnavailableError : GrievanceError)
  );
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** What the client tells a developer to do next, when the portal's body says nothing useful. */
function adviceFor(status: number): string {
  if (status >= 500) return `The portal failed (HTTP ${status}). Try again later.`;
  if (status === 429) return 'The portal is rate limiting this client. Wait, then try again.';
  return `The portal refused the request (HTTP ${status}).`;
}

/** Builds the typed error for a non-2xx response, keeping the raw body. */
export function errorFromResponse(
  response: Response,
  rawBody: string,
  requestId: string | undefined,
): GrievanceError {
  const status = response.status;
  const body = readErrorBody(rawBody);
  const code = body.code ?? DEFAULT_CODE[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');

  // A relative delay is read against this device's clock, which may disagree with the
  // portal's; the body's absolute `retryAt` is only the last resort.
  const retryAfterMs =
    parseRetryAfter(response.headers.get('retry-after')) ??
    (isWait(body.retryAfterSeconds) ? body.retryAfterSeconds * 1000 : undefined) ??
    parseRetryAfter(body.retryAt ?? null);
  const retryAt = retryAfterMs === undefined ? undefined : new Date(Date.now() + retryAfterMs);

  const wait =
    retryAfterMs === undefined ? '' : ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.`;
  const ErrorType = classFor(status, code);
  return new ErrorType({
    code,
    status,
    requestId,
    message: (body.message ?? adviceFor(status)) + wait,
    details: body.details,
    rawBody,
    retryAt,
    retryable: RETRYABLE_STATUS.has(status),
    attemptsRemaining: body.attemptsRemaining,
  });
}
