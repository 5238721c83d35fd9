import type { STATUS_CODES } from '../contract/status.js';
import { findDepartment } from './catalog.js';
import { formatTimestamp } from './clock.js';
import { MockPortalError } from './mock-portal-error.js';
import type { GrievanceRecord, WireForwardedTo } from './state.js';

/**
 * A status code the portal issues.
 *
 * @useDeclaredType
 */
export type StatusCode = (typeof STATUS_CODES)[number];

/** Where an officer may move a grievance from each status. CLOSED is final. */
const ALLOWED: Record<StatusCode, readonly StatusCode[]> = {
  RECEIVED: ['FORWARDED', 'UNDER_PROCESS', 'CLOSED'],
  FORWARDED: ['FORWARDED', 'UNDER_PROCESS', 'RESOLVED', 'CLOSED'],
  UNDER_PROCESS: ['FORWARDED', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['CLOSED', 'UNDER_PROCESS'],
  CLOSED: [],
};

/** What an officer's status update may carry besides the new status. */
export interface StatusUpdate {
  /** The department it goes to; required with FORWARDED, refused with any other status. */
  departmentCode?: string;
  /** A note shown with the event; any text, as an officer's free text would be. */
  note?: string;
  /**
   * When it happened. Default: the portal's clock. It may not come before the grievance's
   * last change, nor after the portal's clock: the portal never reports a change that has
   * not happened yet.
   */
  at?: Date;
}

/** A status change checked in full: everything {@link recordTransition} needs. */
export interface Transition {
  to: StatusCode;
  at: Date;
  note?: string;
  forwardedTo?: WireForwardedTo;
}

const UPDATE_KEYS = new Set(['departmentCode', 'note', 'at']);

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && Object.hasOwn(ALLOWED, value);
}

/**
 * Checks a status change as an officer would make it, before anything is recorded, so that a
 * refused one leaves the grievance as it was. Throws {@link MockPortalError} saying what to
 * change. `now` is the portal's clock: the default `at`, and the latest one allowed.
 */
export function checkTransition(
  grievance: GrievanceRecord,
  to: unknown,
  update: unknown,
  now: Date,
): Transition {
  const from = grievance.status;
  if (!isStatusCode(to)) {
    throw new MockPortalError(
      `"${String(to)}" is not a status code the portal issues; use one of ` +
        `${Object.keys(ALLOWED).join(', ')}.`,
    );
  }

  const fields = updateFields(update);
  if (!ALLOWED[from].includes(to)) {
    const allowed = ALLOWED[from].length > 0 ? ALLOWED[from].join(', ') : 'nothing (it is final)';
    throw new MockPortalError(
      `Grievance ${grievance.grievanceId} cannot move from ${from} to ${to}; ` +
        `from ${from} it can move to ${allowed}.`,
    );
  }

  const forwardedTo = forwardingOf(grievance, from, to, fields.departmentCode);
  const at = fields.at ?? now;
  checkWhen(grievance, at, now, fields.at !== undefined);

  const note = fields.note?.normalize('NFC');
  return { to, at, ...(note !== undefined && { note }), ...(forwardedTo && { forwardedTo }) };
}

/** Records a checked status change: an event, the new status and where it was forwarded. */
export function recordTransition(grievance: GrievanceRecord, transition: Transition): void {
  const { to, at, note, forwardedTo } = transition;
  grievance.events.push({
    sequence: grievance.events.length + 1,
    at,
    status: to,
    ...(note !== undefined && { note }),
    ...(forwardedTo && { forwardedTo }),
  });

  grievance.status = to;
  grievance.updatedAt = at;
  if (forwardedTo) grievance.forwardedTo = forwardedTo;
}

/** The update's fields, each of the type it must have. */
function updateFields(update: unknown): StatusUpdate {
  if (update === undefined) return {};
  if (typeof update !== 'object' || update === null || Array.isArray(update)) {
    throw new MockPortalError(
      `A status update must be an object such as { departmentCode, note, at }; got ${kindOf(update)}.`,
    );
  }

  const fields = { ...update } as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!UPDATE_KEYS.has(key)) {
      throw new MockPortalError(
        `Unknown status update field "${key}"; use departmentCode, note or at.`,
      );
    }
  }
  for (const key of ['departmentCode', 'note'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') {
      throw new MockPortalError(`update.${key} must be a string; got ${kindOf(fields[key])}.`);
    }
  }
  const at = fields.at;
  if (at !== undefined && !(at instanceof Date && !Number.isNaN(at.getTime()))) {
    throw new MockPortalError(
      `update.at must be a valid Date, e.g. new Date('2026-12-03T10:00:00+05:30'); ` +
        `got ${kindOf(at)}.`,
    );
  }
  return fields as StatusUpdate;
}

/** Events keep their order, and none is dated after the portal's clock. */
function checkWhen(grievance: GrievanceRecord, at: Date, now: Date, given: boolean): void {
  const what = given
    ? `update.at (${formatTimestamp(at)})`
    : `The portal's clock (${formatTimestamp(at)})`;
  if (at < grievance.updatedAt) {
    throw new MockPortalError(
      `${what} is before ${grievance.grievanceId} last changed ` +
        `(${formatTimestamp(grievance.updatedAt)}); a status change cannot come before it. ` +
        (given ? 'Give a later at, or none for the portal clock.' : 'Move the clock forward.'),
    );
  }
  if (at > now) {
    throw new MockPortalError(
      `${what} is later than the portal clock (${formatTimestamp(now)}). ` +
        'Move the clock forward (the now option) instead of dating a change in the future.',
    );
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

function forwardingOf(
  grievance: GrievanceRecord,
  from: StatusCode,
  to: StatusCode,
  departmentCode: string | undefined,
) {
  if (to !== 'FORWARDED') {
    if (departmentCode !== undefined) {
      throw new MockPortalError(
        `departmentCode applies only when forwarding; ` +
          `${grievance.grievanceId} is moving from ${from} to ${to}.`,
      );
    }
    return undefined;
  }

  const department = departmentCode === undefined ? undefined : findDepartment(departmentCode);
  if (!department) {
    throw new MockPortalError(
      `Moving ${grievance.grievanceId} from ${from} to FORWARDED needs a departmentCode ` +
        'from the department catalogue' +
        (departmentCode === undefined ? '.' : `; "${departmentCode}" is not one.`),
    );
  }
  return { departmentCode: department.code, name: department.labels.en };
}
