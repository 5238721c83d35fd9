/**
 * A stateful mock of the West Bengal CMO grievance portal for tests and demos: it signs
 * citizens in with OTPs, stores grievances and attachments, enforces the contract's rules and
 * can be told to fail. Serve its msw handlers with `setupServer` (Node) or `setupWorker`
 * (browser).
 *
 * @packageDocumentation
 */
export { createMockPortal, type MockPortal } from './portal.js';
export { MockPortalError } from './mock-portal-error.js';
export {
  DEFAULT_POLICY,
  type MockPortalOptions,
  type PortalPolicy,
  type SentSms,
} from './options.js';
export { PORTAL_CALLS, type InjectedFault, type PortalCall, type PortalFault } from './faults.js';
export type { PortalSeed } from './seed.js';
export type { StatusCode, StatusUpdate } from './transitions.js';
export type { LoggedRequest, WireCitizen, WireGrievance } from './state.js';
