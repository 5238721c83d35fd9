import * as z from 'zod/mini';
import { CatalogCode, Labels } from './common.js';

/**
 * A district or a department. Entries are never deleted: one that was renamed or merged
 * stays, `active: false`, so that old grievances still read.
 */
export const CatalogItem = z.object({
  code: CatalogCode,
  labels: Labels,
  active: z.boolean(),
});

/** `GET /v1/catalog/districts` and `GET /v1/catalog/departments`. */
export const CatalogResponse = z.object({ items: z.array(CatalogItem) });
