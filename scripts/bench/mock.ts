/**
 * The mock portal's throughput: whole citizen flows per second in-process (msw's setupServer,
 * as in an app's tests), and requests per second through the local mock server over HTTP.
 */
import { setupServer } from 'msw/node';
import { GrievanceClient, type StoredSession } from 'wb-grievance';
import { createMockPortal } from 'wb-grievance/mocks';
import { startMockServer } from 'wb-grievance/mocks/server';
import { PHOTO, type Figure, median, report } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2000);
const CONCURRENCY = 16;

let serial = 0;
/** A mobile number no flow has used: each flow signs in a new citizen, outside any cool-down. */
function nextMobile(): string {
  serial += 1;
  return `98${String(serial).padStart(8, '0')}`;
}

/** Sign in, register, file with a photo, read, list, remind, sign out: 11 requests. */
async function citizenFlow(portal: ReturnType<typeof createMockPortal>): Promise<void> {
  const client = new GrievanceClient({ baseUrl: portal.baseUrl, language: 'bn' });
  const mobile = nextMobile();
  const { otpRequestId } = await client.auth.requestOtp({ mobile });
  await client.auth.verifyOtp({ otpRequestId, otp: portal.lastOtp(mobile) });
  await client.citizens.register({
    name: 'Asha Das',
    district: 'KOLKATA',
    preferredLanguage: 'bn',
  });
  const g = await client.grievances.submit({
    description: 'রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না।',
    district: 'KOLKATA',
    attachments: [{ file: PHOTO, kind: 'photo', fileName: 'lamp.png' }],
  });
  await client.grievances.get(g.grievanceId);
  await client.grievances.events(g.grievanceId);
  await client.grievances.listPage();
  await client.grievances.remind(g.grievanceId);
  await client.auth.logout();
}

async function flowsPerSecond(): Promise<Figure> {
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  const rates: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    const portal = createMockPortal();
    server.resetHandlers(...portal.handlers);
    const started = performance.now();
    let flows = 0;
    while (performance.now() - started < ROUND_MS) {
      await citizenFlow(portal);
      flows += 1;
    }
    if (round >= 0) rates.push(flows / ((performance.now() - started) / 1000));
  }
  server.close();
  return {
    benchmark: 'mock portal in-process: citizen flows',
    value: `${median(rates).toFixed(0)} flows/s`,
    detail: `11 requests each, one after another (median of ${ROUNDS} rounds of ${ROUND_MS / 1000} s)`,
  };
}

async function requestsPerSecond(): Promise<Figure> {
  const mock = await startMockServer();
  let held: StoredSession | undefined;
  const sessionStore = {
    get: () => held,
    set: (session: StoredSession) => void (held = session),
    clear: () => void (held = undefined),
  };
  const client = new GrievanceClient({ baseUrl: mock.url, sessionStore });
  const mobile = nextMobile();
  const { otpRequestId } = await client.auth.requestOtp({ mobile });
  await client.auth.verifyOtp({ otpRequestId, otp: mock.portal.lastOtp(mobile) });
  const { grievanceId } = await client.grievances.submit({
    description: 'রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না।',
    district: 'KOLKATA',
  });
  const url = `${mock.url}/v1/grievances/${grievanceId}`;
  const headers = { authorization: `Bearer ${held!.accessToken}` };

  const rates: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    let requests = 0;
    const started = performance.now();
    const worker = async () => {
      while (performance.now() - started < ROUND_MS) {
        const response = await fetch(url, { headers });
        if (response.status !== 200) throw new Error(`mock server answered ${response.status}`);
        await response.arrayBuffer();
        requests += 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (round >= 0) rates.push(requests / ((performance.now() - started) / 1000));
  }
  await mock.close();
  return {
    benchmark: 'mock server over HTTP: GET a grievance',
    value: `${median(rates).toFixed(0)} requests/s`,
    detail: `${CONCURRENCY} concurrent keep-alive clients (median of ${ROUNDS} rounds of ${ROUND_MS / 1000} s)`,
  };
}

report([await flowsPerSecond(), await requestsPerSecond()]);
