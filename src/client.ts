import { Attachments } from './attachments.js';
import { durationProblem, isAbortSignal } from './call-options.js';
import { Auth } from './auth.js';
import { Catalog } from './catalog.js';
import { Citizens } from './citizens.js';
import { Core } from './core.js';
import { ValidationError } from './errors.js';
import { readFields } from './validate.js';
import { Grievances } from './grievances.js';
import { Http } from './http.js';
import { LOG_LEVELS, type LogLevel, type Logger, RedactingLogger, isLogger } from './logger.js';
import type { SessionExpiredHandler, SessionStore } from './session.js';
import { SessionKeeper } from './session.js';
import type { Language } from './status.js';

/** How a {@link GrievanceClient} talks to the portal. Only `baseUrl` is required. */
export interface GrievanceClientOptions {
  /**
   * Where the portal's API lives, without `/v1`. Must be HTTPS, except on loopback
   * (`localhost`, `127.0.0.1`, `[::1]`) or with `allowInsecureHttp`, and must not hold a user
   * name, a password, a query or a fragment.
   */
  baseUrl: string;
  /** Allows a plain-HTTP `baseUrl` that is not loopback. Tokens and OTPs then travel in clear. */
  allowInsecureHttp?: boolean;
  /** The citizen's language: sent as `Accept-Language`, the default for new grievances. Default `'en'`. */
  language?: Language;
  /** Retries after the first attempt, for calls safe to repeat: a whole number. Default 2. */
  maxRetries?: number;
  /** Time for one attempt, response body included: up to 2 147 483 647 ms. Default 30 000 ms. */
  timeoutMs?: number;
  /** Time for a whole call, retries and waits included: up to 2 147 483 647 ms. Default 90 000. */
  deadlineMs?: number;
  /**
   * The longest `Retry-After` the client waits out by itself. A longer one fails the call at
   * once with a `RateLimitedError` (or the error of its status) whose `retryAt` says when.
   * 0 to 2 147 483 647 ms; default 30 000 ms.
   */
  maxRetryAfterMs?: number;
  /** Cancels every call of this client, together with any per-call signal. */
  signal?: AbortSignal;
  /** A console-compatible logger. None by default: the client is silent. */
  logger?: Logger;
  /** How much to log. Default `'warn'` when a logger is given. Every line is redacted. */
  logLevel?: LogLevel;
  /** Where the session is kept. Default: memory only. See {@link SessionStore} for the risks. */
  sessionStore?: SessionStore;
  /**
   * Called when the portal no longer accepts the session: expired, revoked, or unknown (e.g.
   * the portal restarted). The client has already forgotten it. Sign the citizen in again
   * inside it (request and verify an OTP) and the call that was refused is repeated once;
   * otherwise that call fails with the `SessionExpiredError` or `AuthenticationError`.
   */
  onSessionExpired?: SessionExpiredHandler;
  /** The fetch to use. Default: the global `fetch`, looked up at each call (so MSW sees it). */
  fetch?: typeof fetch;
  /** Largest attachment in bytes, checked before upload. Default 5 MiB, the portal's limit. */
  maxAttachmentBytes?: number;
  /** Most attachments per grievance, a whole number. Default 5, the portal's limit. */
  maxAttachments?: number;
}

const KNOWN_OPTIONS = [
  'baseUrl',
  'allowInsecureHttp',
  'language',
  'maxRetries',
  'timeoutMs',
  'deadlineMs',
  'maxRetryAfterMs',
  'signal',
  'logger',
  'logLevel',
  'sessionStore',
  'onSessionExpired',
  'fetch',
  'maxAttachmentBytes',
  'maxAttachments',
];

function invalidOption(option: string, problem: string): ValidationError {
  return ValidationError.forField(option, 'invalid_option', problem);
}

function checkBaseUrl(baseUrl: unknown, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    if (typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) throw new TypeError();
    url = new URL(baseUrl);
  } catch {
    throw invalidOption('baseUrl', 'must be an absolute URL such as https://portal.example');
  }
  // Never echo the URL here: it may hold the very credentials being refused.
  if (url.username || url.password) {
    throw invalidOption(
      'baseUrl',
      'must not contain a user name or password; the portal is signed in to with an OTP',
    );
  }
  if (url.search || url.hash || url.href.includes('?') || url.href.includes('#')) {
    throw invalidOption('baseUrl', 'must not have a query or fragment (? or #)');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (loopback || allowInsecureHttp))) {
    throw invalidOption(
      'baseUrl',
      'must use HTTPS (plain HTTP only on loopback, or with allowInsecureHttp: true)',
    );
  }
  const href = url.href.replace(/\/+$/, '');
  if (/\/v1$/i.test(href)) {
    throw invalidOption('baseUrl', 'must not end in /v1: give the URL without /v1');
  }
  return href;
}

function count(
  options: GrievanceClientOptions,
  name: 'maxRetries' | 'maxAttachments',
  fallback: number,
) {
  const value = options[name] ?? fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalidOption(name, 'must be a whole number of 0 or more');
  }
  return value;
}

// Every one of these ends up in setTimeout, which cannot wait longer than MAX_TIMER_MS: a
// longer wait would fire after 1 ms, and Infinity throws a RangeError.
function duration(
  options: GrievanceClientOptions,
  name: 'timeoutMs' | 'deadlineMs' | 'maxRetryAfterMs',
  fallback: number,
) {
  const value = options[name] ?? fallback;
  const problem = durationProblem(value, name === 'maxRetryAfterMs');
  if (problem) throw invalidOption(name, problem);
  return value;
}

function positive(options: GrievanceClientOptions, name: 'maxAttachmentBytes', fallback: number) {
  const value = options[name] ?? fallback;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw invalidOption(name, 'must be a number of 0 or more');
  }
  return value;
}

// Options that the client calls into later: a wrong type would otherwise surface as a
// TypeError in the middle of some unrelated call.
function checkCollaborators(options: GrievanceClientOptions): void {
  if (options.logger !== undefined && !isLogger(options.logger)) {
    throw invalidOption('logger', 'must have error, warn, info and debug methods (console works)');
  }
  if (options.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    throw invalidOption('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const store = options.sessionStore as Partial<Record<string, unknown>> | undefined;
  if (
    store !== undefined &&
    !['get', 'set', 'clear'].every((m) => typeof store?.[m] === 'function')
  ) {
    throw invalidOption('sessionStore', 'must have get, set and clear methods');
  }
  for (const name of ['onSessionExpired', 'fetch'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw invalidOption(name, 'must be a function');
    }
  }
  if (options.signal !== undefined && !isAbortSignal(options.signal)) {
    throw invalidOption('signal', 'must be an AbortSignal');
  }
}

/**
 * The client for the West Bengal CM's Office grievance portal: OTP sign-in, registration,
 * grievances with attachments, status, history, reminders and the catalogues.
 *
 * @example
 * const client = new GrievanceClient({ baseUrl: 'https://portal.example', language: 'bn' });
 * const { otpRequestId } = await client.auth.requestOtp({ mobile: '98300 12345' });
 * await client.auth.verifyOtp({ otpRequestId, otp: '123456' });
 * const g = await client.grievances.submit({ description: '…', district: 'KOLKATA' });
 */
export class GrievanceClient {
  /** Sign-in with mobile and OTP, sign-out, and the session. */
  readonly auth: Auth;
  /** The signed-in citizen's registration and account. */
  readonly citizens: Citizens;
  /** Districts and departments. */
  readonly catalog: Catalog;
  /** Uploads of ID proofs, documents and photos. */
  readonly attachments: Attachments;
  /** Filing, reading, listing, following and reminding about grievances. */
  readonly grievances: Grievances;

  constructor(given: GrievanceClientOptions) {
    const options = readFields(given, 'new GrievanceClient', {
      known: KNOWN_OPTIONS,
      example: "{ baseUrl: 'https://…' }",
      field: 'options',
    }) as unknown as GrievanceClientOptions;

    const baseUrl = checkBaseUrl(options.baseUrl, options.allowInsecureHttp === true);
    const language = options.language ?? 'en';
    if (language !== 'en' && language !== 'bn')
      throw invalidOption('language', "must be 'en' or 'bn'");

    checkCollaborators(options);
    const log = new RedactingLogger(options.logger, options.logLevel ?? 'warn');
    const http = new Http(
      Http.ky(baseUrl, options.fetch, language),
      {
        maxRetries: count(options, 'maxRetries', 2),
        timeoutMs: duration(options, 'timeoutMs', 30_000),
        deadlineMs: duration(options, 'deadlineMs', 90_000),
        maxRetryAfterMs: duration(options, 'maxRetryAfterMs', 30_000),
        signal: options.signal,
      },
      log,
    );
    const core = new Core(
      http,
      new SessionKeeper(options.sessionStore, options.onSessionExpired, log),
      language,
      log,
      {
        maxBytes: positive(options, 'maxAttachmentBytes', 5 * 1024 * 1024),
        maxCount: count(options, 'maxAttachments', 5),
      },
    );

    this.auth = new Auth(core);
    this.citizens = new Citizens(core);
    this.catalog = new Catalog(core);
    this.attachments = new Attachments(core);
    this.grievances = new Grievances(core, this.attachments);
  }
}
