import * as z from 'zod/mini';
import { CatalogCode, Language, Timestamp, citizenText } from '../contract/common.js';
import { toFieldProblems } from '../contract/details.js';
import { KnownStatusCode } from '../contract/status.js';
import { isValidMobile, normalizeMobile } from '../identifiers.js';
import { defaultDepartment, findDepartment, findDistrict } from './catalog.js';
import { addMs } from './clock.js';
import { fileGrievance, toWireGrievance } from './grievances.js';
import { MockPortalError } from './mock-portal-error.js';
import { citizenByMobile, toWireCitizen, type CitizenRecord, type PortalState } from './state.js';
import { checkTransition, recordTransition, type StatusCode } from './transitions.js';

const SeedMobile = z.string().check(z.refine(isValidMobile, 'must be an Indian mobile number'));

const SeedCitizen = z.strictObject({
  /** In any accepted form. */
  mobile: SeedMobile,
  /** Given a name, the citizen is registered; without one, unregistered. */
  name: z.optional(citizenText(2, 100)),
  /** An email address on file. */
  email: z.optional(z.email({ error: 'must be an email address' })),
  /** District code. */
  district: z.optional(CatalogCode),
  /** Postal address. */
  address: z.optional(citizenText(5, 500)),
  /** Default `'en'`. */
  preferredLanguage: z.optional(Language),
});

const SeedGrievance = z.strictObject({
  /** The citizen who filed it; created unregistered if unknown. */
  mobile: SeedMobile,
  /** 10-4000 characters, no HTML. */
  description: citizenText(10, 4000),
  /** District code. */
  district: CatalogCode,
  /** 3-200 characters. */
  subject: z.optional(citizenText(3, 200)),
  /** Department code the citizen chose. */
  departmentCode: z.optional(CatalogCode),
  /** Default `'en'`. */
  language: z.optional(Language),
  /** When it was filed. Default: the portal's clock. */
  submittedAt: z.optional(Timestamp),
  /** Where it stands now. Default `RECEIVED`. */
  status: z.optional(KnownStatusCode),
  /** Department code it was forwarded to, for statuses past RECEIVED. */
  forwardedTo: z.optional(CatalogCode),
});

const Seed = z.strictObject({
  /** Citizens to create. */
  citizens: z.optional(z.array(SeedCitizen)),
  /** Grievances to file, in order. */
  grievances: z.optional(z.array(SeedGrievance)),
});

/**
 * Citizens and grievances to start a portal with. Plain JSON, so that it can live in a file.
 * Mobiles may be in any accepted form; codes come from the catalogue (inactive ones allowed,
 * for old grievances).
 *
 * @interface
 */
export type PortalSeed = z.input<typeof Seed>;

/** The steps an officer takes after RECEIVED to reach each status: a plausible history. */
const PATHS: Record<StatusCode, readonly StatusCode[]> = {
  RECEIVED: [],
  FORWARDED: ['FORWARDED'],
  UNDER_PROCESS: ['FORWARDED', 'UNDER_PROCESS'],
  RESOLVED: ['FORWARDED', 'UNDER_PROCESS', 'RESOLVED'],
  CLOSED: ['FORWARDED', 'UNDER_PROCESS', 'RESOLVED', 'CLOSED'],
};

const DAY_MS = 24 * 60 * 60_000;

/** Checks the whole seed before changing anything, so that a bad seed leaves the portal as it was. */
function checkSeed(input: unknown, now: Date): z.infer<typeof Seed> {
  const result = Seed.safeParse(input);
  if (!result.success) {
    const [problem] = toFieldProblems(result.error, input);
    throw new MockPortalError(
      `Invalid seed: ${pathOf(problem?.field ?? '')} ${problem?.message ?? 'is not valid'}.`,
    );
  }

  const seed = result.data;
  seed.citizens?.forEach((citizen, i) => {
    if (citizen.district !== undefined && !findDistrict(citizen.district)) {
      refuse(`citizens[${i}].district`, `"${citizen.district}" is not a district code`);
    }
  });

  seed.grievances?.forEach((grievance, i) => {
    const at = `grievances[${i}]`;
    if (!findDistrict(grievance.district))
      refuse(`${at}.district`, `"${grievance.district}" is not a district code`);
    for (const field of ['departmentCode', 'forwardedTo'] as const) {
      const code = grievance[field];
      if (code !== undefined && !findDepartment(code))
        refuse(`${at}.${field}`, `"${code}" is not a department code`);
    }
    if (grievance.forwardedTo !== undefined && PATHS[grievance.status ?? 'RECEIVED'].length === 0) {
      refuse(`${at}.forwardedTo`, 'needs a status past RECEIVED');
    }
    if (grievance.submittedAt !== undefined && new Date(grievance.submittedAt) > now) {
      refuse(`${at}.submittedAt`, 'must not be later than the portal clock');
    }
  });
  return seed;
}

function pathOf(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function refuse(field: string, problem: string): never {
  throw new MockPortalError(`Invalid seed: ${field} ${problem}.`);
}

/** Loads a seed; see {@link PortalSeed}. Returns what it created or changed, in wire form. */
export function applySeed(state: PortalState, input: PortalSeed) {
  const now = state.options.now();
  const seed = checkSeed(input, now);
  const touched = new Set<CitizenRecord>();

  for (const entry of seed.citizens ?? []) {
    const citizen = citizenByMobile(state, normalizeMobile(entry.mobile));
    if (entry.name !== undefined) {
      citizen.name = entry.name.normalize('NFC');
      citizen.registered = true;
    }
    if (entry.email !== undefined) citizen.email = entry.email;
    if (entry.district !== undefined) citizen.district = entry.district;
    if (entry.address !== undefined) citizen.address = entry.address.normalize('NFC');
    if (entry.preferredLanguage !== undefined) citizen.preferredLanguage = entry.preferredLanguage;
    touched.add(citizen);
  }

  const grievances = (seed.grievances ?? []).map((entry) => {
    const citizen = citizenByMobile(state, normalizeMobile(entry.mobile));
    touched.add(citizen);

    const submittedAt = entry.submittedAt === undefined ? now : new Date(entry.submittedAt);
    const grievance = fileGrievance(state, {
      citizenId: citizen.citizenId,
      ...(entry.subject !== undefined && { subject: entry.subject.normalize('NFC') }),
      description: entry.description.normalize('NFC'),
      language: entry.language ?? 'en',
      district: entry.district,
      ...(entry.departmentCode !== undefined && { departmentCode: entry.departmentCode }),
      submittedAt,
      attachments: [],
    });

    const steps = PATHS[entry.status ?? 'RECEIVED'];
    // Whole milliseconds, so that the last step never lands after the portal's clock.
    const stepMs = Math.min(
      DAY_MS,
      Math.floor((now.getTime() - submittedAt.getTime()) / Math.max(steps.length, 1)),
    );
    const departmentCode = entry.forwardedTo ?? entry.departmentCode ?? defaultDepartment().code;
    steps.forEach((status, i) => {
      const at = addMs(submittedAt, stepMs * (i + 1));
      const update = status === 'FORWARDED' ? { departmentCode, at } : { at };
      recordTransition(grievance, checkTransition(grievance, status, update, now));
    });
    return toWireGrievance(grievance);
  });

  return { citizens: [...touched].map(toWireCitizen), grievances };
}
