import type * as z from 'zod/mini';
import type { SubmitGrievanceBody } from '../contract/grievances.js';
import { GrievanceId } from '../contract/common.js';
import type { FieldProblem } from '../contract/details.js';
import { statusLabel } from '../status.js';
import { findDepartment, findDistrict } from './catalog.js';
import { addMs, formatTimestamp } from './clock.js';
import { PortalRefusal, refusedUntil, validationFailed } from './refusal.js';
import {
  nextSerial,
  type CitizenRecord,
  type EventRecord,
  type GrievanceRecord,
  type PortalState,
  type WireEvent,
  type WireGrievance,
} from './state.js';

export function toWireGrievance(grievance: GrievanceRecord): WireGrievance {
  return {
    grievanceId: grievance.grievanceId,
    ...(grievance.subject !== undefined && { subject: grievance.subject }),
    description: grievance.description,
    language: grievance.language,
    district: grievance.district,
    status: grievance.status,
    statusLabel: {
      en: statusLabel(grievance.status, 'en'),
      bn: statusLabel(grievance.status, 'bn'),
    },
    rawStatus: grievance.status,
    submittedAt: formatTimestamp(grievance.submittedAt),
    updatedAt: formatTimestamp(grievance.updatedAt),
    forwardedTo: grievance.forwardedTo && { ...grievance.forwardedTo },
    attachments: grievance.attachments.map((attachment) => ({ ...attachment })),
    reminderCount: grievance.reminderCount,
    lastReminderAt: grievance.lastReminderAt && formatTimestamp(grievance.lastReminderAt),
  };
}

export function toWireEvent(event: EventRecord): WireEvent {
  return {
    sequence: event.sequence,
    at: formatTimestamp(event.at),
    status: event.status,
    ...(event.note !== undefined && { note: event.note }),
    ...(event.forwardedTo && { forwardedTo: { ...event.forwardedTo } }),
  };
}

/** An ID like `MOCK-2026-000001`: the year of filing (in India) and a per-portal counter. */
function nextGrievanceId(state: PortalState, submittedAt: Date): string {
  state.data.counters.grievance += 1;
  const year = formatTimestamp(submittedAt).slice(0, 4);
  return `MOCK-${year}-${String(state.data.counters.grievance).padStart(6, '0')}`;
}

/** What a new grievance is made of, whether a citizen files it or a seed does. */
export type NewGrievance = Omit<
  GrievanceRecord,
  | 'grievanceId'
  | 'status'
  | 'updatedAt'
  | 'forwardedTo'
  | 'reminderCount'
  | 'lastReminderAt'
  | 'events'
>;

/** Records a grievance as RECEIVED, with its first event. */
export function fileGrievance(state: PortalState, fields: NewGrievance): GrievanceRecord {
  const grievance: GrievanceRecord = {
    ...fields,
    grievanceId: nextGrievanceId(state, fields.submittedAt),
    status: 'RECEIVED',
    updatedAt: fields.submittedAt,
    forwardedTo: null,
    reminderCount: 0,
    lastReminderAt: null,
    events: [{ sequence: 1, at: fields.submittedAt, status: 'RECEIVED' }],
  };
  state.data.grievances.set(grievance.grievanceId, grievance);
  return grievance;
}

/**
 * `POST /v1/grievances` after the schema: the codes must be active catalogue entries and the
 * attachments the caller's own, each listed once, within the policy's count.
 */
export function submitGrievance(
  state: PortalState,
  citizen: CitizenRecord,
  body: z.infer<typeof SubmitGrievanceBody>,
): GrievanceRecord {
  const problems: FieldProblem[] = [];
  const district = findDistrict(body.district);
  if (!district?.active) problems.push(catalogProblem('district', district === undefined));

  if (body.departmentCode !== undefined) {
    const department = findDepartment(body.departmentCode);
    if (!department?.active)
      problems.push(catalogProblem('departmentCode', department === undefined));
  }

  const max = state.options.policy.maxAttachmentsPerGrievance;
  const attachments = body.attachmentIds.flatMap((id, i) => {
    const field = `attachmentIds.${i}`;
    const record = state.data.attachments.get(id);
    if (i >= max)
      problems.push({
        field,
        code: 'too_many',
        message: `is one too many; a grievance takes at most ${max} attachments`,
      });
    else if (body.attachmentIds.indexOf(id) !== i)
      problems.push({ field, code: 'duplicate', message: 'is listed twice' });
    else if (record?.citizenId !== citizen.citizenId) {
      problems.push({
        field,
        code: 'unknown_attachment',
        message: 'is not an attachment you uploaded',
      });
    } else return [{ ...record.attachment }];
    return [];
  });

  if (problems.length > 0) throw validationFailed(problems);

  return fileGrievance(state, {
    citizenId: citizen.citizenId,
    ...(body.subject !== undefined && { subject: body.subject.normalize('NFC') }),
    description: body.description.normalize('NFC'),
    language: body.language,
    district: body.district,
    ...(body.departmentCode !== undefined && { departmentCode: body.departmentCode }),
    submittedAt: state.options.now(),
    attachments,
  });
}

function catalogProblem(field: string, unknown: boolean): FieldProblem {
  return unknown
    ? {
        field,
        code: 'unknown_code',
        message: 'is not in the catalogue; pick one from the catalogue',
      }
    : {
        field,
        code: 'inactive_code',
        message: 'is no longer in use; pick a current entry from the catalogue',
      };
}

/**
 * The caller's grievance with this ID: 404 when there is none (or the ID cannot be one), 403
 * when it is another citizen's.
 */
export function ownGrievance(
  state: PortalState,
  citizen: CitizenRecord,
  grievanceId: string,
): GrievanceRecord {
  const grievance = GrievanceId.safeParse(grievanceId).success
    ? state.data.grievances.get(grievanceId)
    : undefined;
  if (!grievance) {
    throw new PortalRefusal({
      status: 404,
      code: 'GRIEVANCE_NOT_FOUND',
      message: 'No grievance has this ID. Check the ID, or list your grievances to find it.',
    });
  }

  if (grievance.citizenId !== citizen.citizenId) {
    throw new PortalRefusal({
      status: 403,
      code: 'FORBIDDEN',
      message:
        'This grievance was filed by another citizen. You can only see and remind your own grievances.',
    });
  }
  return grievance;
}

/**
 * Records a reminder ("re-mention") unless the grievance is finished or was reminded recently.
 * A reminder's note is not kept: nothing on the wire reads it back.
 */
export function remind(state: PortalState, grievance: GrievanceRecord) {
  const at = state.options.now();
  if (grievance.status === 'RESOLVED' || grievance.status === 'CLOSED') {
    throw new PortalRefusal({
      status: 409,
      code: 'GRIEVANCE_CLOSED',
      message:
        `This grievance is ${grievance.status.toLowerCase()}, so it takes no reminders. ` +
        'File a new grievance if the problem remains.',
    });
  }

  const nextAllowed =
    grievance.lastReminderAt &&
    addMs(grievance.lastReminderAt, state.options.policy.reminderIntervalMs);
  if (nextAllowed && nextAllowed > at) {
    throw refusedUntil(
      {
        status: 409,
        code: 'REMINDER_TOO_SOON',
        message:
          'A reminder was sent for this grievance recently. Send the next one after retryAt.',
      },
      at,
      nextAllowed,
    );
  }

  grievance.reminderCount += 1;
  grievance.lastReminderAt = at;
  grievance.updatedAt = at;

  return {
    reminderId: nextSerial(state, 'reminder', 'rem'),
    at: formatTimestamp(at),
    reminderCount: grievance.reminderCount,
  };
}
