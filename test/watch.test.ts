import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError, type Grievance } from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import { DESCRIPTION, clientFor, servePortal, signIn, signedIn, useServer } from './support.js';

const server = useServer();

type Step = Parameters<MockPortal['updateStatus']>;

/** What the officer does after the citizen sees each status. */
const OFFICER: Record<string, (id: string) => Step> = {
  RECEIVED: (id) => [id, 'FORWARDED', { departmentCode: 'POWER' }],
  FORWARDED: (id) => [id, 'UNDER_PROCESS'],
  UNDER_PROCESS: (id) => [id, 'RESOLVED', { note: 'lamp replaced' }],
};

const reads = (portal: MockPortal, id: string) =>
  portal.requestLog.filter((r) => r.method === 'GET' && r.path === `/v1/grievances/${id}`);

async function fileOne(options: Parameters<typeof signedIn>[1] = {}) {
  const { portal, client } = await signedIn(server, options);
  const grievance = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
  return { portal, client, id: grievance.grievanceId };
}

describe('watching a grievance', () => {
  it('yields the current state, then each status change, and ends on a final status', async () => {
    const { portal, client, id } = await fileOne();

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, { intervalMs: 5 })) {
      seen.push(g.status);
      const next = OFFICER[g.status];
      if (next) portal.updateStatus(...next(id));
    }

    expect(seen).toEqual(['RECEIVED', 'FORWARDED', 'UNDER_PROCESS', 'RESOLVED']);
  });

  it('yields nothing for polls that find the status unchanged', async () => {
    const portal = servePortal(server);
    let polls = 0;
    let id = '';
    const client = clientFor(portal, {
      // The officer acts only after the citizen has polled four times.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        if (id && url.endsWith(`/v1/grievances/${id}`) && ++polls === 4) {
          portal.updateStatus(id, 'CLOSED', { note: 'duplicate of an earlier grievance' });
        }
        return response;
      },
    });
    await signIn(client, portal);
    id = (await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' }))
      .grievanceId;

    const seen: Grievance[] = [];
    for await (const g of client.grievances.watch(id, { intervalMs: 5 })) seen.push(g);

    expect(seen.map((g) => g.status)).toEqual(['RECEIVED', 'CLOSED']);
    expect(reads(portal, id)).toHaveLength(5);
  });

  it('yields a grievance already closed once, and ends', async () => {
    const { portal, client, id } = await fileOne();
    portal.updateStatus(id, 'CLOSED');

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, { intervalMs: 5 })) seen.push(g.status);

    expect(seen).toEqual(['CLOSED']);
    expect(reads(portal, id)).toHaveLength(1);
  });

  it('ends quietly when the signal aborts while the caller handles a grievance', async () => {
    const { portal, client, id } = await fileOne();
    const controller = new AbortController();

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, {
      intervalMs: 60_000,
      signal: controller.signal,
    })) {
      seen.push(g.status);
      controller.abort();
    }

    expect(seen).toEqual(['RECEIVED']);
    expect(reads(portal, id)).toHaveLength(1);
  });

  it('ends quietly when the signal aborts during the wait between polls', async () => {
    const { client, id } = await fileOne();
    const controller = new AbortController();

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, {
      intervalMs: 60_000,
      signal: controller.signal,
    })) {
      seen.push(g.status);
      setTimeout(() => controller.abort(), 10);
    }

    expect(seen).toEqual(['RECEIVED']);
  });

  it('watches a dozen grievances under one signal without a leak warning from Node', async () => {
    const { client, id } = await fileOne();
    const page = new AbortController();
    const warnings: Error[] = [];
    const collect = (warning: Error) => warnings.push(warning);
    process.on('warning', collect);

    const watchOne = async () => {
      const seen: string[] = [];
      for await (const g of client.grievances.watch(id, {
        intervalMs: 60_000,
        signal: page.signal,
      }))
        seen.push(g.status);
      return seen;
    };
    try {
      const watching = Promise.all(Array.from({ length: 12 }, watchOne));
      setTimeout(() => page.abort(), 200);
      expect(await watching).toEqual(Array.from({ length: 12 }, () => ['RECEIVED']));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', collect);
    }

    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  it('yields nothing when the signal has already aborted', async () => {
    const { portal, client, id } = await fileOne();
    const sent = portal.requestLog.length;

    const seen: Grievance[] = [];
    for await (const g of client.grievances.watch(id, { signal: AbortSignal.abort() }))
      seen.push(g);

    expect(seen).toEqual([]);
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('waits out a 503’s Retry-After, then carries on', async () => {
    const { portal, client, id } = await fileOne({ client: { maxRetries: 0 } });

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, { intervalMs: 5 })) {
      seen.push(g.status);
      if (g.status === 'RECEIVED') {
        portal.inject({ call: 'grievances.get', status: 503, retryAfterSeconds: 1 });
        portal.updateStatus(id, 'FORWARDED', { departmentCode: 'POWER' });
      }
      if (g.status === 'FORWARDED') portal.updateStatus(id, 'CLOSED');
    }

    expect(seen).toEqual(['RECEIVED', 'FORWARDED', 'CLOSED']);
    const log = reads(portal, id);
    expect(log.map((r) => r.status).slice(0, 3)).toEqual([200, 503, 200]);
    expect(log[2]!.at.getTime() - log[1]!.at.getTime()).toBeGreaterThanOrEqual(950);
  });

  it('backs off further after each failure in a row', async () => {
    const { portal, client, id } = await fileOne({ client: { maxRetries: 0 } });

    const seen: string[] = [];
    for await (const g of client.grievances.watch(id, { intervalMs: 40 })) {
      seen.push(g.status);
      if (g.status === 'RECEIVED') {
        portal.inject({ call: 'grievances.get', status: 500, times: 2 });
        portal.updateStatus(id, 'CLOSED');
      }
    }

    expect(seen).toEqual(['RECEIVED', 'CLOSED']);
    const at = reads(portal, id).map((r) => r.at.getTime());
    expect(reads(portal, id).map((r) => r.status)).toEqual([200, 500, 500, 200]);
    // 40 ms after the first read, then twice and four times the interval after each failure.
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(155);
  });

  it('throws an error that waiting cannot fix', async () => {
    const { portal, client, id } = await fileOne();

    const unknown = client.grievances.watch('MOCK-2026-999999', { intervalMs: 5 });
    await expect(unknown.next()).rejects.toBeInstanceOf(NotFoundError);

    const seen: string[] = [];
    const watching = (async () => {
      for await (const g of client.grievances.watch(id, { intervalMs: 5 })) {
        seen.push(g.status);
        portal.inject({ call: 'grievances.get', status: 404, code: 'GRIEVANCE_NOT_FOUND' });
        portal.updateStatus(id, 'FORWARDED', { departmentCode: 'POWER' });
      }
    })();
    await expect(watching).rejects.toMatchObject({ code: 'GRIEVANCE_NOT_FOUND' });
    expect(seen).toEqual(['RECEIVED']);
  });

  it('refuses a bad ID or options at once, before polling', async () => {
    const { portal, client, id } = await fileOne();
    const sent = portal.requestLog.length;

    expect(() => client.grievances.watch('../x')).toThrow(ValidationError);
    for (const options of [{ intervalMs: 0 }, { intervalMs: Number.NaN }, { intervalMs: '5' }]) {
      expect(() => client.grievances.watch(id, options as never)).toThrow(ValidationError);
    }
    expect(() => client.grievances.watch(id, { signal: 'stop' as never })).toThrow(ValidationError);
    expect(portal.requestLog).toHaveLength(sent);
  });
});
