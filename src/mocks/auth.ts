import { addMs, ceilToSecond, formatTimestamp } from './clock.js';
import { PortalRefusal, refusedUntil } from './refusal.js';
import { randomId, randomToken } from './random.js';
import {
  citizenByMobile,
  toWireCitizen,
  type CitizenRecord,
  type OtpRecord,
  type PortalState,
} from './state.js';

/** Sends an OTP by SMS (into the outbox); a newer OTP request replaces older ones for the mobile. */
export function requestOtp(state: PortalState, mobile: string) {
  const { policy, now, issueOtp, onOtp } = state.options;
  const at = now();

  const previous = latestOtpRequest(state, mobile);
  if (previous) {
    const resendAt = addMs(previous.sentAt, policy.otpResendAfterMs);
    if (resendAt > at) {
      throw refusedUntil(
        {
          status: 429,
          code: 'OTP_RESEND_TOO_SOON',
          message:
            'An OTP was sent to this number a moment ago. Wait until retryAt, then request a new OTP.',
        },
        at,
        resendAt,
      );
    }
  }

  const request: OtpRecord = {
    otpRequestId: randomId('otp'),
    mobile,
    otp: issueOtp(),
    sentAt: at,
    expiresAt: addMs(at, policy.otpTtlMs),
    wrongAttempts: 0,
    used: false,
    locked: false,
  };
  state.data.otpRequests.set(request.otpRequestId, request);
  state.data.latestOtpRequestByMobile.set(mobile, request.otpRequestId);

  state.data.outbox.push({ mobile, otp: request.otp, at: new Date(at) });
  onOtp?.({ mobile, otp: request.otp, at: new Date(at) });

  return {
    otpRequestId: request.otpRequestId,
    expiresAt: formatTimestamp(request.expiresAt),
    resendAvailableAt: formatTimestamp(ceilToSecond(addMs(at, policy.otpResendAfterMs))),
    attemptsRemaining: policy.otpMaxAttempts,
  };
}

function latestOtpRequest(state: PortalState, mobile: string): OtpRecord | undefined {
  const id = state.data.latestOtpRequestByMobile.get(mobile);
  return id === undefined ? undefined : state.data.otpRequests.get(id);
}

/** Exchanges a right OTP for a session; counts and locks wrong ones. */
export function verifyOtp(state: PortalState, otpRequestId: string, otp: string) {
  const { policy, now } = state.options;
  const at = now();

  const request = state.data.otpRequests.get(otpRequestId);
  if (!request) {
    throw new PortalRefusal({
      status: 404,
      code: 'NOT_FOUND',
      message: 'No OTP request has this ID. Request a new OTP.',
    });
  }

  if (request.locked) throw otpLocked();

  const superseded = latestOtpRequest(state, request.mobile) !== request;
  if (request.used || superseded || at >= request.expiresAt) {
    const why = request.used
      ? 'was already used'
      : superseded
        ? 'was replaced by a newer one'
        : 'has expired';
    throw new PortalRefusal({
      status: 410,
      code: 'OTP_EXPIRED',
      message: `This OTP ${why}. Request a new OTP.`,
    });
  }

  if (otp !== request.otp) {
    request.wrongAttempts += 1;
    const attemptsRemaining = policy.otpMaxAttempts - request.wrongAttempts;
    if (attemptsRemaining <= 0) {
      request.locked = true;
      throw otpLocked();
    }
    throw new PortalRefusal({
      status: 422,
      code: 'OTP_INVALID',
      message: `The OTP is not correct. Check the SMS and try again; ${attemptsRemaining} tries left.`,
      details: [
        { field: 'otp', code: 'OTP_INVALID', message: 'is not correct', attemptsRemaining },
      ],
    });
  }

  request.used = true;
  return startSession(state, citizenByMobile(state, request.mobile), at);
}

function otpLocked(): PortalRefusal {
  return new PortalRefusal({
    status: 423,
    code: 'OTP_LOCKED',
    message: 'Too many wrong OTPs locked this OTP request. Request a new OTP.',
  });
}

function startSession(state: PortalState, citizen: CitizenRecord, at: Date) {
  const accessToken = randomToken();
  const expiresAt = addMs(at, state.options.policy.sessionTtlMs);
  state.data.sessions.set(accessToken, { citizenId: citizen.citizenId, expiresAt });

  return {
    accessToken,
    tokenType: 'Bearer' as const,
    expiresAt: formatTimestamp(expiresAt),
    citizen: toWireCitizen(citizen),
  };
}

/** A signed-in request's citizen and token. */
export interface Caller {
  token: string;
  citizen: CitizenRecord;
}

/** The citizen whose bearer token the request carries; 401 when there is none or it expired. */
export function authenticate(state: PortalState, request: Request): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  const token = match?.[1];
  const session = token === undefined ? undefined : state.data.sessions.get(token);
  const citizen = session && state.data.citizens.get(session.citizenId);
  if (token === undefined || !session || !citizen) {
    throw new PortalRefusal({
      status: 401,
      code: 'UNAUTHENTICATED',
      // Worded without "Bearer" and a word after it, which a client's log redactor would mask.
      message:
        'This call needs a session. Sign in with an OTP and send the access token in the ' +
        'Authorization header.',
    });
  }

  if (state.options.now() >= session.expiresAt) {
    throw new PortalRefusal({
      status: 401,
      code: 'SESSION_EXPIRED',
      message: 'The session has expired. Sign in again with a new OTP.',
    });
  }

  return { token, citizen };
}

/** Ends the session: its token stops working at once. */
export function logout(state: PortalState, caller: Caller): void {
  state.data.sessions.delete(caller.token);
}
