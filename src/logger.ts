import { redact, redactText } from './redact.js';

/** Any console-compatible logger; `console` itself works. */
export interface Logger {
  /** A call failed for good. */
  error(message: string, ...data: unknown[]): void;
  /** Something odd the client recovered from: a retry, a skipped unreadable item. */
  warn(message: string, ...data: unknown[]): void;
  /** One line per request: method, path, status, time, attempt, request id. */
  info(message: string, ...data: unknown[]): void;
  /** Request and response bodies, redacted. */
  debug(message: string, ...data: unknown[]): void;
}

/** How much the client logs. `info` logs one line a request; `debug` adds bodies (redacted). */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** The levels a client accepts, for checking its options. */
export const LOG_LEVELS = /* @__PURE__ */ Object.keys(RANK) as readonly LogLevel[];

/** Whether `value` has the four methods the client logs through. */
export function isLogger(value: unknown): value is Logger {
  const logger = value as Record<string, unknown> | null;
  return (
    (typeof logger === 'object' || typeof logger === 'function') &&
    logger !== null &&
    ['error', 'warn', 'info', 'debug'].every((method) => typeof logger[method] === 'function')
  );
}

/** A level-gated logger that passes every line and every datum through the redactor. */
export class RedactingLogger {
  readonly #target: Logger | undefined;
  readonly #rank: number;

  constructor(target: Logger | undefined, level: LogLevel) {
    this.#target = target;
    this.#rank = target ? RANK[level] : 0;
  }

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANK[level] <= this.#rank;
  }

  log(level: Exclude<LogLevel, 'off'>, message: string, data?: unknown): void {
    if (!this.enabled(level)) return;

    const line = `[wb-grievance] ${redactText(message)}`;
    try {
      if (data === undefined) this.#target![level](line);
      else this.#target![level](line, redact(data));
    } catch {
      // A broken logger must not break the citizen's call; there is nowhere left to report it.
    }
  }
}
