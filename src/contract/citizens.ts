import * as z from 'zod/mini';
import { CatalogCode, Language, OpaqueId, WireMobile, citizenText } from './common.js';

/**
 * A citizen. Signing in with a number the portal has not seen creates an unregistered
 * citizen (`registered: false`, `name: null`); registration fills in the rest.
 */
export const Citizen = /* @__PURE__ */ z.object({
  /** The portal's ID for the citizen. */
  citizenId: OpaqueId,
  /** The mobile number the citizen signs in with, in wire form (`+919830012345`). */
  mobile: WireMobile,
  /** False until the citizen registers; the other fields are then null. */
  registered: /* @__PURE__ */ z.boolean(),
  /** The citizen's name; null until registered. */
  name: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** Null when not given. */
  email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** District code; null until registered. */
  district: /* @__PURE__ */ z.nullable(CatalogCode),
  /** Postal address; null when not given. */
  address: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** The language the portal writes to the citizen in. */
  preferredLanguage: Language,
});

/** `POST /v1/citizens`: register the signed-in citizen. */
export const RegistrationBody = /* @__PURE__ */ z.object({
  /** 2-100 characters. */
  name: /* @__PURE__ */ citizenText(2, 100),
  /** Must be the number the session was opened with. */
  mobile: WireMobile,
  /** An email address, if the citizen wants one on file. */
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.email({ error: 'must be an email address' })),
  /** District code from the catalogue. */
  district: CatalogCode,
  /** 5-500 characters. */
  address: /* @__PURE__ */ z.optional(/* @__PURE__ */ citizenText(5, 500)),
  /** The language the portal should write to the citizen in. */
  preferredLanguage: Language,
});
