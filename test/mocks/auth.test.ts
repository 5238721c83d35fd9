import { describe, expect, it, vi } from 'vitest';
import { redactText } from 'wb-grievance';
import { MockPortalError } from 'wb-grievance/mocks';
import {
  MOBILE,
  OTHER_MOBILE,
  TIMESTAMP,
  call,
  manualClock,
  servePortal,
  signIn,
  useServer,
} from './helpers.js';

const server = useServer();

function requestOtp(portal: ReturnType<typeof servePortal>, mobile = MOBILE) {
  return call(portal, 'POST', '/v1/auth/otp', { body: { mobile, purpose: 'login' } });
}

function verify(portal: ReturnType<typeof servePortal>, otpRequestId: string, otp: string) {
  return call(portal, 'POST', '/v1/auth/otp/verify', { body: { otpRequestId, otp } });
}

describe('OTP request', () => {
  it('answers 202 with expiry, resend time and attempts, and sends an SMS', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const onOtp = vi.fn();
    const portal = servePortal(server, { now: clock.now, otp: '123456', onOtp });

    const reply = await requestOtp(portal);

    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({
      otpRequestId: expect.any(String),
      expiresAt: '2026-12-03T19:16:46+05:30',
      resendAvailableAt: '2026-12-03T19:07:46+05:30',
      attemptsRemaining: 5,
    });
    expect(portal.outbox).toEqual([{ mobile: MOBILE, otp: '123456', at: clock.now() }]);
    expect(onOtp).toHaveBeenCalledWith({ mobile: MOBILE, otp: '123456', at: clock.now() });
  });

  it('refuses a second OTP within the cool-down with 429, Retry-After and retryAt', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    await requestOtp(portal);
    clock.advance(20_500);

    const reply = await requestOtp(portal);

    expect(reply.status).toBe(429);
    expect(reply.headers.get('Retry-After')).toBe('40');
    expect(reply.body.error).toMatchObject({
      code: 'OTP_RESEND_TOO_SOON',
      status: 429,
      retryAfterSeconds: 40,
      retryAt: '2026-12-03T19:07:46+05:30',
    });
    expect(portal.outbox).toHaveLength(1);
  });

  it('sends a new OTP once the cool-down has passed, and the old one stops working', async () => {
    const clock = manualClock();
    let next = 111111;
    const portal = servePortal(server, { now: clock.now, otp: () => String(next++) });
    const first = await requestOtp(portal);
    clock.advance(60_000);

    const second = await requestOtp(portal);

    expect(second.status).toBe(202);
    expect(portal.lastOtp(MOBILE)).toBe('111112');
    const old = await verify(portal, first.body.otpRequestId, '111111');
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('OTP_EXPIRED');
  });

  it('keeps cool-downs per mobile', async () => {
    const portal = servePortal(server);
    await requestOtp(portal, MOBILE);

    expect((await requestOtp(portal, OTHER_MOBILE)).status).toBe(202);
  });

  it('refuses a mobile not in wire form with 400 and a detail on mobile', async () => {
    const portal = servePortal(server);

    const reply = await requestOtp(portal, '98300 12345');

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body.error.details).toEqual([expect.objectContaining({ field: 'mobile' })]);
    expect(reply.body.error.message).toContain('mobile');
  });

  it('says what a wire mobile looks like in words the redactor leaves whole', async () => {
    const portal = servePortal(server);

    const reply = await requestOtp(portal, '98300 12345');
    const { message } = reply.body.error.details[0];

    expect(message).toContain('+91 and then 10 digits');
    expect(redactText(message)).toBe(message);
  });
});

describe('OTP verification', () => {
  it('opens a session for a right OTP and creates an unregistered citizen', async () => {
    const portal = servePortal(server, {
      otp: '123456',
      now: manualClock('2026-12-03T19:06:46+05:30').now,
    });
    const otp = await requestOtp(portal);

    const reply = await verify(portal, otp.body.otpRequestId, '123456');

    expect(reply.status).toBe(200);
    expect(reply.body.accessToken.length).toBeGreaterThanOrEqual(32);
    expect(reply.body.tokenType).toBe('Bearer');
    expect(reply.body.expiresAt).toBe('2026-12-03T19:36:46+05:30');
    expect(reply.body.citizen).toEqual({
      citizenId: expect.any(String),
      mobile: MOBILE,
      registered: false,
      name: null,
      email: null,
      district: null,
      address: null,
      preferredLanguage: 'en',
    });
  });

  it('answers 422 with attemptsRemaining for a wrong OTP', async () => {
    const portal = servePortal(server, { otp: '123456' });
    const otp = await requestOtp(portal);

    const reply = await verify(portal, otp.body.otpRequestId, '654321');

    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('OTP_INVALID');
    expect(reply.body.error.details).toEqual([
      { field: 'otp', code: 'OTP_INVALID', message: expect.any(String), attemptsRemaining: 4 },
    ]);
    expect(reply.text).not.toContain('123456');
  });

  it('locks the request on the 5th wrong OTP, after which even the right one is refused', async () => {
    const portal = servePortal(server, { otp: '123456' });
    const { otpRequestId } = (await requestOtp(portal)).body;

    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await verify(portal, otpRequestId, '000000')).status);
    const right = await verify(portal, otpRequestId, '123456');

    expect(statuses).toEqual([422, 422, 422, 422, 423]);
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('OTP_LOCKED');
    expect(right.body.error.message).toMatch(/Request a new OTP/);
  });

  it('honours a smaller otpMaxAttempts policy', async () => {
    const portal = servePortal(server, { otp: '123456', policy: { otpMaxAttempts: 2 } });
    const { otpRequestId } = (await requestOtp(portal)).body;

    expect(
      (await verify(portal, otpRequestId, '000000')).body.error.details[0].attemptsRemaining,
    ).toBe(1);
    expect((await verify(portal, otpRequestId, '000000')).status).toBe(423);
  });

  it('answers 410 once the OTP has expired by the portal clock', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, otp: '123456' });
    const { otpRequestId } = (await requestOtp(portal)).body;
    clock.advance(10 * 60_000);

    const reply = await verify(portal, otpRequestId, '123456');

    expect(reply.status).toBe(410);
    expect(reply.body.error.code).toBe('OTP_EXPIRED');
  });

  it('accepts the OTP just before expiry', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, otp: '123456' });
    const { otpRequestId } = (await requestOtp(portal)).body;
    clock.advance(10 * 60_000 - 1);

    expect((await verify(portal, otpRequestId, '123456')).status).toBe(200);
  });

  it('answers 410 for an OTP already used', async () => {
    const portal = servePortal(server, { otp: '123456' });
    const { otpRequestId } = (await requestOtp(portal)).body;
    await verify(portal, otpRequestId, '123456');

    expect((await verify(portal, otpRequestId, '123456')).status).toBe(410);
  });

  it('answers 404 for an unknown OTP request', async () => {
    const portal = servePortal(server);

    const reply = await verify(portal, 'otp_nothing', '123456');

    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NOT_FOUND');
  });

  it('signs the same citizen in again with the same mobile', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const first = await call(portal, 'GET', '/v1/citizens/me', { token: await signIn(portal) });
    clock.advance(60_000);

    const second = await call(portal, 'GET', '/v1/citizens/me', { token: await signIn(portal) });

    expect(second.body.citizenId).toBe(first.body.citizenId);
  });
});

describe('sessions', () => {
  it('refuses calls without a token with 401 UNAUTHENTICATED', async () => {
    const portal = servePortal(server);

    const reply = await call(portal, 'GET', '/v1/citizens/me');

    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown token with 401 UNAUTHENTICATED', async () => {
    const portal = servePortal(server);

    const reply = await call(portal, 'GET', '/v1/grievances', { token: 'x'.repeat(43) });

    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 SESSION_EXPIRED once the session has expired by the portal clock', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);
    clock.advance(30 * 60_000);

    const reply = await call(portal, 'GET', '/v1/citizens/me', { token });

    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('SESSION_EXPIRED');
    expect(reply.body.error.message).toMatch(/Sign in again/);
  });

  it("words its refusals so that the client's redactor leaves them whole", async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, policy: { otpMaxAttempts: 2 } });
    const token = await signIn(portal);
    const { body: otp } = await requestOtp(portal, OTHER_MOBILE);
    const replies = [
      await call(portal, 'GET', '/v1/citizens/me'),
      await call(portal, 'GET', '/v1/grievances', { token: 'x'.repeat(43) }),
      await requestOtp(portal, OTHER_MOBILE),
      await verify(portal, 'otp_000000000000000000000000', '123456'),
      await verify(portal, otp.otpRequestId, '000000'),
      await verify(portal, otp.otpRequestId, '000000'),
    ];
    clock.advance(30 * 60_000);
    replies.push(await call(portal, 'GET', '/v1/citizens/me', { token }));

    const messages = replies.map((reply) => reply.body.error.message as string);
    expect(replies.map((reply) => reply.body.error.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'OTP_RESEND_TOO_SOON',
      'NOT_FOUND',
      'OTP_INVALID',
      'OTP_LOCKED',
      'SESSION_EXPIRED',
    ]);
    for (const message of messages) expect(redactText(message)).toBe(message);
    expect(messages[0]).toMatch(/Authorization header/);
  });

  it('ends the session on logout with 204 and no body', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/auth/logout', { token });

    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect((await call(portal, 'GET', '/v1/citizens/me', { token })).status).toBe(401);
  });
});

describe('registration', () => {
  const registration = {
    name: 'সুমিতা দাস',
    mobile: MOBILE,
    email: 'sumita@example.in',
    district: 'NADIA',
    address: '12 Lake Road, Krishnanagar',
    preferredLanguage: 'bn',
  };

  it('registers the signed-in citizen and GET /citizens/me shows it', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/citizens', { token, body: registration });
    const me = await call(portal, 'GET', '/v1/citizens/me', { token });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      citizenId: expect.any(String),
      registered: true,
      ...registration,
    });
    expect(me.body).toEqual(reply.body);
  });

  it('refuses to register another number than the session one with 403', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/citizens', {
      token,
      body: { ...registration, mobile: OTHER_MOBILE },
    });

    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('FORBIDDEN');
    expect(reply.text).not.toContain('9433098765');
  });

  it('refuses an unknown or retired district with 400 on district', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/citizens', {
      token,
      body: { ...registration, district: 'BARDHAMAN' },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].field).toBe('district');
  });

  it('refuses a name with HTML with the schema reason as code', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/citizens', {
      token,
      body: { ...registration, name: '<b>Sumita</b>' },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toContainEqual(
      expect.objectContaining({ field: 'name', code: 'html_not_allowed' }),
    );
  });
});

describe('lastOtp', () => {
  it('finds the OTP for the mobile in any accepted form, Bengali digits included', async () => {
    const portal = servePortal(server, { otp: '246810' });
    await call(portal, 'POST', '/v1/auth/otp', { body: { mobile: MOBILE, purpose: 'register' } });

    for (const form of ['98300 12345', '+919830012345', '098300-12345', '০৯৮৩০০১২৩৪৫']) {
      expect(portal.lastOtp(form)).toBe('246810');
    }
  });

  it('throws a MockPortalError that names no full number when no OTP was sent', () => {
    const portal = servePortal(server);

    expect(() => portal.lastOtp('9830012345')).toThrow(MockPortalError);
    expect(() => portal.lastOtp('9830012345')).toThrow(/\*+2345/);
    expect(() => portal.lastOtp('9830012345')).not.toThrow(/9830012345/);
  });

  it('makes random 6-digit OTPs by default', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const otps = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await call(portal, 'POST', '/v1/auth/otp', { body: { mobile: MOBILE, purpose: 'login' } });
      otps.add(portal.lastOtp(MOBILE));
      clock.advance(60_000);
    }

    expect([...otps].every((otp) => /^\d{6}$/.test(otp))).toBe(true);
    expect(otps.size).toBeGreaterThan(1);
  });

  it('stamps outbox and timestamps in IST whole seconds', async () => {
    const portal = servePortal(server, { now: () => new Date('2026-01-01T00:00:00.999Z') });

    const reply = await call(portal, 'POST', '/v1/auth/otp', {
      body: { mobile: MOBILE, purpose: 'login' },
    });

    expect(reply.body.expiresAt).toMatch(TIMESTAMP);
    expect(reply.body.expiresAt).toBe('2026-01-01T05:40:00+05:30');
    expect(reply.body.resendAvailableAt).toBe('2026-01-01T05:31:01+05:30');
  });
});
