import type { HttpHandler } from 'msw';
import { isValidMobile, maskMobile, normalizeMobile } from '../identifiers.js';
import { FaultBook, type InjectedFault, type PortalFault } from './faults.js';
import { toWireGrievance } from './grievances.js';
import { createHandlers } from './handlers.js';
import { MockPortalError } from './mock-portal-error.js';
import { resolveOptions, type MockPortalOptions, type SentSms } from './options.js';
import { applySeed, type PortalSeed } from './seed.js';
import {
  emptyData,
  type LoggedRequest,
  type PortalState,
  type WireCitizen,
  type WireGrievance,
} from './state.js';
import {
  checkTransition,
  recordTransition,
  type StatusCode,
  type StatusUpdate,
} from './transitions.js';

/** A West Bengal CMO grievance portal in memory, served by msw. See {@link createMockPortal}. */
export interface MockPortal {
  /** Where the portal lives, without a trailing slash; routes are under `${baseUrl}/v1`. */
  readonly baseUrl: string;
  /** The msw handlers to serve it: `setupServer(...portal.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Every SMS sent, oldest first (mobile in wire form). A copy on each read. */
  readonly outbox: readonly SentSms[];
  /** Every request received, faulted ones included, in the order answered. A copy on each read. */
  readonly requestLog: readonly LoggedRequest[];

  /**
   * The newest OTP sent to `mobile`, typed in any accepted form (`'98300 12345'`,
   * `'+919830012345'`, Bengali digits). Throws when none was sent.
   */
  lastOtp(mobile: string): string;

  /** Every grievance of every citizen, in wire form (copies), in the order they were filed. */
  grievances(): WireGrievance[];

  /**
   * Moves a grievance on, as an officer would: records an event and updates its status (and
   * `forwardedTo` when forwarding). Throws {@link MockPortalError}, changing nothing, for an
   * unknown ID, a transition the portal does not allow, FORWARDED without a known
   * `departmentCode`, an update field of the wrong type, or an `at` that is not a valid Date,
   * comes before the grievance's last change or after the portal's clock.
   *
   * @example
   * portal.updateStatus(id, 'FORWARDED', { departmentCode: 'HEALTH_FAMILY_WELFARE' });
   * portal.updateStatus(id, 'RESOLVED', { note: 'Road repaired' });
   */
  updateStatus(grievanceId: string, status: StatusCode, update?: StatusUpdate): WireGrievance;

  /**
   * Adds citizens and grievances. A grievance with a `status` gets the events a plausible
   * path to it would have. Throws {@link MockPortalError} naming the entry and field of the
   * first problem, before changing anything.
   *
   * @example
   * portal.seed({
   *   grievances: [
   *     { mobile: '98300 12345', description: 'No street light for a month', district: 'HOWRAH', status: 'RESOLVED' },
   *   ],
   * });
   */
  seed(data: PortalSeed): {
    /** Every citizen the seed created or changed. */
    citizens: WireCitizen[];
    /** The grievances it filed, in order. */
    grievances: WireGrievance[];
  };

  /**
   * Makes the next matching requests fail, for tests of a client's failure handling. Faults
   * belong to this portal only.
   *
   * @example
   * portal.inject({ call: 'grievances.submit', status: 503, retryAfterSeconds: 2 });
   * portal.inject({ call: 'grievances.submit', network: 'lose-response' });
   */
  inject(fault: PortalFault): InjectedFault;

  /** Removes every injected fault. */
  clearFaults(): void;

  /** Empties the portal: citizens, OTPs, sessions, grievances, attachments, faults, logs, counters. */
  reset(): void;
}

/**
 * Creates a mock portal. Each portal has its own state, faults and (by default) host, so
 * tests running side by side never see each other's.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createMockPortal } from 'wb-grievance/mocks';
 *
 * const portal = createMockPortal({ otp: '123456' });
 * const server = setupServer(...portal.handlers);
 * // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: pass both.
 * const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
 * beforeAll(() => server.listen(strict));
 * afterEach(() => portal.reset());
 * afterAll(() => server.close());
 *
 *
 * // In a test, once the code under test has asked for an OTP, read it as the citizen would:
 * const otp = portal.lastOtp('98300 12345'); // '123456'
 */
export function createMockPortal(options?: MockPortalOptions): MockPortal {
  const state: PortalState = {
    options: resolveOptions(options),
    faults: new FaultBook(),
    data: emptyData(),
  };

  return {
    baseUrl: state.options.baseUrl,
    handlers: createHandlers(state),

    // Copies, Dates included: a test that changes what it reads must not change the portal.
    get outbox() {
      return state.data.outbox.map((sms) => ({ ...sms, at: new Date(sms.at) }));
    },

    get requestLog() {
      return state.data.requestLog.map((logged) => ({ ...logged, at: new Date(logged.at) }));
    },

    lastOtp(mobile) {
      if (!isValidMobile(mobile)) {
        throw new MockPortalError(
          `lastOtp() needs an Indian mobile number; got ${maskMobile(String(mobile))}.`,
        );
      }
      const wireMobile = normalizeMobile(mobile);
      const sms = state.data.outbox.findLast((candidate) => candidate.mobile === wireMobile);
      if (!sms) {
        throw new MockPortalError(
          `No OTP was sent to ${maskMobile(wireMobile)}. Request one (POST /v1/auth/otp) before reading it.`,
        );
      }
      return sms.otp;
    },

    grievances() {
      return [...state.data.grievances.values()].map(toWireGrievance);
    },

    updateStatus(grievanceId, status, update) {
      if (typeof grievanceId !== 'string') {
        throw new MockPortalError(
          'updateStatus() needs a grievance ID such as MOCK-2026-000001; ' +
            `got ${grievanceId === null ? 'null' : typeof grievanceId}.`,
        );
      }
      const grievance = state.data.grievances.get(grievanceId);
      if (!grievance) {
        throw new MockPortalError(
          `No grievance ${grievanceId} in this portal; cannot move it to ${String(status)}.`,
        );
      }

      const transition = checkTransition(grievance, status, update, state.options.now());
      recordTransition(grievance, transition);
      return toWireGrievance(grievance);
    },

    seed: (data) => applySeed(state, data),

    inject: (fault) => state.faults.add(fault),

    clearFaults: () => state.faults.clear(),

    reset() {
      state.data = emptyData();
      state.faults.clear();
    },
  };
}
