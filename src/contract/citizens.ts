import * as z from 'zod/mini';
import { CatalogCode, Language, OpaqueId, WireMobile, citizenText } from './common.js';

/**
 * A citizen. Signing in with a number the portal has not seen creates an unregistered
 * citizen (`registered: false`, `name: null`); registration fills in the rest.
 */
export const Citizen = z.object({
  citizenId: OpaqueId,
  mobile: WireMobile,
  registered: z.boolean(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  district: z.nullable(CatalogCode),
  address: z.nullable(z.string()),
  preferredLanguage: Language,
});

/** `POST /v1/citizens`: register the signed-in citizen. */
export const RegistrationBody = z.object({
  name: citizenText(2, 100),
  mobile: WireMobile,
  email: z.optional(z.email({ error: 'must be an email address' })),
  district: CatalogCode,
  address: z.optional(citizenText(5, 500)),
  preferredLanguage: Language,
});
