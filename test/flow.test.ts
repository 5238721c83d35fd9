import { describe, expect, it } from 'vitest';
import { GrievanceClient, GrievanceStatus, statusLabel } from 'wb-grievance';
import { createMockPortal } from 'wb-grievance/mocks';
import {
  DESCRIPTION,
  MOBILE,
  clientFor,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();

describe("a citizen's first flow", () => {
  it('signs in, files a grievance and reads each status an officer sets', async () => {
    const portal = servePortal(server);
    const client = new GrievanceClient({ baseUrl: portal.baseUrl });

    const { otpRequestId, expiresAt, resendAvailableAt } = await client.auth.requestOtp({
      mobile: MOBILE,
    });
    expect(expiresAt).toBeInstanceOf(Date);
    expect(resendAvailableAt.getTime()).toBeLessThan(expiresAt.getTime());

    const otp = portal.lastOtp('+91 98300-12345');
    expect(otp).toMatch(/^\d{6}$/);
    await client.auth.verifyOtp({ otpRequestId, otp });
    expect(client.auth.session.signedIn).toBe(true);

    const districts = await client.catalog.districts();
    const departments = await client.catalog.departments();
    expect(districts.filter((d) => d.active)).toHaveLength(23);
    expect(districts[0]!.labels.bn).toMatch(/[\u0980-\u09FF]/);

    const g = await client.grievances.submit({
      description: DESCRIPTION,
      district: districts[0]!.code,
    });
    expect(typeof g.grievanceId).toBe('string');
    expect(g.status).toBe(GrievanceStatus.RECEIVED);
    expect(g.submittedAt).toBeInstanceOf(Date);
    expect(g.statusLabel).toEqual({ en: 'Received', bn: statusLabel('RECEIVED', 'bn') });

    portal.updateStatus(g.grievanceId, 'FORWARDED', {
      departmentCode: departments[0]!.code,
      note: 'sent to the department',
    });
    const forwarded = await client.grievances.get(g.grievanceId);
    expect(forwarded.status).toBe('FORWARDED');
    expect(forwarded.forwardedTo?.departmentCode).toBe(departments[0]!.code);

    for (const status of ['UNDER_PROCESS', 'RESOLVED'] as const) {
      portal.updateStatus(g.grievanceId, status);
      expect((await client.grievances.get(g.grievanceId)).status).toBe(status);
    }

    const mine = [];
    for await (const item of client.grievances.list()) mine.push(item.grievanceId);
    expect(mine).toEqual([g.grievanceId]);

    portal.reset();
    expect(portal.grievances()).toEqual([]);
  });

  it('lists only the signed-in citizen’s own grievances, newest first', async () => {
    const { portal, client } = await signedIn(server);
    const other = clientFor(portal);
    await signIn(other, portal, '70012 34567');

    const first = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
    await other.grievances.submit({ description: DESCRIPTION, district: 'HOWRAH' });
    const second = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });

    const ids = [];
    for await (const g of client.grievances.list()) ids.push(g.grievanceId);
    expect(ids).toEqual([second.grievanceId, first.grievanceId]);
  });

  it('gives statuses their portal labels in both languages', () => {
    expect(statusLabel(GrievanceStatus.UNDER_PROCESS, 'en')).toBe('Under Process');
    expect(statusLabel(GrievanceStatus.CLOSED, 'bn')).toBe('অভিযোগ বন্ধ করা হয়েছে');
    expect(Object.keys(GrievanceStatus)).toEqual(Object.values(GrievanceStatus));
  });

  it('starts each portal empty and independent of others', () => {
    const a = createMockPortal();
    const b = createMockPortal();
    expect(a.baseUrl).not.toBe(b.baseUrl);
    expect(a.grievances()).toEqual([]);
  });
});
