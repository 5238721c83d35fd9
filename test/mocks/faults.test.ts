import { describe, expect, it } from 'vitest';
import { MockPortalError } from 'wb-grievance/mocks';
import { GRIEVANCE, MOBILE, call, manualClock, servePortal, signIn, useServer } from './helpers.js';

const server = useServer();

describe('injected faults', () => {
  it('answers the injected status with the envelope, Retry-After and retryAt, without doing the work', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);
    portal.inject({ call: 'grievances.submit', status: 503, retryAfterSeconds: 7 });

    const reply = await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE });

    expect(reply.status).toBe(503);
    expect(reply.headers.get('Retry-After')).toBe('7');
    expect(reply.body.error).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.any(String),
      status: 503,
      requestId: reply.headers.get('X-Request-Id'),
      retryAfterSeconds: 7,
      retryAt: '2026-12-03T19:06:53+05:30',
    });
    expect(portal.grievances()).toHaveLength(0);
  });

  it('fails only `times` requests, then the portal works again', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const fault = portal.inject({ call: 'grievances.list', status: 500, times: 2 });

    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(portal, 'GET', '/v1/grievances', { token })).status);

    expect(statuses).toEqual([500, 500, 200]);
    expect(fault.remaining).toBe(0);
  });

  it('uses the given code and message, and the code decides the status when none is given', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', code: 'RATE_LIMITED', message: 'Slow down.' });

    const reply = await call(portal, 'GET', '/v1/catalog/districts');

    expect(reply.status).toBe(429);
    expect(reply.body.error).toMatchObject({ code: 'RATE_LIMITED', message: 'Slow down.' });
  });

  it('answers a raw body with its content type instead of the envelope', async () => {
    const portal = servePortal(server);
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    portal.inject({
      call: 'catalog.departments',
      status: 502,
      body: html,
      contentType: 'text/html',
    });
    portal.inject({
      call: 'citizens.me',
      status: 400,
      body: '{"Errors":[{"code":"X","message":"y"}]}',
      contentType: 'application/json',
    });

    const proxy = await call(portal, 'GET', '/v1/catalog/departments');
    const digit = await call(portal, 'GET', '/v1/citizens/me');

    expect(proxy.status).toBe(502);
    expect(proxy.headers.get('Content-Type')).toBe('text/html');
    expect(proxy.text).toBe(html);
    expect(proxy.headers.get('X-Request-Id')).toBeTruthy();
    expect(digit.body).toEqual({ Errors: [{ code: 'X', message: 'y' }] });
  });

  it('delays the answer by delayMs and then handles the request', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 150 });

    const started = performance.now();
    const reply = await call(portal, 'GET', '/v1/catalog/districts');

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply.status).toBe(200);
  });

  it('can be aborted by the client while delayed', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 1_000 });

    const request = fetch(`${portal.baseUrl}/v1/catalog/districts`, {
      signal: AbortSignal.timeout(50),
    });

    await expect(request).rejects.toThrow();
  });

  it('drops the request with a network error before doing anything', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    portal.inject({ call: 'grievances.submit', network: 'drop' });

    const request = call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE });

    await expect(request).rejects.toThrow(TypeError);
    expect(portal.grievances()).toHaveLength(0);
    expect(portal.requestLog.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/grievances',
      status: 0,
    });
  });

  it('loses the response after committing, and a retry with the same key replays the same grievance', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    portal.inject({ call: 'grievances.submit', network: 'lose-response' });
    const headers = { 'Idempotency-Key': 'lost-1' };

    const lost = call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });
    await expect(lost).rejects.toThrow(TypeError);
    const retry = await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });

    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(portal.grievances()).toEqual([retry.body]);
    expect(
      portal.requestLog.filter((r) => r.path === '/v1/grievances').map((r) => r.status),
    ).toEqual([0, 201]);
  });

  it('stops failing once removed, and clearFaults removes every fault', async () => {
    const portal = servePortal(server);
    const fault = portal.inject({ call: 'catalog.districts', status: 500, times: Infinity });
    portal.inject({ call: 'catalog.departments', status: 500, times: Infinity });

    expect((await call(portal, 'GET', '/v1/catalog/districts')).status).toBe(500);
    expect(fault.remaining).toBe(Infinity);
    fault.remove();
    portal.clearFaults();

    expect((await call(portal, 'GET', '/v1/catalog/districts')).status).toBe(200);
    expect((await call(portal, 'GET', '/v1/catalog/departments')).status).toBe(200);
  });

  it('fails only the named call', async () => {
    const portal = servePortal(server, { otp: '123456' });
    portal.inject({ call: 'auth.verifyOtp', status: 500 });

    const otp = await call(portal, 'POST', '/v1/auth/otp', {
      body: { mobile: MOBILE, purpose: 'login' },
    });
    const verify = await call(portal, 'POST', '/v1/auth/otp/verify', {
      body: { otpRequestId: otp.body.otpRequestId, otp: '123456' },
    });

    expect(otp.status).toBe(202);
    expect(verify.status).toBe(500);
  });

  it('throws for an unknown call, an unknown field or a bad times', () => {
    const portal = servePortal(server);

    expect(() => portal.inject({ call: 'grievances.delete' as never, status: 500 })).toThrow(
      MockPortalError,
    );
    expect(() => portal.inject({ call: 'grievances.get', status: 500, times: 0 })).toThrow(/times/);
    expect(() => portal.inject({ call: 'grievances.get', statusCode: 500 } as never)).toThrow(
      /statusCode/,
    );
  });

  it('refuses a fault that is not an object, could do nothing or contradicts itself, naming the field', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const target = 'grievances.submit' as const;
    const refused: [unknown, RegExp][] = [
      [null, /fault object.*got null/],
      ['grievances.submit', /fault object/],
      [{ call: target }, /something to do/],
      [{ call: target, status: 200 }, /fault\.status.*400 to 599/],
      [{ call: target, status: 204, body: 'x' }, /fault\.status/],
      [{ call: target, status: 302, body: 'x' }, /fault\.status/],
      [{ call: target, status: 503.5 }, /fault\.status/],
      [{ call: target, delayMs: -5 }, /fault\.delayMs/],
      [{ call: target, delayMs: Infinity }, /fault\.delayMs/],
      [{ call: target, status: 503, retryAfterSeconds: -1 }, /fault\.retryAfterSeconds/],
      [{ call: target, status: 503, retryAfterSeconds: NaN }, /fault\.retryAfterSeconds/],
      [{ call: target, retryAfterSeconds: 5 }, /fault\.retryAfterSeconds needs an answer/],
      [{ call: target, network: 'x' }, /fault\.network must be "drop" or "lose-response"/],
      [{ call: target, network: 'drop', status: 503 }, /fault\.status cannot apply/],
      [{ call: target, status: 502, contentType: 'text/html' }, /fault\.contentType/],
      [{ call: target, status: 500, message: 42 }, /fault\.message must be a string/],
      [{ call: target, status: 500, times: 1.5 }, /fault\.times/],
      [{ call: target, status: 500, times: -Infinity }, /fault\.times/],
    ];

    for (const [fault, message] of refused) {
      const inject = () => portal.inject(fault as never);
      expect(inject, JSON.stringify(fault)).toThrow(MockPortalError);
      expect(inject, JSON.stringify(fault)).toThrow(message);
    }
    expect((await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE })).status).toBe(
      201,
    );

    const page = { call: target, status: 200, body: '<html>Wi-Fi login</html>' };
    expect(portal.inject({ ...page, contentType: 'text/html' }).remaining).toBe(1);
  });
});
