import type * as z from 'zod/mini';
import type {
  Attachment,
  Citizen,
  ForwardedTo,
  Grievance,
  GrievanceEvent,
  Language,
} from '../contract/index.js';
import type { StatusCode } from './transitions.js';
import type { FaultBook } from './faults.js';
import type { ResolvedOptions, SentSms } from './options.js';

/**
 * A citizen as the portal sends it.
 *
 * @interface
 */
export type WireCitizen = z.infer<typeof Citizen>;
/** An attachment as the portal sends it. */
export type WireAttachment = z.infer<typeof Attachment>;
/**
 * A grievance as the portal sends it: timestamps as RFC 3339 strings.
 *
 * @interface
 */
export type WireGrievance = z.infer<typeof Grievance>;
/** A grievance event as the portal sends it. */
export type WireEvent = z.infer<typeof GrievanceEvent>;
/** A department a grievance was forwarded to, as the portal sends it. */
export type WireForwardedTo = z.infer<typeof ForwardedTo>;

export interface CitizenRecord {
  citizenId: string;
  mobile: string;
  registered: boolean;
  name: string | null;
  email: string | null;
  district: string | null;
  address: string | null;
  preferredLanguage: z.infer<typeof Language>;
}

export interface OtpRecord {
  otpRequestId: string;
  mobile: string;
  otp: string;
  sentAt: Date;
  expiresAt: Date;
  wrongAttempts: number;
  used: boolean;
  locked: boolean;
}

export interface SessionRecord {
  citizenId: string;
  expiresAt: Date;
}

export interface AttachmentRecord {
  citizenId: string;
  attachment: WireAttachment;
}

export interface EventRecord {
  sequence: number;
  at: Date;
  status: StatusCode;
  note?: string;
  forwardedTo?: WireForwardedTo;
}

export interface GrievanceRecord {
  grievanceId: string;
  citizenId: string;
  subject?: string;
  description: string;
  language: z.infer<typeof Language>;
  district: string;
  /** The department the citizen suggested; the wire grievance does not carry it. */
  departmentCode?: string;
  status: StatusCode;
  submittedAt: Date;
  updatedAt: Date;
  forwardedTo: WireForwardedTo | null;
  attachments: WireAttachment[];
  reminderCount: number;
  lastReminderAt: Date | null;
  events: EventRecord[];
}

export interface IdempotentEntry {
  fingerprint: string;
  status: number;
  /** The JSON text of the body, so that a replay is byte for byte the same. */
  body: string | undefined;
  expiresAt: Date;
}

/** One request the portal received, for tests that assert what was (or was not) sent. */
export interface LoggedRequest {
  /** `GET`, `POST`, or `OPTIONS` for a preflight. */
  readonly method: string;
  /** The path below `baseUrl`, e.g. `/v1/grievances`, without the query. */
  readonly path: string;
  /** The status answered; 0 when the answer was a network error (an injected fault). */
  readonly status: number;
  /** The `Idempotency-Key` header, when the request had one. */
  readonly idempotencyKey?: string;
  /** When it arrived, by the portal's clock. */
  readonly at: Date;
}

/** Everything the portal remembers. `reset()` replaces it with an empty one. */
export interface PortalData {
  citizens: Map<string, CitizenRecord>;
  citizenIdByMobile: Map<string, string>;
  otpRequests: Map<string, OtpRecord>;
  latestOtpRequestByMobile: Map<string, string>;
  sessions: Map<string, SessionRecord>;
  attachments: Map<string, AttachmentRecord>;
  grievances: Map<string, GrievanceRecord>;
  idempotency: Map<string, IdempotentEntry>;
  outbox: SentSms[];
  requestLog: LoggedRequest[];
  counters: {
    citizen: number;
    grievance: number;
    attachment: number;
    reminder: number;
    request: number;
  };
}

/** A portal's configuration, memory and injected faults: what every rule works on. */
export interface PortalState {
  readonly options: ResolvedOptions;
  readonly faults: FaultBook;
  data: PortalData;
}

export function emptyData(): PortalData {
  return {
    citizens: new Map(),
    citizenIdByMobile: new Map(),
    otpRequests: new Map(),
    latestOtpRequestByMobile: new Map(),
    sessions: new Map(),
    attachments: new Map(),
    grievances: new Map(),
    idempotency: new Map(),
    outbox: [],
    requestLog: [],
    counters: { citizen: 0, grievance: 0, attachment: 0, reminder: 0, request: 0 },
  };
}

/** The next number of a per-portal counter, as `prefix_000001`. */
export function nextSerial(
  state: PortalState,
  counter: keyof PortalData['counters'],
  prefix: string,
): string {
  state.data.counters[counter] += 1;
  return `${prefix}_${String(state.data.counters[counter]).padStart(6, '0')}`;
}

/** The citizen with this wire-form mobile; signing in with a new number creates one, unregistered. */
export function citizenByMobile(state: PortalState, mobile: string): CitizenRecord {
  const known = state.data.citizenIdByMobile.get(mobile);
  const existing = known === undefined ? undefined : state.data.citizens.get(known);
  if (existing) return existing;

  const citizen: CitizenRecord = {
    citizenId: nextSerial(state, 'citizen', 'cit'),
    mobile,
    registered: false,
    name: null,
    email: null,
    district: null,
    address: null,
    preferredLanguage: 'en',
  };
  state.data.citizens.set(citizen.citizenId, citizen);
  state.data.citizenIdByMobile.set(mobile, citizen.citizenId);
  return citizen;
}

export function toWireCitizen(citizen: CitizenRecord): WireCitizen {
  return { ...citizen };
}
