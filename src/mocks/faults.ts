import { addMs, ceilToSecond } from './clock.js';
import { MockPortalError } from './mock-portal-error.js';
import { PortalRefusal } from './refusal.js';
import { refusalAnswer, type Answer } from './respond.js';

/** Every call a client can make, named as the client's methods are. */
export const PORTAL_CALLS = [
  'auth.requestOtp',
  'auth.verifyOtp',
  'auth.logout',
  'citizens.register',
  'citizens.me',
  'catalog.districts',
  'catalog.departments',
  'attachments.upload',
  'grievances.submit',
  'grievances.list',
  'grievances.get',
  'grievances.events',
  'grievances.remind',
] as const;

/** A call a fault can be injected into. */
export type PortalCall = (typeof PORTAL_CALLS)[number];

/**
 * A failure to inject into the next matching requests. The steps run in this order: wait
 * `delayMs`; `network: 'drop'` fails the request; `status` (or `code`, or `body`) answers it
 * without doing the work; otherwise the request is handled, and `network: 'lose-response'`
 * then throws the answer away, as when a connection breaks after the portal committed.
 * `inject()` refuses, with a {@link MockPortalError} naming the field, a fault that could do
 * nothing or contradicts itself.
 */
export interface PortalFault {
  /** The call to fail. */
  call: PortalCall;
  /** How many matching requests to fail: a whole number, default 1; `Infinity` fails every one. */
  times?: number;
  /**
   * The HTTP status to answer, 400-599. Default: the status of `code`, else 500 (when only a
   * `body` or `message` is given). With a raw `body` a 2xx status (not 204 or 205) is allowed
   * too: a captive portal's or proxy's page answered as a success.
   */
  status?: number;
  /** The envelope's `code`. Default: the contract's usual code for `status`. */
  code?: string;
  /** The envelope's `message`. Default: a generic one that says what to do next. */
  message?: string;
  /**
   * Whole seconds, 0 or more: sets `Retry-After` and the envelope's `retryAfterSeconds` and
   * `retryAt`. Needs an answer to carry it (`status`, `code` or `body`).
   */
  retryAfterSeconds?: number;
  /** A raw body instead of the envelope: an HTML 502 page, a DIGIT or Open311 error body. */
  body?: string;
  /** The raw body's `Content-Type`, with `body` only. Default `text/plain; charset=utf-8`. */
  contentType?: string;
  /** Wait this long (milliseconds, 0 to 2147483647) before anything else happens. */
  delayMs?: number;
  /**
   * `drop`: no response at all. `lose-response`: do the work, then fail as if the answer was
   * lost. Either sends no answer, so neither goes with `status`, `code`, `message`, `body`,
   * `contentType` or `retryAfterSeconds`.
   */
  network?: 'drop' | 'lose-response';
}

/** An injected fault, for removing it early or checking it was used. */
export interface InjectedFault {
  /** Takes the fault out, whatever is left of it. */
  remove(): void;
  /** How many more requests it will fail. */
  readonly remaining: number;
}

const STATUS_OF_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  GRIEVANCE_NOT_FOUND: 404,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  REMINDER_TOO_SOON: 409,
  GRIEVANCE_CLOSED: 409,
  OTP_EXPIRED: 410,
  ATTACHMENT_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  OTP_INVALID: 422,
  OTP_LOCKED: 423,
  RATE_LIMITED: 429,
  OTP_RESEND_TOO_SOON: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'IDEMPOTENCY_KEY_REUSED',
  410: 'OTP_EXPIRED',
  413: 'ATTACHMENT_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'OTP_INVALID',
  423: 'OTP_LOCKED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_UNAVAILABLE',
};

interface Entry {
  fault: PortalFault;
  remaining: number;
}

/** The faults injected into one portal, used up in the order they were injected. */
export class FaultBook {
  #entries: Entry[] = [];

  add(input: PortalFault): InjectedFault {
    const fault = checkFault(input);
    const entry: Entry = { fault, remaining: fault.times ?? 1 };
    this.#entries.push(entry);

    return {
      remove: () => {
        entry.remaining = 0;
        this.#entries = this.#entries.filter((other) => other !== entry);
      },
      get remaining() {
        return entry.remaining;
      },
    };
  }

  /** The fault for this request, if one is left; using it counts one of its `times`. */
  take(call: PortalCall): PortalFault | undefined {
    const entry = this.#entries.find((candidate) => candidate.fault.call === call);
    if (!entry) return undefined;

    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#entries = this.#entries.filter((other) => other !== entry);
    return entry.fault;
  }

  clear(): void {
    for (const entry of this.#entries) entry.remaining = 0;
    this.#entries = [];
  }
}

const FAULT_KEYS = new Set([
  'call',
  'times',
  'status',
  'code',
  'message',
  'retryAfterSeconds',
  'body',
  'contentType',
  'delayMs',
  'network',
]);
const TEXT_KEYS = ['code', 'message', 'body', 'contentType'] as const;
const ANSWER_KEYS = ['status', 'code', 'message', 'body', 'retryAfterSeconds', 'contentType'];
const NETWORK = ['drop', 'lose-response'];
/** The longest timer Node and browsers keep; a longer one fires at once. */
const MAX_DELAY_MS = 2_147_483_647;

function refuse(problem: string): never {
  throw new MockPortalError(problem);
}

/**
 * The fault as a copy, checked in full before it is stored: a fault that could never do what
 * it says (a 2xx envelope, a negative delay, an answer on a dropped connection) is refused.
 */
function checkFault(input: unknown): PortalFault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    refuse(
      `inject() needs a fault object such as { call: 'grievances.submit', status: 503 }; ` +
        `got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
    );
  }
  const fault = { ...input } as Record<string, unknown>;
  for (const key of Object.keys(fault)) {
    if (!FAULT_KEYS.has(key)) refuse(`Unknown fault field "${key}".`);
  }

  if (!(PORTAL_CALLS as readonly unknown[]).includes(fault.call)) {
    refuse(`Unknown fault call "${String(fault.call)}". Use one of: ${PORTAL_CALLS.join(', ')}.`);
  }
  const { times, status, body, retryAfterSeconds, delayMs, network } = fault;
  if (
    times !== undefined &&
    times !== Infinity &&
    !(Number.isInteger(times) && (times as number) >= 1)
  ) {
    refuse('fault.times must be a whole number of 1 or more, or Infinity.');
  }
  for (const key of TEXT_KEYS) {
    if (fault[key] !== undefined && typeof fault[key] !== 'string') {
      refuse(`fault.${key} must be a string.`);
    }
  }
  if (status !== undefined && !isFaultStatus(status, body !== undefined)) {
    refuse(
      'fault.status must be an HTTP error status from 400 to 599; a 2xx status (not 204 or ' +
        '205) is allowed only with a raw body, as a captive portal or proxy page would send.',
    );
  }
  if (fault.contentType !== undefined && body === undefined) {
    refuse('fault.contentType applies only with fault.body.');
  }
  if (retryAfterSeconds !== undefined) {
    if (!(Number.isInteger(retryAfterSeconds) && (retryAfterSeconds as number) >= 0)) {
      refuse('fault.retryAfterSeconds must be a whole number of seconds, 0 or more.');
    }
    if (status === undefined && fault.code === undefined && body === undefined) {
      refuse('fault.retryAfterSeconds needs an answer to carry it: give status (429 or 503).');
    }
  }
  if (
    delayMs !== undefined &&
    !(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= MAX_DELAY_MS)
  ) {
    refuse(`fault.delayMs must be a number of milliseconds from 0 to ${MAX_DELAY_MS}.`);
  }
  if (network !== undefined) {
    if (!NETWORK.includes(network as string)) {
      refuse(`fault.network must be "drop" or "lose-response"; got "${String(network)}".`);
    }
    const answer = ANSWER_KEYS.find((key) => fault[key] !== undefined);
    if (answer) {
      refuse(
        `fault.network "${String(network)}" sends no answer, so fault.${answer} cannot apply.`,
      );
    }
  }
  if (!ANSWER_KEYS.some((key) => fault[key] !== undefined) && !delayMs && !network) {
    refuse('A fault needs something to do: a status, code, message, body, delayMs or network.');
  }
  return fault as unknown as PortalFault;
}

function isFaultStatus(status: unknown, withBody: boolean): boolean {
  if (!Number.isInteger(status)) return false;
  const code = status as number;
  if (code >= 400 && code <= 599) return true;
  return withBody && code >= 200 && code <= 299 && code !== 204 && code !== 205;
}

/** Whether the fault answers by itself, instead of letting the portal do the work. */
function answersItself(fault: PortalFault): boolean {
  return [fault.status, fault.code, fault.message, fault.body].some((field) => field !== undefined);
}

/** The answer a fault gives in place of the portal's, or undefined when the portal should answer. */
export function faultAnswer(fault: PortalFault, now: Date, requestId: string): Answer | undefined {
  if (!answersItself(fault)) return undefined;

  const status =
    fault.status ?? (fault.code === undefined ? undefined : STATUS_OF_CODE[fault.code]) ?? 500;

  if (fault.body !== undefined) {
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) {
      headers['Retry-After'] = String(fault.retryAfterSeconds);
    }
    const contentType = fault.contentType ?? 'text/plain; charset=utf-8';
    return { status, raw: { body: fault.body, contentType }, headers };
  }

  const refusal = new PortalRefusal({
    status,
    code: fault.code ?? CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : `HTTP_${status}`),
    message: fault.message ?? defaultMessage(status),
    ...(fault.retryAfterSeconds !== undefined && {
      retryAfterSeconds: fault.retryAfterSeconds,
      retryAt: ceilToSecond(addMs(now, fault.retryAfterSeconds * 1000)),
    }),
  });
  return refusalAnswer(refusal, requestId, true);
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too many requests. Wait and try again.';
  if (status >= 500) return 'The portal is not available right now. Try again later.';
  return 'The portal refused the request (injected fault).';
}
