/**
 * The wire contract, as zod schemas. Everything else derives from these: the client's
 * response validation, the mock portal's request validation, the public types and
 * `docs/openapi.json`.
 *
 * Every call that builds a schema carries a `@__PURE__` mark. Bundlers cannot tell that
 * building a schema changes nothing else (esbuild does not read zod's own marks across
 * modules), and without the mark an app that imports only the helpers would carry every
 * schema, and zod, in its bundle.
 */
export * from './attachments.js';
export * from './auth.js';
export * from './catalog.js';
export * from './citizens.js';
export * from './common.js';
export * from './grievances.js';
export * from './status.js';
