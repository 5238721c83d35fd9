import type { AttachmentLimits } from './core.js';
import { AttachmentTooLargeError, UnsupportedMediaTypeError, ValidationError } from './errors.js';

/** A file to attach, in whatever form the runtime has it. Node: `await fs.openAsBlob(path)`. */
export type FileInput = Blob | Uint8Array | ArrayBuffer;

/** A file read into memory and checked: its bytes, a name, and its type from its bytes. */
export interface CheckedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
}

const SIGNATURES = [
  { mimeType: 'application/pdf', ext: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mimeType: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { mimeType: 'image/png', ext: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

const MB = 1024 * 1024;

/** A size as a citizen reads it: `6 MB`, `5.5 MB`, `800 KB`, `120 bytes`. */
function formatSize(bytes: number): string {
  const trim = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A file as the client reads it: its size and own name first, its bytes only when needed. */
interface FileView {
  size: number;
  name: unknown;
  read(): Promise<Uint8Array>;
}

const notAFile = () =>
  ValidationError.forField(
    'file',
    'invalid_type',
    'must be a Blob, File, Uint8Array or ArrayBuffer (in Node: await fs.openAsBlob(path))',
  );

function unreadable(cause: unknown): ValidationError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ValidationError({
    code: 'VALIDATION_FAILED',
    message: `The file could not be read (${reason}). Pass a Blob, File, Uint8Array or ArrayBuffer that can be read.`,
    details: [{ field: 'file', code: 'unreadable', message: 'could not be read' }],
    cause,
  });
}

function readWithFileReader(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

// Blobs from jsdom or another realm fail `instanceof Blob` and may lack arrayBuffer(), and
// fetch in those environments can send them as the text "undefined"; so read the bytes here.
// An object that merely has `size` and `type` is not a Blob: without arrayBuffer() and with
// no FileReader to read it (Node), it is refused here rather than crashing later.
function viewOf(file: unknown): FileView {
  if (file instanceof Uint8Array)
    return { size: file.byteLength, name: undefined, read: async () => file };
  if (file instanceof ArrayBuffer) {
    return { size: file.byteLength, name: undefined, read: async () => new Uint8Array(file) };
  }
  try {
    const blob = file as (Blob & { name?: unknown }) | null;
    if (typeof blob !== 'object' || blob === null || !('type' in blob)) throw notAFile();
    const { size, name } = blob;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw notAFile();
    if (typeof blob.arrayBuffer === 'function') {
      return { size, name, read: async () => new Uint8Array(await blob.arrayBuffer()) };
    }
    if (typeof FileReader === 'function')
      return { size, name, read: () => readWithFileReader(blob) };
    throw notAFile();
  } catch (error) {
    throw error instanceof ValidationError ? error : unreadable(error);
  }
}

const MAX_NAME_LENGTH = 255;
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A quote is not refused: it is percent-encoded in the upload's multipart header instead.
const NAME_RULES: [RegExp, string, string][] = [
  [
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u001F\u007F]/,
    'control_character',
    'must not contain control characters (line breaks, tabs)',
  ],
  [
    /[\u202A-\u202E\u2066-\u2069]/,
    'bidi_override',
    'must not contain bidirectional override characters',
  ],
  [/[/\\]/, 'path_separator', 'must be a name without a path: no / or \\'],
  [LONE_SURROGATE, 'invalid_character', 'contains an invalid character'],
];

/** The name to upload under, checked; undefined when the file has none (a default is made). */
function checkName(given: unknown, own: unknown): string | undefined {
  if (given !== undefined && typeof given !== 'string') {
    throw ValidationError.forField('fileName', 'invalid_type', 'must be a string');
  }
  const name = given ?? (typeof own === 'string' && own !== '' ? own : undefined);
  if (name === undefined) return undefined;

  const hint = given === undefined ? ' (the file’s own name; pass fileName to name it)' : '';
  if (name.replace(INVISIBLE, '') === '') {
    throw ValidationError.forField('fileName', 'blank', `is blank${hint}`);
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    throw ValidationError.forField(
      'fileName',
      'too_long',
      `must have at most ${MAX_NAME_LENGTH} characters${hint}`,
    );
  }
  for (const [pattern, code, problem] of NAME_RULES) {
    if (pattern.test(name)) throw ValidationError.forField('fileName', code, `${problem}${hint}`);
  }
  return name;
}

/**
 * Reads and checks one file before any byte is sent: a name fit for the portal, size within
 * the limit, bytes of a PDF, JPEG or PNG, and a name whose extension agrees with the bytes.
 */
export async function checkFile(
  file: unknown,
  name: unknown,
  limits: AttachmentLimits,
): Promise<CheckedFile> {
  const view = viewOf(file);
  const given = checkName(name, view.name);
  const label = given ?? 'the file';
  const size = view.size;
  if (size > limits.maxBytes) {
    // Just over the limit, both round to the same size; exact bytes then show the difference.
    const close = formatSize(size) === formatSize(limits.maxBytes);
    const [is, limit] = close
      ? [`${size} bytes`, `${limits.maxBytes} bytes`]
      : [formatSize(size), formatSize(limits.maxBytes)];
    throw new AttachmentTooLargeError({
      code: 'ATTACHMENT_TOO_LARGE',
      message: `${label} is ${is}; the limit is ${limit} per file. Attach a smaller file.`,
      limitBytes: limits.maxBytes,
    });
  }
  if (size === 0) throw ValidationError.forField('file', 'empty', 'is empty');

  let bytes: Uint8Array;
  try {
    bytes = await view.read();
  } catch (error) {
    throw unreadable(error);
  }
  const type = SIGNATURES.find((sig) => sig.magic.every((byte, i) => bytes[i] === byte));
  if (!type) {
    throw new UnsupportedMediaTypeError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `${label} is not a PDF, JPEG or PNG file. Convert it to one of those and attach it again.`,
    });
  }

  // TODO(names with dots): any last dot-part counts as an extension, so `report.final` or
  // `scan.2024` holding a PDF is refused too; only file-type extensions should be compared.
  const ext = /\.([a-z0-9]+)$/i.exec(label)?.[1]?.toLowerCase();
  if (ext && !(type.ext as readonly string[]).includes(ext)) {
    throw new UnsupportedMediaTypeError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `${label} is named .${ext} but its content is ${type.mimeType}. Rename it to .${type.ext[0]} or attach the right file.`,
    });
  }

  const fileName = given ?? `attachment.${type.ext[0]}`;
  return { bytes, fileName, mimeType: type.mimeType };
}

/** The SHA-256 of some bytes, as lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A multipart/form-data body built by hand. FormData and Blob differ between Node, browsers,
 * jsdom and happy-dom; bytes are the one form every fetch sends intact.
 */
export function multipart(
  file: CheckedFile,
  fields: Record<string, string>,
): { bytes: Uint8Array; contentType: string } {
  const boundary = `----wb-grievance-${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
  const encoder = new TextEncoder();
  // RFC 7578 (as browsers do): a quote, CR and LF in a file name are percent-encoded.
  const quoted = (text: string) =>
    text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

  const parts = Object.entries(fields).map(
    ([key, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
  );
  const head = encoder.encode(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);

  const bytes = new Uint8Array(head.length + file.bytes.length + tail.length);
  bytes.set(head, 0);
  bytes.set(file.bytes, head.length);
  bytes.set(tail, head.length + file.bytes.length);
  return { bytes, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A fresh idempotency key. */
export function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : [...crypto.getRandomValues(new Uint8Array(16))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
}
