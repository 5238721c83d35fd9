import * as z from 'zod/mini';
import { Attachment } from './attachments.js';
import {
  CatalogCode,
  GrievanceId,
  Labels,
  Language,
  OpaqueId,
  Timestamp,
  citizenText,
} from './common.js';
import { KnownStatusCode, WireStatusCode } from './status.js';

/** The department a grievance was forwarded to. */
export const ForwardedTo = z.object({
  departmentCode: CatalogCode,
  name: z.string(),
});

/** `POST /v1/grievances`: file a grievance. */
export const SubmitGrievanceBody = z.object({
  subject: z.optional(citizenText(3, 200)),
  description: citizenText(10, 4000),
  district: CatalogCode,
  departmentCode: z.optional(CatalogCode),
  language: Language,
  attachmentIds: z.array(OpaqueId).check(z.maxLength(5, 'must list at most 5 attachments')),
});

/** A grievance as the portal reports it. */
export const Grievance = z.object({
  grievanceId: GrievanceId,
  subject: z.optional(z.string()),
  description: z.string(),
  language: Language,
  district: CatalogCode,
  status: WireStatusCode,
  statusLabel: Labels,
  rawStatus: z.string(),
  submittedAt: Timestamp,
  updatedAt: Timestamp,
  forwardedTo: z.nullable(ForwardedTo),
  attachments: z.array(Attachment),
  reminderCount: z.int().check(z.nonnegative()),
  lastReminderAt: z.nullable(Timestamp),
});

/** `GET /v1/grievances` query: the caller's own grievances, newest first. */
export const ListGrievancesQuery = z.object({
  status: z.optional(KnownStatusCode),
  cursor: z.optional(OpaqueId),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});

/** One page of the caller's grievances. */
export const GrievancePage = z.object({
  items: z.array(Grievance),
  nextCursor: z.nullable(OpaqueId),
});

/** One step in a grievance's history. */
export const GrievanceEvent = z.object({
  sequence: z.int().check(z.positive()),
  at: Timestamp,
  status: WireStatusCode,
  note: z.optional(z.string()),
  forwardedTo: z.optional(ForwardedTo),
});

/** `GET /v1/grievances/{grievanceId}/events`. */
export const GrievanceEvents = z.object({ items: z.array(GrievanceEvent) });

/** `POST /v1/grievances/{grievanceId}/reminders`: the portal's "re-mention". */
export const ReminderBody = z.object({
  note: z.optional(citizenText(1, 500)),
});

/** A reminder the portal recorded (201). */
export const Reminder = z.object({
  reminderId: OpaqueId,
  at: Timestamp,
  reminderCount: z.int().check(z.positive()),
});
