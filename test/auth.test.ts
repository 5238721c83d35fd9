import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  OtpExpiredError,
  OtpInvalidError,
  OtpLockedError,
  OtpResendTooSoonError,
  ValidationError,
  normalizeMobile,
  type SessionStore,
  type StoredSession,
} from 'wb-grievance';
import mobileNumbers from './fixtures/mobile-numbers.json' with { type: 'json' };
import { MOBILE, clientFor, manualClock, servePortal, signIn, useServer } from './support.js';

const server = useServer();

const BENGALI = '০১২৩৪৫৬৭৮৯';
const toBengali = (text: string) => text.replace(/\d/g, (d) => BENGALI[Number(d)]!);

/** A portal clock that starts now (whole seconds), so that sessions it issues are current. */
const clockNow = () => manualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());

/** A session store that lets the test see what the client keeps. */
function visibleStore() {
  let held: StoredSession | undefined;
  const store: SessionStore = {
    get: () => held,
    set: (session) => (held = session),
    clear: () => (held = undefined),
  };
  return { store, held: () => held };
}

describe('requesting an OTP', () => {
  const accepted = mobileNumbers.cases.filter((c) => c.expect !== null);
  const refused = mobileNumbers.cases.filter((c) => c.expect === null);

  it.each(accepted)('sends the OTP for $input to $expect', async ({ input, expect: wire }) => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    expect(normalizeMobile(input)).toBe(wire);
    await client.auth.requestOtp({ mobile: input });

    expect(portal.outbox.map((sms) => sms.mobile)).toEqual([wire]);
    expect(portal.lastOtp(wire!)).toMatch(/^\d{6}$/);
  });

  it.each(refused)('refuses $input before sending anything', async ({ input }) => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    const error = await client.auth.requestOtp({ mobile: input }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.field)).toEqual(['mobile']);
    expect(portal.requestLog).toEqual([]);
  });

  it('refuses a missing or non-string mobile with a ValidationError, not a TypeError', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    for (const input of [undefined, null, 'x', { mobile: 9830012345 }, {}]) {
      await expect(client.auth.requestOtp(input as never)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(portal.requestLog).toEqual([]);
  });

  it('accepts a mobile number typed in Bengali digits', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    await client.auth.requestOtp({ mobile: '৯৮৩০০ ১২৩৪৫' });

    expect(portal.outbox.map((sms) => sms.mobile)).toEqual(['+919830012345']);
  });

  it('refuses a resend inside the cool-down, saying when one is possible', async () => {
    const clock = clockNow();
    const portal = servePortal(server, { now: clock.now });
    const client = clientFor(portal);

    const first = await client.auth.requestOtp({ mobile: MOBILE });
    clock.advance(30_000);
    const wait = first.resendAvailableAt.getTime() - clock.now().getTime();
    const before = Date.now();
    const error = await client.auth.requestOtp({ mobile: MOBILE }).catch((e: unknown) => e);
    const after = Date.now();

    // The wait is read relative to this device's clock, which may disagree with the portal's.
    expect(wait).toBe(30_000);
    expect(error).toBeInstanceOf(OtpResendTooSoonError);
    expect((error as OtpResendTooSoonError).code).toBe('OTP_RESEND_TOO_SOON');
    expect((error as OtpResendTooSoonError).status).toBe(429);
    const retryAt = (error as OtpResendTooSoonError).retryAt!.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(before + wait);
    expect(retryAt).toBeLessThanOrEqual(after + wait);
    expect((error as Error).message).toContain('30 s');
    expect(portal.outbox).toHaveLength(1);
    expect(portal.requestLog.filter((r) => r.path === '/v1/auth/otp')).toHaveLength(2);

    clock.advance(first.resendAvailableAt.getTime() - clock.now().getTime());
    await expect(client.auth.requestOtp({ mobile: MOBILE })).resolves.toMatchObject({
      attemptsRemaining: 5,
    });
    expect(portal.outbox).toHaveLength(2);
  });
});

describe('verifying an OTP', () => {
  it('accepts an OTP typed in Bengali digits', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    const { otpRequestId } = await client.auth.requestOtp({ mobile: '৯৮৩০০ ১২৩৪৫' });
    const otp = toBengali(portal.lastOtp('+919830012345'));
    const signedIn = await client.auth.verifyOtp({
      otpRequestId,
      otp: ` ${otp.slice(0, 3)} ${otp.slice(3)}`,
    });

    expect(otp).toMatch(/^[০-৯]{6}$/);
    expect(signedIn.citizen.mobile).toBe('+919830012345');
    expect(client.auth.session.signedIn).toBe(true);
  });

  it('counts down the attempts left on each wrong OTP, then locks the request', async () => {
    const portal = servePortal(server, { otp: '482913' });
    const client = clientFor(portal);
    const { otpRequestId, attemptsRemaining } = await client.auth.requestOtp({ mobile: MOBILE });
    expect(attemptsRemaining).toBe(5);

    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const error = await client.auth
        .verifyOtp({ otpRequestId, otp: '000000' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OtpInvalidError);
      expect((error as OtpInvalidError).code).toBe('OTP_INVALID');
      left.push((error as OtpInvalidError).attemptsRemaining);
    }
    expect(left).toEqual([4, 3, 2, 1]);

    await expect(client.auth.verifyOtp({ otpRequestId, otp: '000000' })).rejects.toBeInstanceOf(
      OtpLockedError,
    );
    const afterLock = await client.auth
      .verifyOtp({ otpRequestId, otp: '482913' })
      .catch((e: unknown) => e);
    expect(afterLock).toBeInstanceOf(OtpLockedError);
    expect((afterLock as OtpLockedError).code).toBe('OTP_LOCKED');
    expect(client.auth.session.signedIn).toBe(false);
  });

  it('refuses an OTP past its expiry', async () => {
    const clock = clockNow();
    const portal = servePortal(server, { now: clock.now, otp: '482913' });
    const client = clientFor(portal);

    const { otpRequestId, expiresAt } = await client.auth.requestOtp({ mobile: MOBILE });
    clock.advance(expiresAt.getTime() - clock.now().getTime());
    const error = await client.auth
      .verifyOtp({ otpRequestId, otp: '482913' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OtpExpiredError);
    expect((error as OtpExpiredError).status).toBe(410);
    expect(client.auth.session.signedIn).toBe(false);
  });

  it('refuses an OTP that is not six digits before sending it', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });

    for (const otp of ['12345', '1234567', 'abcdef', undefined]) {
      await expect(client.auth.verifyOtp({ otpRequestId, otp } as never)).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    expect(portal.requestLog.map((r) => r.path)).toEqual(['/v1/auth/otp']);
  });

  it('never puts the OTP into an error message', async () => {
    const portal = servePortal(server, { otp: '482913' });
    const client = clientFor(portal);
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });

    const error = await client.auth
      .verifyOtp({ otpRequestId, otp: '271828' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OtpInvalidError);
    expect(JSON.stringify(error)).not.toContain('271828');
    expect(String((error as Error).message)).not.toContain('271828');
  });
});

describe('the session', () => {
  it('says signed out before sign-in, and as whom and until when after it', async () => {
    const portal = servePortal(server);
    const { store, held } = visibleStore();
    const client = clientFor(portal, { sessionStore: store });
    expect(client.auth.session).toEqual({ signedIn: false });

    const signed = await signIn(client, portal);
    const session = client.auth.session;

    expect(session.signedIn).toBe(true);
    if (!session.signedIn) return;
    expect(session.expiresAt).toEqual(signed.expiresAt);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(session.citizen.mobile).toBe('+919830012345');
    expect(JSON.stringify(session)).not.toContain(held()!.accessToken);
  });

  it('logs out on the portal too: the old token stops working', async () => {
    const portal = servePortal(server);
    const { store, held } = visibleStore();
    const client = clientFor(portal, { sessionStore: store });
    await signIn(client, portal);
    const token = held()!.accessToken;

    await client.auth.logout();

    expect(client.auth.session).toEqual({ signedIn: false });
    expect(held()).toBeUndefined();
    expect(portal.requestLog.at(-1)).toMatchObject({ path: '/v1/auth/logout', status: 204 });
    const replay = await fetch(`${portal.baseUrl}/v1/citizens/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(replay.status).toBe(401);
  });

  it('refuses calls after logout without sending them', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    await signIn(client, portal);
    await client.auth.logout();
    const sent = portal.requestLog.length;

    await expect(client.citizens.me()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(client.grievances.get('MOCK-2026-000001')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('logs out quietly when not signed in', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    await expect(client.auth.logout()).resolves.toBeUndefined();
    expect(portal.requestLog).toEqual([]);
  });

  it('drops the local session even when the portal cannot be reached', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    await signIn(client, portal);
    portal.inject({ call: 'auth.logout', network: 'drop' });

    await expect(client.auth.logout()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(client.auth.session.signedIn).toBe(false);
  });
});
