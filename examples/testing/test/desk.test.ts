import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { GrievanceDesk } from '../src/desk.js';
import { COMPLAINT, MOBILE, useMockPortal } from './portal.js';

const { portal, server } = useMockPortal({ otp: '123456' });

async function signedInDesk(language: 'en' | 'bn' = 'en') {
  const desk = new GrievanceDesk(portal.baseUrl, language);
  await desk.signIn(MOBILE, () => portal.lastOtp(MOBILE));
  return desk;
}

describe('the app against the mock portal', () => {
  it('files a complaint and shows each status an officer sets', async () => {
    const desk = await signedInDesk();
    const filed = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    expect(filed).toEqual({ ok: true, grievanceId: expect.any(String), status: 'Received' });
    if (!filed.ok) return;

    portal.updateStatus(filed.grievanceId, 'FORWARDED', { departmentCode: 'POWER' });
    expect(await desk.statusLine(filed.grievanceId)).toBe('Forwarded (Power)');

    portal.updateStatus(filed.grievanceId, 'RESOLVED', { note: 'lamp replaced' });
    expect(await desk.statusLine(filed.grievanceId)).toBe('Resolved (Power)');
    expect(await desk.openGrievances()).toEqual([]);
  });

  it('starts every test with an empty portal', async () => {
    // The test above filed a grievance; useMockPortal reset the portal after it.
    expect(portal.grievances()).toEqual([]);
    const desk = await signedInDesk();
    expect(await desk.openGrievances()).toEqual([]);
  });

  it('shows grievances seeded before the test, in Bengali', async () => {
    const { grievances } = portal.seed({
      grievances: [
        { mobile: MOBILE, description: COMPLAINT, district: 'HOWRAH', status: 'UNDER_PROCESS' },
        { mobile: MOBILE, description: COMPLAINT, district: 'NADIA', status: 'CLOSED' },
        { mobile: '70012 34567', description: COMPLAINT, district: 'NADIA' },
      ],
    });
    const desk = await signedInDesk('bn');

    const open = await desk.openGrievances();
    expect(open.map((g) => g.grievanceId)).toEqual([grievances[0]!.grievanceId]);
    expect(await desk.statusLine(grievances[0]!.grievanceId)).toMatch(/^অভিযোগ প্রক্রিয়াধীন/);
  });

  it('tells the citizen to try later when the portal is down', async () => {
    const desk = await signedInDesk();
    portal.inject({ call: 'grievances.submit', status: 503, times: Infinity });

    const result = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    expect(result).toMatchObject({ ok: false, canRetry: true });
    expect(portal.grievances()).toEqual([]);
  });

  it('files once when the first answer is lost and the client retries', async () => {
    const desk = await signedInDesk();
    portal.inject({ call: 'grievances.submit', network: 'lose-response' });

    const result = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    expect(result.ok).toBe(true);
    expect(portal.grievances()).toHaveLength(1);
  });

  it('can replace one route with msw for a single test', async () => {
    server.use(
      http.get(`${portal.baseUrl}/v1/grievances/:id`, () =>
        HttpResponse.json(
          {
            error: { code: 'GRIEVANCE_NOT_FOUND', message: 'Gone.', status: 404, requestId: 'r1' },
          },
          { status: 404 },
        ),
      ),
    );
    const desk = await signedInDesk();
    const filed = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    if (!filed.ok) throw new Error(filed.message);

    await expect(desk.statusLine(filed.grievanceId)).rejects.toMatchObject({
      code: 'GRIEVANCE_NOT_FOUND',
    });
  });

  it('has the portal route back after the override', async () => {
    const desk = await signedInDesk();
    const filed = await desk.file({ description: COMPLAINT, district: 'KOLKATA' });
    if (!filed.ok) throw new Error(filed.message);
    expect(await desk.statusLine(filed.grievanceId)).toBe('Received');
  });
});
