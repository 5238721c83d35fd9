/**
 * The catalogue data the package ships: districts, departments and the portal's contact
 * details, usable offline and without a client.
 */
export type { CatalogEntry } from './types.js';
export { DISTRICTS } from './districts.js';
export { DEPARTMENTS } from './departments.js';
export { PORTAL_CONTACT, type PortalContact } from './portal-info.js';
