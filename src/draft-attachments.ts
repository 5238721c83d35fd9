import type { Attachments } from './attachments.js';
import * as contract from './contract/index.js';
import type { Core } from './core.js';
import {
  AbortedError,
  AttachmentUploadError,
  AuthenticationError,
  ValidationError,
  isGrievanceError,
} from './errors.js';
import { type CheckedFile, type FileInput, checkFile, sha256Hex } from './files.js';
import type { CallOptions } from './http.js';
import type { Attachment, AttachmentKind } from './types.js';
import { readFields } from './validate.js';

/** A file to upload with a grievance. */
export interface NewAttachment {
  /** The file's bytes: a `Blob` or `File`, a `Uint8Array` or an `ArrayBuffer`. */
  file: FileInput;
  /** What the file is for: `id_proof`, `document` or `photo`. */
  kind: AttachmentKind;
  /** The name the portal shows; defaults to the File's own name, else `attachment.<ext>`. */
  fileName?: string;
}

/** One item of a draft's `attachments`, checked: an attachment to reuse, or a file to upload. */
type Prepared =
  | { attachmentId: string; done?: Attachment }
  | { file: CheckedFile; kind: AttachmentKind; identity: string };

/**
 * Uploads the files of a grievance draft and remembers what it uploaded until the grievance
 * is filed, so that a submission that failed half-way reuses the uploads on the next try
 * instead of storing the same file twice.
 */
export class DraftAttachments {
  readonly #core: Core;
  readonly #attachments: Attachments;
  readonly #uploaded = new Map<string, Attachment>();

  constructor(core: Core, attachments: Attachments) {
    this.#core = core;
    this.#attachments = attachments;
  }

  /** Reads and checks every item before any byte is sent. */
  async prepare(items: readonly unknown[]): Promise<Prepared[]> {
    const prepared = await Promise.all(items.map((item, i) => this.#prepareOne(item, i)));

    const seen = new Map<string, number>();
    prepared.forEach((item, i) => {
      const same = 'identity' in item ? item.identity : `id:${item.attachmentId}`;
      const first = seen.get(same);
      if (first !== undefined) {
        throw ValidationError.forField(
          `attachments.${i}`,
          'duplicate',
          `is the same file as attachments.${first}; attach each file once`,
        );
      }
      seen.set(same, i);
    });
    return prepared;
  }

  async #prepareOne(item: unknown, index: number): Promise<Prepared> {
    const field = `attachments.${index}`;
    if (typeof item === 'string') return { attachmentId: checkedId(item, field) };
    const example = "{ file, kind: 'photo' }";
    const { attachmentId } = readFields(item, field, {
      known: ['attachmentId'],
      example,
      allowUnknown: true,
    });
    if (attachmentId !== undefined) {
      const done = item as Attachment;
      return { attachmentId: checkedId(attachmentId, `${field}.attachmentId`), done };
    }

    const spec = readFields(item, field, {
      known: ['file', 'kind', 'fileName'],
      example,
      prefix: `${field}.`,
    });
    const kind = spec.kind as AttachmentKind;
    if (!contract.AttachmentKind.options.includes(kind)) {
      throw ValidationError.forField(
        `${field}.kind`,
        'invalid_value',
        'must be id_proof, document or photo',
      );
    }
    const file = await checkFile(spec.file, spec.fileName, this.#core.limits);
    const identity = `${this.#citizenId()}\n${kind}\n${file.fileName}\n${await sha256Hex(file.bytes)}`;
    return { file, kind, identity };
  }

  /**
   * Uploads the files not uploaded yet, in order, and returns every attachment ID. Stops at
   * the first failure with an {@link AttachmentUploadError}; nothing is filed then.
   */
  async upload(prepared: readonly Prepared[], key: string, options: CallOptions) {
    const uploaded: Attachment[] = prepared.flatMap((p) => ('done' in p && p.done ? [p.done] : []));
    const ids: string[] = [];

    for (const [index, item] of prepared.entries()) {
      if (!('file' in item)) {
        ids.push(item.attachmentId);
        continue;
      }

      try {
        const attachment =
          this.#uploaded.get(item.identity) ??
          (await this.#attachments.send(
            item.file,
            item.kind,
            await fileKey(key, item.identity),
            options,
          ));
        this.#uploaded.set(item.identity, attachment);
        uploaded.push(attachment);
        ids.push(attachment.attachmentId);
      } catch (cause) {
        // Not a problem of this file: the caller signs in again or stops, and then submits again.
        if (cause instanceof AbortedError || cause instanceof AuthenticationError) throw cause;
        throw uploadFailed(cause, index, item.file.fileName, uploaded);
      }
    }
    return ids;
  }

  /** Forgets the uploads of a draft once its grievance is filed: they now belong to it. */
  forget(prepared: readonly Prepared[]): void {
    for (const item of prepared) if ('identity' in item) this.#uploaded.delete(item.identity);
  }

  #citizenId(): string {
    const state = this.#core.session.state;
    return state.signedIn ? state.citizen.citizenId : '';
  }
}

function checkedId(id: unknown, field: string): string {
  if (contract.OpaqueId.safeParse(id).success) return id as string;
  throw ValidationError.forField(field, 'invalid_value', 'is not an attachment ID');
}

// One key per file content, not per position: a draft whose files were reordered or replaced
// between two tries never sends another file under a key the portal already answered.
async function fileKey(key: string, identity: string): Promise<string> {
  const digest = await sha256Hex(new TextEncoder().encode(identity));
  return `${key}.${digest.slice(0, 32)}`;
}

function uploadFailed(
  cause: unknown,
  index: number,
  fileName: string,
  uploaded: Attachment[],
): AttachmentUploadError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const known = isGrievanceError(cause);
  return new AttachmentUploadError({
    code: 'ATTACHMENT_UPLOAD_FAILED',
    message: `${fileName} (attachment ${index + 1}) could not be uploaded: ${reason} No grievance was submitted; submit again to retry, reusing the files already uploaded.`,
    status: known ? cause.status : undefined,
    requestId: known ? cause.requestId : undefined,
    retryable: known ? cause.retryable : false,
    cause,
    index,
    fileName,
    uploaded: [...uploaded],
  });
}
