import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import * as wbg from 'wb-grievance';
import {
  AbortedError,
  AttachmentTooLargeError,
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  GrievanceClosedError,
  GrievanceError,
  NetworkError,
  NotFoundError,
  OtpExpiredError,
  OtpInvalidError,
  OtpLockedError,
  OtpResendTooSoonError,
  RateLimitedError,
  ReminderTooSoonError,
  ServerUnavailableError,
  SessionExpiredError,
  TimeoutError,
  UnexpectedResponseError,
  UnsupportedMediaTypeError,
  ValidationError,
  isGrievanceError,
} from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import { MOBILE, clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/error-bodies/${name}`, import.meta.url), 'utf8');
const HTML_502 = fixture('html-502.html');
const DIGIT = fixture('digit-errors.json');
const OPEN311 = fixture('open311-errors.json');

async function failure(promise: Promise<unknown>): Promise<GrievanceError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GrievanceError,
  );
}

function requestsTo(portal: MockPortal, path: string) {
  return portal.requestLog.filter((entry) => entry.path === path);
}

const BENGALI_ONLY = /^[\u0980-\u09FF\s।,.\-:()0-9]+$/u;

describe('error bodies that are not the contract’s envelope', () => {
  it('reads an HTML 502 page as a retryable ServerUnavailableError, retried for GETs', async () => {
    const portal = servePortal(server);
    portal.inject({
      call: 'catalog.districts',
      status: 502,
      body: HTML_502,
      contentType: 'text/html',
      times: Infinity,
    });

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error).toBeInstanceOf(ServerUnavailableError);
    expect(error).toMatchObject({ status: 502, retryable: true, rawBody: HTML_502 });
    expect(error.message).not.toMatch(/<html/);
    expect(requestsTo(portal, '/v1/catalog/districts')).toHaveLength(3);
  });

  it('gets past one HTML 502 page to the answer behind it', async () => {
    const portal = servePortal(server);
    portal.inject({
      call: 'catalog.districts',
      status: 502,
      body: HTML_502,
      contentType: 'text/html',
    });

    await expect(clientFor(portal).catalog.districts()).resolves.not.toHaveLength(0);
  });

  it('reads an HTML page served with 200 (a captive portal) as UnexpectedResponseError', async () => {
    const portal = servePortal(server);
    portal.inject({
      call: 'catalog.districts',
      status: 200,
      body: HTML_502,
      contentType: 'text/html',
    });

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 200, rawBody: HTML_502 });
    expect(error.message).toMatch(/text\/html/);
  });

  it('reads DIGIT’s { Errors: [...] } with its code and message', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({
      call: 'citizens.me',
      status: 400,
      body: DIGIT,
      contentType: 'application/json',
    });

    const error = await failure(client.citizens.me());

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'INVALID_ACTION', status: 400, rawBody: DIGIT });
    expect(error.message).toContain('Complaint is closed');
  });

  it('reads Open311’s [{ code, description }] as ForbiddenError, keeping the description', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({
      call: 'citizens.me',
      status: 403,
      body: OPEN311,
      contentType: 'application/json',
    });

    const error = await failure(client.citizens.me());

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, rawBody: OPEN311 });
    expect(error.message).toContain(
      "Invalid api_key received -- can't proceed with create_request.",
    );
  });

  it('reads an empty 500 as a server error with an empty raw body', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 500, body: '' });

    const error = await failure(clientFor(portal, { maxRetries: 0 }).catalog.districts());

    expect(error).toBeInstanceOf(ServerUnavailableError);
    expect(error).toMatchObject({ code: 'INTERNAL', status: 500, rawBody: '' });
  });

  it('keeps at most 4 KiB of a long raw body', async () => {
    const portal = servePortal(server);
    const page = `<html>${'x'.repeat(20_000)}</html>`;
    portal.inject({ call: 'catalog.districts', status: 400, body: page, contentType: 'text/html' });

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error.rawBody!.length).toBeLessThanOrEqual(4097);
    expect(page.startsWith(error.rawBody!.slice(0, 4096))).toBe(true);
    expect(JSON.stringify(error).length).toBeLessThan(6_000);
  });
});

describe('answers the client cannot read', () => {
  it('does not parse a 204 as JSON (logout)', async () => {
    const { portal, client } = await signedIn(server);

    await expect(client.auth.logout()).resolves.toBeUndefined();
    expect(requestsTo(portal, '/v1/auth/logout')[0]?.status).toBe(204);
  });

  it('reads a 204 where a body was due as UnexpectedResponseError, not SyntaxError', async () => {
    const portal = servePortal(server);
    server.use(
      http.get(
        `${portal.baseUrl}/v1/catalog/districts`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/empty body/);
  });

  it('names the field of JSON that fails the contract', async () => {
    const portal = servePortal(server);
    server.use(
      http.get(`${portal.baseUrl}/v1/catalog/districts`, () =>
        HttpResponse.json({ items: [{ code: 42, labels: { en: 'Kolkata', bn: 'কলকাতা' } }] }),
      ),
    );

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toContain('items.0.code');
    expect(error.rawBody).toContain('"code":42');
  });

  it('reads broken JSON as UnexpectedResponseError', async () => {
    const portal = servePortal(server);
    server.use(
      http.get(
        `${portal.baseUrl}/v1/catalog/districts`,
        () =>
          new HttpResponse('{"items":[{"code":"KOL', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );

    const error = await failure(clientFor(portal).catalog.districts());

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('each contract error code becomes its class', () => {
  const TABLE = [
    ['VALIDATION_FAILED', 400, ValidationError],
    ['UNAUTHENTICATED', 401, AuthenticationError],
    ['SESSION_EXPIRED', 401, SessionExpiredError],
    ['FORBIDDEN', 403, ForbiddenError],
    ['GRIEVANCE_NOT_FOUND', 404, NotFoundError],
    ['NOT_FOUND', 404, NotFoundError],
    ['IDEMPOTENCY_KEY_REUSED', 409, ConflictError],
    ['REMINDER_TOO_SOON', 409, ReminderTooSoonError],
    ['GRIEVANCE_CLOSED', 409, GrievanceClosedError],
    ['OTP_EXPIRED', 410, OtpExpiredError],
    ['ATTACHMENT_TOO_LARGE', 413, AttachmentTooLargeError],
    ['UNSUPPORTED_MEDIA_TYPE', 415, UnsupportedMediaTypeError],
    ['OTP_INVALID', 422, OtpInvalidError],
    ['OTP_LOCKED', 423, OtpLockedError],
    ['RATE_LIMITED', 429, RateLimitedError],
    ['OTP_RESEND_TOO_SOON', 429, OtpResendTooSoonError],
    ['INTERNAL', 500, ServerUnavailableError],
    ['UPSTREAM_UNAVAILABLE', 503, ServerUnavailableError],
  ] as const;

  it.each(TABLE)('%s (%i) is %O', async (code, status, ErrorClass) => {
    const portal = servePortal(server);
    portal.inject({ call: 'auth.requestOtp', code });

    const error = await failure(clientFor(portal).auth.requestOtp({ mobile: MOBILE }));

    expect(error.constructor).toBe(ErrorClass);
    expect(error).toMatchObject({ code, status });
    expect(error.requestId).toMatch(/\S/);
    expect(isGrievanceError(error)).toBe(true);
    expect(error.userMessage('bn')).toMatch(BENGALI_ONLY);
    expect(error.userMessage('en')).toMatch(/^[\x20-\x7E]+$/);
  });

  it('marks exactly the transient statuses retryable', async () => {
    const retryable: Record<string, boolean> = {};
    for (const [code] of TABLE) {
      const portal = servePortal(server);
      portal.inject({ call: 'auth.requestOtp', code });
      const error = await failure(clientFor(portal).auth.requestOtp({ mobile: MOBILE }));
      if (error.retryable) retryable[code] = true;
    }

    expect(Object.keys(retryable).sort()).toEqual([
      'INTERNAL',
      'OTP_RESEND_TOO_SOON',
      'RATE_LIMITED',
      'UPSTREAM_UNAVAILABLE',
    ]);
  });

  it('carries attemptsRemaining on OtpInvalidError', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    const wrong = portal.lastOtp(MOBILE) === '000000' ? '111111' : '000000';

    const error = await failure(client.auth.verifyOtp({ otpRequestId, otp: wrong }));

    expect(error).toBeInstanceOf(OtpInvalidError);
    expect((error as OtpInvalidError).attemptsRemaining).toBe(4);
  });

  it.each([
    [404, 'NO_SUCH_THING', NotFoundError],
    [409, 'ALREADY_DONE', ConflictError],
    [503, 'MAINTENANCE', ServerUnavailableError],
    [418, 'TEAPOT', GrievanceError],
  ] as const)('maps an unknown code by its status: %i %s', async (status, code, ErrorClass) => {
    const portal = servePortal(server);
    portal.inject({ call: 'auth.requestOtp', status, code });

    const error = await failure(clientFor(portal).auth.requestOtp({ mobile: MOBILE }));

    expect(error.constructor).toBe(ErrorClass);
    expect(error).toMatchObject({ code, status });
    expect(error.userMessage('bn')).toMatch(BENGALI_ONLY);
  });
});

describe('user messages', () => {
  const CLIENT_ERRORS = [
    new TimeoutError({ code: 'TIMEOUT', message: 'x' }),
    new AbortedError({ code: 'ABORTED', message: 'x' }),
    new NetworkError({ code: 'NETWORK_ERROR', message: 'x' }),
    new UnexpectedResponseError({ code: 'UNEXPECTED_RESPONSE', message: 'x' }),
    new ServerUnavailableError({ code: 'SOMETHING_NEW', message: 'x' }),
    new GrievanceError({ code: 'SOMETHING_ELSE', message: 'x' }),
    ValidationError.forField('description', 'too_short', 'must be at least 10 characters'),
  ];

  it.each(CLIENT_ERRORS.map((e) => [e.code, e] as const))(
    'gives %s a message in Bengali and one in English',
    (_, error) => {
      const bn = error.userMessage('bn');
      const en = error.userMessage('en');

      expect(bn).toMatch(BENGALI_ONLY);
      expect(en).toMatch(/[A-Za-z]/);
      expect(en).not.toBe(bn);
    },
  );

  it('falls back to the class’s own message for a code it does not know', () => {
    const unknown = new ServerUnavailableError({ code: 'SOMETHING_NEW', message: 'x' });
    const known = new ServerUnavailableError({ code: 'SERVER_UNAVAILABLE', message: 'x' });

    expect(unknown.userMessage('bn')).toBe(known.userMessage('bn'));
  });
});

describe('isGrievanceError', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const cjsEntry = resolve(here, '../dist/index.cjs');

  /** Loads the package's CommonJS build into a fresh realm (its own Error, Object, ...). */
  function loadInNewRealm(entry: string): typeof wbg {
    const context = vm.createContext({ URL, TextEncoder, TextDecoder, crypto, AbortSignal });
    const nodeRequire = createRequire(entry);
    const cache = new Map<string, { exports: unknown }>();
    const load = (file: string): unknown => {
      const cached = cache.get(file);
      if (cached) return cached.exports;
      const module = { exports: {} as unknown };
      cache.set(file, module);
      const source = readFileSync(file, 'utf8');
      const wrapper = vm.runInContext(
        `(function (exports, require, module) {${source}\n})`,
        context,
        { filename: file },
      ) as (e: unknown, r: (s: string) => unknown, m: { exports: unknown }) => void;
      wrapper(
        module.exports,
        (spec) => (spec.startsWith('.') ? load(resolve(dirname(file), spec)) : nodeRequire(spec)),
        module,
      );
      return module.exports;
    };
    return load(entry) as typeof wbg;
  }

  it('recognises an error made in another realm, where instanceof fails', () => {
    const realm = loadInNewRealm(cjsEntry);
    const error = new realm.NotFoundError({ code: 'GRIEVANCE_NOT_FOUND', message: 'gone' });

    expect(error).not.toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(GrievanceError);
    expect(isGrievanceError(error)).toBe(true);
    expect(realm.isGrievanceError(new NotFoundError({ code: 'NOT_FOUND', message: 'x' }))).toBe(
      true,
    );
  });

  it('recognises an error from a duplicated copy of the package (the CommonJS build)', async () => {
    const copy = createRequire(import.meta.url)(cjsEntry) as typeof wbg;
    expect(copy.GrievanceError).not.toBe(GrievanceError);

    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 404 });
    const client = new copy.GrievanceClient({ baseUrl: portal.baseUrl });
    const error = await failure(client.catalog.districts());

    expect(error).not.toBeInstanceOf(GrievanceError);
    expect(isGrievanceError(error)).toBe(true);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses what is not one of its errors, from any realm', () => {
    const foreign = vm.runInNewContext('new Error("x")') as unknown;

    for (const value of [
      new Error('x'),
      foreign,
      { code: 'NOT_FOUND', status: 404, name: 'GrievanceError' },
      Object.create(GrievanceError.prototype),
      null,
      undefined,
      'GrievanceError',
    ]) {
      expect(isGrievanceError(value)).toBe(false);
    }
  });
});

describe('the error object', () => {
  it('has a class and a name that match its export, for every error class', () => {
    const classes = Object.entries(wbg).filter(
      ([name, value]) => /^[A-Z]\w*Error$/.test(name) && typeof value === 'function',
    ) as [string, typeof GrievanceError][];
    expect(classes.length).toBeGreaterThanOrEqual(20);

    for (const [name, ErrorClass] of classes) {
      const error = new ErrorClass({ code: 'X', message: 'm' } as never);
      expect([ErrorClass.name, error.name]).toEqual([name, name]);
      expect(error).toBeInstanceOf(GrievanceError);
      expect(String(error)).toBe(`${name}: m`);
    }
  });

  it('keeps the request id, status and raw body in toJSON', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'auth.requestOtp', code: 'FORBIDDEN', message: 'No access.' });

    const error = await failure(clientFor(portal).auth.requestOtp({ mobile: MOBILE }));
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;

    expect(json).toMatchObject({
      name: 'ForbiddenError',
      code: 'FORBIDDEN',
      status: 403,
      requestId: error.requestId,
      retryable: false,
    });
    expect(json.rawBody).toContain(error.requestId);
    expect(error.message).toContain('No access.');
  });
});
