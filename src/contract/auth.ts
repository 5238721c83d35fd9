import * as z from 'zod/mini';
import { Citizen } from './citizens.js';
import { OpaqueId, Otp, Timestamp, WireMobile } from './common.js';

/** `POST /v1/auth/otp`: ask the portal to send an OTP by SMS. */
export const OtpRequestBody = /* @__PURE__ */ z.object({
  /** The citizen's number, in wire form. */
  mobile: WireMobile,
  /** Why the OTP is wanted; both open a session. */
  purpose: /* @__PURE__ */ z.enum(['login', 'register']),
});

/** The portal's answer to an OTP request (202). */
export const OtpRequestResponse = /* @__PURE__ */ z.object({
  /** Names this OTP request in the verify call. */
  otpRequestId: OpaqueId,
  /** When the OTP stops working. */
  expiresAt: Timestamp,
  /** Before this, another OTP for the number is refused. */
  resendAvailableAt: Timestamp,
  /** Wrong OTPs allowed before the request locks. */
  attemptsRemaining: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
});

/** `POST /v1/auth/otp/verify`: exchange the OTP for a session. */
export const OtpVerifyBody = /* @__PURE__ */ z.object({
  /** From the OTP request's answer. */
  otpRequestId: OpaqueId,
  /** The six digits the citizen received. */
  otp: Otp,
});

/** A session (200 from OTP verification). */
export const SessionResponse = /* @__PURE__ */ z.object({
  /** Sent as `Authorization: Bearer <accessToken>`; a secret. */
  accessToken: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(16)),
  /** Always `Bearer`. */
  tokenType: /* @__PURE__ */ z.literal('Bearer'),
  /** When the session ends. */
  expiresAt: Timestamp,
  /** Who signed in; unregistered after a first sign-in with a new number. */
  citizen: Citizen,
});
