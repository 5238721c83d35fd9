import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockPortal } from 'wb-grievance/mocks';
import { GrievanceDesk } from '../src/desk.js';
import { COMPLAINT, MOBILE, STRICT } from './portal.js';

// Concurrent tests cannot share one portal, nor reset msw's handlers after each test (that
// would pull the handlers from under a test still running). So each test makes its own portal,
// on a host of its own, and adds its handlers; they only ever answer that test's requests.
const server = setupServer();
beforeAll(() => server.listen(STRICT));
afterAll(() => server.close());

function ownPortal() {
  const portal = createMockPortal({ otp: '123456' });
  server.use(...portal.handlers);
  return portal;
}

/** Resolves once `count` tests have arrived, so that their requests really overlap. */
function meetingPoint(count: number) {
  let arrived = 0;
  let open: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) open();
    return all;
  };
}

const together = meetingPoint(3);

describe.concurrent('tests running at the same time', () => {
  it('sees its own outage', async () => {
    const portal = ownPortal();
    portal.inject({ call: 'grievances.submit', status: 503, times: Infinity });
    const desk = new GrievanceDesk(portal.baseUrl);
    await desk.signIn(MOBILE, () => '123456');

    await together();
    expect(await desk.file({ description: COMPLAINT, district: 'KOLKATA' })).toMatchObject({
      ok: false,
    });
    expect(portal.grievances()).toEqual([]);
  });

  it('sees its own slow portal', async () => {
    const portal = ownPortal();
    portal.inject({ call: 'grievances.submit', delayMs: 200 });
    const desk = new GrievanceDesk(portal.baseUrl);
    await desk.signIn(MOBILE, () => '123456');

    await together();
    expect(await desk.file({ description: COMPLAINT, district: 'KOLKATA' })).toMatchObject({
      ok: true,
    });
  });

  it('sees a portal with no faults at all', async () => {
    const portal = ownPortal();
    const desk = new GrievanceDesk(portal.baseUrl);
    await desk.signIn(MOBILE, () => '123456');

    await together();
    const filed = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    expect(filed).toMatchObject({ ok: true, status: 'Received' });
    expect(portal.requestLog.map((request) => request.status)).not.toContain(503);
  });
});
