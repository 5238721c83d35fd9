/**
 * The wire contract, as zod schemas. Everything else derives from these: the client's
 * response validation, the mock portal's request validation, the public types and
 * `docs/openapi.json`.
 */
export * from './attachments.js';
export * from './auth.js';
export * from './catalog.js';
export * from './citizens.js';
export * from './common.js';
export * from './grievances.js';
export * from './status.js';
