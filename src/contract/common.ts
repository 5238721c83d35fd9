import * as z from 'zod/mini';
import { count } from './details.js';

/** The two languages the portal speaks. */
export const Language = /* @__PURE__ */ z.enum(['en', 'bn']);

/** A human label in both languages. */
export const Labels = /* @__PURE__ */ z.object({
  /** English. */
  en: /* @__PURE__ */ z.string(),
  /** Bengali, in NFC. */
  bn: /* @__PURE__ */ z.string(),
});

/**
 * An RFC 3339 timestamp with an offset. Fractional seconds are read; a timestamp without an
 * offset is refused, because its instant would depend on the reader's time zone.
 */
export const Timestamp = /* @__PURE__ */ z.string().check(
  /* @__PURE__ */ z.iso.datetime({
    offset: true,
    error: 'must be an RFC 3339 timestamp with an offset',
  }),
);

/** A mobile number in its normalised wire form: `+91` and ten digits starting 6-9. */
export const WireMobile = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.regex(
      /^\+91[6-9]\d{9}$/,
      'must be +91 and then 10 digits, the first of them 6, 7, 8 or 9',
    ),
  );

/** A one-time password: exactly six ASCII digits. */
export const Otp = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^\d{6}$/, 'must be exactly 6 digits'));

/**
 * A grievance ID. The real portal's format is not public, so it is checked loosely: 4-64
 * letters, digits and `/ _ . -`, starting with a letter or digit.
 */
export const GrievanceId = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{3,63}$/, 'is not a grievance ID'));

/** An opaque server-issued identifier (OTP request, attachment, reminder, cursor). */
export const OpaqueId = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200));

/** A catalogue code: upper-case letters, digits and underscores. */
export const CatalogCode = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'is not a catalogue code'));

/** One problem with one field of a request. */
export const ErrorDetail = /* @__PURE__ */ z.object({
  /** The field's path, dotted (`attachments.0.kind`), or `(body)`. */
  field: /* @__PURE__ */ z.string(),
  /** A stable code for the problem, e.g. `required`, `too_long`. */
  code: /* @__PURE__ */ z.string(),
  /** What is wrong, in English. */
  message: /* @__PURE__ */ z.string(),
  /** With `OTP_INVALID`: how many more tries the OTP request allows. */
  attemptsRemaining: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  ),
});

/** The envelope of every error the portal answers with. */
export const ErrorEnvelope = /* @__PURE__ */ z.object({
  /** What went wrong. */
  error: /* @__PURE__ */ z.object({
    /** A stable code, e.g. `OTP_INVALID`. */
    code: /* @__PURE__ */ z.string(),
    /** What happened and what to do, in English, for developers. */
    message: /* @__PURE__ */ z.string(),
    /** The HTTP status, repeated. */
    status: /* @__PURE__ */ z.number(),
    /** One entry per problem field, for validation errors. */
    details: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(ErrorDetail)),
    /** The response's `X-Request-Id`. */
    requestId: /* @__PURE__ */ z.string(),
    /** As `Retry-After`, for clients that cannot read headers. */
    retryAfterSeconds: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
    /** When the refused action becomes possible (resend, reminder, rate limit). */
    retryAt: /* @__PURE__ */ z.optional(Timestamp),
  }),
});

/** Counts code points, not UTF-16 units, so that an emoji or a Bengali letter is one. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// Markup is told from ordinary text by what a browser would act on: a tag of a real HTML
// element, a comment or doctype, or an event handler or javascript: URL inside brackets.
// `a<b and c>d`, `<Ward 5>` and `<rina@x.in>` are text a citizen writes, not markup.
const ELEMENTS =
  'a|abbr|address|area|article|aside|b|bdi|bdo|big|blockquote|br|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|dir|div|dl|dt|em|fieldset|figcaption|figure|font|footer|h[1-6]|header|hgroup|hr|i|ins|kbd|label|legend|li|main|map|mark|menu|meter|nav|nobr|ol|optgroup|option|output|p|picture|pre|progress|q|rp|rt|ruby|s|samp|section|small|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|wbr';
// Elements that load, run or submit something: refused followed by anything but a letter.
const ACTIVE =
  'applet|audio|base|basefont|bgsound|blink|body|button|canvas|embed|form|frame|frameset|head|html|iframe|image|img|input|isindex|keygen|link|listing|marquee|math|meta|noembed|noframes|noscript|object|param|plaintext|script|select|slot|source|style|svg|template|textarea|video|xmp';
const HTML_MARKUP = new RegExp(
  [
    `<\\/?(?:${ACTIVE})[\\s/>]`,
    `<\\/(?:${ELEMENTS})[\\s/>]`,
    // An element as common as a word (`<b`, `<i`) is a tag only when it closes at once or
    // has an attribute: `<b>`, `<br />`, `<p class="x">`, not `a<b and c>d`.
    `<(?:${ELEMENTS})(?:\\s*\\/?\\s*>|[\\s/][^<>]*=[^<>]*>)`,
    '<!--',
    '<!doctype',
    '<!\\[CDATA\\[',
    '<[^<>]*(?:\\bon[a-z]+\\s*=|javascript\\s*:)[^<>]*>',
  ].join('|'),
  'i',
);
// Spaces, line breaks and characters that show nothing: text made only of them says nothing.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;
// Half of a UTF-16 pair on its own encodes no character; it would arrive as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text a citizen types: NFC-normalised, length in code points within bounds, not blank
 * (only spaces or invisible characters), well-formed Unicode, no HTML markup.
 */
export function citizenText(min: number, max: number) {
  const length = (text: string) => codePointLength(text.normalize('NFC'));
  return z.string().check(
    z.refine((text) => length(text) >= min, {
      error: `must be at least ${count(min, 'character')}`,
      params: { reason: 'too_short', min },
    }),
    z.refine((text) => length(text) <= max, {
      error: `must be at most ${count(max, 'character')}`,
      params: { reason: 'too_long', max },
    }),
    // Only once long enough: an empty text is too short, not also blank.
    z.refine((text) => length(text) < min || text.replace(INVISIBLE, '') !== '', {
      error: 'is blank',
      params: { reason: 'blank' },
    }),
    z.refine((text) => !LONE_SURROGATE.test(text), {
      error: 'contains an invalid character',
      params: { reason: 'invalid_character' },
    }),
    z.refine((text) => !HTML_MARKUP.test(text), {
      error: 'must not contain HTML',
      params: { reason: 'html_not_allowed' },
    }),
  );
}
