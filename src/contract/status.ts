import * as z from 'zod/mini';

/** The five status codes the portal shows, in the order a grievance usually moves through. */
export const STATUS_CODES = [
  'RECEIVED',
  'FORWARDED',
  'UNDER_PROCESS',
  'RESOLVED',
  'CLOSED',
] as const;

/** A status code the portal is known to send. */
export const KnownStatusCode = /* @__PURE__ */ z.enum(STATUS_CODES);

/**
 * A status code on the wire. Known codes are listed, but any string is accepted so that a
 * code added by the portal later reads as `UNKNOWN` instead of breaking every client.
 */
export const WireStatusCode = /* @__PURE__ */ z.union([
  KnownStatusCode,
  /* @__PURE__ */ z.string(),
]);
