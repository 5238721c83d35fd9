import * as z from 'zod/mini';
import { CatalogCode, Labels } from './common.js';

/**
 * A district or a department. Entries are never deleted: one that was renamed or merged
 * stays, `active: false`, so that old grievances still read.
 */
export const CatalogItem = /* @__PURE__ */ z.object({
  /** Stable, never reused; what the API takes and returns. */
  code: CatalogCode,
  /** The name in English and Bengali. */
  labels: Labels,
  /** False for a retired entry: show it on old grievances, do not offer it on new ones. */
  active: /* @__PURE__ */ z.boolean(),
});

/** `GET /v1/catalog/districts` and `GET /v1/catalog/departments`. */
export const CatalogResponse = /* @__PURE__ */ z.object({
  /** Every entry, retired ones included. */
  items: /* @__PURE__ */ z.array(CatalogItem),
});
