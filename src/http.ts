import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { toFieldProblems } from './contract/details.js';
import {
  AbortedError,
  GrievanceError,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
} from './errors.js';
import type { RedactingLogger } from './logger.js';
import { onAbort, sleep } from './abort.js';
import { checkCallOptions } from './call-options.js';
import { redactText } from './redact.js';
import { errorFromResponse } from './response-errors.js';

/** Options every call takes as its last argument. */
export interface CallOptions {
  /** Cancels this call. Works together with the client's own `signal`: either one aborts. */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call, covering the whole response body: up to 2 147 483 647 ms. */
  timeoutMs?: number;
}

/** Options of calls that create something on the portal. */
export interface CreateOptions extends CallOptions {
  /**
   * Makes the create safe to repeat: the portal keeps the first answer for this key for 24
   * hours and replays it. Generated once per call when omitted; pass your own (a UUID saved
   * with the draft) to stay safe across an app restart.
   */
  idempotencyKey?: string;
}

/** The retry and timeout policy, resolved from the client's options. */
export interface HttpPolicy {
  maxRetries: number;
  timeoutMs: number;
  deadlineMs: number;
  maxRetryAfterMs: number;
  signal: AbortSignal | undefined;
}

/** One call to the portal, as a resource describes it. */
export interface Endpoint<T> {
  method: 'GET' | 'POST';
  /** Path below `/v1/`, without a leading slash. */
  path: string;
  /** The resource method's name, for logs: `grievances.get`. */
  name: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  body?: { bytes: Uint8Array; contentType: string };
  idempotencyKey?: string;
  /** OTP calls say false: a retried OTP request sends a second SMS and burns attempts. */
  retry?: boolean;
  /** The response schema; omitted for answers without a body (204). */
  schema?: z.ZodMiniType<T>;
  headers?: Record<string, string>;
}

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** Exponential backoff, half of it random: spreads retries so clients don't return in step. */
function backoff(attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Reads a body to the end, giving up when `signal` aborts (fetch alone may not). */
function readText(response: Response, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    response
      .text()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', abort));
  });
}

class AttemptTimeout extends Error {}
class DeadlineReached extends Error {}

/** Sends requests to the portal: timeouts, retries, parsing, typed errors, logging. */
export class Http {
  readonly #ky: KyInstance;
  readonly #policy: HttpPolicy;
  readonly #log: RedactingLogger;
  readonly #clientSignals: readonly AbortSignal[];

  /** @internal */
  constructor(ky_: KyInstance, policy: HttpPolicy, log: RedactingLogger) {
    this.#ky = ky_;
    this.#policy = policy;
    this.#log = log;
    this.#clientSignals = policy.signal ? [policy.signal] : [];
  }

  /**
   * Creates the ky instance the client sends through.
   *
   * @internal
   */
  static ky(baseUrl: string, fetchImpl: typeof fetch | undefined, language: string): KyInstance {
    return ky.create({
      prefixUrl: `${baseUrl.replace(/\/+$/, '')}/v1/`,
      fetch: fetchImpl ?? ((input, init) => globalThis.fetch(input, init)),
      headers: { accept: 'application/json', 'accept-language': language },
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
    });
  }

  /** Sends one logical call, retrying where that is safe, and returns the parsed answer. */
  async send<T>(endpoint: Endpoint<T>, auth: string | undefined, options: CallOptions = {}) {
    checkCallOptions(options);
    // On a steady clock: a wall clock set back mid-call must not stretch the deadline.
    const deadlineAt = performance.now() + this.#policy.deadlineMs;
    const callSignals = options.signal
      ? [...this.#clientSignals, options.signal]
      : this.#clientSignals;
    const canRetry =
      endpoint.retry !== false &&
      (endpoint.method === 'GET' || endpoint.idempotencyKey !== undefined);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(endpoint, auth, options, attempt, callSignals, deadlineAt);
      } catch (error) {
        const failure = this.#classify(error, callSignals);
        const wait = canRetry ? this.#retryDelay(failure, attempt) : undefined;
        // Waiting past the deadline would only turn this answer into a vaguer timeout.
        if (wait === undefined || performance.now() + wait >= deadlineAt) throw failure;

        this.#log.log(
          'warn',
          `${endpoint.name} failed (${failure.code}); retry ${attempt} in ${wait} ms`,
        );
        try {
          await sleep(wait, callSignals);
        } catch {
          throw this.#classify(failure, callSignals);
        }
      }
    }
  }

  async #attempt<T>(
    endpoint: Endpoint<T>,
    auth: string | undefined,
    options: CallOptions,
    attempt: number,
    callSignals: readonly AbortSignal[],
    deadlineAt: number,
  ): Promise<T> {
    // One controller per attempt ends it for whichever comes first: this attempt's timeout,
    // the whole call's deadline, or the caller's or the client's signal.
    const timeoutMs = options.timeoutMs ?? this.#policy.timeoutMs;
    const untilDeadline = Math.max(0, deadlineAt - performance.now());
    const controller = new AbortController();
    const timeout = setTimeout(
      () =>
        controller.abort(untilDeadline <= timeoutMs ? new DeadlineReached() : new AttemptTimeout()),
      Math.min(timeoutMs, untilDeadline),
    );
    const unlink = onAbort(callSignals, (reason) => controller.abort(reason));
    const { signal } = controller;
    const started = Date.now();

    try {
      const response = await this.#ky(endpoint.path, {
        method: endpoint.method,
        searchParams: cleanQuery(endpoint.query),
        json: endpoint.json,
        body: endpoint.body?.bytes as BodyInit | undefined,
        headers: {
          ...endpoint.headers,
          ...(auth && { authorization: `Bearer ${auth}` }),
          ...(endpoint.body && { 'content-type': endpoint.body.contentType }),
          ...(endpoint.idempotencyKey && { 'idempotency-key': endpoint.idempotencyKey }),
        },
        signal,
      });
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const text = response.status === 204 ? '' : await readText(response, signal);

      this.#log.log(
        'info',
        `${endpoint.method} /v1/${endpoint.path} ${response.status} ${Date.now() - started}ms attempt ${attempt} ${requestId ?? '-'}`,
      );
      if (this.#log.enabled('debug')) {
        this.#log.log('debug', `${endpoint.name} exchange`, {
          request: { query: endpoint.query, body: endpoint.json ?? endpoint.body?.bytes },
          response: { status: response.status, body: jsonOrText(text) },
        });
      }

      if (!response.ok) throw errorFromResponse(response, text, requestId);
      return parseBody(endpoint, response, text, requestId);
    } catch (error) {
      // Once aborted, fetch rejects with an error of its own choosing; the reason says why.
      throw signal.aborted && !(error instanceof GrievanceError) ? signal.reason : error;
    } finally {
      clearTimeout(timeout);
      unlink();
    }
  }

  #classify(error: unknown, callSignals: readonly AbortSignal[]): GrievanceError {
    const aborted = callSignals.find((s) => s.aborted);
    if (aborted) {
      return new AbortedError({
        code: 'ABORTED',
        message: 'The call was aborted by its AbortSignal.',
        cause: aborted.reason,
      });
    }
    if (error instanceof DeadlineReached) {
      return new TimeoutError({
        code: 'TIMEOUT',
        message: `No answer within the ${this.#policy.deadlineMs} ms deadline, retries included. Try again later or raise deadlineMs.`,
      });
    }
    if (error instanceof GrievanceError) return error;
    if (error instanceof AttemptTimeout) {
      return new TimeoutError({
        code: 'TIMEOUT',
        message: 'The portal did not answer in time. Try again, or raise timeoutMs.',
        retryable: true,
      });
    }
    return new NetworkError({
      code: 'NETWORK_ERROR',
      message: `Could not reach the portal (${(error as Error)?.message ?? 'network error'}). Check the connection and baseUrl.`,
      retryable: true,
      cause: error,
    });
  }

  /** How long to wait before the next attempt, or undefined to give up now. */
  #retryDelay(error: GrievanceError, attempt: number): number | undefined {
    if (!error.retryable || attempt > this.#policy.maxRetries) return undefined;

    const retryAfter = error.retryAt
      ? Math.max(0, error.retryAt.getTime() - Date.now())
      : undefined;
    if (retryAfter === undefined) return Math.round(backoff(attempt));
    if (retryAfter > this.#policy.maxRetryAfterMs) return undefined;
    return retryAfter;
  }
}

// Parsed, a body is redacted field by field (an `accessToken` key is dropped whatever its
// value); as text, only by the patterns redactText knows.
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function cleanQuery(query: Endpoint<unknown>['query']) {
  if (!query) return undefined;
  const entries = Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][];
  return entries.length > 0
    ? new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))
    : undefined;
}

function parseBody<T>(
  endpoint: Endpoint<T>,
  response: Response,
  text: string,
  requestId: string | undefined,
): T {
  if (!endpoint.schema) return undefined as T;

  const unexpected = (why: string, cause?: unknown) =>
    new UnexpectedResponseError({
      code: 'UNEXPECTED_RESPONSE',
      status: response.status,
      requestId,
      rawBody: text,
      message: `${endpoint.name}: the portal answered ${response.status} with ${why}. This client expects the wb-grievance contract; check baseUrl, or report it with the request id.`,
      cause,
    });

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    // JSON.parse quotes the text it choked on; the cause must not carry a citizen's data.
    const quoted = new SyntaxError(redactText((cause as Error).message));
    const type = response.headers.get('content-type') ?? 'no content type';
    throw unexpected(text ? `a body that is not JSON (${type})` : 'an empty body', quoted);
  }

  const parsed = endpoint.schema.safeParse(json);
  if (!parsed.success) {
    const problems = toFieldProblems(parsed.error, json)
      .map((p) => `${p.field} ${p.message}`)
      .join('; ');
    throw unexpected(`JSON outside the contract (${problems})`);
  }
  return parsed.data;
}
