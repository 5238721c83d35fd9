import type { STATUS_CODES } from '../contract/status.js';
import { findDepartment } from './catalog.js';
import { MockPortalError } from './mock-portal-error.js';
import type { GrievanceRecord } from './state.js';

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
  /** A note shown with the event. */
  note?: string;
  /** When it happened. Default: the portal's clock. */
  at?: Date;
}

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && Object.hasOwn(ALLOWED, value);
}

/**
 * Moves a grievance to `to` as an officer would: checks the transition, records the event and
 * updates the grievance. Throws {@link MockPortalError} naming from and to when it is not allowed.
 */
export function applyTransition(
  grievance: GrievanceRecord,
  to: StatusCode,
  update: StatusUpdate,
  at: Date,
): void {
  const from = grievance.status;
  if (!isStatusCode(to)) {
    throw new MockPortalError(`"${String(to)}" is not a status code the portal issues.`);
  }
  if (!ALLOWED[from].includes(to)) {
    const allowed = ALLOWED[from].length > 0 ? ALLOWED[from].join(', ') : 'nothing (it is final)';
    throw new MockPortalError(
      `Grievance ${grievance.grievanceId} cannot move from ${from} to ${to}; ` +
        `from ${from} it can move to ${allowed}.`,
    );
  }

  const forwardedTo = forwardingOf(grievance, from, to, update.departmentCode);
  const note = update.note?.normalize('NFC');
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
