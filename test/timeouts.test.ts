import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  GrievanceClient,
  NetworkError,
  ServerUnavailableError,
  TimeoutError,
  ValidationError,
  isGrievanceError,
} from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import { DESCRIPTION, FILES, clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

/** Headers at once, then the first bytes of a body that never ends. */
function stalledBody(portal: MockPortal, path: string, opts: { once?: boolean } = {}) {
  const encoder = new TextEncoder();
  server.use(
    http.get(
      `${portal.baseUrl}${path}`,
      () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode('{"items":['));
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
      opts,
    ),
  );
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('timeouts', () => {
  it('times out a response whose headers came but whose body stalls', async () => {
    const portal = servePortal(server);
    stalledBody(portal, '/v1/catalog/districts');

    const started = Date.now();
    const error = await failure(
      clientFor(portal, { timeoutMs: 300, maxRetries: 0 }).catalog.districts(),
    );

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries a GET whose body stalled, and returns the next answer', async () => {
    const portal = servePortal(server);
    stalledBody(portal, '/v1/catalog/districts', { once: true });

    const districts = await clientFor(portal, { timeoutMs: 300 }).catalog.districts();

    expect(districts.length).toBeGreaterThan(0);
  });

  it('applies a per-call timeoutMs over the client’s', async () => {
    const { portal, client } = await signedIn(server, { client: { timeoutMs: 30_000 } });
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
    portal.inject({ call: 'grievances.get', delayMs: 3_000, times: Infinity });

    const started = Date.now();
    const error = await failure(client.grievances.get(g.grievanceId, { timeoutMs: 200 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('ends a whole call at deadlineMs, retries included', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 5_000 });

    const started = Date.now();
    const error = await failure(clientFor(portal, { deadlineMs: 400 }).catalog.districts());

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toMatch(/deadline/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('keeps the deadline when the wall clock is set back during the call', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 60_000, times: Infinity });
    const client = clientFor(portal, { deadlineMs: 1_000, timeoutMs: 800, maxRetries: 5 });
    const wallClock = Date.now;
    setTimeout(() => (Date.now = () => wallClock() - 3_600_000), 100);

    const started = performance.now();
    const error = await failure(client.catalog.districts()).finally(() => (Date.now = wallClock));

    // The first attempt times out at 800 ms and no retry fits in the 200 ms left; a deadline
    // read off the wall clock would have let all five retries run (about 16 s).
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops retrying when the deadline leaves no time for another attempt', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 503, times: Infinity });

    const started = Date.now();
    const error = await failure(
      clientFor(portal, { maxRetries: 20, deadlineMs: 1_200 }).catalog.districts(),
    );

    expect(Date.now() - started).toBeLessThan(1_400);
    expect(error).toBeInstanceOf(ServerUnavailableError);
    const requests = portal.requestLog.length;
    expect(requests).toBeGreaterThanOrEqual(2);
    expect(requests).toBeLessThan(21);
  });
});

describe('timeouts a timer cannot keep', () => {
  const LONGEST = 2_147_483_647;

  it.each([
    ['timeoutMs', Infinity],
    ['timeoutMs', 3e9],
    ['timeoutMs', 0],
    ['timeoutMs', NaN],
    ['deadlineMs', Infinity],
    ['deadlineMs', LONGEST + 1],
    ['deadlineMs', 0],
    ['maxRetryAfterMs', Infinity],
    ['maxRetryAfterMs', 3e9],
    ['maxRetryAfterMs', -1],
  ])('refuses %s of %d at construction', (option, value) => {
    const make = () => new GrievanceClient({ baseUrl: 'https://portal.example', [option]: value });

    expect(make).toThrow(ValidationError);
    expect(make).toThrow(option);
  });

  it('accepts the longest timer and a maxRetryAfterMs of 0 (never wait)', () => {
    expect(
      () =>
        new GrievanceClient({
          baseUrl: 'https://portal.example',
          timeoutMs: LONGEST,
          deadlineMs: LONGEST,
          maxRetryAfterMs: 0,
        }),
    ).not.toThrow();
  });

  it.each([Infinity, 3e9, 0, NaN])(
    'refuses a per-call timeoutMs of %d before sending',
    async (timeoutMs) => {
      const portal = servePortal(server);

      const error = await failure(clientFor(portal).catalog.districts({ timeoutMs }));

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details[0]?.field).toBe('timeoutMs');
      expect(portal.requestLog).toHaveLength(0);
    },
  );

  it('refuses a watch interval longer than a timer can wait', async () => {
    const { client } = await signedIn(server);

    expect(() => client.grievances.watch('MOCK-2026-000001', { intervalMs: 3e9 })).toThrow(
      ValidationError,
    );
  });
});

describe('cancellation', () => {
  it('aborts a call by the signal passed to that call', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 5_000 });
    const call = new AbortController();

    const pending = failure(clientFor(portal).catalog.districts({ signal: call.signal }));
    setTimeout(() => call.abort(), 100);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ABORTED', retryable: false });
  });

  it('aborts a call by the client’s signal while the call has a signal of its own', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 5_000 });
    const everything = new AbortController();
    const call = new AbortController();
    const client = clientFor(portal, { signal: everything.signal });

    const pending = failure(client.catalog.districts({ signal: call.signal }));
    setTimeout(() => everything.abort(), 100);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(call.signal.aborted).toBe(false);
  });

  it('shares one signal among many calls without a leak warning from Node', async () => {
    const portal = servePortal(server);
    const everything = new AbortController();
    const client = clientFor(portal, { signal: everything.signal });
    const warnings: Error[] = [];
    const collect = (warning: Error) => warnings.push(warning);
    process.on('warning', collect);

    try {
      await Promise.all(
        Array.from({ length: 20 }, () => client.catalog.districts({ signal: everything.signal })),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', collect);
    }

    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  it('aborts every call in flight when their shared signal aborts', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 5_000, times: Infinity });
    const everything = new AbortController();
    const client = clientFor(portal, { signal: everything.signal });

    const pending = Array.from({ length: 30 }, () => failure(client.catalog.districts()));
    setTimeout(() => everything.abort(new Error('signed out')), 100);
    const errors = await Promise.all(pending);

    expect(errors.every((e) => e instanceof AbortedError)).toBe(true);
  });

  it('refuses a signal that cannot stop being listened to, before sending', async () => {
    const portal = servePortal(server);
    const halfSignal = { aborted: false, reason: undefined, addEventListener() {} };

    const error = await failure(
      clientFor(portal).catalog.districts({ signal: halfSignal as unknown as AbortSignal }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(() => clientFor(portal, { signal: halfSignal as unknown as AbortSignal })).toThrow(
      ValidationError,
    );
    expect(portal.requestLog).toHaveLength(0);
  });

  it('aborts by a signal from another realm, as jsdom’s is', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', delayMs: 5_000 });
    const listeners: (() => void)[] = [];
    const foreign = {
      aborted: false,
      reason: undefined as unknown,
      addEventListener: (_: string, listener: () => void) => listeners.push(listener),
      removeEventListener: () => {},
    };

    const pending = failure(
      clientFor(portal).catalog.districts({ signal: foreign as unknown as AbortSignal }),
    );
    setTimeout(() => {
      Object.assign(foreign, { aborted: true, reason: new Error('tab closed') });
      for (const listener of listeners) listener();
    }, 100);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).cause).toEqual(new Error('tab closed'));
  });

  it('keeps the abort reason as the cause', async () => {
    const portal = servePortal(server);
    const call = new AbortController();
    const reason = new Error('the citizen left the page');
    call.abort(reason);

    const error = await failure(clientFor(portal).catalog.districts({ signal: call.signal }));

    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).cause).toBe(reason);
    expect(portal.requestLog).toHaveLength(0);
  });

  it('fails every later call of a client whose signal has aborted', async () => {
    const portal = servePortal(server);
    const everything = new AbortController();
    const client = clientFor(portal, { signal: everything.signal });
    await client.catalog.districts();

    everything.abort();

    await expect(client.catalog.departments()).rejects.toBeInstanceOf(AbortedError);
    expect(portal.requestLog).toHaveLength(1);
  });

  it('leaves no listener behind on the client’s signal, however many calls it made', async () => {
    const portal = servePortal(server);
    const everything = new AbortController();
    let listening = 0;
    const { addEventListener, removeEventListener } = everything.signal;
    Object.assign(everything.signal, {
      addEventListener(...args: Parameters<AbortSignal['addEventListener']>) {
        listening++;
        addEventListener.apply(everything.signal, args);
      },
      removeEventListener(...args: Parameters<AbortSignal['removeEventListener']>) {
        listening--;
        removeEventListener.apply(everything.signal, args);
      },
    });
    const client = clientFor(portal, { signal: everything.signal, maxRetries: 1 });
    portal.inject({ call: 'catalog.districts', status: 503, times: 1 });

    for (let i = 0; i < 20; i++) await client.catalog.districts();
    portal.inject({ call: 'catalog.districts', delayMs: 5_000, times: 2 });
    expect(await failure(client.catalog.districts({ timeoutMs: 50 }))).toBeInstanceOf(TimeoutError);

    expect(portal.requestLog.length).toBeGreaterThan(20);
    expect(listening).toBe(0);
  });
  it('aborts during a Retry-After wait without waiting it out', async () => {
    const portal = servePortal(server);
    portal.inject({ call: 'catalog.districts', status: 503, retryAfterSeconds: 10 });
    const call = new AbortController();

    const started = Date.now();
    const pending = failure(clientFor(portal).catalog.districts({ signal: call.signal }));
    setTimeout(() => call.abort(), 300);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(portal.requestLog).toHaveLength(1);
  });

  it('aborts while the body is still arriving', async () => {
    const portal = servePortal(server);
    stalledBody(portal, '/v1/catalog/districts');
    const call = new AbortController();

    const pending = failure(clientFor(portal).catalog.districts({ signal: call.signal }));
    setTimeout(() => call.abort(), 200);

    expect(await pending).toBeInstanceOf(AbortedError);
  });

  it('reports an aborted submission as aborted, not as a failed upload', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'attachments.upload', delayMs: 5_000 });
    const call = new AbortController();

    const pending = failure(
      client.grievances.submit(
        {
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [{ file: FILES.png, kind: 'photo' }],
        },
        { signal: call.signal },
      ),
    );
    setTimeout(() => call.abort(), 100);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect(isGrievanceError(error)).toBe(true);
    expect(portal.grievances()).toHaveLength(0);
  });
});
