import { DIGIT_ZEROS } from './digits.js';
import { maskAadhaar, maskMobile } from './identifiers.js';

const REDACTED = '[REDACTED]';

/** Secrets a client holds right now (tokens, OTPs in flight); scrubbed wherever they appear. */
const knownSecrets = new Set<string>();

/** Marks a value as secret until {@link forgetSecret}; it is then scrubbed from every text. */
export function rememberSecret(secret: string): void {
  if (secret.length >= 6) knownSecrets.add(secret);
}

/** Stops scrubbing a secret that is no longer held (after logout or expiry). */
export function forgetSecret(secret: string): void {
  knownSecrets.delete(secret);
}

const hex = (code: number) => code.toString(16).padStart(4, '0');

/** A character class of the digits `from`-`to` in every script of {@link DIGIT_ZEROS}. */
function digits(from: number, to: number, extra = ''): string {
  const ranges = DIGIT_ZEROS.map((zero) => `\\u${hex(zero + from)}-\\u${hex(zero + to)}`);
  return `[${ranges.join('')}${extra}]`;
}

// Citizens write numbers in Bengali digits as often as in ASCII ones, and phones and keyboards
// put any space, an invisible joiner or a dash between groups, anywhere in the number.
// TODO(shapes, not meaning): a number written in words, split by dots or brackets, or joined
// to Latin letters (`ph9830012345`, kept so as not to mask hex digests and IDs) is missed.
const DIGIT = digits(0, 9);
const GAP = '[\\s\\u200B-\\u200D\\u2060\\u00AD\\-\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]{0,3}';
// A digit or an ASCII letter next to a number makes it part of a word (a hex digest, an ID).
const JOINED = digits(0, 9, '\\w');
const NUMBER_AFTER = `(?!${JOINED})`;

const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
const SECRET_JSON_FIELD =
  /("(?:otp|accessToken|refreshToken|token|authorization|password)"\s*:\s*)"[^"]*"/gi;
const OTP_NEAR_WORD = new RegExp(`(\\botp\\b\\W{0,12})${DIGIT}{6}(?!${DIGIT})`, 'gi');
const AADHAAR = new RegExp(
  `(?<!${digits(0, 9, '\\w+\\uFF0B')})${digits(2, 9)}(?:${GAP}${DIGIT}){11}${NUMBER_AFTER}`,
  'g',
);
const MOBILE_PREFIX = `(?:(?:(?:[+\\uFF0B]|${digits(0, 0)}${GAP}${digits(0, 0)})${GAP})?${digits(9, 9)}${GAP}${digits(1, 1)}|${digits(0, 0)})${GAP}`;
const MOBILE = new RegExp(
  `(?<!${JOINED})(?:${MOBILE_PREFIX})?${digits(6, 9)}(?:${GAP}${DIGIT}){9}${NUMBER_AFTER}`,
  'g',
);

/**
 * Scrubs a text of citizens' data: tokens and OTPs become `[REDACTED]`, Aadhaar numbers
 * `XXXX-XXXX-1234`, mobile numbers `******2345`. Every log line and error message passes here.
 */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join(REDACTED);

  return out
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`)
    .replace(OTP_NEAR_WORD, `$1${REDACTED}`)
    .replace(AADHAAR, (match) => maskAadhaar(match))
    .replace(MOBILE, (match) => maskMobile(match));
}

const SECRET_KEY = /^(otp|accesstoken|refreshtoken|token|authorization|password|cookie)$/i;
const AADHAAR_KEY = /aadhaar|idproofnumber/i;
const MOBILE_KEY = /^(mobile|phone)/i;

function isBytes(value: unknown): boolean {
  return (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/**
 * A copy of `value` safe to log: secret fields removed, identifiers masked, file bytes
 * replaced by their size, strings scrubbed by {@link redactText}.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (isBytes(value)) {
    const size = value instanceof Blob ? value.size : (value as ArrayBuffer).byteLength;
    return `[${size} bytes]`;
  }
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Date) return value;

  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = REDACTED;
    else if (AADHAAR_KEY.test(key) && typeof field === 'string') out[key] = maskAadhaar(field);
    else if (MOBILE_KEY.test(key) && typeof field === 'string') out[key] = maskMobile(field);
    else out[key] = redact(field, depth + 1);
  }
  return out;
}
