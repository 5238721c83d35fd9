import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, DISTRICTS } from 'wb-grievance';
import { MockPortalError, createMockPortal } from 'wb-grievance/mocks';
import {
  GRIEVANCE,
  MOBILE,
  OTHER_MOBILE,
  call,
  manualClock,
  servePortal,
  signIn,
  submit,
  useServer,
} from './helpers.js';

const server = useServer();

describe('every response', () => {
  it('carries a request ID and CORS headers, success or error', async () => {
    const portal = servePortal(server);

    const ok = await call(portal, 'GET', '/v1/catalog/districts', {
      headers: { Origin: 'https://app.example.in' },
    });
    const refused = await call(portal, 'GET', '/v1/citizens/me');

    for (const reply of [ok, refused]) {
      expect(reply.headers.get('X-Request-Id')).toMatch(/^req_/);
      expect(reply.headers.get('Access-Control-Expose-Headers')).toBe(
        'X-Request-Id, Retry-After, Idempotent-Replayed',
      );
    }
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example.in');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(refused.body.error.requestId).toBe(refused.headers.get('X-Request-Id'));
    expect(ok.headers.get('X-Request-Id')).not.toBe(refused.headers.get('X-Request-Id'));
  });

  it('answers a CORS preflight with 204 and the allowed methods and headers', async () => {
    const portal = servePortal(server);

    const reply = await call(portal, 'OPTIONS', '/v1/grievances', {
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });

    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(reply.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(reply.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, OPTIONS');
    expect(reply.headers.get('Access-Control-Allow-Headers')).toBe(
      'Authorization, Content-Type, Idempotency-Key, Accept-Language',
    );
    expect(Number(reply.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0);
    expect(reply.headers.get('X-Request-Id')).toBeTruthy();
  });

  it('answers 404 NOT_FOUND in the envelope for an unknown route', async () => {
    const portal = servePortal(server);

    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['DELETE', '/v1/grievances'],
      ['GET', '/v2/grievances'],
    ]) {
      const reply = await call(portal, method as string, path as string);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('secrets', () => {
  it('never puts an OTP, a token or a full mobile number into any answer but the session itself', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, otp: '135790' });
    const texts: string[] = [];
    const send = async (...args: Parameters<typeof call>) => {
      const reply = await call(...args);
      texts.push(reply.text);
      return reply;
    };

    const otp = await send(portal, 'POST', '/v1/auth/otp', {
      body: { mobile: MOBILE, purpose: 'login' },
    });
    await send(portal, 'POST', '/v1/auth/otp', { body: { mobile: MOBILE, purpose: 'login' } });
    await send(portal, 'POST', '/v1/auth/otp/verify', {
      body: { otpRequestId: otp.body.otpRequestId, otp: '000000' },
    });
    const session = await call(portal, 'POST', '/v1/auth/otp/verify', {
      body: { otpRequestId: otp.body.otpRequestId, otp: '135790' },
    });
    const token = session.body.accessToken;
    await send(portal, 'POST', '/v1/citizens', {
      token,
      body: { name: 'Someone', mobile: OTHER_MOBILE, district: 'NADIA', preferredLanguage: 'en' },
    });
    await send(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, description: 'short' },
    });
    await send(portal, 'GET', '/v1/grievances?cursor=nope', { token });
    clock.advance(31 * 60_000);
    await send(portal, 'GET', '/v1/citizens/me', { token });

    for (const text of texts) {
      expect(text).not.toContain('135790');
      expect(text).not.toContain(token);
      expect(text).not.toContain('9830012345');
      expect(text).not.toContain('9433098765');
    }
  });
});

describe('catalogue', () => {
  it('serves districts and departments from the data modules, inactive entries included, without a session', async () => {
    const portal = servePortal(server);

    const districts = await call(portal, 'GET', '/v1/catalog/districts');
    const departments = await call(portal, 'GET', '/v1/catalog/departments');

    expect(districts.status).toBe(200);
    expect(districts.body.items).toEqual(DISTRICTS);
    expect(departments.body.items).toEqual(DEPARTMENTS);
    expect(districts.body.items.some((d: { active: boolean }) => !d.active)).toBe(true);
  });
});

describe('seed', () => {
  it('creates citizens and grievances with the events of a plausible path', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });

    const seeded = portal.seed({
      citizens: [
        { mobile: '98300 12345', name: 'Sumita Das', district: 'NADIA', preferredLanguage: 'bn' },
      ],
      grievances: [
        {
          mobile: '+919830012345',
          description: 'Ration card not issued for six months',
          district: 'NADIA',
          submittedAt: '2026-11-01T10:00:00+05:30',
          status: 'RESOLVED',
          forwardedTo: 'FOOD_SUPPLIES',
        },
        {
          mobile: '0943 309 8765',
          description: 'Drain overflowing on our lane',
          district: 'KOLKATA',
        },
      ],
    });
    const token = await signIn(portal, MOBILE);
    const events = await call(
      portal,
      'GET',
      `/v1/grievances/${seeded.grievances[0]?.grievanceId}/events`,
      { token },
    );

    expect(seeded.citizens.map((c) => [c.mobile, c.registered])).toEqual([
      [MOBILE, true],
      [OTHER_MOBILE, false],
    ]);
    expect(seeded.grievances[0]).toMatchObject({
      grievanceId: 'MOCK-2026-000001',
      status: 'RESOLVED',
      submittedAt: '2026-11-01T10:00:00+05:30',
      forwardedTo: { departmentCode: 'FOOD_SUPPLIES' },
    });
    expect(events.body.items.map((e: { status: string }) => e.status)).toEqual([
      'RECEIVED',
      'FORWARDED',
      'UNDER_PROCESS',
      'RESOLVED',
    ]);
    const times = events.body.items.map((e: { at: string }) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(clock.now().getTime());
    expect(seeded.grievances[1]?.status).toBe('RECEIVED');
    expect((await call(portal, 'GET', '/v1/citizens/me', { token })).body.name).toBe('Sumita Das');
  });

  it('names the entry and field of the first problem, and changes nothing', () => {
    const portal = servePortal(server);
    const good = { mobile: MOBILE, description: 'A valid description here', district: 'HOWRAH' };

    expect(() => portal.seed({ grievances: [good, { ...good, description: 'short' }] })).toThrow(
      /grievances\[1\]\.description/,
    );
    expect(() =>
      portal.seed({ grievances: [good, good, { ...good, district: 'ATLANTIS' }] }),
    ).toThrow(/grievances\[2\]\.district/);
    expect(() => portal.seed({ citizens: [{ mobile: '12345' }] })).toThrow(/citizens\[0\]\.mobile/);
    expect(() => portal.seed({ grievances: [{ ...good, status: 'PENDING' as never }] })).toThrow(
      MockPortalError,
    );
    expect(() => portal.seed({ grievances: [{ ...good, forwardedTo: 'PUBLIC_WORKS' }] })).toThrow(
      /forwardedTo/,
    );
    expect(() =>
      portal.seed({
        citizens: [{ mobile: OTHER_MOBILE, name: 'Sumita Das' }],
        grievances: [{ ...good, status: 'CLOSED', district: 'ATLANTIS' }],
      }),
    ).toThrow(/grievances\[0\]\.district/);
    expect(portal.grievances()).toEqual([]);

    const next = portal.seed({ grievances: [good] });
    expect(next.citizens.map((citizen) => citizen.citizenId)).toEqual(['cit_000001']);
    expect(next.grievances[0]?.grievanceId).toMatch(/^MOCK-\d{4}-000001$/);
  });

  it('seeds a thousand grievances quickly', () => {
    const portal = servePortal(server);
    const started = performance.now();

    portal.seed({
      grievances: Array.from({ length: 1000 }, (_, i) => ({
        mobile: i % 2 ? MOBILE : OTHER_MOBILE,
        description: `Grievance ${i}: the hand pump is broken`,
        district: 'BANKURA',
        status: (['RECEIVED', 'FORWARDED', 'UNDER_PROCESS', 'RESOLVED', 'CLOSED'] as const)[i % 5],
      })),
    });

    expect(portal.grievances()).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('portal lifecycle', () => {
  it('reset empties everything and starts the counters again', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);
    await submit(portal, token);
    portal.inject({ call: 'catalog.districts', status: 500, times: Infinity });

    portal.reset();

    expect(portal.grievances()).toEqual([]);
    expect(portal.outbox).toEqual([]);
    expect(portal.requestLog).toEqual([]);
    expect(() => portal.lastOtp(MOBILE)).toThrow(MockPortalError);
    expect((await call(portal, 'GET', '/v1/citizens/me', { token })).status).toBe(401);
    expect((await call(portal, 'GET', '/v1/catalog/districts')).status).toBe(200);
    const again = await submit(portal, await signIn(portal));
    expect(again.grievanceId).toMatch(/-000001$/);
  });

  it('keeps two portals in one server apart: hosts, state and faults', async () => {
    const first = servePortal(server);
    const second = servePortal(server);
    second.inject({ call: 'grievances.submit', status: 503, times: Infinity });

    const filed = await call(first, 'POST', '/v1/grievances', {
      token: await signIn(first),
      body: GRIEVANCE,
    });
    const firstToken = await signIn(first, OTHER_MOBILE);
    const crossed = await call(second, 'GET', '/v1/citizens/me', { token: firstToken });
    const refused = await call(second, 'POST', '/v1/grievances', {
      token: await signIn(second),
      body: GRIEVANCE,
    });

    expect(first.baseUrl).not.toBe(second.baseUrl);
    expect(filed.status).toBe(201);
    expect(crossed.status).toBe(401);
    expect(refused.status).toBe(503);
    expect(first.grievances()).toHaveLength(1);
    expect(second.grievances()).toHaveLength(0);
    expect(second.requestLog.map((r) => r.path)).not.toContain('/v1/catalog/districts');
  });

  it('logs every request with its status, key and time', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);

    await call(portal, 'POST', '/v1/grievances', {
      token,
      headers: { 'Idempotency-Key': 'k-1' },
      body: GRIEVANCE,
    });

    expect(portal.requestLog).toEqual([
      { method: 'POST', path: '/v1/auth/otp', status: 202, at: clock.now() },
      { method: 'POST', path: '/v1/auth/otp/verify', status: 200, at: clock.now() },
      {
        method: 'POST',
        path: '/v1/grievances',
        status: 201,
        idempotencyKey: 'k-1',
        at: clock.now(),
      },
    ]);
  });

  it('hands out copies: changing outbox, requestLog or grievances() changes nothing inside', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, otp: '123456' });
    const token = await signIn(portal);
    const { grievanceId } = await submit(portal, token);
    portal.updateStatus(grievanceId, 'FORWARDED', { departmentCode: 'POWER' });
    const before = {
      outbox: structuredClone(portal.outbox),
      requestLog: structuredClone(portal.requestLog),
      grievances: portal.grievances(),
    };

    const sms = portal.outbox[0] as { otp: string; at: Date };
    sms.otp = '000000';
    sms.at.setFullYear(2000);
    const logged = portal.requestLog[0] as { status: number; at: Date };
    logged.status = 599;
    logged.at.setFullYear(2000);
    (portal.outbox as unknown[]).length = 0;
    (portal.requestLog as unknown[]).length = 0;
    const [grievance] = portal.grievances();
    grievance!.status = 'CLOSED';
    grievance!.forwardedTo!.name = 'Nobody';

    expect(portal.outbox).toEqual(before.outbox);
    expect(portal.lastOtp(MOBILE)).toBe('123456');
    expect(portal.requestLog).toEqual(before.requestLog);
    expect(portal.grievances()).toEqual(before.grievances);
    const again = await call(portal, 'POST', '/v1/auth/otp', {
      body: { mobile: MOBILE, purpose: 'login' },
    });
    expect(again.body.error.code).toBe('OTP_RESEND_TOO_SOON');
  });

  it("keeps its own copy of the clock's Date, and refuses a clock without a valid one", () => {
    const shared = new Date('2026-12-03T10:00:00+05:30');
    const portal = createMockPortal({ now: () => shared });
    const seed = {
      grievances: [{ mobile: MOBILE, description: 'Lamp dark for weeks', district: 'HOWRAH' }],
    };

    portal.seed(seed);
    shared.setFullYear(2030);

    expect(portal.grievances()[0]?.submittedAt).toBe('2026-12-03T10:00:00+05:30');
    const broken = createMockPortal({ now: () => new Date('nope') });
    expect(() => broken.seed(seed)).toThrow(MockPortalError);
    expect(() => broken.seed(seed)).toThrow(/now option must return a valid Date/);
  });

  it('serves under a given baseUrl with a path, a trailing slash ignored', async () => {
    const portal = servePortal(server, { baseUrl: 'https://cmo.example.test/api/' });

    const reply = await fetch('https://cmo.example.test/api/v1/catalog/districts');

    expect(portal.baseUrl).toBe('https://cmo.example.test/api');
    expect(reply.status).toBe(200);
    expect(portal.requestLog[0]?.path).toBe('/v1/catalog/districts');
  });

  it('refuses unknown options and policy fields, and an OTP that is not 6 digits', () => {
    expect(() => createMockPortal({ clock: () => new Date() } as never)).toThrow(/clock/);
    expect(() => createMockPortal({ policy: { otpTTL: 1 } as never })).toThrow(/otpTTL/);
    expect(() => createMockPortal({ policy: { otpMaxAttempts: 0 } })).toThrow(MockPortalError);
    expect(() => createMockPortal({ otp: '12345' })).toThrow(/6/);
    expect(() => createMockPortal({ baseUrl: 'portal.test' })).toThrow(/absolute/);
  });
});
