/**
 * The whole first flow of a citizen, against the bundled mock portal: sign in with a mobile
 * number and OTP, file a grievance in Bengali with a photo, send a reminder, and follow the
 * grievance as an officer moves it from Received to Resolved.
 *
 * Run it with `npm run demo`.
 */
import { setupServer } from 'msw/node';
import { GrievanceClient, maskMobile, statusLabel } from 'wb-grievance';
import { createMockPortal } from 'wb-grievance/mocks';

const MOBILE = '98300 12345';

// A 1×1 PNG, standing in for the photo a citizen takes of the broken street light.
const PHOTO = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

const portal = createMockPortal();
const server = setupServer(...portal.handlers);
server.listen({ onUnhandledRequest: 'error' });

const client = new GrievanceClient({ baseUrl: portal.baseUrl, language: 'bn' });
const time = (date: Date) => date.toLocaleTimeString('en-IN', { timeZone: 'Asia/Kolkata' });
const step = (text: string) => console.log(`\n▸ ${text}`);

try {
  step(`Requesting an OTP for ${maskMobile(MOBILE)}`);
  const otpRequest = await client.auth.requestOtp({ mobile: MOBILE });
  console.log(`  sent; valid until ${time(otpRequest.expiresAt)} IST,`);
  console.log(`  a new one can be asked for after ${time(otpRequest.resendAvailableAt)} IST`);

  step('Verifying the OTP from the SMS (the mock portal keeps its outbox)');
  const otp = portal.lastOtp(MOBILE);
  const { citizen, expiresAt } = await client.auth.verifyOtp({
    otpRequestId: otpRequest.otpRequestId,
    otp,
  });
  console.log(`  signed in as ${citizen.citizenId} until ${time(expiresAt)} IST`);

  const districts = await client.catalog.districts();
  const departments = await client.catalog.departments();
  const kolkata = districts.find((d) => d.code === 'KOLKATA') ?? districts[0]!;
  const power = departments.find((d) => d.code === 'POWER' && d.active) ?? departments[0]!;
  step(`Catalogue: ${districts.length} districts, ${departments.length} departments`);
  console.log(`  filing in ${kolkata.labels.en} / ${kolkata.labels.bn}`);

  step('Filing a grievance in Bengali, with a photo');
  const grievance = await client.grievances.submit({
    subject: 'রাস্তার আলো',
    description: 'আমাদের পাড়ার রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না। দ্রুত ব্যবস্থা নেওয়ার অনুরোধ করছি।',
    district: kolkata.code,
    attachments: [{ file: PHOTO, kind: 'photo', fileName: 'street-light.png' }],
  });
  const [photo] = grievance.attachments;
  console.log(`  grievance ID: ${grievance.grievanceId}`);
  console.log(
    `  photo: ${photo?.fileName}, ${photo?.sizeBytes} bytes, sha256 ${photo?.sha256.slice(0, 12)}…`,
  );
  console.log(
    `  status: ${statusLabel(grievance.status, 'en')} / ${statusLabel(grievance.status, 'bn')}`,
  );

  step('Sending a reminder ("re-mention")');
  const reminder = await client.grievances.remind(grievance.grievanceId, {
    note: 'এখনও আলো জ্বলছে না।',
  });
  console.log(`  reminder ${reminder.reminderCount} recorded at ${time(reminder.at)} IST`);

  step('An officer moves the grievance along; the citizen checks each time');
  const moves = [
    { status: 'FORWARDED', note: 'sent to the department', departmentCode: power.code },
    { status: 'UNDER_PROCESS', note: 'a lineman is assigned' },
    { status: 'RESOLVED', note: 'the lamp was replaced' },
  ] as const;
  for (const { status, ...details } of moves) {
    portal.updateStatus(grievance.grievanceId, status, details);
    const now = await client.grievances.get(grievance.grievanceId);
    const where = now.forwardedTo ? ` (at ${now.forwardedTo.name})` : '';
    console.log(`  ${now.statusLabel.en.padEnd(14)} ${now.statusLabel.bn}${where}`);
  }

  step('The history, as the portal recorded it');
  for (const event of await client.grievances.events(grievance.grievanceId)) {
    console.log(
      `  #${event.sequence} ${time(event.at)} ${event.status}${event.note ? `: ${event.note}` : ''}`,
    );
  }

  let count = 0;
  for await (const mine of client.grievances.list()) count += mine ? 1 : 0;
  step(`The citizen has ${count} grievance(s) on the portal`);

  await client.auth.logout();
  step('Signed out');
} finally {
  server.close();
}
