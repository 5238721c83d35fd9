/** Small helpers shared by the benchmarks. Each benchmark prints one JSON line for index.ts. */

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One figure of the results table. */
export interface Figure {
  benchmark: string;
  value: string;
  /** What the value is compared with, if anything. */
  baseline?: string;
  detail?: string;
}

/** Hands the figures to the runner (scripts/bench/index.ts), which prints the table. */
export function report(figures: Figure[]): void {
  console.log(`BENCH ${JSON.stringify(figures)}`);
}

/** A 1×1 PNG. */
export const PHOTO = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

/** A session store already holding a session, for benchmarks that skip signing in. */
export function heldSession() {
  const session = {
    accessToken: 'bench-token-0123456789abcdef',
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    citizen: {
      citizenId: 'cit_000001',
      mobile: '+919830012345',
      registered: true,
      name: 'Asha Das',
      email: null,
      district: 'KOLKATA',
      address: null,
      preferredLanguage: 'bn' as const,
    },
  };
  return { get: () => session, set: () => {}, clear: () => {} };
}
