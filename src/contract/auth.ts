import * as z from 'zod/mini';
import { Citizen } from './citizens.js';
import { OpaqueId, Otp, Timestamp, WireMobile } from './common.js';

/** `POST /v1/auth/otp`: ask the portal to send an OTP by SMS. */
export const OtpRequestBody = z.object({
  mobile: WireMobile,
  purpose: z.enum(['login', 'register']),
});

/** The portal's answer to an OTP request (202). */
export const OtpRequestResponse = z.object({
  otpRequestId: OpaqueId,
  expiresAt: Timestamp,
  resendAvailableAt: Timestamp,
  attemptsRemaining: z.int().check(z.nonnegative()),
});

/** `POST /v1/auth/otp/verify`: exchange the OTP for a session. */
export const OtpVerifyBody = z.object({
  otpRequestId: OpaqueId,
  otp: Otp,
});

/** A session (200 from OTP verification). */
export const SessionResponse = z.object({
  accessToken: z.string().check(z.minLength(16)),
  tokenType: z.literal('Bearer'),
  expiresAt: Timestamp,
  citizen: Citizen,
});
