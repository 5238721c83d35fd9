import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from 'wb-grievance/mocks/server';
import { GrievanceDesk } from '../src/desk.js';
import { COMPLAINT, MOBILE, PNG, environment } from './portal.js';

// The same app code against the mock portal over real HTTP (no msw in this file), as when an
// app's tests or a dev server share one `wb-grievance-mock`. Under happy-dom the requests are
// cross-origin for real (the page is http://localhost:3000), so CORS preflights go out too.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ portalOptions: { otp: '123456' } });
});
afterAll(() => server.close());

describe(`the local mock server under ${environment()}`, () => {
  it('files a complaint with a photo, past any CORS preflight', async () => {
    const desk = new GrievanceDesk(server.url);
    await desk.signIn(MOBILE, () => '123456');
    const filed = await desk.file({
      description: COMPLAINT,
      district: 'KOLKATA',
      photo: { file: new Blob([PNG]), name: 'lamp.png' },
    });
    if (!filed.ok) throw new Error(filed.message);

    const { attachments } = await desk.get(filed.grievanceId);
    expect(attachments[0]).toMatchObject({ fileName: 'lamp.png', sizeBytes: PNG.length });

    const preflights = server.portal.requestLog.filter((request) => request.method === 'OPTIONS');
    if (environment() === 'happy-dom') {
      expect(preflights.map((request) => request.path)).toContain('/v1/grievances');
      expect(preflights.every((request) => request.status === 204)).toBe(true);
    } else {
      expect(preflights).toEqual([]);
    }
  });
});
