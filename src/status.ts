import type { STATUS_CODES } from './contract/status.js';

/**
 * The statuses a grievance can have. Keys and values are the portal's wire codes, plus
 * `UNKNOWN` for a code this version of the client does not know (the raw code is kept in
 * `rawStatus`).
 *
 * @example
 * if (grievance.status === GrievanceStatus.RESOLVED) showFeedbackForm();
 */
export const GrievanceStatus = {
  /** Filed; not yet with a department. */
  RECEIVED: 'RECEIVED',
  /** Sent on to the department concerned (see `forwardedTo`). */
  FORWARDED: 'FORWARDED',
  /** A department is working on it. */
  UNDER_PROCESS: 'UNDER_PROCESS',
  /** The department says it is solved; may be reopened. */
  RESOLVED: 'RESOLVED',
  /** Final. */
  CLOSED: 'CLOSED',
  /** A code this version of the client does not know; see `rawStatus`. */
  UNKNOWN: 'UNKNOWN',
} as const satisfies Record<(typeof STATUS_CODES)[number] | 'UNKNOWN', string>;

/** A grievance status code, `UNKNOWN` included. */
export type GrievanceStatus = (typeof GrievanceStatus)[keyof typeof GrievanceStatus];

/** A language the portal speaks: English or Bengali. */
export type Language = 'en' | 'bn';

const LABELS: Record<GrievanceStatus, Record<Language, string>> = {
  RECEIVED: { en: 'Received', bn: 'অভিযোগ গ্রহণ করা হয়েছে' },
  FORWARDED: { en: 'Forwarded', bn: 'সংশ্লিষ্ট দফতরে পাঠানো হয়েছে' },
  UNDER_PROCESS: { en: 'Under Process', bn: 'অভিযোগ প্রক্রিয়াধীন' },
  RESOLVED: { en: 'Resolved', bn: 'সমস্যার সমাধান করা হয়েছে' },
  CLOSED: { en: 'Closed', bn: 'অভিযোগ বন্ধ করা হয়েছে' },
  UNKNOWN: { en: 'Unknown', bn: 'অজানা অবস্থা' },
};

/**
 * The portal's label for a status, in English (default) or Bengali.
 *
 * @example
 * statusLabel('FORWARDED', 'bn'); // 'সংশ্লিষ্ট দফতরে পাঠানো হয়েছে'
 */
export function statusLabel(status: GrievanceStatus, language: Language = 'en'): string {
  return (LABELS[status] ?? LABELS.UNKNOWN)[language === 'bn' ? 'bn' : 'en'];
}

/** Reads a wire code as a {@link GrievanceStatus}; a code it does not know becomes `UNKNOWN`. */
export function toGrievanceStatus(code: string): GrievanceStatus {
  return Object.hasOwn(GrievanceStatus, code) ? (code as GrievanceStatus) : 'UNKNOWN';
}

/**
 * Whether the portal still works on a grievance in this status (it is neither resolved nor
 * closed). An `UNKNOWN` status counts as open, since nothing says the work has ended.
 */
export function isOpenStatus(status: GrievanceStatus): boolean {
  return status !== 'RESOLVED' && status !== 'CLOSED';
}
