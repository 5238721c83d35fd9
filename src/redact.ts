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

// Citizens type Bengali digits (০-৯) as often as ASCII ones; both must be caught.
// TODO(shapes, not meaning): a number split oddly (`98 30 01 23 45`) or across lines is missed.
const DIGIT = '[0-9\\u09E6-\\u09EF]';
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
const SECRET_JSON_FIELD =
  /("(?:otp|accessToken|refreshToken|token|authorization|password)"\s*:\s*)"[^"]*"/gi;
const OTP_NEAR_WORD = new RegExp(`(\\botp\\b\\W{0,12})${DIGIT}{6}(?!${DIGIT})`, 'gi');
const AADHAAR = new RegExp(
  `(?<![\\w+\\u09E6-\\u09EF])[2-9\\u09E8-\\u09EF]${DIGIT}{3}[ -]?${DIGIT}{4}[ -]?${DIGIT}{4}(?![\\w\\u09E6-\\u09EF])`,
  'g',
);
const MOBILE = new RegExp(
  `(?<![\\w\\u09E6-\\u09EF])(?:\\+91|0091|91|0)?[ -]?[6-9\\u09EC-\\u09EF]${DIGIT}{4}[ -]?${DIGIT}{5}(?![\\w\\u09E6-\\u09EF])`,
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
