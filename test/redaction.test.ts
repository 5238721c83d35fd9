import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type Logger,
  type LogLevel,
  isGrievanceError,
  isValidAadhaar,
  redact,
  redactText,
} from 'wb-grievance';
import {
  DESCRIPTION,
  MOBILE,
  clientFor,
  manualClock,
  servePortal,
  signIn,
  useServer,
} from './support.js';

const server = useServer();

const OTP = '493817';
const MOBILE_FORMS = ['9830012345', '+919830012345', '98300 12345', '৯৮৩০০১২৩৪৫'];
const MASKED_MOBILE = '******2345';
const FILE_MARKER = 'CITIZEN-FILE-BYTES-7731';

/** A well-formed Aadhaar number: eleven digits and the Verhoeff check digit that fits them. */
const AADHAAR = (() => {
  const body = '27384619053';
  const check = [...'0123456789'].find((digit) => isValidAadhaar(body + digit))!;
  return body + check;
})();
const AADHAAR_SPACED = AADHAAR.replace(/(\d{4})(?=\d)/g, '$1 ');
const MASKED_AADHAAR = `XXXX-XXXX-${AADHAAR.slice(-4)}`;

/** A logger that records every line with everything logged alongside it. */
function capturingLogger() {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level} ${JSON.stringify(args)} ${inspect(args, { depth: 10 })}`);
  const logger: Logger = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
  };
  return { logger, lines };
}

/** Everything a developer could see of an error: message, JSON, inspect, string, stack. */
function exposeError(error: unknown): string {
  expect(isGrievanceError(error)).toBe(true);
  const e = error as Error & { userMessage(l: 'en' | 'bn'): string };
  return [
    e.message,
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
    inspect({ wrapped: e }, { depth: 10 }),
    String(e),
    e.stack,
    e.userMessage('en'),
    e.userMessage('bn'),
    inspect(e.cause, { depth: 10 }),
  ].join('\n');
}

function pdfWithMarker(): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n% ${FILE_MARKER}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`,
  );
}

describe("a citizen's whole flow at debug level", () => {
  it('never logs or exposes an OTP, a token, a mobile, an Aadhaar number or file bytes', async () => {
    const clock = manualClock(new Date().toISOString());
    const portal = servePortal(server, { otp: OTP, now: clock.now });
    const { logger, lines } = capturingLogger();
    const client = clientFor(portal, { logger, logLevel: 'debug' });
    const exposed: string[] = [];
    const tokens = new Set<string>();
    const onRequest = ({ request }: { request: Request }) => {
      const token = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
      if (token) tokens.add(token);
    };
    server.events.on('request:start', onRequest);
    const expectFailure = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => new Error('expected a failure'),
        (e: unknown) => e,
      );
      exposed.push(exposeError(error));
      return error;
    };

    try {
      const { otpRequestId } = await client.auth.requestOtp({ mobile: '98300 12345' });
      await expectFailure(client.auth.verifyOtp({ otpRequestId, otp: '000000' }));
      await client.auth.verifyOtp({ otpRequestId, otp: OTP });
      await client.citizens.register({
        name: 'Rina Das',
        district: 'KOLKATA',
        address: `12 Lake Road, Kolkata; phone ${MOBILE_FORMS[1]}`,
      });

      const secretText = `${DESCRIPTION} আধার ${AADHAAR_SPACED}, ফোন ${MOBILE_FORMS[3]} / ${MOBILE_FORMS[0]}`;
      await expectFailure(
        client.grievances.submit({ description: `<b>${secretText}</b>`, district: 'KOLKATA' }),
      );
      await expectFailure(
        client.grievances.submit({ description: secretText.repeat(200), district: 'KOLKATA' }),
      );

      portal.inject({ call: 'grievances.submit', status: 503 });
      const g = await client.grievances.submit({
        description: secretText,
        district: 'KOLKATA',
        attachments: [{ file: pdfWithMarker(), kind: 'id_proof', fileName: 'aadhaar.pdf' }],
      });
      await client.attachments.upload(pdfWithMarker(), { kind: 'document' });
      await client.grievances.remind(g.grievanceId, { note: `call me on ${MOBILE_FORMS[2]}` });
      for await (const item of client.grievances.list()) exposed.push(JSON.stringify(item.status));
      await client.grievances.events(g.grievanceId);
      portal.inject({
        call: 'grievances.events',
        status: 200,
        contentType: 'text/html',
        body: `<p>Call ${MOBILE_FORMS[0]} (Aadhaar ${AADHAAR})</p>`,
      });
      await expectFailure(client.grievances.events(g.grievanceId));

      const [token] = tokens;
      portal.inject({
        call: 'grievances.get',
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'ECHO', message: `mobile ${MOBILE_FORMS[0]} aadhaar ${AADHAAR}` },
          accessToken: token,
          otp: OTP,
        }),
      });
      await expectFailure(client.grievances.get(g.grievanceId));

      clock.advance(31 * 60_000);
      await expectFailure(client.grievances.get(g.grievanceId));
      await signIn(client, portal, MOBILE_FORMS[1]);
      exposed.push(inspect(client, { depth: 10 }));
      await client.auth.logout();
    } finally {
      server.events.removeListener('request:start', onRequest);
    }

    const everything = [...lines, ...exposed].join('\n');
    expect(tokens.size).toBe(2);
    const secrets = [
      OTP,
      ...tokens,
      ...MOBILE_FORMS,
      '98300',
      AADHAAR,
      AADHAAR_SPACED,
      AADHAAR.slice(0, 8),
      FILE_MARKER,
    ];
    for (const secret of secrets) {
      const at = everything.indexOf(secret);
      expect(at === -1 ? '' : `${secret} in …${everything.slice(at - 80, at + 40)}…`).toBe('');
    }

    expect(lines.some((line) => line.startsWith('debug'))).toBe(true);
    expect(lines.some((line) => line.startsWith('warn'))).toBe(true);
    expect(everything).toContain(MASKED_MOBILE);
    expect(everything).toContain(MASKED_AADHAAR);
    expect(everything).toContain('[REDACTED]');
    expect(everything).toMatch(/\[\d+ bytes\]/);
  });
});

describe('log levels', () => {
  async function linesAt(logLevel?: LogLevel) {
    const portal = servePortal(server);
    const { logger, lines } = capturingLogger();
    portal.inject({ call: 'catalog.districts', status: 503 });
    await clientFor(portal, { logger, ...(logLevel && { logLevel }) }).catalog.districts();
    return lines;
  }

  it('logs nothing at off', async () => {
    expect(await linesAt('off')).toEqual([]);
  });

  it('logs only the retry at the default level, warn', async () => {
    const lines = await linesAt();

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn .*catalog\.districts failed \(UPSTREAM_UNAVAILABLE\); retry 1/);
  });

  it('logs method, path, status, duration, attempt and request id of each request at info', async () => {
    const lines = (await linesAt('info')).filter((line) => line.startsWith('info'));

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/GET \/v1\/catalog\/districts 503 \d+ms attempt 1 req_\w+/);
    expect(lines[1]).toMatch(/GET \/v1\/catalog\/districts 200 \d+ms attempt 2 req_\w+/);
  });

  it('keeps working when the logger itself throws', async () => {
    const portal = servePortal(server);
    const broken = () => {
      throw new Error('disk full');
    };
    const client = clientFor(portal, {
      logger: { error: broken, warn: broken, info: broken, debug: broken },
      logLevel: 'debug',
    });

    await expect(client.auth.requestOtp({ mobile: MOBILE })).resolves.toBeDefined();
  });
});

describe('redactText and redact', () => {
  it('masks mobiles and Aadhaar numbers in free text, in ASCII and Bengali digits', () => {
    const text = redactText(
      `ফোন ${MOBILE_FORMS.join(', ')}; আধার ${AADHAAR} ও ${AADHAAR_SPACED}; otp: ${OTP}`,
    );

    for (const secret of [...MOBILE_FORMS, AADHAAR, AADHAAR_SPACED, OTP]) {
      expect(text).not.toContain(secret);
    }
    expect(text.split(MASKED_MOBILE)).toHaveLength(MOBILE_FORMS.length + 1);
    expect(text.split(MASKED_AADHAAR)).toHaveLength(3);
  });

  it('removes bearer tokens and secret fields written as JSON text', () => {
    const text = redactText(
      'Authorization: Bearer eyJhbGciOi.abc-def_ghi {"accessToken": "tok_4f9a8b7c6d5e", "otp":"123456"}',
    );

    expect(text).not.toMatch(/eyJhbGciOi|tok_4f9a8b7c6d5e|123456/);
    expect(text).toContain('Bearer [REDACTED]');
  });

  it('drops secret fields, masks identifiers and sizes bytes in structured data', () => {
    const out = redact({
      otp: OTP,
      accessToken: 'tok_4f9a8b7c6d5e',
      mobile: MOBILE_FORMS[0],
      aadhaarNumber: AADHAAR,
      file: pdfWithMarker(),
      nested: [{ note: `ring ${MOBILE_FORMS[2]}`, count: 3 }],
    });

    expect(out).toEqual({
      otp: '[REDACTED]',
      accessToken: '[REDACTED]',
      mobile: MASKED_MOBILE,
      aadhaarNumber: MASKED_AADHAAR,
      file: `[${pdfWithMarker().length} bytes]`,
      nested: [{ note: `ring ${MASKED_MOBILE}`, count: 3 }],
    });
  });

  it('leaves grievance IDs, request ids and dates readable', () => {
    const text = 'MOCK-2026-000001 req_000042 2026-12-03T19:06:46+05:30';

    expect(redactText(text)).toBe(text);
  });

  it('leaves a SHA-256 digest, sizes, durations and a date with a time readable', () => {
    const text = [
      'sha256 c1d52754814196bcf4a09ca422d7de2f4f62a00fdc4eb9d86ce6eccbbf68d321',
      'POST /v1/grievances 201 8ms attempt 1 req_000006; retry 1 in 734 ms',
      'is 5242881 bytes; the limit is 5242880 bytes; 2026-12-03 19:06:46; MOCK-2026-000123',
    ].join('\n');

    expect(redactText(text)).toBe(text);
  });
});

describe('numbers written with other separators and digits', () => {
  const SEPARATORS: [string, string][] = [
    ['a no-break space', '\u00a0'],
    ['a thin space', '\u2009'],
    ['a narrow no-break space', '\u202f'],
    ['a zero-width space', '\u200b'],
    ['a zero-width non-joiner', '\u200c'],
    ['a zero-width joiner', '\u200d'],
    ['a word joiner', '\u2060'],
    ['a tab', '\t'],
    ['a line break', '\n'],
    ['a hyphen', '-'],
    ['an en dash', '\u2013'],
    ['a space and a dash', ' - '],
  ];

  it.each(SEPARATORS)('masks a mobile and an Aadhaar number split by %s', (_, sep) => {
    const mobile = `98300${sep}12345`;
    const oddly = ['98', '30', '01', '23', '45'].join(sep);
    const aadhaar = AADHAAR.replace(/(\d{4})(?=\d)/g, `$1${sep}`);

    const text = redactText(`ফোন ${mobile}, ${oddly}; আধার ${aadhaar}.`);

    expect(text).toBe(`ফোন ${MASKED_MOBILE}, ${MASKED_MOBILE}; আধার ${MASKED_AADHAAR}.`);
  });

  it('masks numbers in full-width and Bengali digits, keeping only the last four digits', () => {
    const fullWidth = (ascii: string) =>
      ascii.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const bengali = (ascii: string) =>
      ascii.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));

    const text = redactText(
      [
        fullWidth('9830012345'),
        `＋${fullWidth('91 98300 12345')}`,
        bengali('+91 98300\u00a012345'),
        fullWidth(AADHAAR_SPACED),
        bengali(AADHAAR.replace(/(\d{4})(?=\d)/g, '$1\u2009')),
      ].join(' / '),
    );

    expect(text).toBe(
      [MASKED_MOBILE, MASKED_MOBILE, MASKED_MOBILE, MASKED_AADHAAR, MASKED_AADHAAR].join(' / '),
    );
  });

  it('masks them in log lines and error messages too', async () => {
    const portal = servePortal(server, { otp: OTP });
    const { logger, lines } = capturingLogger();
    const client = clientFor(portal, { logger, logLevel: 'debug' });
    await signIn(client, portal);
    const hidden = ['98300\u00a012345', '９８３００１２３４５', `২৩৪৫\u200b৬৭৮৯\u200b০১২৩`];

    await client.grievances.submit({
      description: `${DESCRIPTION} ${hidden.join(' ')}`,
      district: 'KOLKATA',
    });
    portal.inject({
      call: 'grievances.list',
      status: 400,
      body: JSON.stringify({ error: { code: 'ECHO', message: hidden.join(' / ') } }),
    });
    const error = await client.grievances.listPage().catch((e: unknown) => e);

    const everything = [...lines, exposeError(error)].join('\n');
    for (const secret of hidden) expect(everything).not.toContain(secret);
    expect(everything).toContain(MASKED_MOBILE);
  });
});
