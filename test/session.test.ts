import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  GrievanceClient,
  SessionExpiredError,
  ValidationError,
  type GrievanceDraft,
  type SessionStore,
  type StoredSession,
} from 'wb-grievance';
import {
  DESCRIPTION,
  FILES,
  clientFor,
  manualClock,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();
const MINUTE = 60_000;

/** A portal whose clock starts at the real time and moves only when the test says. */
function portalWithClock(start = new Date()) {
  const clock = manualClock(start.toISOString());
  const portal = servePortal(server, { now: clock.now });
  return { clock, portal };
}

function memoryStore() {
  let held: StoredSession | undefined;
  return {
    get: vi.fn(() => held),
    set: vi.fn((session: StoredSession) => {
      held = session;
    }),
    clear: vi.fn(() => {
      held = undefined;
    }),
  } satisfies SessionStore;
}

describe('an expired session', () => {
  it('gives SessionExpiredError, and the same draft files once after signing in again', async () => {
    const { clock, portal } = portalWithClock();
    const client = clientFor(portal);
    await signIn(client, portal);
    const draft: GrievanceDraft = {
      description: DESCRIPTION,
      district: 'KOLKATA',
      attachments: [{ file: FILES.png, kind: 'photo', fileName: 'lamp.png' }],
    };

    clock.advance(31 * MINUTE);
    const error = await client.grievances.submit(draft).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(client.auth.session.signedIn).toBe(false);
    expect(portal.grievances()).toHaveLength(0);

    await signIn(client, portal);
    const g = await client.grievances.submit(draft);

    expect(portal.grievances().map((w) => w.grievanceId)).toEqual([g.grievanceId]);
    expect(g.attachments.map((a) => a.fileName)).toEqual(['lamp.png']);
  });

  it('lets onSessionExpired sign in again, and the call then succeeds by itself', async () => {
    const { clock, portal } = portalWithClock();
    const onSessionExpired = vi.fn(async (error: SessionExpiredError) => {
      expect(error).toBeInstanceOf(SessionExpiredError);
      await signIn(client, portal);
    });
    const client = clientFor(portal, { onSessionExpired });
    await signIn(client, portal);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

    clock.advance(31 * MINUTE);
    const read = await client.grievances.get(g.grievanceId);

    expect(read.grievanceId).toBe(g.grievanceId);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(portal.outbox).toHaveLength(2);
  });

  it('runs onSessionExpired once for calls that found the session expired together', async () => {
    const { clock, portal } = portalWithClock();
    const onSessionExpired = vi.fn(() => signIn(client, portal).then(() => undefined));
    const client = clientFor(portal, { onSessionExpired });
    await signIn(client, portal);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

    clock.advance(31 * MINUTE);
    const results = await Promise.all([
      client.grievances.get(g.grievanceId),
      client.grievances.events(g.grievanceId),
      client.citizens.me(),
    ]);

    expect(results).toHaveLength(3);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(portal.requestLog.filter((r) => r.status === 401)).toHaveLength(3);
  });

  it('fails with SessionExpiredError when onSessionExpired does not sign in', async () => {
    const { clock, portal } = portalWithClock();
    const onSessionExpired = vi.fn();
    const client = clientFor(portal, { onSessionExpired });
    await signIn(client, portal);

    clock.advance(31 * MINUTE);

    await expect(client.citizens.me()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('fails with SessionExpiredError, not the hook’s own error, when the hook throws', async () => {
    const { clock, portal } = portalWithClock();
    const client = clientFor(portal, {
      onSessionExpired: () => {
        throw new TypeError('the app’s sign-in screen crashed');
      },
    });
    await signIn(client, portal);

    clock.advance(31 * MINUTE);

    await expect(client.citizens.me()).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('leaves expiry to the portal’s clock, not the device’s', async () => {
    const { portal } = portalWithClock(new Date(Date.now() - 3 * 60 * MINUTE));
    const client = clientFor(portal);
    const { expiresAt } = await signIn(client, portal);
    expect(expiresAt.getTime()).toBeLessThan(Date.now());

    await expect(client.citizens.me()).resolves.toMatchObject({ registered: false });
    expect(client.auth.session.signedIn).toBe(true);
  });
});

describe('a session the portal no longer knows', () => {
  it('is forgotten after the 401, so the next call asks to sign in without a request', async () => {
    const { portal, client } = await signedIn(server);

    portal.reset();
    const error = await client.grievances
      .list()
      .next()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(client.auth.session.signedIn).toBe(false);
    const sent = portal.requestLog.length;
    await expect(client.grievances.listPage()).rejects.toBeInstanceOf(AuthenticationError);
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('lets onSessionExpired sign in again, and the call is repeated once', async () => {
    const portal = servePortal(server);
    const onSessionExpired = vi.fn(async (error: AuthenticationError) => {
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(client.auth.session.signedIn).toBe(false);
      await signIn(client, portal);
    });
    const client = clientFor(portal, { onSessionExpired });
    await signIn(client, portal);

    portal.reset();
    const page = await client.grievances.listPage();

    expect(page.items).toEqual([]);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(client.auth.session.signedIn).toBe(true);
  });

  it('is logged out quietly, without running onSessionExpired', async () => {
    const portal = servePortal(server);
    const onSessionExpired = vi.fn();
    const client = clientFor(portal, { onSessionExpired });
    await signIn(client, portal);

    portal.reset();

    await expect(client.auth.logout()).resolves.toBeUndefined();
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(client.auth.session.signedIn).toBe(false);
  });
});

describe('sessionStore', () => {
  it('keeps the session in the store the app gives, and the session survives a restart', async () => {
    const portal = servePortal(server);
    const store = memoryStore();
    await signIn(clientFor(portal, { sessionStore: store }), portal);

    expect(store.set).toHaveBeenCalledTimes(1);
    const saved = store.set.mock.calls[0]![0];
    expect(saved).toMatchObject({ accessToken: expect.any(String), expiresAt: expect.any(String) });
    expect(saved.citizen.mobile).toBe('+919830012345');

    const restarted = clientFor(portal, { sessionStore: store });
    expect(restarted.auth.session).toMatchObject({ signedIn: true });
    await expect(restarted.citizens.me()).resolves.toMatchObject({ mobile: '+919830012345' });
    expect(portal.outbox).toHaveLength(1);
  });

  it('clears the store on logout, and the old token stops working on the portal', async () => {
    const portal = servePortal(server);
    const store = memoryStore();
    const client = clientFor(portal, { sessionStore: store });
    await signIn(client, portal);
    const copy = { ...store.set.mock.calls[0]![0] };

    await client.auth.logout();

    expect(store.clear).toHaveBeenCalled();
    expect(store.get()).toBeUndefined();
    expect(client.auth.session).toEqual({ signedIn: false });
    const stale = clientFor(portal, {
      sessionStore: { get: () => copy, set: () => {}, clear: () => {} },
    });
    await expect(stale.citizens.me()).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'UNAUTHENTICATED',
    });
  });

  it('treats whatever a store holds that is not a session as no session', async () => {
    const portal = servePortal(server);
    for (const junk of ['garbage', 42, { accessToken: 7 }, { accessToken: 'x' }, null]) {
      const client = clientFor(portal, {
        sessionStore: { get: () => junk as never, set: () => {}, clear: () => {} },
      });

      expect(client.auth.session).toEqual({ signedIn: false });
      await expect(client.citizens.me()).rejects.toBeInstanceOf(AuthenticationError);
    }
    expect(portal.requestLog).toHaveLength(0);
  });

  it('never shows the token in the session state', async () => {
    const { client } = await signedIn(server);

    expect(JSON.stringify(client.auth.session)).not.toMatch(/token/i);
    expect(Object.keys(client.auth.session).sort()).toEqual(['citizen', 'expiresAt', 'signedIn']);
  });
});

describe('signed out', () => {
  it('refuses a call that needs a session before sending it', async () => {
    const portal = servePortal(server);

    const error = await clientFor(portal)
      .grievances.get('MOCK-2026-000001')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect((error as AuthenticationError).userMessage('bn')).toMatch(/[\u0980-\u09FF]/);
    expect(portal.requestLog).toHaveLength(0);
  });

  it('logs out without a session quietly and without a request', async () => {
    const portal = servePortal(server);

    await expect(clientFor(portal).auth.logout()).resolves.toBeUndefined();
    expect(portal.requestLog).toHaveLength(0);
  });
});

describe('client options', () => {
  it.each([
    'http://portal.example',
    'http://10.0.0.5:8080',
    'ftp://portal.example',
    'http://localhost.evil.example',
    'portal.example',
    '',
    'https://portal.example/?region=wb',
    'https://portal.example/?',
    'https://portal.example/#top',
    'https://portal.example/v1',
    'http://localhost:4010/api/v1/',
  ])('refuses baseUrl %j', (baseUrl) => {
    const make = () => new GrievanceClient({ baseUrl });

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/baseUrl/);
  });

  it.each(['http://admin:s3cret@127.0.0.1:1', 'https://s3cret@portal.example'])(
    'refuses a user name or password in baseUrl %j without repeating it',
    (baseUrl) => {
      const error = (() => {
        try {
          return new GrievanceClient({ baseUrl });
        } catch (e) {
          return e;
        }
      })();

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details[0]?.field).toBe('baseUrl');
      expect(JSON.stringify(error) + String(error)).not.toContain('s3cret');
    },
  );

  it('tells to give baseUrl without /v1', () => {
    expect(() => new GrievanceClient({ baseUrl: 'https://portal.example/v1/' })).toThrow(
      /without \/v1/,
    );
  });

  it.each([
    ['maxRetries', 1.5],
    ['maxRetries', -1],
    ['maxRetries', Infinity],
    ['maxAttachments', 0.5],
    ['maxAttachments', '5'],
  ])('refuses %s of %j: a count is a whole number of 0 or more', (option, value) => {
    const make = () => new GrievanceClient({ baseUrl: 'https://portal.example', [option]: value });

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(option);
  });

  it('accepts maxRetries and maxAttachments of 0', () => {
    expect(
      () =>
        new GrievanceClient({
          baseUrl: 'https://portal.example',
          maxRetries: 0,
          maxAttachments: 0,
        }),
    ).not.toThrow();
  });

  it.each([
    'https://portal.example',
    'http://localhost:8080',
    'http://127.0.0.1',
    'http://[::1]:3000/api',
  ])('accepts baseUrl %j', (baseUrl) => {
    expect(() => new GrievanceClient({ baseUrl })).not.toThrow();
  });

  it('accepts plain HTTP elsewhere only with allowInsecureHttp', () => {
    expect(
      () => new GrievanceClient({ baseUrl: 'http://portal.example', allowInsecureHttp: true }),
    ).not.toThrow();
    expect(
      () => new GrievanceClient({ baseUrl: 'ftp://portal.example', allowInsecureHttp: true }),
    ).toThrow(ValidationError);
  });

  it('refuses an unknown option, naming it', () => {
    const make = () =>
      new GrievanceClient({ baseUrl: 'https://portal.example', maxRetry: 3 } as never);

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(/maxRetry/);
  });

  it.each([
    ['logger', { info: () => {} }],
    ['logLevel', 'verbose'],
    ['sessionStore', { get: () => undefined }],
    ['onSessionExpired', 'signIn'],
    ['fetch', {}],
    ['signal', { aborted: 'no' }],
    ['language', 'hi'],
  ])('refuses %s of the wrong kind at construction', (option, value) => {
    const make = () => new GrievanceClient({ baseUrl: 'https://portal.example', [option]: value });

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(option);
  });

  it.each([undefined, null, 'https://portal.example', 42])(
    'refuses options that are not an object: %j',
    (options) => {
      expect(() => new GrievanceClient(options as never)).toThrow(ValidationError);
    },
  );
});
