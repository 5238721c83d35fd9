export { GrievanceClient, type GrievanceClientOptions } from './client.js';
export type { Auth, OtpRequest, SignedIn } from './auth.js';
export type { Citizens, Registration } from './citizens.js';
export type { Catalog } from './catalog.js';
export type { Attachments, UploadOptions } from './attachments.js';
export type { Grievances, GrievanceDraft, ListOptions, NewAttachment } from './grievances.js';
export type { WatchOptions } from './watch.js';
export type { CallOptions, CreateOptions } from './http.js';
export type { FileInput } from './files.js';
export type { Logger, LogLevel } from './logger.js';
export type {
  SessionExpiredHandler,
  SessionState,
  SessionStore,
  StoredSession,
} from './session.js';
export type {
  Attachment,
  AttachmentKind,
  CatalogItem,
  Citizen,
  ForwardedTo,
  Grievance,
  GrievanceEvent,
  GrievancePage,
  Labels,
  Reminder,
} from './types.js';
export { GrievanceStatus, type Language, isOpenStatus, statusLabel } from './status.js';
export { currentStatus } from './grievance-read.js';
export {
  isValidAadhaar,
  isValidMobile,
  maskAadhaar,
  maskMobile,
  normalizeMobile,
  toAsciiDigits,
} from './identifiers.js';
export { redact, redactText } from './redact.js';
export * from './errors.js';
export type { FieldProblem } from './contract/details.js';
export {
  DEPARTMENTS,
  DISTRICTS,
  PORTAL_CONTACT,
  type CatalogEntry,
  type PortalContact,
} from './data/index.js';
