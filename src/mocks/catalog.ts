import { DEPARTMENTS, DISTRICTS, type CatalogEntry } from '../data/index.js';

const districts = new Map(DISTRICTS.map((entry) => [entry.code, entry]));
const departments = new Map(DEPARTMENTS.map((entry) => [entry.code, entry]));

/** A district by code, active or not. */
export function findDistrict(code: string): CatalogEntry | undefined {
  return districts.get(code);
}

/** A department by code, active or not. */
export function findDepartment(code: string): CatalogEntry | undefined {
  return departments.get(code);
}

/** The first active department: where seeded grievances go when the seed names none. */
export function defaultDepartment(): CatalogEntry {
  const entry = DEPARTMENTS.find((candidate) => candidate.active);
  if (!entry) throw new Error('The department catalogue has no active department.');
  return entry;
}

/** The body of `GET /v1/catalog/districts` or `/departments`: every entry, inactive included. */
export function catalogPage(entries: readonly CatalogEntry[]) {
  return {
    items: entries.map((entry) => ({
      code: entry.code,
      labels: { en: entry.labels.en, bn: entry.labels.bn },
      active: entry.active,
    })),
  };
}

export { DEPARTMENTS, DISTRICTS };
