import * as z from 'zod/mini';
import { OpaqueId } from './common.js';

/** What an attachment is for. */
export const AttachmentKind = /* @__PURE__ */ z.enum(['id_proof', 'document', 'photo']);

/** The file types the portal accepts. */
export const AttachmentMimeType = /* @__PURE__ */ z.enum([
  'application/pdf',
  'image/jpeg',
  'image/png',
]);

/** An uploaded attachment (201 from `POST /v1/attachments`). */
export const Attachment = /* @__PURE__ */ z.object({
  /** The portal's ID for the file; list it in a grievance's `attachmentIds`. */
  attachmentId: OpaqueId,
  /** The name the portal shows. */
  fileName: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(255)),
  /** The type the portal detected from the bytes. */
  mimeType: AttachmentMimeType,
  /** The size of the bytes the portal stored. */
  sizeBytes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.positive()),
  /** SHA-256 of the bytes the portal stored, lower-case hex: compare with what was sent. */
  sha256: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9a-f]{64}$/)),
  /** What the file is for. */
  kind: AttachmentKind,
});
