import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GrievanceClient } from 'wb-grievance';
import { GrievanceDesk } from '../src/desk.js';
import { COMPLAINT, MOBILE, PNG, environment, useMockPortal } from './portal.js';

const { portal } = useMockPortal({ otp: '123456' });
const sha256 = createHash('sha256').update(PNG).digest('hex');

async function signedInDesk() {
  const desk = new GrievanceDesk(portal.baseUrl);
  await desk.signIn(MOBILE, () => '123456');
  return desk;
}

// Each of these runs in node, jsdom and happy-dom (see vitest.config.ts): File and Blob are
// the environment's own, which is where uploads used to lose their bytes or their name.
describe(`uploads under ${environment()}`, () => {
  it.each([
    ['a File', () => new File([PNG], 'lamp.png', { type: 'image/png' })],
    ['a Blob', () => new Blob([PNG], { type: 'image/png' })],
    ['bytes', () => PNG.slice()],
  ])('keeps the bytes and the file name of %s', async (_, makeFile) => {
    const desk = await signedInDesk();
    const filed = await desk.file({
      description: COMPLAINT,
      district: 'KOLKATA',
      photo: { file: makeFile(), name: 'lamp.png' },
    });
    if (!filed.ok) throw new Error(filed.message);

    const { attachments } = await desk.get(filed.grievanceId);
    expect(attachments).toEqual([
      expect.objectContaining({ fileName: 'lamp.png', sizeBytes: PNG.length, sha256 }),
    ]);
  });

  it('uses the name a File already has', async () => {
    const client = new GrievanceClient({ baseUrl: portal.baseUrl });
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    await client.auth.verifyOtp({ otpRequestId, otp: '123456' });

    const file = new File([PNG], 'রাস্তার-আলো.png', { type: 'image/png' });
    const attachment = await client.attachments.upload(file, { kind: 'photo' });
    expect(attachment).toMatchObject({ fileName: 'রাস্তার-আলো.png', sizeBytes: PNG.length, sha256 });
  });
});

describe(`cross-origin calls under ${environment()}`, () => {
  it('answers the CORS preflight a browser sends before calling the portal', async () => {
    // msw answers fetch itself, before happy-dom's CORS check, so send the preflight by hand.
    // (Over real HTTP happy-dom sends its own: see local-server.test.ts.)
    const response = await fetch(`${portal.baseUrl}/v1/grievances`, {
      method: 'OPTIONS',
      headers: {
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Idempotency-Key/i);
  });
});
