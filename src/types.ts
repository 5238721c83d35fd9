import type * as z from 'zod/mini';
import type * as contract from './contract/index.js';
import type { GrievanceStatus, Language } from './status.js';

/**
 * A label in English and Bengali.
 *
 * @interface
 */
export type Labels = z.infer<typeof contract.Labels>;

/**
 * A district or department from the portal's catalogue.
 *
 * @interface
 */
export type CatalogItem = z.infer<typeof contract.CatalogItem>;

/**
 * What an attachment is for: an ID proof, a supporting document or a photo.
 *
 * @useDeclaredType
 */
export type AttachmentKind = z.infer<typeof contract.AttachmentKind>;

/**
 * An uploaded file, as the portal stored it. `sha256` is of the bytes the portal received.
 *
 * @interface
 */
export type Attachment = z.infer<typeof contract.Attachment>;

/**
 * The department a grievance was forwarded to.
 *
 * @interface
 */
export type ForwardedTo = z.infer<typeof contract.ForwardedTo>;

/**
 * A citizen's account. After a first sign-in with a new number it is unregistered
 * (`registered: false`, `name: null`) until `client.citizens.register()`.
 *
 * @interface
 */
export type Citizen = z.infer<typeof contract.Citizen>;

/** A grievance as the client hands it out: codes typed, timestamps as `Date`. */
export interface Grievance {
  /** The portal's ID for the grievance; quote it in any follow-up. */
  grievanceId: string;
  /** A short title, if the citizen gave one. */
  subject?: string;
  /** The grievance as the citizen wrote it, in NFC. */
  description: string;
  /** The language it is written in. */
  language: Language;
  /** District code, from `client.catalog.districts()`. */
  district: string;
  /** The current status; `UNKNOWN` for a code this client does not know. */
  status: GrievanceStatus;
  /** The portal's label for the status, in both languages. */
  statusLabel: Labels;
  /** The status code exactly as the portal sent it (differs from `status` when `UNKNOWN`). */
  rawStatus: string;
  /** When it was filed. */
  submittedAt: Date;
  /** When anything about it last changed. */
  updatedAt: Date;
  /** The department it is with, once forwarded. */
  forwardedTo: ForwardedTo | null;
  /** Files attached when it was filed. */
  attachments: Attachment[];
  /** How many reminders ("re-mentions") the citizen has sent. */
  reminderCount: number;
  /** When the last reminder was sent; null if none. */
  lastReminderAt: Date | null;
}

/** One step in a grievance's history. */
export interface GrievanceEvent {
  /** Strictly increasing per grievance; the highest is the current status. */
  sequence: number;
  /** When it happened. */
  at: Date;
  /** The status it moved to; `UNKNOWN` for a code this client does not know. */
  status: GrievanceStatus;
  /** The status code exactly as the portal sent it. */
  rawStatus: string;
  /** The officer's note, if any. */
  note?: string;
  /** With FORWARDED: where to. */
  forwardedTo?: ForwardedTo;
}

/** A reminder the portal recorded. */
export interface Reminder {
  /** The portal's ID for the reminder. */
  reminderId: string;
  /** When the portal recorded it. */
  at: Date;
  /** Reminders on this grievance so far, this one included. */
  reminderCount: number;
}

/** One page of the citizen's grievances, for UIs that page by hand. */
export interface GrievancePage {
  /** Newest first. */
  items: Grievance[];
  /** Pass to `listPage({ cursor })` for the next page; null on the last one. */
  nextCursor: string | null;
}
