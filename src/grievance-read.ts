import * as z from 'zod/mini';
import * as contract from './contract/index.js';
import { statusLabel, toGrievanceStatus, type GrievanceStatus } from './status.js';
import { parseTimestamp } from './time.js';
import type { Grievance, GrievanceEvent } from './types.js';

// Reading is more forgiving than the contract: a field that only decorates a grievance falls
// back to a safe value, so that one odd field never makes a grievance, or a list, unreadable.
// The schema checks the fields a grievance cannot do without; the others pass through as
// unknown and are read one by one below (by hand: zod's catch and extend cost 3 KB gzipped).

/** A field read by hand: anything, or nothing. */
const Loose = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown());

/** A grievance as the client reads it off the wire. */
export const GrievanceRead = /* @__PURE__ */ z.object({
  grievanceId: contract.GrievanceId,
  description: /* @__PURE__ */ z.string(),
  language: contract.Language,
  district: contract.CatalogCode,
  status: /* @__PURE__ */ z.string(),
  submittedAt: contract.Timestamp,
  updatedAt: contract.Timestamp,
  subject: Loose,
  statusLabel: Loose,
  rawStatus: Loose,
  forwardedTo: Loose,
  attachments: Loose,
  reminderCount: Loose,
  lastReminderAt: Loose,
});

/** A page of grievances whose items are read one by one. */
export const GrievancePageRead = /* @__PURE__ */ z.object({
  items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.unknown()),
  nextCursor: /* @__PURE__ */ z.nullable(contract.OpaqueId),
});

/** The history of a grievance; an event's note, like a grievance's subject, is forgiven. */
export const GrievanceEventsRead = /* @__PURE__ */ z.object({
  items: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      sequence: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.positive()),
      at: contract.Timestamp,
      status: /* @__PURE__ */ z.string(),
      note: Loose,
      forwardedTo: /* @__PURE__ */ z.optional(contract.ForwardedTo),
    }),
  ),
});

const Attachments = /* @__PURE__ */ z.array(contract.Attachment);

/**
 * `value` if `schema` accepts it, else `fallback`. None of these schemas takes null, the usual
 * value of an empty field, so that answers at once: a refusal builds an error, which is slow.
 */
function readOr<T, F>(schema: z.ZodMiniType<T>, value: unknown, fallback: F): T | F {
  if (value === null || value === undefined) return fallback;
  const read = schema.safeParse(value);
  return read.success ? read.data : fallback;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Turns a wire grievance into the public shape: typed status, Dates. */
export function toGrievance(wire: z.infer<typeof GrievanceRead>): Grievance {
  const status = toGrievanceStatus(wire.status);
  const subject = text(wire.subject);
  const reminderCount = wire.reminderCount;
  const lastReminderAt = readOr(contract.Timestamp, wire.lastReminderAt, null);
  return {
    grievanceId: wire.grievanceId,
    ...(subject !== undefined && { subject }),
    description: wire.description,
    language: wire.language,
    district: wire.district,
    status,
    statusLabel: readOr(contract.Labels, wire.statusLabel, labelsOf(status)),
    // An unknown code is what the app needs to see, whatever the portal put in rawStatus.
    rawStatus: status === 'UNKNOWN' ? wire.status : text(wire.rawStatus) || wire.status,
    submittedAt: parseTimestamp(wire.submittedAt),
    updatedAt: parseTimestamp(wire.updatedAt),
    forwardedTo: readOr(contract.ForwardedTo, wire.forwardedTo, null),
    attachments: readOr(Attachments, wire.attachments, []),
    reminderCount:
      Number.isSafeInteger(reminderCount) && (reminderCount as number) >= 0
        ? (reminderCount as number)
        : 0,
    lastReminderAt: lastReminderAt === null ? null : parseTimestamp(lastReminderAt),
  };
}

function labelsOf(status: GrievanceStatus) {
  return { en: statusLabel(status, 'en'), bn: statusLabel(status, 'bn') };
}

/**
 * Puts events in sequence order and drops repeats: the portal may send them out of order, or
 * one twice when a page is retried.
 */
export function toEvents(wire: z.infer<typeof GrievanceEventsRead>): GrievanceEvent[] {
  const bySequence = new Map(wire.items.map((event) => [event.sequence, event]));
  return [...bySequence.values()]
    .sort((a, b) => a.sequence - b.sequence)
    .map((event) => {
      const note = text(event.note);
      return {
        sequence: event.sequence,
        at: parseTimestamp(event.at),
        status: toGrievanceStatus(event.status),
        rawStatus: event.status,
        ...(note !== undefined && { note }),
        ...(event.forwardedTo !== undefined && { forwardedTo: event.forwardedTo }),
      };
    });
}

/**
 * The current status from a history: the status of the highest sequence, whatever order the
 * events came in. Undefined for an empty history.
 */
export function currentStatus(events: readonly GrievanceEvent[]): GrievanceStatus | undefined {
  let latest: GrievanceEvent | undefined;
  for (const event of events) if (!latest || event.sequence > latest.sequence) latest = event;
  return latest?.status;
}
