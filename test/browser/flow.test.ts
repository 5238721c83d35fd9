import { afterEach, describe, expect, it } from 'vitest';
import { GrievanceClient, GrievanceStatus, NetworkError, statusLabel } from 'wb-grievance';
import { MockPortalError, createMockPortal } from 'wb-grievance/mocks';
import { startMockWorker, type MockWorker } from 'wb-grievance/mocks/browser';

const MOBILE = '98300 12345';
const DESCRIPTION = 'রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না।';

let running: MockWorker | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(options?: Parameters<typeof startMockWorker>[0]) {
  running = await startMockWorker({ quiet: true, ...options });
  return running;
}

/** A photo as a browser app gets one: drawn on a canvas and turned into a PNG File. */
async function photo(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 24;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f5b700';
  context.fillRect(0, 0, 32, 24);
  context.fillStyle = '#203040';
  context.fillRect(8, 4, 16, 16);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('no PNG'))), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}

async function sha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the client in Chromium, against the mock portal in a service worker', () => {
  it('signs in, files a grievance with a photo and follows it to Resolved', async () => {
    const { portal } = await start();
    expect(navigator.serviceWorker.controller).not.toBeNull();
    const client = new GrievanceClient({ baseUrl: portal.baseUrl, language: 'bn' });

    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    const { citizen } = await client.auth.verifyOtp({ otpRequestId, otp: portal.lastOtp(MOBILE) });
    expect(citizen.mobile).toBe('+919830012345');

    const districts = await client.catalog.districts();
    const kolkata = districts.find((d) => d.code === 'KOLKATA')!;
    expect(kolkata.labels.bn).toBe('কলকাতা');

    const file = await photo('street-light.png');
    const filed = await client.grievances.submit({
      description: DESCRIPTION,
      district: kolkata.code,
      attachments: [{ file, kind: 'photo' }],
    });
    expect(filed.status).toBe(GrievanceStatus.RECEIVED);
    expect(filed.description).toBe(DESCRIPTION);
    expect(filed.attachments).toEqual([
      expect.objectContaining({
        fileName: 'street-light.png',
        mimeType: 'image/png',
        sizeBytes: file.size,
        sha256: await sha256(file),
      }),
    ]);

    expect((await client.grievances.remind(filed.grievanceId)).reminderCount).toBe(1);

    portal.updateStatus(filed.grievanceId, 'FORWARDED', { departmentCode: 'POWER' });
    portal.updateStatus(filed.grievanceId, 'UNDER_PROCESS');
    portal.updateStatus(filed.grievanceId, 'RESOLVED', { note: 'the lamp was replaced' });
    const now = await client.grievances.get(filed.grievanceId);
    expect(statusLabel(now.status, 'bn')).toBe('সমস্যার সমাধান করা হয়েছে');
    expect(now.forwardedTo?.departmentCode).toBe('POWER');

    const history = await client.grievances.events(filed.grievanceId);
    expect(history.map((event) => event.status)).toEqual([
      'RECEIVED',
      'FORWARDED',
      'UNDER_PROCESS',
      'RESOLVED',
    ]);

    const mine = [];
    for await (const g of client.grievances.list()) mine.push(g.grievanceId);
    expect(mine).toEqual([filed.grievanceId]);

    await client.auth.logout();
    expect(client.auth.session.signedIn).toBe(false);
  });

  it('serves a portal the test seeded, and stops answering after stop()', async () => {
    const portal = createMockPortal({ otp: '123456' });
    portal.seed({
      grievances: [
        { mobile: MOBILE, description: DESCRIPTION, district: 'HOWRAH', status: 'FORWARDED' },
      ],
    });
    const worker = await start({ portal });
    expect(worker.portal).toBe(portal);

    const client = new GrievanceClient({ baseUrl: portal.baseUrl, maxRetries: 0 });
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    await client.auth.verifyOtp({ otpRequestId, otp: '123456' });
    const [seeded] = portal.grievances();
    expect((await client.grievances.get(seeded!.grievanceId)).status).toBe('FORWARDED');

    await worker.stop();
    running = undefined;
    await expect(client.catalog.districts()).rejects.toBeInstanceOf(NetworkError);
  });

  it("lets the app's own requests through to the network", async () => {
    await start();
    const response = await fetch('/mockServiceWorker.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Mock Service Worker');
  });

  it('says how to fix a worker script that is not where it was looked for', async () => {
    const failed = startMockWorker({ serviceWorker: { url: '/no-such-dir/mockServiceWorker.js' } });
    await expect(failed).rejects.toBeInstanceOf(MockPortalError);
    await expect(failed).rejects.toThrow('npx msw init public/ --save');
  });
});
