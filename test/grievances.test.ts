import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  currentStatus,
  type Grievance,
  type GrievanceClient,
  type Logger,
} from 'wb-grievance';
import type { MockPortal, WireGrievance } from 'wb-grievance/mocks';
import {
  DESCRIPTION,
  MOBILE,
  clientFor,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();

const lists = (portal: MockPortal) =>
  portal.requestLog.filter((r) => r.method === 'GET' && r.path === '/v1/grievances');

async function collect(iterable: AsyncIterable<Grievance>): Promise<Grievance[]> {
  const items: Grievance[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Seeds `count` grievances of the signed-in citizen, a minute apart, newest first in the result. */
function seedMany(
  portal: MockPortal,
  count: number,
  statusOf: (i: number) => 'RECEIVED' | 'RESOLVED' = () => 'RECEIVED',
) {
  const now = Date.now();
  const { grievances } = portal.seed({
    grievances: Array.from({ length: count }, (_, i) => ({
      mobile: MOBILE,
      description: `${DESCRIPTION} #${i}`,
      district: 'KOLKATA',
      submittedAt: new Date(now - (i + 1) * 60_000).toISOString(),
      status: statusOf(i),
    })),
  });
  return [...grievances].sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));
}

/** A grievance the portal really filed, in wire form, to build odd answers from. */
async function filedWire(client: GrievanceClient, portal: MockPortal): Promise<WireGrievance> {
  const filed = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
  return portal.grievances().find((g) => g.grievanceId === filed.grievanceId)!;
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    error: (m) => lines.push(`error ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    info: () => {},
    debug: () => {},
  };
  return { logger, lines };
}

describe('reading one grievance', () => {
  it('gets the citizen’s own grievance with Dates and labels', async () => {
    const { client } = await signedIn(server);
    const filed = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

    const read = await client.grievances.get(filed.grievanceId);

    expect(read).toEqual(filed);
    expect(read.submittedAt).toBeInstanceOf(Date);
    expect(read.statusLabel.bn).toBe('অভিযোগ গ্রহণ করা হয়েছে');
  });

  it('reports an ID the portal does not know as GRIEVANCE_NOT_FOUND', async () => {
    const { client } = await signedIn(server);

    const error = await client.grievances.get('MOCK-2026-999999').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'GRIEVANCE_NOT_FOUND' });
  });

  it('refuses another citizen’s grievance as FORBIDDEN', async () => {
    const { portal, client } = await signedIn(server);
    const neighbour = clientFor(portal);
    await signIn(neighbour, portal, '70012 34567');
    const theirs = await neighbour.grievances.submit({
      description: DESCRIPTION,
      district: 'NADIA',
    });

    const error = await client.grievances.get(theirs.grievanceId).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await expect(client.grievances.events(theirs.grievanceId)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses an ID that cannot be one before sending', async () => {
    const { portal, client } = await signedIn(server);
    const sent = portal.requestLog.length;

    for (const id of ['', 'ab', '../../v1/citizens/me', 'MOCK 2026', undefined, 42]) {
      await expect(client.grievances.get(id as string)).rejects.toBeInstanceOf(ValidationError);
      await expect(client.grievances.events(id as string)).rejects.toBeInstanceOf(ValidationError);
      await expect(client.grievances.remind(id as string)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('reads a status it does not know as UNKNOWN, keeping the raw status', async () => {
    const { portal, client } = await signedIn(server);
    const wire = await filedWire(client, portal);
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/:id`, () =>
        HttpResponse.json({
          ...wire,
          status: 'ESCALATED',
          rawStatus: 'ESCALATED',
          statusLabel: { en: 'Escalated', bn: 'উচ্চতর পর্যায়ে পাঠানো হয়েছে' },
        }),
      ),
    );

    const read = await client.grievances.get(wire.grievanceId);

    expect(read.status).toBe('UNKNOWN');
    expect(read.rawStatus).toBe('ESCALATED');
    expect(read.statusLabel.en).toBe('Escalated');
    expect(read.grievanceId).toBe(wire.grievanceId);
  });

  it('labels an unknown status itself when the portal sends no label', async () => {
    const { portal, client } = await signedIn(server);
    const wire = await filedWire(client, portal);
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/:id`, () =>
        HttpResponse.json({ ...wire, status: 'ESCALATED', rawStatus: '', statusLabel: null }),
      ),
    );

    const read = await client.grievances.get(wire.grievanceId);

    expect(read).toMatchObject({ status: 'UNKNOWN', rawStatus: 'ESCALATED' });
    expect(read.statusLabel).toEqual({ en: 'Unknown', bn: 'অজানা অবস্থা' });
  });
});

describe('listing grievances', () => {
  it('yields nothing for a citizen with no grievances, without throwing', async () => {
    const { portal, client } = await signedIn(server);

    expect(await collect(client.grievances.list())).toEqual([]);
    await expect(client.grievances.listPage()).resolves.toEqual({ items: [], nextCursor: null });
    expect(lists(portal)).toHaveLength(2);
  });

  it.each([
    [100, 3],
    [undefined, 13],
  ])('reads 250 grievances once each, newest first, %s a page', async (pageSize, pages) => {
    const { portal, client } = await signedIn(server);
    const seeded = seedMany(portal, 250);

    const read = await collect(client.grievances.list(pageSize ? { pageSize } : {}));

    const ids = read.map((g) => g.grievanceId);
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(seeded.map((g) => g.grievanceId));
    const times = read.map((g) => g.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(lists(portal)).toHaveLength(pages);
  });

  it('pages by hand with listPage and the cursor', async () => {
    const { portal, client } = await signedIn(server);
    const seeded = seedMany(portal, 250);

    const sizes: number[] = [];
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.grievances.listPage({ pageSize: 100, cursor });
      sizes.push(page.items.length);
      ids.push(...page.items.map((g) => g.grievanceId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(sizes).toEqual([100, 100, 50]);
    expect(ids).toEqual(seeded.map((g) => g.grievanceId));
  });

  it('lists only grievances in the status asked for', async () => {
    const { portal, client } = await signedIn(server);
    const seeded = seedMany(portal, 40, (i) => (i % 4 === 0 ? 'RESOLVED' : 'RECEIVED'));

    const resolved = await collect(client.grievances.list({ status: 'RESOLVED', pageSize: 3 }));

    expect(resolved.map((g) => g.grievanceId)).toEqual(
      seeded.filter((g) => g.status === 'RESOLVED').map((g) => g.grievanceId),
    );
    expect(resolved).toHaveLength(10);
    expect(new Set(resolved.map((g) => g.status))).toEqual(new Set(['RESOLVED']));
  });

  it('refuses a page size or status outside the contract before sending', async () => {
    const { portal, client } = await signedIn(server);
    const sent = portal.requestLog.length;

    for (const options of [{ pageSize: 0 }, { pageSize: 101 }, { status: 'ESCALATED' }]) {
      await expect(collect(client.grievances.list(options as never))).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('still reads a list in which one grievance has an odd field or cannot be read', async () => {
    const { portal } = await signedIn(server);
    const { logger, lines } = recordingLogger();
    const client = clientFor(portal, { logger });
    await signIn(client, portal, '70012 34567');
    const wire = await filedWire(client, portal);
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances`, () =>
        HttpResponse.json({
          items: [
            { ...wire, grievanceId: 'MOCK-2026-000101' },
            { ...wire, grievanceId: 'MOCK-2026-000102', reminderCount: 'two', attachments: null },
            { ...wire, grievanceId: undefined },
            { ...wire, grievanceId: 'MOCK-2026-000104', status: 'ESCALATED' },
          ],
          nextCursor: null,
        }),
      ),
    );

    const read = await collect(client.grievances.list());

    expect(read.map((g) => g.grievanceId)).toEqual([
      'MOCK-2026-000101',
      'MOCK-2026-000102',
      'MOCK-2026-000104',
    ]);
    expect(read[1]).toMatchObject({ reminderCount: 0, attachments: [] });
    expect(read[2]).toMatchObject({ status: 'UNKNOWN', rawStatus: 'ESCALATED' });
    expect(lines).toEqual([
      expect.stringMatching(/^warn .*grievances\.list: item 2 is unreadable/),
    ]);
  });
});

describe('history', () => {
  it('records each status an officer sets, in order', async () => {
    const { portal, client } = await signedIn(server);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

    portal.updateStatus(g.grievanceId, 'FORWARDED', {
      departmentCode: 'POWER',
      note: 'sent to the department',
    });
    portal.updateStatus(g.grievanceId, 'UNDER_PROCESS');
    portal.updateStatus(g.grievanceId, 'RESOLVED', { note: 'lamp replaced' });
    const events = await client.grievances.events(g.grievanceId);

    expect(events.map((e) => e.status)).toEqual([
      'RECEIVED',
      'FORWARDED',
      'UNDER_PROCESS',
      'RESOLVED',
    ]);
    expect(events.map((e) => e.sequence)).toEqual(
      [...events.map((e) => e.sequence)].sort((a, b) => a - b),
    );
    expect(new Set(events.map((e) => e.sequence)).size).toBe(4);
    expect(events[1]).toMatchObject({
      note: 'sent to the department',
      forwardedTo: { departmentCode: 'POWER' },
    });
    expect(events[3]?.note).toBe('lamp replaced');
    expect(events.every((e) => e.at instanceof Date)).toBe(true);
    expect(currentStatus(events)).toBe('RESOLVED');
  });

  it('puts events that arrive out of order and twice in sequence order, once each', async () => {
    const { portal, client } = await signedIn(server);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
    const at = (minute: number) => `2026-12-03T10:${String(minute).padStart(2, '0')}:00+05:30`;
    const forwardedTo = { departmentCode: 'POWER', name: 'Power' };
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/:id/events`, () =>
        HttpResponse.json({
          items: [
            { sequence: 3, at: at(30), status: 'UNDER_PROCESS' },
            { sequence: 1, at: at(10), status: 'RECEIVED' },
            { sequence: 4, at: at(40), status: 'FORWARDED', forwardedTo },
            { sequence: 2, at: at(20), status: 'FORWARDED', forwardedTo },
            { sequence: 3, at: at(30), status: 'UNDER_PROCESS' },
          ],
        }),
      ),
    );

    const events = await client.grievances.events(g.grievanceId);

    expect(events.map((e) => [e.sequence, e.status])).toEqual([
      [1, 'RECEIVED'],
      [2, 'FORWARDED'],
      [3, 'UNDER_PROCESS'],
      [4, 'FORWARDED'],
    ]);
    expect(currentStatus(events)).toBe('FORWARDED');
    expect(currentStatus([...events].reverse())).toBe('FORWARDED');
    expect(currentStatus([events[2]!, events[0]!])).toBe('UNDER_PROCESS');
    expect(currentStatus([])).toBeUndefined();
  });

  it('keeps an unknown status in the history as UNKNOWN with its raw code', async () => {
    const { portal, client } = await signedIn(server);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/:id/events`, () =>
        HttpResponse.json({
          items: [
            { sequence: 2, at: '2026-12-03T11:00:00+05:30', status: 'ESCALATED' },
            { sequence: 1, at: '2026-12-03T10:00:00+05:30', status: 'RECEIVED' },
          ],
        }),
      ),
    );

    const events = await client.grievances.events(g.grievanceId);

    expect(events[1]).toMatchObject({ status: 'UNKNOWN', rawStatus: 'ESCALATED' });
    expect(currentStatus(events)).toBe('UNKNOWN');
  });
});

describe('language', () => {
  it('sends Accept-Language and files grievances in the client’s language by default', async () => {
    const seen: (string | null)[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(request.headers.get('accept-language'));
    };
    server.events.on('request:start', record);
    try {
      const portal = servePortal(server);
      const client = clientFor(portal, { language: 'bn' });
      await signIn(client, portal);

      const bengali = await client.grievances.submit({
        description: DESCRIPTION,
        district: 'NADIA',
      });
      const english = await client.grievances.submit({
        description: 'The street light has been out for three weeks.',
        district: 'NADIA',
        language: 'en',
      });

      expect(bengali.language).toBe('bn');
      expect(english.language).toBe('en');
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(new Set(seen)).toEqual(new Set(['bn']));
    } finally {
      server.events.removeListener('request:start', record);
    }
  });

  it('speaks English unless told otherwise', async () => {
    const seen: (string | null)[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push(request.headers.get('accept-language'));
    };
    server.events.on('request:start', record);
    try {
      const { client } = await signedIn(server);
      const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

      expect(g.language).toBe('en');
      expect(new Set(seen)).toEqual(new Set(['en']));
    } finally {
      server.events.removeListener('request:start', record);
    }
  });
});
