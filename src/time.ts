const IST_OFFSET_MS = 330 * 60_000;

/** Reads a contract timestamp (already checked to be RFC 3339 with an offset) as a Date. */
export function parseTimestamp(text: string): Date {
  return new Date(text);
}

/**
 * Writes a Date as the portal does: RFC 3339, whole seconds, India Standard Time offset,
 * e.g. `2026-12-03T19:06:46+05:30`.
 */
export function formatTimestamp(date: Date): string {
  const ist = new Date(Math.floor(date.getTime() / 1000) * 1000 + IST_OFFSET_MS);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}
