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
  /** Department code from the catalogue. */
  departmentCode: CatalogCode,
  /** The department's name, in the request's language. */
  name: z.string(),
});

/** `POST /v1/grievances`: file a grievance. */
export const SubmitGrievanceBody = z.object({
  /** 3-200 characters. */
  subject: z.optional(citizenText(3, 200)),
  /** 10-4000 characters, no HTML. */
  description: citizenText(10, 4000),
  /** District code from the catalogue. */
  district: CatalogCode,
  /** Department code, if the citizen knows it. */
  departmentCode: z.optional(CatalogCode),
  /** The language the grievance is written in. */
  language: Language,
  /** Attachments uploaded before, at most 5. */
  attachmentIds: z.array(OpaqueId).check(z.maxLength(5, 'must list at most 5 attachments')),
});

/** A grievance as the portal reports it. */
export const Grievance = z.object({
  /** The portal's ID; quote it in any follow-up. */
  grievanceId: GrievanceId,
  /** A short title, if the citizen gave one. */
  subject: z.optional(z.string()),
  /** The grievance as the citizen wrote it, in NFC. */
  description: z.string(),
  /** The language it is written in. */
  language: Language,
  /** District code. */
  district: CatalogCode,
  /** The status code; a code the client does not know reads as `UNKNOWN`. */
  status: WireStatusCode,
  /** The status in both languages. */
  statusLabel: Labels,
  /** The portal's own status code, before any mapping. */
  rawStatus: z.string(),
  /** When it was filed. */
  submittedAt: Timestamp,
  /** When anything about it last changed. */
  updatedAt: Timestamp,
  /** The department it is with, once forwarded. */
  forwardedTo: z.nullable(ForwardedTo),
  /** Files attached when it was filed. */
  attachments: z.array(Attachment),
  /** Reminders sent so far. */
  reminderCount: z.int().check(z.nonnegative()),
  /** When the last reminder was sent; null if none. */
  lastReminderAt: z.nullable(Timestamp),
});

/** `GET /v1/grievances` query: the caller's own grievances, newest first. */
export const ListGrievancesQuery = z.object({
  /** Only grievances with this status. */
  status: z.optional(KnownStatusCode),
  /** `nextCursor` of the previous page. */
  cursor: z.optional(OpaqueId),
  /** Grievances per page, 1-100. */
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});

/** One page of the caller's grievances. */
export const GrievancePage = z.object({
  /** Newest first. */
  items: z.array(Grievance),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.nullable(OpaqueId),
});

/** One step in a grievance's history. */
export const GrievanceEvent = z.object({
  /** Strictly increasing per grievance; the highest is the current status. */
  sequence: z.int().check(z.positive()),
  /** When it happened. */
  at: Timestamp,
  /** The status it moved to. */
  status: WireStatusCode,
  /** The officer's note, if any. */
  note: z.optional(z.string()),
  /** With FORWARDED: where to. */
  forwardedTo: z.optional(ForwardedTo),
});

/** `GET /v1/grievances/{grievanceId}/events`. */
export const GrievanceEvents = z.object({
  /** In any order; sort by `sequence`. */
  items: z.array(GrievanceEvent),
});

/** `POST /v1/grievances/{grievanceId}/reminders`: the portal's "re-mention". */
export const ReminderBody = z.object({
  /** 1-500 characters, shown to the officer. */
  note: z.optional(citizenText(1, 500)),
});

/** A reminder the portal recorded (201). */
export const Reminder = z.object({
  /** The portal's ID for the reminder. */
  reminderId: OpaqueId,
  /** When the portal recorded it. */
  at: Timestamp,
  /** Reminders on the grievance so far, this one included. */
  reminderCount: z.int().check(z.positive()),
});
