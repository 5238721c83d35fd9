/**
 * The mock portal in a browser: msw's service worker answers the app's calls to the portal,
 * so that an app in development (or a browser test) runs without any server.
 *
 * @packageDocumentation
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockPortalError } from './mock-portal-error.js';
import type { MockPortalOptions } from './options.js';
import { createMockPortal, type MockPortal } from './portal.js';

/** What to do with a request the mock portal does not serve: msw's own three choices. */
export type UnhandledRequestChoice = 'bypass' | 'warn' | 'error';

/** How to start the mock portal in a browser. Every field is optional. */
export interface MockWorkerOptions {
  /** The portal to serve, e.g. one a test already seeded. Default: a new one. */
  portal?: MockPortal;
  /** Options for the new portal when no `portal` is given. */
  portalOptions?: MockPortalOptions;
  /**
   * Where the worker script lives and what it controls. Default `{ url: '/mockServiceWorker.js' }`.
   * An app served under a sub-path puts the script there too and says so:
   * `{ url: '/my-app/mockServiceWorker.js' }` (its scope is then `/my-app/`).
   */
  serviceWorker?: {
    /** The worker script's URL. Default `'/mockServiceWorker.js'`. */
    url?: string;
    /** The pages the worker controls. Default: the script's folder. */
    scope?: string;
  };
  /**
   * Requests the portal does not serve: the app's own files, other APIs. Default `'bypass'`:
   * they go to the network as if the mock were not there.
   */
  onUnhandledRequest?: UnhandledRequestChoice;
  /** Silences msw's console line for each request it answers. Default `false`. */
  quiet?: boolean;
}

/** A mock portal running in a service worker. See {@link startMockWorker}. */
export interface MockWorker {
  /** The portal being served: read its outbox, move grievances on, reset it. */
  readonly portal: MockPortal;
  /** msw's worker, for adding handlers of the app's other APIs with `worker.use()`. */
  readonly worker: SetupWorker;
  /** Stops answering requests; the page's calls go to the network again. */
  stop(): Promise<void>;
}

const OPTION_KEYS = new Set([
  'portal',
  'portalOptions',
  'serviceWorker',
  'onUnhandledRequest',
  'quiet',
]);
const DEFAULT_WORKER_URL = '/mockServiceWorker.js';

/**
 * Starts a mock portal in the page, in one call: creates the portal (or takes yours), registers
 * msw's service worker and waits until it answers. Point the client at `portal.baseUrl`.
 *
 * The worker script comes from the app's own msw: `npx msw init public/ --save` copies it into
 * the folder the app serves at its root. Calls the portal does not serve pass through.
 *
 * @example
 * import { GrievanceClient } from 'wb-grievance';
 * import { startMockWorker } from 'wb-grievance/mocks/browser';
 *
 * const { portal } = await startMockWorker({ portalOptions: { otp: '123456' } });
 * const client = new GrievanceClient({ baseUrl: portal.baseUrl });
 */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new MockPortalError(`Unknown mock worker option "${key}".`);
  }
  if (options.portal && options.portalOptions) {
    throw new MockPortalError('Give startMockWorker() a portal or portalOptions, not both.');
  }

  const portal = options.portal ?? createMockPortal(options.portalOptions);
  const worker = setupWorker(...portal.handlers);
  const url = options.serviceWorker?.url ?? DEFAULT_WORKER_URL;
  const scope = options.serviceWorker?.scope;
  const unhandled = options.onUnhandledRequest ?? 'bypass';

  // msw 2 reads onUnhandledRequest and msw 3 onUnhandledFrame; each ignores the other's key,
  // and with only the wrong one an app's unhandled calls would be reported as errors.
  const startOptions = {
    onUnhandledRequest: unhandled,
    onUnhandledFrame: unhandled,
    quiet: options.quiet ?? false,
    serviceWorker: { url, ...(scope !== undefined && { options: { scope } }) },
  };

  try {
    await worker.start(startOptions as Parameters<SetupWorker['start']>[0]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MockPortalError(
      `The mock portal's service worker did not start from ${url} (${reason}). Copy the worker ` +
        'script from your msw with `npx msw init public/ --save`, and pass ' +
        "serviceWorker: { url: '/sub-path/mockServiceWorker.js' } when the app is not served at /.",
      { cause: error },
    );
  }

  return {
    portal,
    worker,
    async stop() {
      await worker.stop();
    },
  };
}
