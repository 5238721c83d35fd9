import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrievanceClient, NotFoundError } from 'wb-grievance';
import { createMockPortal } from 'wb-grievance/mocks';

// Both portals are served for the whole file: resetting handlers after one test would pull
// the other's portal out from under it while it still runs.
const first = createMockPortal();
const second = createMockPortal();
const server = setupServer(...first.handlers, ...second.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Resolves once both tests have injected their faults, so that both are live at once. */
function barrier(parties: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}
const bothInjected = barrier(2);

describe('faults in tests that run at the same time', () => {
  it.concurrent('sees only its own 503, which the client retries past', async () => {
    first.inject({ call: 'catalog.districts', status: 503, delayMs: 100 });
    await bothInjected();

    const districts = await new GrievanceClient({ baseUrl: first.baseUrl }).catalog.districts();

    expect(districts.length).toBeGreaterThan(0);
    expect(first.requestLog.map((r) => r.status)).toEqual([503, 200]);
  });

  it.concurrent('sees only its own 404, which fails the call at once', async () => {
    second.inject({ call: 'catalog.districts', status: 404, delayMs: 100 });
    await bothInjected();

    const call = new GrievanceClient({ baseUrl: second.baseUrl }).catalog.districts();

    await expect(call).rejects.toBeInstanceOf(NotFoundError);
    expect(second.requestLog.map((r) => r.status)).toEqual([404]);
  });
});
