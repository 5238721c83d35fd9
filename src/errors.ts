import type { FieldProblem } from './contract/details.js';
import { fieldProblemBn, userMessageFor } from './messages.js';
import { redact, redactText } from './redact.js';
import type { Language } from './status.js';

const BRAND = Symbol.for('wb-grievance.error');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const MAX_RAW_BODY = 4096;

/** What every {@link GrievanceError} is built from. */
export interface GrievanceErrorInit {
  /** See {@link GrievanceError.code}. */
  code: string;
  /** What happened and what to do next; redacted before it is kept. */
  message: string;
  /** See {@link GrievanceError.status}. */
  status?: number;
  /** See {@link GrievanceError.requestId}. */
  requestId?: string;
  /** See {@link GrievanceError.retryable}. Default false. */
  retryable?: boolean;
  /** The response body; cut to 4 KiB and redacted before it is kept. */
  rawBody?: string;
  /** See {@link GrievanceError.details}. */
  details?: FieldProblem[];
  /** See {@link GrievanceError.retryAt}. */
  retryAt?: Date;
  /** The error that led to this one, kept as the standard `cause`. */
  cause?: unknown;
}

/**
 * The base of every error the client throws. Check the `code` (stable) or the subclass, not
 * the message. Messages, `toJSON()` and `util.inspect` output never contain an OTP, a token, a
 * full mobile number or an Aadhaar number.
 */
export class GrievanceError extends Error {
  /** The class's name, kept even in bundles that rename classes. Check `code` instead. */
  override name = 'GrievanceError';
  /** A stable code: the portal's (e.g. `OTP_INVALID`) or the client's (e.g. `TIMEOUT`). */
  readonly code: string;
  /** The HTTP status, or undefined when no response arrived or the client refused the call. */
  readonly status: number | undefined;
  /** The portal's `X-Request-Id`; quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** Whether the same call may succeed if tried again later. */
  readonly retryable: boolean;
  /** The response body as received (redacted, at most 4 KiB), for diagnosis. */
  readonly rawBody: string | undefined;
  /** Per-field problems, for validation errors. */
  readonly details: readonly FieldProblem[];
  /** When trying again makes sense, if the portal said. */
  readonly retryAt: Date | undefined;

  constructor(init: GrievanceErrorInit) {
    super(redactText(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.rawBody = init.rawBody === undefined ? undefined : boundBody(init.rawBody);
    this.details = (init.details ?? []).map((detail) => redact(detail) as FieldProblem);
    this.retryAt = init.retryAt;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * A message to show the citizen, in English or Bengali.
   *
   * @example
   * catch (e) { if (isGrievanceError(e)) toast(e.userMessage('bn')); }
   */
  userMessage(language: Language = 'en'): string {
    return userMessageFor([this.code, this.fallbackCode], language);
  }

  /** The code whose user message applies when the portal's code has none of its own. */
  protected get fallbackCode(): string {
    return 'UNKNOWN';
  }

  /** A plain, redacted object for structured logs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      retryable: this.retryable,
      retryAt: this.retryAt?.toISOString(),
      details: this.details.length > 0 ? this.details : undefined,
      rawBody: this.rawBody,
    };
  }

  /** Node's `util.inspect` shows the redacted fields, never the cause's raw data. */
  [INSPECT](): string {
    const fields = JSON.stringify(this.toJSON(), null, 2);
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${fields}`;
  }
}

function boundBody(body: string): string {
  const text = body.length > MAX_RAW_BODY ? `${body.slice(0, MAX_RAW_BODY)}…` : body;
  return redactText(text);
}

/**
 * Whether `value` is an error from this package. Works across realms and duplicated copies of
 * the package, where `instanceof` does not.
 */
export function isGrievanceError(value: unknown): value is GrievanceError {
  return typeof value === 'object' && value !== null && (value as never)[BRAND] === true;
}

/**
 * The input was refused, by the client before sending or by the portal (400). `details` lists
 * each field and its problem; `userMessage('bn')` gives them in Bengali.
 */
export class ValidationError extends GrievanceError {
  override name = 'ValidationError';

  /** A client-side refusal of one field. */
  static forField(field: string, code: string, message = 'is not valid'): ValidationError {
    return new this({
      code: 'VALIDATION_FAILED',
      message: `${field} ${message}. Correct it and call again.`,
      details: [{ field, code, message }],
    });
  }

  override userMessage(language: Language = 'en'): string {
    const intro = userMessageFor(['VALIDATION_FAILED'], language);
    const lines = this.details.map((d) =>
      language === 'bn' ? fieldProblemBn(d.field, d.code) : `${d.field}: ${d.message}`,
    );
    return [intro, ...lines].join('\n');
  }
}

/** Sign-in is needed: there is no session, or the portal refused it (401). */
export class AuthenticationError extends GrievanceError {
  override name = 'AuthenticationError';
  protected override get fallbackCode() {
    return 'UNAUTHENTICATED';
  }
}

/** The session ended (401 `SESSION_EXPIRED`). Sign in again, then repeat the call. */
export class SessionExpiredError extends AuthenticationError {
  override name = 'SessionExpiredError';
}

/** The OTP is wrong (422 `OTP_INVALID`). `attemptsRemaining` says how many tries are left. */
export class OtpInvalidError extends AuthenticationError {
  override name = 'OtpInvalidError';
  /** Tries left on this OTP request before it locks. */
  readonly attemptsRemaining: number | undefined;

  constructor(init: GrievanceErrorInit & { attemptsRemaining?: number }) {
    super(init);
    this.attemptsRemaining = init.attemptsRemaining;
  }
}

/** The OTP request has expired or was replaced by a newer one (410). Request a new OTP. */
export class OtpExpiredError extends AuthenticationError {
  override name = 'OtpExpiredError';
}

/** Too many wrong OTPs locked the request (423). Request a new OTP. */
export class OtpLockedError extends AuthenticationError {
  override name = 'OtpLockedError';
}

/** The caller may not see or change this (403), e.g. another citizen's grievance. */
export class ForbiddenError extends GrievanceError {
  override name = 'ForbiddenError';
  protected override get fallbackCode() {
    return 'FORBIDDEN';
  }
}

/** Nothing has that ID (404). */
export class NotFoundError extends GrievanceError {
  override name = 'NotFoundError';
  protected override get fallbackCode() {
    return 'NOT_FOUND';
  }
}

/** The request conflicts with the portal's state (409), e.g. an idempotency key reused. */
export class ConflictError extends GrievanceError {
  override name = 'ConflictError';
}

/** A reminder was sent less than the portal's interval ago (409). `retryAt` says when. */
export class ReminderTooSoonError extends ConflictError {
  override name = 'ReminderTooSoonError';
}

/** The grievance is resolved or closed, so it takes no reminders (409 `GRIEVANCE_CLOSED`). */
export class GrievanceClosedError extends ConflictError {
  override name = 'GrievanceClosedError';
}

/** Too many requests (429). `retryAt` says when to try again. */
export class RateLimitedError extends GrievanceError {
  override name = 'RateLimitedError';
  protected override get fallbackCode() {
    return 'RATE_LIMITED';
  }
}

/** A new OTP was asked for within the resend cool-down (429). `retryAt` says when. */
export class OtpResendTooSoonError extends RateLimitedError {
  override name = 'OtpResendTooSoonError';
}

/** A file is larger than the portal accepts (413, or refused before sending). */
export class AttachmentTooLargeError extends GrievanceError {
  override name = 'AttachmentTooLargeError';
  /** The limit in bytes, when known. */
  readonly limitBytes: number | undefined;

  constructor(init: GrievanceErrorInit & { limitBytes?: number }) {
    super(init);
    this.limitBytes = init.limitBytes;
  }
}

/** A file is not a PDF, JPEG or PNG, or its name says one type and its bytes another (415). */
export class UnsupportedMediaTypeError extends GrievanceError {
  override name = 'UnsupportedMediaTypeError';
}

/** One file of a submission could not be uploaded; no grievance was submitted. */
export class AttachmentUploadError extends GrievanceError {
  override name = 'AttachmentUploadError';
  /** The position of the failed file in `attachments`. */
  readonly index: number;
  /** The failed file's name. */
  readonly fileName: string;
  /** Files uploaded before the failure; they are reused on the next try. */
  readonly uploaded: readonly import('./types.js').Attachment[];

  constructor(
    init: GrievanceErrorInit & {
      index: number;
      fileName: string;
      uploaded: readonly import('./types.js').Attachment[];
    },
  ) {
    super(init);
    this.index = init.index;
    this.fileName = init.fileName;
    this.uploaded = init.uploaded;
  }
}

/** The portal failed or is unreachable behind its gateway (5xx). Retried where safe. */
export class ServerUnavailableError extends GrievanceError {
  override name = 'ServerUnavailableError';
  protected override get fallbackCode() {
    return 'SERVER_UNAVAILABLE';
  }
}

/** No complete answer within `timeoutMs` (one attempt) or `deadlineMs` (the whole call). */
export class TimeoutError extends GrievanceError {
  override name = 'TimeoutError';
}

/** The caller's `AbortSignal` cancelled the call. Not a network failure; never retried. */
export class AbortedError extends GrievanceError {
  override name = 'AbortedError';
}

/** The portal could not be reached (DNS, connection refused or reset, offline). */
export class NetworkError extends GrievanceError {
  override name = 'NetworkError';
}

/** The portal answered something outside the contract: HTML, broken JSON, a wrong shape. */
export class UnexpectedResponseError extends GrievanceError {
  override name = 'UnexpectedResponseError';
}
