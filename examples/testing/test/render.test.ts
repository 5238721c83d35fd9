import { describe, expect, it } from 'vitest';
import { GrievanceClient } from 'wb-grievance';
import { grievanceCard } from '../src/render.js';
import { COMPLAINT, MOBILE, PNG, useMockPortal } from './portal.js';

const { portal } = useMockPortal({ otp: '123456' });

// DOM code runs only where there is a DOM: the jsdom and happy-dom projects.
describe.skipIf(typeof document === 'undefined')('the grievance card', () => {
  it('shows the status in Bengali and the attached photo', async () => {
    const client = new GrievanceClient({ baseUrl: portal.baseUrl, language: 'bn' });
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    await client.auth.verifyOtp({ otpRequestId, otp: '123456' });
    const filed = await client.grievances.submit({
      description: COMPLAINT,
      district: 'KOLKATA',
      attachments: [{ file: new Blob([PNG]), fileName: 'lamp.png', kind: 'photo' }],
    });
    portal.updateStatus(filed.grievanceId, 'UNDER_PROCESS');

    const card = grievanceCard(await client.grievances.get(filed.grievanceId), 'bn');
    document.body.append(card);

    expect(card.querySelector('.status')?.textContent).toBe('অভিযোগ প্রক্রিয়াধীন');
    expect(card.querySelector('li')?.textContent).toBe(`lamp.png (${PNG.length} bytes)`);
  });
});
