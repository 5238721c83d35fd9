import * as contract from './contract/index.js';
import type { Core } from './core.js';
import { UnexpectedResponseError, ValidationError } from './errors.js';
import {
  type CheckedFile,
  type FileInput,
  checkFile,
  multipart,
  newKey,
  sha256Hex,
} from './files.js';
import { CREATE_OPTIONS, readOptions } from './call-options.js';
import type { CreateOptions } from './http.js';
import type { Attachment, AttachmentKind } from './types.js';

/** How to upload a file. */
export interface UploadOptions extends CreateOptions {
  /** What the file is for: `id_proof`, `document` or `photo`. */
  kind: AttachmentKind;
  /** The name the portal shows; defaults to the File's own name, else `attachment.<ext>`. */
  fileName?: string;
}

const UPLOAD_OPTIONS = [...CREATE_OPTIONS, 'kind', 'fileName'];

/** Uploads of ID proofs, documents and photos, checked before a byte is sent. */
export class Attachments {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * Uploads one file. The client checks size, type (by its leading bytes) and name first, and
   * verifies that the portal stored exactly the bytes sent (SHA-256).
   *
   * @param file - a `Blob`, `File`, `Uint8Array` or `ArrayBuffer`. In Node:
   *   `await fs.openAsBlob('id.pdf')`.
   * @throws {@link AttachmentTooLargeError} naming the limit; {@link UnsupportedMediaTypeError}
   *   for a file that is not a PDF, JPEG or PNG or is named as another type.
   * @example
   * const photo = await client.attachments.upload(await fs.openAsBlob('street.jpg'), { kind: 'photo' });
   */
  async upload(file: FileInput, options: UploadOptions): Promise<Attachment> {
    const checked = readOptions(options, 'attachments.upload', UPLOAD_OPTIONS);
    // Read here, not at module level, so that an app without uploads need not bundle the enum.
    const kinds: readonly string[] = contract.AttachmentKind.options;
    const kind = checked.kind;
    if (typeof kind !== 'string' || !kinds.includes(kind)) {
      throw ValidationError.forField('kind', 'invalid_value', `must be one of ${kinds.join(', ')}`);
    }
    const read = await checkFile(file, checked.fileName, this.#core.limits);
    const key = checked.idempotencyKey ?? newKey();
    return this.send(read, kind as AttachmentKind, key, checked);
  }

  /**
   * Sends a file already checked; `grievances.submit` uploads through it.
   *
   * @internal
   */
  async send(
    file: CheckedFile,
    kind: AttachmentKind,
    idempotencyKey: string,
    options?: CreateOptions,
  ): Promise<Attachment> {
    const [stored, sha256] = await Promise.all([
      this.#core.authed(
        {
          method: 'POST',
          path: 'attachments',
          name: 'attachments.upload',
          body: multipart(file, { kind }),
          idempotencyKey,
          schema: contract.Attachment,
        },
        options,
      ),
      sha256Hex(file.bytes),
    ]);

    if (stored.sha256 !== sha256 || stored.sizeBytes !== file.bytes.length) {
      throw new UnexpectedResponseError({
        code: 'UNEXPECTED_RESPONSE',
        message: `${file.fileName}: the portal stored ${stored.sizeBytes} bytes with another checksum than the ${file.bytes.length} bytes sent. Upload it again.`,
      });
    }
    return stored;
  }
}
