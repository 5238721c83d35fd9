import * as z from 'zod/mini';
import * as contract from './contract/index.js';
import { statusLabel, toGrievanceStatus, type GrievanceStatus } from './status.js';
import { parseTimestamp } from './time.js';
import type { Grievance, GrievanceEvent } from './types.js';

// Reading is more forgiving than the contract: a field that only decorates a grievance falls
// back to a safe value, so that one odd field never makes a grievance, or a list, unreadable.
const forgiving = {
  subject: z.catch(z.optional(z.string()), undefined),
  statusLabel: z.catch(z.optional(contract.Labels), undefined),
  rawStatus: z.catch(z.optional(z.string()), undefined),
  forwardedTo: z.catch(z.nullable(contract.ForwardedTo), null),
  attachments: z.catch(z.array(contract.Attachment), []),
  reminderCount: z.catch(z.int().check(z.nonnegative()), 0),
  lastReminderAt: z.catch(z.nullable(contract.Timestamp), null),
};

/** A grievance as the client reads it off the wire. */
export const GrievanceRead = z.extend(contract.Grievance, forgiving);

/** A page of grievances whose items are read one by one. */
export const GrievancePageRead = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.nullable(contract.OpaqueId),
});

/** The history of a grievance. */
export const GrievanceEventsRead = z.object({
  items: z.array(
    z.extend(contract.GrievanceEvent, { note: z.catch(z.optional(z.string()), undefined) }),
  ),
});

/** Turns a wire grievance into the public shape: typed status, Dates. */
export function toGrievance(wire: z.infer<typeof GrievanceRead>): Grievance {
  const status = toGrievanceStatus(wire.status);
  return {
    grievanceId: wire.grievanceId,
    ...(wire.subject !== undefined && { subject: wire.subject }),
    description: wire.description,
    language: wire.language,
    district: wire.district,
    status,
    statusLabel: wire.statusLabel ?? labelsOf(status),
    // An unknown code is what the app needs to see, whatever the portal put in rawStatus.
    rawStatus: status === 'UNKNOWN' ? wire.status : wire.rawStatus || wire.status,
    submittedAt: parseTimestamp(wire.submittedAt),
    updatedAt: parseTimestamp(wire.updatedAt),
    forwardedTo: wire.forwardedTo,
    attachments: wire.attachments,
    reminderCount: wire.reminderCount,
    lastReminderAt: wire.lastReminderAt === null ? null : parseTimestamp(wire.lastReminderAt),
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
    .map((event) => ({
      sequence: event.sequence,
      at: parseTimestamp(event.at),
      status: toGrievanceStatus(event.status),
      rawStatus: event.status,
      ...(event.note !== undefined && { note: event.note }),
      ...(event.forwardedTo !== undefined && { forwardedTo: event.forwardedTo }),
    }));
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
