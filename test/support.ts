import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { GrievanceClient, type GrievanceClientOptions } from 'wb-grievance';
import { createMockPortal, type MockPortal, type MockPortalOptions } from 'wb-grievance/mocks';

export const MOBILE = '98300 12345';

/** One msw server per test file; each test serves its own portal on its own host. */
export function useServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A fresh portal served for the current test. */
export function servePortal(
  server: ReturnType<typeof setupServer>,
  options?: MockPortalOptions,
): MockPortal {
  const portal = createMockPortal(options);
  server.use(...portal.handlers);
  return portal;
}

/** A client for `portal`, with retries that do not make tests slow. */
export function clientFor(portal: MockPortal, options: Partial<GrievanceClientOptions> = {}) {
  return new GrievanceClient({ baseUrl: portal.baseUrl, ...options });
}

/** Signs `client` in as the citizen with `mobile`, reading the OTP from the portal's outbox. */
export async function signIn(client: GrievanceClient, portal: MockPortal, mobile = MOBILE) {
  const { otpRequestId } = await client.auth.requestOtp({ mobile });
  return client.auth.verifyOtp({ otpRequestId, otp: portal.lastOtp(mobile) });
}

/** A portal, and a client signed in to it. */
export async function signedIn(
  server: ReturnType<typeof setupServer>,
  options: {
    portal?: MockPortalOptions;
    client?: Partial<GrievanceClientOptions>;
    mobile?: string;
  } = {},
) {
  const portal = servePortal(server, options.portal);
  const client = clientFor(portal, options.client);
  await signIn(client, portal, options.mobile);
  return { portal, client };
}

/** A clock a test moves by hand. */
export function manualClock(start = '2026-12-03T19:06:46+05:30') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A valid description, long enough for the portal. */
export const DESCRIPTION = 'রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না।';

/** The smallest valid PNG, JPEG and PDF files, as bytes. */
export const FILES = {
  png: Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  ),
  jpeg: Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
  ]),
  pdf: new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};
