import type { FieldProblem } from '../contract/details.js';
import { ceilToSecond, secondsUntil } from './clock.js';

/** One problem with one field; an `OTP_INVALID` detail also says how many tries are left. */
export interface RefusalDetail extends FieldProblem {
  attemptsRemaining?: number;
}

/** What a refusal carries into the error envelope. */
export interface RefusalInit {
  status: number;
  code: string;
  message: string;
  details?: RefusalDetail[];
  retryAfterSeconds?: number;
  retryAt?: Date;
}

/**
 * The portal saying no. The rules throw it wherever they refuse a request; the handlers turn
 * it into the contract's error envelope. State changed before the throw stays changed (a
 * wrong OTP still counts).
 */
export class PortalRefusal extends Error {
  override name = 'PortalRefusal';
  readonly status: number;
  readonly code: string;
  readonly details: RefusalDetail[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly retryAt: Date | undefined;

  constructor(init: RefusalInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.retryAt = init.retryAt;
  }
}

/** 400 `VALIDATION_FAILED`, its message listing what to fix. */
export function validationFailed(details: FieldProblem[]): PortalRefusal {
  const problems = details.map((detail) => `${detail.field} ${detail.message}`).join('; ');
  return new PortalRefusal({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: `The request was refused: ${problems}. Correct it and send it again.`,
    details,
  });
}

/** 400 for a single field. */
export function fieldRefused(field: string, code: string, message: string): PortalRefusal {
  return validationFailed([{ field, code, message }]);
}

/** A refusal of something that becomes possible at `until`: sets `retryAfterSeconds` and `retryAt`. */
export function refusedUntil(
  init: Omit<RefusalInit, 'retryAfterSeconds' | 'retryAt'>,
  now: Date,
  until: Date,
): PortalRefusal {
  return new PortalRefusal({
    ...init,
    retryAfterSeconds: secondsUntil(now, until),
    retryAt: ceilToSecond(until),
  });
}
