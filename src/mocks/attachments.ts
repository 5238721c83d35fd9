import * as z from 'zod/mini';
import { AttachmentKind, type AttachmentMimeType } from '../contract/attachments.js';
import type { FieldProblem } from '../contract/details.js';
import { PortalRefusal, fieldRefused, validationFailed } from './refusal.js';
import { readForm, type Form } from './multipart.js';
import { sha256Hex } from './random.js';
import { nextSerial, type PortalState, type WireAttachment } from './state.js';

type MimeType = z.infer<typeof AttachmentMimeType>;
type FormValue = ReturnType<Form['get']>;

const SIGNATURES: readonly { mimeType: MimeType; bytes: readonly number[] }[] = [
  { mimeType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mimeType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mimeType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * The file's type from its first bytes, as the portal trusts neither the file name nor the
 * declared type.
 */
export function sniffMimeType(bytes: Uint8Array): MimeType | undefined {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte))
    ?.mimeType;
}

/** A checked upload, ready to store. */
export interface Upload {
  fileName: string;
  kind: z.infer<typeof AttachmentKind>;
  mimeType: MimeType;
  sizeBytes: number;
  sha256: string;
}

/**
 * Reads `POST /v1/attachments`: multipart with `file` and `kind`. A missing part is 400, a file
 * over the size limit 413, bytes that are not PDF, JPEG or PNG 415.
 */
export async function readUpload(state: PortalState, request: Request): Promise<Upload> {
  const form = await readForm(request);
  const file = form.get('file');
  const kindValue = form.get('kind');
  const kind = AttachmentKind.safeParse(kindValue);
  const problems = [fileProblem(file), kind.success ? undefined : kindProblem(kindValue)];
  if (typeof file !== 'object' || !kind.success || problems.some(Boolean)) {
    throw validationFailed(problems.filter((problem) => problem !== undefined));
  }

  const { bytes } = file;
  const limit = state.options.policy.maxAttachmentBytes;
  if (bytes.byteLength > limit) {
    throw new PortalRefusal({
      status: 413,
      code: 'ATTACHMENT_TOO_LARGE',
      message:
        `The file is ${megabytes(bytes.byteLength)} MB; attachments may be at most ` +
        `${megabytes(limit)} MB. Attach a smaller file.`,
    });
  }

  if (isUnserialisedBlob(bytes)) {
    throw fieldRefused(
      'file',
      'file_not_sent',
      "arrived as the text 'undefined': the sender's fetch could not read the File " +
        "(jsdom's File with Node's fetch does this); send bytes it can read",
    );
  }

  const mimeType = sniffMimeType(bytes);
  if (!mimeType) {
    throw new PortalRefusal({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message:
        'The file is not a PDF, JPEG or PNG (judged by its content, not its name). Attach one of those.',
    });
  }

  return {
    fileName: file.fileName.normalize('NFC'),
    kind: kind.data,
    mimeType,
    sizeBytes: bytes.byteLength,
    sha256: await sha256Hex(bytes),
  };
}

const UNDEFINED_TEXT = new TextEncoder().encode('undefined');

/** A Blob from another realm that a fetch wrote as `String(undefined)` instead of its bytes. */
function isUnserialisedBlob(bytes: Uint8Array): boolean {
  return (
    bytes.length === UNDEFINED_TEXT.length && UNDEFINED_TEXT.every((byte, i) => bytes[i] === byte)
  );
}

function fileProblem(file: FormValue | undefined): FieldProblem | undefined {
  if (file === undefined) return { field: 'file', code: 'required', message: 'is required' };
  if (typeof file === 'string') {
    return { field: 'file', code: 'not_a_file', message: 'must be a file, not text' };
  }
  if (file.fileName === '' || file.fileName.length > 255) {
    return {
      field: 'file',
      code: 'invalid_file_name',
      message: 'must have a file name of 1-255 characters',
    };
  }
  return undefined;
}

function kindProblem(kind: FormValue | undefined): FieldProblem {
  if (kind === undefined) return { field: 'kind', code: 'required', message: 'is required' };
  return {
    field: 'kind',
    code: 'invalid_value',
    message: `must be one of ${AttachmentKind.options.join(', ')}`,
  };
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** What makes two uploads the same, for `Idempotency-Key`: kind, file name and content. */
export function uploadFingerprint(upload: Upload): string {
  return `${upload.kind}\n${upload.fileName}\n${upload.sha256}`;
}

/** Stores the upload as the citizen's attachment. */
export function storeAttachment(
  state: PortalState,
  citizenId: string,
  upload: Upload,
): WireAttachment {
  const attachment: WireAttachment = {
    attachmentId: nextSerial(state, 'attachment', 'att'),
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    sizeBytes: upload.sizeBytes,
    sha256: upload.sha256,
    kind: upload.kind,
  };
  state.data.attachments.set(attachment.attachmentId, { citizenId, attachment });
  return attachment;
}
