import { fieldRefused } from './refusal.js';

/** A file part of a multipart body. */
export interface FilePart {
  fileName: string;
  bytes: Uint8Array;
}

/** A multipart body's fields by name (the first of each): text, or a file. */
export type Form = Map<string, string | FilePart>;

/**
 * The request's multipart fields, parsed here rather than by `Request.formData()`: each
 * runtime's own differs (happy-dom's decodes file names as Latin-1, so a Bengali name arrives
 * garbled; Node 24's fetch under jsdom refuses jsdom's File), while the bytes are the same.
 */
export async function readForm(request: Request): Promise<Form> {
  return parseMultipart(
    new Uint8Array(await request.arrayBuffer()),
    request.headers.get('Content-Type'),
  );
}

const CRLF = [0x0d, 0x0a];
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function refuseBody(): never {
  throw fieldRefused(
    '(body)',
    'invalid_multipart',
    'must be multipart/form-data with file and kind',
  );
}

function indexOf(
  haystack: Uint8Array,
  needle: Uint8Array | readonly number[],
  from: number,
): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Multipart as RFC 7578 and the HTML form encoding write it, enough for a file and a field. */
function parseMultipart(body: Uint8Array, contentType: string | null): Form {
  const boundary = /^multipart\/form-data\s*;.*\bboundary="?([^";]+)"?/i.exec(
    contentType ?? '',
  )?.[1];
  if (!boundary) refuseBody();

  const delimiter = encoder.encode(`--${boundary}`);
  const form: Form = new Map();
  let start = indexOf(body, delimiter, 0);
  if (start < 0) refuseBody();

  while (true) {
    const afterDelimiter = start + delimiter.length;
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) return form;

    const headersStart = afterDelimiter + CRLF.length;
    const headersEnd = indexOf(body, [...CRLF, ...CRLF], headersStart);
    const next = indexOf(body, [...CRLF, ...delimiter], headersStart);
    if (headersEnd < 0 || next < 0 || headersEnd > next) refuseBody();

    const headers = decoder.decode(body.subarray(headersStart, headersEnd));
    const content = body.subarray(headersEnd + 2 * CRLF.length, next);
    addPart(form, headers, content);
    start = next + CRLF.length;
  }
}

function addPart(form: Form, headers: string, content: Uint8Array): void {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
  const name = parameter(disposition, 'name');
  if (name === undefined || form.has(name)) return;

  const fileName = parameter(disposition, 'filename');
  form.set(
    name,
    fileName === undefined ? decoder.decode(content) : { fileName, bytes: content.slice() },
  );
}

/** A quoted parameter, with the HTML form encoding's escapes (`%22`, `%0D`, `%0A`) undone. */
function parameter(disposition: string, key: string): string | undefined {
  const value = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1];
  return value?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
