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
export const ForwardedTo = /* @__PURE__ */ z.object({
  /** Department code from the catalogue. */
  departmentCode: CatalogCode,
  /** The department's name, in the request's language. */
  name: /* @__PURE__ */ z.string(),
});

/** `POST /v1/grievances`: file a grievance. */
export const SubmitGrievanceBody = /* @__PURE__ */ z.object({
  /** 3-200 characters. */
  subject: /* @__PURE__ */ z.optional(/* @__PURE__ */ citizenText(3, 200)),
  /** 10-4000 characters, no HTML. */
  description: /* @__PURE__ */ citizenText(10, 4000),
  /** District code from the catalogue. */
  district: CatalogCode,
  /** Department code, if the citizen knows it. */
  departmentCode: /* @__PURE__ */ z.optional(CatalogCode),
  /** The language the grievance is written in. */
  language: Language,
  /** Attachments uploaded before, at most 5. */
  attachmentIds: /* @__PURE__ */ z
    .array(OpaqueId)
    .check(/* @__PURE__ */ z.maxLength(5, 'must list at most 5 attachments')),
});

/** A grievance as the portal reports it. */
export const Grievance = /* @__PURE__ */ z.object({
  /** The portal's ID; quote it in any follow-up. */
  grievanceId: GrievanceId,
  /** A short title, if the citizen gave one. */
  subject: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The grievance as the citizen wrote it, in NFC. */
  description: /* @__PURE__ */ z.string(),
  /** The language it is written in. */
  language: Language,
  /** District code. */
  district: CatalogCode,
  /** The status code; a code the client does not know reads as `UNKNOWN`. */
  status: WireStatusCode,
  /** The status in both languages. */
  statusLabel: Labels,
  /** The portal's own status code, before any mapping. */
  rawStatus: /* @__PURE__ */ z.string(),
  /** When it was filed. */
  submittedAt: Timestamp,
  /** When anything about it last changed. */
  updatedAt: Timestamp,
  /** The department it is with, once forwarded. */
  forwardedTo: /* @__PURE__ */ z.nullable(ForwardedTo),
  /** Files attached when it was filed. */
  attachments: /* @__PURE__ */ z.array(Attachment),
  /** Reminders sent so far. */
  reminderCount: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  /** When the last reminder was sent; null if none. */
  lastReminderAt: /* @__PURE__ */ z.nullable(Timestamp),
});

/** `GET /v1/grievances` query: the caller's own grievances, newest first. */
export const ListGrievancesQuery = /* @__PURE__ */ z.object({
  /** Only grievances with this status. */
  status: /* @__PURE__ */ z.optional(KnownStatusCode),
  /** `nextCursor` of the previous page. */
  cursor: /* @__PURE__ */ z.optional(OpaqueId),
  /** Grievances per page, 1-100. */
  limit: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.minimum(1), /* @__PURE__ */ z.maximum(100)),
  ),
});

/** One page of the caller's grievances. */
export const GrievancePage = /* @__PURE__ */ z.object({
  /** Newest first. */
  items: /* @__PURE__ */ z.array(Grievance),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: /* @__PURE__ */ z.nullable(OpaqueId),
});

/** One step in a grievance's history. */
export const GrievanceEvent = /* @__PURE__ */ z.object({
  /** Strictly increasing per grievance; the highest is the current status. */
  sequence: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.positive()),
  /** When it happened. */
  at: Timestamp,
  /** The status it moved to. */
  status: WireStatusCode,
  /** The officer's note, if any. */
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** With FORWARDED: where to. */
  forwardedTo: /* @__PURE__ */ z.optional(ForwardedTo),
});

/** `GET /v1/grievances/{grievanceId}/events`. */
export const GrievanceEvents = /* @__PURE__ */ z.object({
  /** In any order; sort by `sequence`. */
  items: /* @__PURE__ */ z.array(GrievanceEvent),
});

/** `POST /v1/grievances/{grievanceId}/reminders`: the portal's "re-mention". */
export const ReminderBody = /* @__PURE__ */ z.object({
  /** 1-500 characters, shown to the officer. */
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ citizenText(1, 500)),
});

/** A reminder the portal recorded (201). */
export const Reminder = /* @__PURE__ */ z.object({
  /** The portal's ID for the reminder. */
  reminderId: OpaqueId,
  /** When the portal recorded it. */
  at: Timestamp,
  /** Reminders on the grievance so far, this one included. */
  reminderCount: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.positive()),
});
