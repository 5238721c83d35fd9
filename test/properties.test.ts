import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  isGrievanceError,
  isValidAadhaar,
  isValidMobile,
  maskAadhaar,
  maskMobile,
  normalizeMobile,
  toAsciiDigits,
} from 'wb-grievance';
import { DESCRIPTION, clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const BENGALI_DIGITS = '০১২৩৪৫৬৭৮৯';
const toBengali = (text: string) => text.replace(/\d/g, (d) => BENGALI_DIGITS[Number(d)]!);

/** A ten-digit Indian mobile number, as the portal stores it without +91. */
const nationalMobile = fc
  .tuple(fc.constantFrom('6', '7', '8', '9'), digits(9))
  .map(([first, rest]) => first + rest);

/** The same number as a citizen might type it. */
const typedMobile = fc
  .tuple(
    nationalMobile,
    fc.constantFrom('', '+91', '+91 ', '0091', '91', '0', '+91-'),
    fc.constantFrom('', ' ', '-'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([national, prefix, separator, bengali, brackets]) => {
    const body = `${national.slice(0, 5)}${separator}${national.slice(5)}`;
    const typed = brackets && prefix.startsWith('+91') ? `(+91) ${body}` : prefix + body;
    return { national, typed: bengali ? toBengali(typed) : typed };
  });

/** Eleven digits, the first 2-9, as the body of an Aadhaar number. */
const aadhaarBody = fc
  .tuple(fc.constantFrom(...'23456789'), digits(10))
  .map(([first, rest]) => first + rest);

const withCheckDigit = (body: string) =>
  [...'0123456789'].map((d) => body + d).filter((candidate) => isValidAadhaar(candidate));

const countDigits = (text: string) => toAsciiDigits(text).replace(/\D/g, '').length;

describe('mobile numbers', () => {
  it('normalises every typed form to +91 and the ten digits, idempotently', () => {
    fc.assert(
      fc.property(typedMobile, ({ national, typed }) => {
        expect(isValidMobile(typed)).toBe(true);
        const wire = normalizeMobile(typed);
        expect(wire).toBe(`+91${national}`);
        expect(normalizeMobile(wire)).toBe(wire);
      }),
    );
  });

  it('refuses numbers that do not start 6-9 or have the wrong length, with a ValidationError', () => {
    const wrong = fc.oneof(
      fc.tuple(fc.constantFrom('0', '1', '2', '3', '4', '5'), digits(9)).map(([a, b]) => a + b),
      digits(9),
      // Thirteen digits: twelve would be valid when they happen to start 91 (+91 and ten).
      fc.tuple(nationalMobile, digit).map(([a, b]) => `${a}${b}${b}${b}`),
    );
    fc.assert(
      fc.property(wrong, (number) => {
        expect(isValidMobile(number)).toBe(false);
        expect(() => normalizeMobile(number)).toThrow(ValidationError);
      }),
    );
  });

  it('never reveals more than the last four digits of anything it masks', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          typedMobile.map((m) => m.typed),
        ),
        (s) => {
          const masked = maskMobile(s);
          expect(countDigits(masked)).toBeLessThanOrEqual(4);
          expect(masked.startsWith('******')).toBe(true);
        },
      ),
    );
  });

  it('keeps the last four digits of a real number when masking it', () => {
    fc.assert(
      fc.property(typedMobile, ({ national, typed }) => {
        expect(maskMobile(typed)).toBe(`******${national.slice(-4)}`);
      }),
    );
  });
});

describe('Aadhaar numbers', () => {
  it('accepts known numbers whose Verhoeff digit was computed independently', () => {
    for (const number of ['273846190537', '499182736455', '850123678495']) {
      expect(isValidAadhaar(number)).toBe(true);
      expect(isValidAadhaar(number.replace(/(\d{4})(?=\d)/g, '$1 '))).toBe(true);
    }
  });

  it('has exactly one check digit for every eleven-digit body', () => {
    fc.assert(
      fc.property(aadhaarBody, (body) => {
        expect(withCheckDigit(body)).toHaveLength(1);
      }),
    );
  });

  it('rejects every change of a single digit', () => {
    fc.assert(
      fc.property(aadhaarBody, fc.nat(11), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const valid = withCheckDigit(body)[0]!;
        const changed = (Number(valid[at]) + shift) % 10;
        const typo = valid.slice(0, at) + changed + valid.slice(at + 1);
        expect(isValidAadhaar(typo)).toBe(false);
      }),
    );
  });

  it('rejects every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(aadhaarBody, fc.nat(10), (body, at) => {
        const valid = withCheckDigit(body)[0]!;
        fc.pre(valid[at] !== valid[at + 1]);
        const swapped = valid.slice(0, at) + valid[at + 1] + valid[at] + valid.slice(at + 2);
        expect(isValidAadhaar(swapped)).toBe(false);
      }),
    );
  });

  it('rejects numbers starting 0 or 1 whatever their check digit', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), digits(11), (first, rest) => {
        expect(isValidAadhaar(first + rest)).toBe(false);
      }),
    );
  });

  it('never reveals more than four digits when masking', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), aadhaarBody), (s) => {
        const masked = maskAadhaar(s);
        expect(countDigits(masked)).toBeLessThanOrEqual(4);
        expect(masked.startsWith('XXXX-XXXX-')).toBe(true);
      }),
    );
  });
});

describe('description text', () => {
  const codePoints = (text: string) => [...text].length;
  const text = fc.oneof(
    fc.string({ unit: 'binary', minLength: 0, maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: 5, maxLength: 20 }),
    fc.constantFrom('রাস্তার আলো জ্বলছে না', 'e\u0301'.repeat(12), 'ক্\u200Dষ'.repeat(4)),
  );

  it('is refused before sending or filed exactly as its NFC form, never a crash', async () => {
    const { portal, client } = await signedIn(server);

    await fc.assert(
      fc.asyncProperty(text, async (description) => {
        const sent = portal.requestLog.length;
        const outcome = await client.grievances.submit({ description, district: 'KOLKATA' }).then(
          (g) => ({ filed: g.description }),
          (error: unknown) => ({ error }),
        );

        const nfc = description.normalize('NFC');
        if ('filed' in outcome) {
          expect(outcome.filed).toBe(nfc);
          expect(codePoints(nfc)).toBeGreaterThanOrEqual(10);
        } else {
          expect(outcome.error).toBeInstanceOf(ValidationError);
          expect(portal.requestLog.length).toBe(sent);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('treats a text and its NFD form alike', async () => {
    const { client } = await signedIn(server);

    await fc.assert(
      fc.asyncProperty(text, async (description) => {
        const outcome = (value: string) =>
          client.grievances.submit({ description: value, district: 'KOLKATA' }).then(
            (g) => g.description,
            (error: unknown) => (error as ValidationError).details.map((d) => d.code).join(),
          );
        expect(await outcome(description.normalize('NFD'))).toBe(
          await outcome(description.normalize('NFC')),
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe('answers from the portal', () => {
  const STATUSES = [200, 201, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503];

  /** Serves whatever `answer` says for every call to the districts catalogue. */
  function override() {
    const portal = servePortal(server);
    let answer: () => Response = () => new HttpResponse(null, { status: 500 });
    server.use(http.get(`${portal.baseUrl}/v1/catalog/districts`, () => answer()));
    const client = clientFor(portal, { maxRetries: 0 });
    return {
      client,
      serve(next: () => Response) {
        answer = next;
      },
    };
  }

  async function outcome(call: Promise<unknown>) {
    try {
      await call;
      return 'ok';
    } catch (error) {
      expect(error).not.toBeInstanceOf(SyntaxError);
      expect(error).not.toBeInstanceOf(TypeError);
      expect(isGrievanceError(error)).toBe(true);
      return 'error';
    }
  }

  it('ends random JSON with any status in a result or a typed error', async () => {
    const { client, serve } = override();

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STATUSES), fc.jsonValue(), async (status, json) => {
        serve(() =>
          status === 204
            ? new HttpResponse(null, { status })
            : HttpResponse.json(json as never, { status }),
        );
        await outcome(client.catalog.districts());
      }),
      { numRuns: 150 },
    );
  });

  it('ends envelope-like error bodies with wrong field types in a typed error', async () => {
    const { client, serve } = override();
    const anything = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const body = fc.record({
      error: fc.record({
        code: anything,
        message: anything,
        status: anything,
        details: anything,
        requestId: anything,
        retryAfterSeconds: anything,
        retryAt: anything,
      }),
      Errors: anything,
    });

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATUSES.filter((s) => s >= 400)),
        body,
        async (status, json) => {
          serve(() => HttpResponse.json(json as never, { status }));
          expect(await outcome(client.catalog.districts())).toBe('error');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ends truncated JSON of a real answer in a typed error', async () => {
    const whole = JSON.stringify({
      items: [{ code: 'KOLKATA', labels: { en: 'Kolkata', bn: 'কলকাতা' }, active: true }],
    });
    const { client, serve } = override();

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length - 1 }), async (cut) => {
        serve(
          () =>
            new HttpResponse(whole.slice(0, cut), {
              headers: { 'Content-Type': 'application/json' },
            }),
        );
        expect(await outcome(client.catalog.districts())).toBe('error');
      }),
      { numRuns: 80 },
    );
  });

  it('ends random bytes with any status in a typed error or a result', async () => {
    const { client, serve } = override();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATUSES.filter((s) => s !== 204)),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('application/json', 'text/html', 'application/octet-stream'),
        async (status, bytes, contentType) => {
          serve(
            () => new HttpResponse(bytes, { status, headers: { 'Content-Type': contentType } }),
          );
          await outcome(client.catalog.districts());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a grievance with one odd decorative field without failing', async () => {
    const { portal, client } = await signedIn(server);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
    const wire = portal.grievances()[0]!;
    const decorative = ['subject', 'statusLabel', 'forwardedTo', 'reminderCount', 'lastReminderAt'];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...decorative), fc.jsonValue(), async (field, value) => {
        server.use(
          http.get(
            `${portal.baseUrl}/v1/grievances/${g.grievanceId}`,
            () => HttpResponse.json({ ...wire, [field]: value } as never),
            { once: true },
          ),
        );
        const read = await client.grievances.get(g.grievanceId);
        expect(read.grievanceId).toBe(g.grievanceId);
      }),
      { numRuns: 60 },
    );
  });
});
