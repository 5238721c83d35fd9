import type * as z from 'zod/mini';
import type { RegistrationBody } from '../contract/citizens.js';
import { findDistrict } from './catalog.js';
import { PortalRefusal, fieldRefused } from './refusal.js';
import { toWireCitizen, type CitizenRecord, type WireCitizen } from './state.js';

/**
 * Registers the signed-in citizen, or updates the details of one already registered. The
 * mobile in the body must be the one the session was opened with: a session cannot register
 * another number.
 */
export function registerCitizen(
  citizen: CitizenRecord,
  body: z.infer<typeof RegistrationBody>,
): WireCitizen {
  if (body.mobile !== citizen.mobile) {
    throw new PortalRefusal({
      status: 403,
      code: 'FORBIDDEN',
      message:
        'The mobile number does not match the signed-in number. Register the number you signed in with.',
    });
  }

  const district = findDistrict(body.district);
  if (!district?.active) {
    throw fieldRefused(
      'district',
      'unknown_code',
      'is not a current district; pick one from the catalogue',
    );
  }

  citizen.registered = true;
  citizen.name = body.name.normalize('NFC');
  citizen.email = body.email ?? null;
  citizen.district = body.district;
  citizen.address = body.address?.normalize('NFC') ?? null;
  citizen.preferredLanguage = body.preferredLanguage;
  return toWireCitizen(citizen);
}
