import { describe, expect, it } from 'vitest';
import { GrievanceClient, ValidationError, isGrievanceError } from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import { DESCRIPTION, FILES, clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

const BENGALI = /[\u0980-\u09FF]/;

/** Runs `call` against a signed-in client and returns the error, checking nothing was sent. */
async function refusal(portal: MockPortal, call: () => unknown): Promise<ValidationError> {
  const before = portal.requestLog.length;
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }

  expect(error).toBeInstanceOf(ValidationError);
  expect(error).not.toBeInstanceOf(TypeError);
  expect(portal.requestLog.length).toBe(before);
  const refused = error as ValidationError;
  expect(refused.code).toBe('VALIDATION_FAILED');
  expect(refused.details.length).toBeGreaterThan(0);
  expect(refused.userMessage('bn')).toMatch(BENGALI);
  return refused;
}

const fields = (error: ValidationError) => error.details.map((d) => d.field);

describe('descriptions', () => {
  it.each([
    ['9 emoji (18 UTF-16 units)', '😀'.repeat(9), 'too_short'],
    ['5 letters written as 10 code points before NFC', 'e\u0301'.repeat(5), 'too_short'],
    ['4001 Bengali letters', 'ক'.repeat(4001), 'too_long'],
    ['4001 emoji', '🙏'.repeat(4001), 'too_long'],
    ['a script tag', '<script>alert(1)</script> রাস্তা ভাঙা', 'html_not_allowed'],
    ['a bold tag', 'রাস্তা <b>ভাঙা</b> তিন মাস', 'html_not_allowed'],
    [
      'an upper-case script tag with a source',
      'রাস্তা ভাঙা <SCRIPT SRC=//x.example>',
      'html_not_allowed',
    ],
    ['an img with an event handler', 'রাস্তা ভাঙা <img src=x onerror=alert(1)>', 'html_not_allowed'],
    ['an svg with a slash', 'রাস্তা ভাঙা <svg/onload=alert(1)>', 'html_not_allowed'],
    ['a paragraph with a class', '<p class="note">রাস্তা ভাঙা</p>', 'html_not_allowed'],
    ['a self-closing break', 'রাস্তা ভাঙা<br />তিন মাস', 'html_not_allowed'],
    ['a closing div', 'রাস্তা ভাঙা তিন মাস</div>', 'html_not_allowed'],
    ['an HTML comment', 'রাস্তা ভাঙা <!-- hidden --> তিন মাস', 'html_not_allowed'],
    ['a doctype', '<!DOCTYPE html> রাস্তা ভাঙা', 'html_not_allowed'],
    ['a handler on an unknown tag', 'রাস্তা ভাঙা <ward onclick=alert(1)>', 'html_not_allowed'],
    ['a javascript: link', 'রাস্তা ভাঙা <a href="javascript:alert(1)">', 'html_not_allowed'],
    ['only spaces', ' '.repeat(20), 'blank'],
    ['only line breaks and tabs', '\n\t'.repeat(10), 'blank'],
    ['only zero-width characters', '\u200b\u200c\u200d\ufeff\u2060'.repeat(4), 'blank'],
    ['a lone surrogate', 'broken \uD800 surrogate text', 'invalid_character'],
    ['a lone low surrogate', 'broken \uDC00 surrogate text', 'invalid_character'],
  ])('refuses %s before sending', async (_, description, code) => {
    const { portal, client } = await signedIn(server);

    const error = await refusal(portal, () =>
      client.grievances.submit({ description, district: 'KOLKATA' }),
    );

    expect(error.details).toContainEqual(expect.objectContaining({ field: 'description', code }));
    expect(error.userMessage('bn')).toContain('অভিযোগের বিবরণ');
  });

  it.each([
    ['10 emoji', '😀'.repeat(10)],
    ['4000 emoji', '🙏'.repeat(4000)],
    ['10 letters written as 20 code points before NFC', 'e\u0301'.repeat(10)],
    ['comparison signs that are not tags', 'দাম 2 < 3 নয়, 5 > 4 হয়েছে'],
    ['a<b and c>d', 'pipes a<b and c>d are broken'],
    ['a ward number in brackets', 'The lamp in <Ward 5> is broken'],
    ['an email address in brackets', 'Write to me at <rina@x.in> please'],
    ['a word in brackets that is also a tag name', 'I waited <i am here> for weeks'],
    ['a heart', 'I <3 Kolkata but the road is broken'],
    ['Bengali in brackets', 'রাস্তা <কলকাতা পৌরসভা> ভাঙা'],
  ])('accepts %s and files it normalised to NFC', async (_, description) => {
    const { portal, client } = await signedIn(server);

    const g = await client.grievances.submit({ description, district: 'KOLKATA' });

    expect(g.description).toBe(description.normalize('NFC'));
    expect(portal.grievances()[0]!.description).toBe(description.normalize('NFC'));
  });
});

const ID = 'MOCK-2026-000001';

describe('other citizen text', () => {
  it.each([
    [
      'a blank subject',
      (c: GrievanceClient) =>
        c.grievances.submit({
          subject: '\u200b   ',
          description: DESCRIPTION,
          district: 'KOLKATA',
        }),
      'subject',
    ],
    ['a blank note', (c: GrievanceClient) => c.grievances.remind(ID, { note: ' \n ' }), 'note'],
    [
      'a blank name',
      (c: GrievanceClient) =>
        c.citizens.register({ name: '\ufeff\u200d\u200c', district: 'KOLKATA' }),
      'name',
    ],
  ])('refuses %s as blank before sending', async (_, call, field) => {
    const { portal, client } = await signedIn(server);

    const error = await refusal(portal, () => call(client));

    expect(error.details).toContainEqual({ field, code: 'blank', message: 'is blank' });
  });

  it('is refused blank or broken by the mock portal too', () => {
    const portal = servePortal(server);
    const grievance = { mobile: '98300 12345', district: 'HOWRAH' };

    for (const description of ['\u200b'.repeat(12), 'broken \uD800 surrogate text']) {
      expect(() => portal.seed({ grievances: [{ ...grievance, description }] })).toThrow();
    }
    expect(portal.grievances()).toEqual([]);
  });
});

describe('wrong input to every public method', () => {
  type Case = [string, (client: GrievanceClient) => unknown, string[]];
  const CASES: Case[] = [
    ['requestOtp(undefined)', (c) => c.auth.requestOtp(undefined as never), ['(input)']],
    ['requestOtp("98300 12345")', (c) => c.auth.requestOtp('98300 12345' as never), ['(input)']],
    [
      'requestOtp({ mobile: number })',
      (c) => c.auth.requestOtp({ mobile: 9830012345 as never }),
      ['mobile'],
    ],
    [
      'requestOtp({ mobile: null })',
      (c) => c.auth.requestOtp({ mobile: null as never }),
      ['mobile'],
    ],
    [
      'requestOtp({ mobile: landline })',
      (c) => c.auth.requestOtp({ mobile: '033 2214 5555' }),
      ['mobile'],
    ],
    [
      'requestOtp({ purpose })',
      (c) => c.auth.requestOtp({ mobile: '9830012345', purpose: 'signup' as never }),
      ['purpose'],
    ],
    ['verifyOtp(42)', (c) => c.auth.verifyOtp(42 as never), ['(input)']],
    [
      'verifyOtp(numbers)',
      (c) => c.auth.verifyOtp({ otpRequestId: 5 as never, otp: 123456 as never }),
      ['otpRequestId', 'otp'],
    ],
    [
      'verifyOtp(5-digit otp)',
      (c) => c.auth.verifyOtp({ otpRequestId: 'otp_1', otp: '12345' }),
      ['otp'],
    ],
    ['register(null)', (c) => c.citizens.register(null as never), ['(input)']],
    [
      'register(wrong types)',
      (c) => c.citizens.register({ name: 5 as never, district: null as never }),
      ['name', 'district'],
    ],
    [
      'register(bad email)',
      (c) => c.citizens.register({ name: 'Rina Das', district: 'KOLKATA', email: 'rina@' }),
      ['email'],
    ],
    ['submit(null)', (c) => c.grievances.submit(null as never), ['(input)']],
    ['submit([])', (c) => c.grievances.submit([] as never), ['(input)']],
    [
      'submit(wrong types)',
      (c) => c.grievances.submit({ description: 42 as never, district: null as never }),
      ['description', 'district'],
    ],
    [
      'submit(undefined fields)',
      (c) => c.grievances.submit({} as never),
      ['description', 'district'],
    ],
    [
      'submit(attachments: string)',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: 'photo.jpg' as never,
        }),
      ['attachments'],
    ],
    [
      'submit(file: string)',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [{ file: 'photo.jpg' as never, kind: 'photo' }],
        }),
      ['file'],
    ],
    [
      'submit(kind: selfie)',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [{ file: FILES.png, kind: 'selfie' as never }],
        }),
      ['attachments.0.kind'],
    ],
    [
      'submit(options: "again")',
      (c) =>
        c.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' }, 'again' as never),
      ['options'],
    ],
    [
      'submit(idempotencyKey: number)',
      (c) =>
        c.grievances.submit(
          { description: DESCRIPTION, district: 'KOLKATA' },
          { idempotencyKey: 7 as never },
        ),
      ['idempotencyKey'],
    ],
    ['get(42)', (c) => c.grievances.get(42 as never), ['grievanceId']],
    ['get(null)', (c) => c.grievances.get(null as never), ['grievanceId']],
    ['get("../etc/passwd")', (c) => c.grievances.get('../etc/passwd'), ['grievanceId']],
    ['get(id, "fast")', (c) => c.grievances.get(ID, 'fast' as never), ['options']],
    [
      'get(id, { signal: "stop" })',
      (c) => c.grievances.get(ID, { signal: 'stop' as never }),
      ['signal'],
    ],
    ['get(id, { timeoutMs: -1 })', (c) => c.grievances.get(ID, { timeoutMs: -1 }), ['timeoutMs']],
    ['events(undefined)', (c) => c.grievances.events(undefined as never), ['grievanceId']],
    ['remind(42)', (c) => c.grievances.remind(42 as never), ['grievanceId']],
    ['remind(id, "note")', (c) => c.grievances.remind(ID, 'note' as never), ['(input)']],
    ['remind(id, { note: 5 })', (c) => c.grievances.remind(ID, { note: 5 as never }), ['note']],
    ['listPage({ pageSize: 0 })', (c) => c.grievances.listPage({ pageSize: 0 }), ['limit']],
    [
      'listPage({ status: OPEN })',
      (c) => c.grievances.listPage({ status: 'OPEN' as never }),
      ['status'],
    ],
    [
      'list({ pageSize: "ten" })',
      (c) => c.grievances.list({ pageSize: 'ten' as never }).next(),
      ['limit'],
    ],
    ['watch(42)', (c) => c.grievances.watch(42 as never), ['grievanceId']],
    [
      'upload("photo.jpg")',
      (c) => c.attachments.upload('photo.jpg' as never, { kind: 'photo' }),
      ['file'],
    ],
    [
      'upload(png, undefined)',
      (c) => c.attachments.upload(FILES.png, undefined as never),
      ['kind'],
    ],
    [
      'upload(empty file)',
      (c) => c.attachments.upload(new Uint8Array(0), { kind: 'photo' }),
      ['file'],
    ],
    ['districts({ signal: {} })', (c) => c.catalog.districts({ signal: {} as never }), ['signal']],
    ['listPage(null)', (c) => c.grievances.listPage(null as never), ['options']],
    ['list(null)', (c) => c.grievances.list(null as never).next(), ['options']],
    ['list(42)', (c) => c.grievances.list(42 as never).next(), ['options']],
    [
      'upload({ size, type }) (not a Blob)',
      (c) => c.attachments.upload({ size: 10, type: '' } as never, { kind: 'photo' }),
      ['file'],
    ],
    [
      'submit({ priority })',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          priority: 'high',
        } as never),
      ['priority'],
    ],
    [
      'submit(attachment { caption })',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [{ file: FILES.png, kind: 'photo', caption: 'lamp' } as never],
        }),
      ['attachments.0.caption'],
    ],
    [
      'submit(options: { idempotencykey })',
      (c) =>
        c.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' }, {
          idempotencykey: 'k-1',
        } as never),
      ['idempotencykey'],
    ],
    [
      'requestOtp({ channel })',
      (c) => c.auth.requestOtp({ mobile: '98300 12345', channel: 'sms' } as never),
      ['channel'],
    ],
    [
      'verifyOtp({ mobile })',
      (c) =>
        c.auth.verifyOtp({ otpRequestId: 'otp_1', otp: '123456', mobile: '98300 12345' } as never),
      ['mobile'],
    ],
    [
      'register({ mobile })',
      (c) =>
        c.citizens.register({
          name: 'Rina Das',
          district: 'KOLKATA',
          mobile: '98300 12345',
        } as never),
      ['mobile'],
    ],
    [
      'remind(id, { urgent })',
      (c) => c.grievances.remind(ID, { note: 'Please look', urgent: true } as never),
      ['urgent'],
    ],
    ['get(id, { retries })', (c) => c.grievances.get(ID, { retries: 3 } as never), ['retries']],
    ['listPage({ page })', (c) => c.grievances.listPage({ page: 2 } as never), ['page']],
    ['districts({ lang })', (c) => c.catalog.districts({ lang: 'bn' } as never), ['lang']],
    [
      'watch(id, { interval })',
      (c) => c.grievances.watch(ID, { interval: 1000 } as never),
      ['interval'],
    ],
    [
      'upload(png, { kind, name })',
      (c) => c.attachments.upload(FILES.png, { kind: 'photo', name: 'x.png' } as never),
      ['name'],
    ],
    [
      'upload(fileName: 42)',
      (c) => c.attachments.upload(FILES.png, { kind: 'photo', fileName: 42 as never }),
      ['fileName'],
    ],
    [
      'upload(fileName: {})',
      (c) => c.attachments.upload(FILES.png, { kind: 'photo', fileName: {} as never }),
      ['fileName'],
    ],
    [
      'submit(fileName: 42)',
      (c) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [{ file: FILES.png, kind: 'photo', fileName: 42 as never }],
        }),
      ['fileName'],
    ],
    [
      'upload(DataView)',
      (c) => c.attachments.upload(new DataView(FILES.png.buffer) as never, { kind: 'photo' }),
      ['file'],
    ],
  ];

  it.each(CASES)(
    '%s is a ValidationError naming each field, before any request',
    async (_, call, expected) => {
      const { portal, client } = await signedIn(server);

      const error = await refusal(portal, () => call(client));

      expect(fields(error)).toEqual(expect.arrayContaining(expected));
    },
  );

  it.each([
    [
      'auth.requestOtp',
      (c: GrievanceClient) => c.auth.requestOtp(undefined as never),
      '{ mobile }',
    ],
    [
      'auth.verifyOtp',
      (c: GrievanceClient) => c.auth.verifyOtp(42 as never),
      '{ otpRequestId, otp }',
    ],
    [
      'citizens.register',
      (c: GrievanceClient) => c.citizens.register(null as never),
      '{ name, district }',
    ],
    [
      'grievances.submit',
      (c: GrievanceClient) => c.grievances.submit([] as never),
      '{ description, district }',
    ],
    [
      'grievances.remind',
      (c: GrievanceClient) => c.grievances.remind(ID, 'x' as never),
      '{ note }',
    ],
  ])(
    'shows %s its own fields when its input is not an object, and no number',
    async (call, make, example) => {
      const { portal, client } = await signedIn(server);

      const error = await refusal(portal, () => make(client));

      expect(error.message).toContain(`${call} takes an object`);
      expect(error.message).toContain(`e.g. ${example}`);
      expect(error.message).not.toMatch(/\*|\d{4}/);
    },
  );

  it.each([
    ['auth.requestOtp', (c: GrievanceClient, bad: object) => c.auth.requestOtp(bad as never)],
    ['grievances.submit', (c: GrievanceClient, bad: object) => c.grievances.submit(bad as never)],
    [
      'a draft’s attachment',
      (c: GrievanceClient, bad: object) =>
        c.grievances.submit({
          description: DESCRIPTION,
          district: 'KOLKATA',
          attachments: [bad as never],
        }),
    ],
    [
      'attachments.upload’s options',
      (c: GrievanceClient, bad: object) => c.attachments.upload(FILES.png, bad as never),
    ],
    [
      'attachments.upload’s file',
      (c: GrievanceClient, bad: object) => c.attachments.upload(bad as never, { kind: 'photo' }),
    ],
  ])(
    'wraps a throwing getter or Proxy in %s in a ValidationError, keeping the cause',
    async (_, call) => {
      const { portal, client } = await signedIn(server);
      const boom = new Error('the app’s own getter failed');
      const throwing = () => {
        throw boom;
      };
      const getters = Object.defineProperties(
        {},
        Object.fromEntries(
          ['mobile', 'description', 'file', 'kind', 'size', 'type'].map((key) => [
            key,
            { enumerable: true, get: throwing },
          ]),
        ),
      );
      const proxy = new Proxy({}, { get: throwing, ownKeys: throwing, has: () => true });

      for (const bad of [getters, proxy]) {
        const error = await refusal(portal, () => call(client, bad));
        expect(error.cause).toBe(boom);
      }
    },
  );

  it('wraps a throwing getter or Proxy in the client’s options in a ValidationError', () => {
    const boom = new Error('the app’s config getter failed');
    const throwing = () => {
      throw boom;
    };
    for (const options of [
      Object.defineProperty({}, 'baseUrl', { enumerable: true, get: throwing }),
      new Proxy({}, { get: throwing, ownKeys: throwing }),
    ]) {
      const error = (() => {
        try {
          return new GrievanceClient(options as never);
        } catch (e) {
          return e;
        }
      })();

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).cause).toBe(boom);
    }
  });

  it('names an unknown option and lists each option the call takes once', async () => {
    const { portal, client } = await signedIn(server);

    const error = await refusal(portal, () =>
      client.attachments.upload(FILES.png, { kind: 'photo', name: 'lamp.png' } as never),
    );

    expect(error.message).toContain(
      'attachments.upload does not take name; it takes signal, timeoutMs, idempotencyKey, kind, fileName.',
    );
  });

  it('lists every problem of a submission at once, in both languages', async () => {
    const { portal, client } = await signedIn(server);

    const error = await refusal(portal, () =>
      client.grievances.submit({ subject: 'x', description: 'short', district: 'kolkata' }),
    );

    expect(fields(error).sort()).toEqual(['description', 'district', 'subject']);
    const bn = error.userMessage('bn').split('\n');
    expect(bn).toHaveLength(4);
    expect(bn.slice(1).every((line) => BENGALI.test(line))).toBe(true);
    expect(error.userMessage('en')).toContain('description');
  });

  it('refuses a call before signing in as AuthenticationError, not as a crash', async () => {
    const portal = servePortal(server);

    const error = await clientFor(portal)
      .citizens.register({ name: 'Rina Das', district: 'KOLKATA' })
      .catch((e: unknown) => e);

    expect(isGrievanceError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
