import * as z from 'zod/mini';
import { OpaqueId } from './common.js';

/** What an attachment is for. */
export const AttachmentKind = z.enum(['id_proof', 'document', 'photo']);

/** The file types the portal accepts. */
export const AttachmentMimeType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);

/** An uploaded attachment (201 from `POST /v1/attachments`). */
export const Attachment = z.object({
  attachmentId: OpaqueId,
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  mimeType: AttachmentMimeType,
  sizeBytes: z.int().check(z.positive()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  kind: AttachmentKind,
});
