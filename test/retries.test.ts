import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  OtpResendTooSoonError,
  RateLimitedError,
  ServerUnavailableError,
  ValidationError,
} from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import { DESCRIPTION, MOBILE, clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

function requestsTo(portal: MockPortal, path: string) {
  return portal.requestLog.filter((entry) => entry.path === path);
}

describe('what is retried', () => {
  it.each([
    ['a dropped connection', { network: 'drop' as const }, 0],
    ['408', { status: 408 }, 408],
    ['429 without Retry-After', { status: 429 }, 429],
    ['500', { status: 500 }, 500],
    ['502', { status: 502 }, 502],
    ['503', { status: 503 }, 503],
    ['504', { status: 504 }, 504],
  ])('retries a GET after %s and returns the answer', async (_, fault, loggedStatus) => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', ...fault });

    const districts = await clientFor(portal).catalog.districts();

    expect(districts.length).toBeGreaterThan(0);
    expect(requestsTo(portal, '/v1/catalog/districts').map((r) => r.status)).toEqual([
      loggedStatus,
      200,
    ]);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])(
    'does not retry a GET answered %i',
    async (status) => {
      const portal = servePortal(server);
      portal.inject({ call: 'catalog.departments', status });

      await expect(clientFor(portal).catalog.departments()).rejects.toMatchObject({ status });
      expect(requestsTo(portal, '/v1/catalog/departments')).toHaveLength(1);
    },
  );

  it('makes one request and two retries by default, then gives up with the last error', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 503, times: Infinity });

    const error = await clientFor(portal)
      .catalog.districts()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ServerUnavailableError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(3);
  });

  it.each([0, 1, 3])('makes exactly maxRetries = %i retries', async (maxRetries) => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 500, times: Infinity });

    await expect(clientFor(portal, { maxRetries }).catalog.districts()).rejects.toBeInstanceOf(
      ServerUnavailableError,
    );
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(maxRetries + 1);
  });

  it('retries a grievance submission with the same Idempotency-Key on every attempt', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'grievances.submit', status: 503, times: 2 });

    await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });

    const attempts = requestsTo(portal, '/v1/grievances');
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 201]);
    const keys = new Set(attempts.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[\x21-\x7E]{8,}$/);
  });

  it('gives each new submission a key of its own', async () => {
    const { portal, client } = await signedIn(server);

    await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
    await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });

    const keys = requestsTo(portal, '/v1/grievances').map((r) => r.idempotencyKey);
    expect(keys[0]).not.toBe(keys[1]);
    expect(portal.grievances()).toHaveLength(2);
  });
});

describe('what is never retried', () => {
  it('does not retry a POST that carries no idempotency key (registration)', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'citizens.register', status: 503 });

    await expect(
      client.citizens.register({ name: 'Rina Das', district: 'KOLKATA' }),
    ).rejects.toBeInstanceOf(ServerUnavailableError);
    expect(requestsTo(portal, '/v1/citizens')).toHaveLength(1);
    expect(requestsTo(portal, '/v1/citizens')[0]?.idempotencyKey).toBeUndefined();
  });

  it('does not retry an OTP request that met a 503 or a dropped connection', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    portal.inject({ call: 'auth.requestOtp', status: 503 });
    portal.inject({ call: 'auth.requestOtp', network: 'drop' });

    await expect(client.auth.requestOtp({ mobile: MOBILE })).rejects.toBeInstanceOf(
      ServerUnavailableError,
    );
    await expect(client.auth.requestOtp({ mobile: MOBILE })).rejects.toBeInstanceOf(NetworkError);
    expect(requestsTo(portal, '/v1/auth/otp')).toHaveLength(2);
    expect(portal.outbox).toHaveLength(0);
  });

  it('does not retry OTP verification, which would spend the citizen’s attempts', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    portal.inject({ call: 'auth.verifyOtp', status: 503 });
    portal.inject({ call: 'auth.verifyOtp', network: 'lose-response' });

    const otp = portal.lastOtp(MOBILE);
    await expect(client.auth.verifyOtp({ otpRequestId, otp })).rejects.toBeInstanceOf(
      ServerUnavailableError,
    );
    await expect(client.auth.verifyOtp({ otpRequestId, otp })).rejects.toBeInstanceOf(NetworkError);
    expect(requestsTo(portal, '/v1/auth/otp/verify')).toHaveLength(2);
  });

  it('does not retry logout, and forgets the session all the same', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'auth.logout', status: 503 });

    await expect(client.auth.logout()).rejects.toBeInstanceOf(ServerUnavailableError);
    expect(requestsTo(portal, '/v1/auth/logout')).toHaveLength(1);
    expect(client.auth.session.signedIn).toBe(false);
  });
});

describe('Retry-After', () => {
  it('waits out a 429 with Retry-After: 2 on a GET, then retries it', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 429, retryAfterSeconds: 2 });

    const started = performance.now();
    await clientFor(portal).catalog.districts();
    const elapsed = performance.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    const [refused, answered] = requestsTo(portal, '/v1/catalog/districts');
    expect(refused?.status).toBe(429);
    expect(answered!.at.getTime() - refused!.at.getTime()).toBeGreaterThanOrEqual(1_900);
  });

  it('does not retry a 429 on an OTP request, and says when to try again', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'auth.requestOtp', status: 429, retryAfterSeconds: 2 });

    const before = Date.now();
    const error = await clientFor(portal)
      .auth.requestOtp({ mobile: MOBILE })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retryAt = (error as RateLimitedError).retryAt!.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(before + 1_900);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 2_100);
    expect((error as Error).message).toMatch(/2 s/);
    expect(requestsTo(portal, '/v1/auth/otp')).toHaveLength(1);
  });

  it('answers an OTP resend inside the cool-down with OtpResendTooSoonError, unretried', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    const first = await client.auth.requestOtp({ mobile: MOBILE });

    const error = await client.auth.requestOtp({ mobile: MOBILE }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OtpResendTooSoonError);
    expect(error).toBeInstanceOf(RateLimitedError);
    const retryAt = (error as OtpResendTooSoonError).retryAt!.getTime();
    expect(Math.abs(retryAt - first.resendAvailableAt.getTime())).toBeLessThanOrEqual(1_500);
    expect(requestsTo(portal, '/v1/auth/otp')).toHaveLength(2);
    expect(portal.outbox).toHaveLength(1);
  });

  it('fails at once with retryAt when Retry-After exceeds maxRetryAfterMs', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 503, retryAfterSeconds: 120 });

    const started = Date.now();
    const error = await clientFor(portal, { maxRetryAfterMs: 5_000 })
      .catalog.districts()
      .catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(ServerUnavailableError);
    const retryAt = (error as ServerUnavailableError).retryAt!.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(started + 119_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 121_000);
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(1);
  });

  it('fails a rate-limited GET at once with RateLimitedError when the wait is too long', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 429, retryAfterSeconds: 45 });

    const error = await clientFor(portal)
      .catalog.districts()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAt!.getTime()).toBeGreaterThan(Date.now() + 40_000);
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const portal = servePortal(server);
    const retryDate = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2_000);
    server.use(
      http.get(
        `${portal.baseUrl}/v1/catalog/districts`,
        () =>
          new HttpResponse(null, {
            status: 503,
            headers: { 'Retry-After': retryDate.toUTCString() },
          }),
        { once: true },
      ),
    );

    await clientFor(portal).catalog.districts();

    expect(Date.now()).toBeGreaterThanOrEqual(retryDate.getTime() - 50);
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(1);
  });

  it('reports an HTTP-date Retry-After beyond the cap as retryAt', async () => {
    const portal = servePortal(server);
    const retryDate = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    server.use(
      http.get(
        `${portal.baseUrl}/v1/catalog/districts`,
        () =>
          new HttpResponse('', {
            status: 429,
            headers: { 'Retry-After': retryDate.toUTCString() },
          }),
        { once: true },
      ),
    );

    const error = await clientFor(portal)
      .catalog.districts()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitedError);
    const retryAt = (error as RateLimitedError).retryAt!.getTime();
    expect(Math.abs(retryAt - retryDate.getTime())).toBeLessThanOrEqual(1_000);
  });

  it('does not wait past the deadline: it fails with the portal’s own error instead', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 503, retryAfterSeconds: 3 });

    const started = Date.now();
    const error = await clientFor(portal, { deadlineMs: 1_000 })
      .catalog.districts()
      .catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(900);
    expect(error).toBeInstanceOf(ServerUnavailableError);
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(1);
  });
});

describe('retry options', () => {
  it.each([
    ['maxRetries', -1],
    ['timeoutMs', 'soon'],
    ['deadlineMs', Number.NaN],
    ['maxRetryAfterMs', '30s'],
  ])('refuses %s = %s with a ValidationError naming it', (option, value) => {
    const portal = servePortal(server);
    const make = () => clientFor(portal, { [option]: value });

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(option);
  });
});
