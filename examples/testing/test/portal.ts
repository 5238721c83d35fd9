/**
 * Test helpers an app would write once: a mock portal per test file, served by msw, with the
 * portal and msw's handlers reset after every test.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockPortal, type MockPortalOptions } from 'wb-grievance/mocks';

/**
 * msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: pass both, or a call the portal
 * does not serve silently reaches the network under one of them.
 */
export const STRICT = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;

export function useMockPortal(options?: MockPortalOptions) {
  const portal = createMockPortal(options);
  // The portal's handlers are the server's initial ones: resetHandlers() keeps them and drops
  // whatever a test added with server.use().
  const server = setupServer(...portal.handlers);

  beforeAll(() => server.listen(STRICT));
  afterEach(() => {
    server.resetHandlers();
    portal.reset();
  });
  afterAll(() => server.close());

  return { portal, server };
}

/** The bytes of a 1×1 PNG: a photo a citizen attaches. */
export const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

export const MOBILE = '98300 12345';
export const COMPLAINT = 'The street light on our lane has not worked for three weeks.';

/** Which of vitest's environments this test runs in. */
export function environment(): 'node' | 'jsdom' | 'happy-dom' {
  if (typeof navigator === 'undefined' || typeof document === 'undefined') return 'node';
  return navigator.userAgent.includes('jsdom') ? 'jsdom' : 'happy-dom';
}
