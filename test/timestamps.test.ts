import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { UnexpectedResponseError } from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import {
  DESCRIPTION,
  clientFor,
  manualClock,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();

async function filed() {
  const { portal, client } = await signedIn(server);
  const g = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
  return { portal, client, id: g.grievanceId, wire: portal.grievances()[0]! };
}

function serveGrievance(portal: MockPortal, id: string, body: unknown) {
  server.use(
    http.get(`${portal.baseUrl}/v1/grievances/${id}`, () => HttpResponse.json(body as never)),
  );
}

describe('timestamps from the portal', () => {
  it.each([
    ['2026-12-03T19:06:46.789+05:30', Date.UTC(2026, 11, 3, 13, 36, 46, 789)],
    ['2026-12-03T13:36:46.5Z', Date.UTC(2026, 11, 3, 13, 36, 46, 500)],
    ['2026-12-03T13:36:46.123456+00:00', Date.UTC(2026, 11, 3, 13, 36, 46, 123)],
    ['2026-12-03T19:06:46+05:30', Date.UTC(2026, 11, 3, 13, 36, 46)],
  ])('reads %s as the right instant', async (stamp, instant) => {
    const { portal, client, id, wire } = await filed();
    serveGrievance(portal, id, { ...wire, submittedAt: stamp, updatedAt: stamp });

    const g = await client.grievances.get(id);

    expect(g.submittedAt.getTime()).toBe(instant);
    expect(g.updatedAt.getTime()).toBe(instant);
  });

  it.each(['2026-12-03T19:06:46', '2026-12-03 19:06:46+05:30', '03/12/2026', ''])(
    'refuses %j with an UnexpectedResponseError naming the field',
    async (stamp) => {
      const { portal, client, id, wire } = await filed();
      serveGrievance(portal, id, { ...wire, submittedAt: stamp });

      const error = await client.grievances.get(id).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect((error as Error).message).toContain('submittedAt');
      expect((error as Error).message).toMatch(/offset/);
    },
  );

  it('names the event whose time has no offset', async () => {
    const { portal, client, id } = await filed();
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/${id}/events`, () =>
        HttpResponse.json({
          items: [{ sequence: 1, at: '2026-12-03T19:06:46', status: 'RECEIVED' }],
        }),
      ),
    );

    const error = await client.grievances.events(id).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain('items.0.at');
  });

  it('reads the portal’s +05:30 times as the instants its clock meant', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    const client = clientFor(portal);

    const { expiresAt, resendAvailableAt } = await client.auth.requestOtp({
      mobile: '98300 12345',
    });

    expect(expiresAt.getTime()).toBe(clock.now().getTime() + 10 * 60_000);
    expect(resendAvailableAt.getTime()).toBe(clock.now().getTime() + 60_000);
  });

  it('gets only whole-second times with an offset from the mock portal', async () => {
    const bodies: Promise<string>[] = [];
    const collect = ({ response }: { response: Response }) => {
      bodies.push(response.clone().text());
    };
    server.events.on('response:mocked', collect);
    try {
      const clock = manualClock(new Date(Date.now() + 0.5).toISOString());
      clock.advance(123);
      const portal = servePortal(server, { now: clock.now });
      const client = clientFor(portal);
      await signIn(client, portal);
      const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
      clock.advance(777);
      portal.updateStatus(g.grievanceId, 'FORWARDED', { departmentCode: 'POWER' });
      await client.grievances.remind(g.grievanceId);
      await client.grievances.events(g.grievanceId);
    } finally {
      server.events.removeListener('response:mocked', collect);
    }

    const text = (await Promise.all(bodies)).join('\n');
    const stamps = text.match(/\d{4}-\d\d-\d\dT[^"]*/g) ?? [];
    expect(stamps.length).toBeGreaterThan(5);
    for (const stamp of stamps) expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
  });
});
