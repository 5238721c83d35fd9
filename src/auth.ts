import * as contract from './contract/index.js';
import type { Core } from './core.js';
import { AuthenticationError } from './errors.js';
import { readOptions } from './call-options.js';
import type { CallOptions } from './http.js';
import { normalizeMobile, toAsciiDigits } from './identifiers.js';
import { forgetSecret, rememberSecret } from './redact.js';
import type { SessionState } from './session.js';
import { parseTimestamp } from './time.js';
import type { Citizen } from './types.js';
import { readFields, validateInput } from './validate.js';

/** An OTP the portal has sent by SMS. */
export interface OtpRequest {
  /** Pass to {@link Auth.verifyOtp} with the OTP the citizen received. */
  otpRequestId: string;
  /** After this the OTP no longer works; request a new one. */
  expiresAt: Date;
  /** Before this, asking for another OTP is refused with `OtpResendTooSoonError`. */
  resendAvailableAt: Date;
  /** Wrong OTPs allowed before the request locks. */
  attemptsRemaining: number;
}

/** The result of signing in. */
export interface SignedIn {
  /** Who signed in; `registered: false` after a first sign-in with a new number. */
  citizen: Citizen;
  /** When the session ends and the citizen must sign in again. */
  expiresAt: Date;
}

/** Sign-in with a mobile number and a one-time password, and the session it yields. */
export class Auth {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * Asks the portal to send a 6-digit OTP by SMS. Never retried automatically: a retry would
   * send the citizen a second SMS.
   *
   * @param input.mobile - any form a citizen types: `'98300 12345'`, `'+91-98300-12345'`,
   *   `'09830012345'`, Bengali digits.
   * @param input.purpose - `'login'` (default) or `'register'`.
   * @throws {@link ValidationError} for a number that is not an Indian mobile, before sending.
   * @throws {@link OtpResendTooSoonError} inside the resend cool-down; `retryAt` says when.
   */
  async requestOtp(
    input: { mobile: string; purpose?: 'login' | 'register' },
    options?: CallOptions,
  ): Promise<OtpRequest> {
    const fields = readFields(input, 'auth.requestOtp', {
      known: ['mobile', 'purpose'],
      example: '{ mobile }',
    });
    const checked = readOptions(options, 'auth.requestOtp');
    const body = validateInput(
      contract.OtpRequestBody,
      { mobile: normalizeMobile(fields.mobile as string), purpose: fields.purpose ?? 'login' },
      'auth.requestOtp',
    );

    const sent = await this.#core.public(
      {
        method: 'POST',
        path: 'auth/otp',
        name: 'auth.requestOtp',
        json: body,
        retry: false,
        schema: contract.OtpRequestResponse,
      },
      checked,
    );
    return {
      otpRequestId: sent.otpRequestId,
      expiresAt: parseTimestamp(sent.expiresAt),
      resendAvailableAt: parseTimestamp(sent.resendAvailableAt),
      attemptsRemaining: sent.attemptsRemaining,
    };
  }

  /**
   * Exchanges the OTP for a session, which the client then holds and uses for every call.
   * Never retried automatically: each try spends one of the request's attempts.
   *
   * @param input.otp - six digits, ASCII or Bengali; spaces are ignored.
   * @throws {@link OtpInvalidError} with `attemptsRemaining`; {@link OtpLockedError} after too
   *   many wrong tries; {@link OtpExpiredError} once the OTP has expired.
   */
  async verifyOtp(
    input: { otpRequestId: string; otp: string },
    options?: CallOptions,
  ): Promise<SignedIn> {
    const fields = readFields(input, 'auth.verifyOtp', {
      known: ['otpRequestId', 'otp'],
      example: '{ otpRequestId, otp }',
    });
    const checked = readOptions(options, 'auth.verifyOtp');
    const otp =
      typeof fields.otp === 'string' ? toAsciiDigits(fields.otp).replace(/\s/g, '') : fields.otp;
    if (typeof otp === 'string') rememberSecret(otp);

    try {
      const body = validateInput(
        contract.OtpVerifyBody,
        { otpRequestId: fields.otpRequestId, otp },
        'auth.verifyOtp',
      );
      const session = await this.#core.public(
        {
          method: 'POST',
          path: 'auth/otp/verify',
          name: 'auth.verifyOtp',
          json: body,
          retry: false,
          schema: contract.SessionResponse,
        },
        checked,
      );

      this.#core.session.set({
        accessToken: session.accessToken,
        expiresAt: session.expiresAt,
        citizen: session.citizen,
      });
      return { citizen: session.citizen, expiresAt: parseTimestamp(session.expiresAt) };
    } finally {
      if (typeof otp === 'string') forgetSecret(otp);
    }
  }

  /**
   * Ends the session on the portal and forgets it here. The local session is dropped even if
   * the portal cannot be reached. A session the portal no longer accepts (expired or unknown)
   * is over already: logout then resolves, without running `onSessionExpired`.
   */
  async logout(options?: CallOptions): Promise<void> {
    const checked = readOptions(options, 'auth.logout');
    if (!this.#core.session.state.signedIn) {
      this.#core.session.clear();
      return;
    }
    try {
      await this.#core.authed(
        { method: 'POST', path: 'auth/logout', name: 'auth.logout', retry: false },
        checked,
        { renew: false },
      );
    } catch (error) {
      if (!(error instanceof AuthenticationError && error.status === 401)) throw error;
    } finally {
      this.#core.session.clear();
    }
  }

  /** Whether the client is signed in, as whom, and until when. Never exposes the token. */
  get session(): SessionState {
    return this.#core.session.state;
  }
}
