import type * as z from 'zod/mini';
import type { ListGrievancesQuery } from '../contract/grievances.js';
import { toWireGrievance } from './grievances.js';
import { fieldRefused } from './refusal.js';
import type { GrievanceRecord, PortalState } from './state.js';

const DEFAULT_LIMIT = 20;

/** Where a page ended: the last grievance shown, by its place in the newest-first order. */
interface Position {
  submittedAt: number;
  grievanceId: string;
}

/** Newest first; the ID breaks ties, so that the order is total and stable. */
function newestFirst(a: Position, b: Position): number {
  if (a.submittedAt !== b.submittedAt) return b.submittedAt - a.submittedAt;
  return a.grievanceId < b.grievanceId ? 1 : a.grievanceId > b.grievanceId ? -1 : 0;
}

function positionOf(grievance: GrievanceRecord): Position {
  return { submittedAt: grievance.submittedAt.getTime(), grievanceId: grievance.grievanceId };
}

/**
 * The cursor is the position of the last grievance shown, not an offset: a grievance filed
 * while a client pages sorts before it, so no page repeats or skips one.
 */
function encodeCursor(position: Position): string {
  const json = JSON.stringify([position.submittedAt, position.grievanceId]);
  return btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): Position {
  try {
    const json = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const [submittedAt, grievanceId] = JSON.parse(json) as unknown[];
    if (typeof submittedAt === 'number' && typeof grievanceId === 'string') {
      return { submittedAt, grievanceId };
    }
  } catch {
    // Refused below, like any other cursor this portal did not issue.
  }
  throw fieldRefused(
    'cursor',
    'invalid_cursor',
    'is not a cursor from this portal; start again without one',
  );
}

/** One page of the citizen's grievances, newest first, with the cursor to the next page. */
export function listPage(
  state: PortalState,
  citizenId: string,
  query: z.infer<typeof ListGrievancesQuery>,
) {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const limit = query.limit ?? DEFAULT_LIMIT;

  const matching = [...state.data.grievances.values()]
    .filter((grievance) => grievance.citizenId === citizenId)
    .filter((grievance) => query.status === undefined || grievance.status === query.status)
    .filter((grievance) => after === undefined || newestFirst(after, positionOf(grievance)) < 0)
    .sort((a, b) => newestFirst(positionOf(a), positionOf(b)));

  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toWireGrievance),
    nextCursor: matching.length > limit && last ? encodeCursor(positionOf(last)) : null,
  };
}
