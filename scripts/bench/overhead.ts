/**
 * The client's cost per call against a bare `fetch` and `JSON.parse` of the same response,
 * from a minimal local HTTP server (no mock portal: only the client is measured).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky from 'ky';
import { GrievanceClient } from 'wb-grievance';
import { type Figure, heldSession, median, report } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

function grievance(n: number) {
  const id = `MOCK-2026-${String(n).padStart(6, '0')}`;
  return {
    grievanceId: id,
    subject: 'রাস্তার আলো',
    description: 'আমাদের পাড়ার রাস্তার আলো তিন সপ্তাহ ধরে জ্বলছে না। দ্রুত ব্যবস্থা নেওয়ার অনুরোধ করছি।',
    language: 'bn',
    district: 'KOLKATA',
    status: 'FORWARDED',
    statusLabel: { en: 'Forwarded', bn: 'সংশ্লিষ্ট দফতরে পাঠানো হয়েছে' },
    rawStatus: 'FORWARDED',
    submittedAt: '2026-12-03T19:06:46+05:30',
    updatedAt: '2026-12-04T10:00:00+05:30',
    forwardedTo: { departmentCode: 'POWER', name: 'Power' },
    attachments: [
      {
        attachmentId: `att_${String(n).padStart(6, '0')}`,
        fileName: 'street-light.png',
        mimeType: 'image/png',
        sizeBytes: 70,
        sha256: 'a'.repeat(64),
        kind: 'photo',
      },
    ],
    reminderCount: 0,
    lastReminderAt: null,
  };
}

const ONE = JSON.stringify(grievance(1));
const PAGE = JSON.stringify({
  items: Array.from({ length: 100 }, (_, i) => grievance(i + 1)),
  nextCursor: null,
});

const server = createServer((req, res) => {
  const body = req.url?.startsWith('/v1/grievances?') ? PAGE : ONE;
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = new GrievanceClient({ baseUrl: base, sessionStore: heldSession() });
const headers = {
  accept: 'application/json',
  authorization: 'Bearer bench-token-0123456789abcdef',
};

async function bare(path: string): Promise<unknown> {
  const response = await fetch(`${base}${path}`, { headers });
  return JSON.parse(await response.text());
}

// ky as the client configures it, and nothing else: the least any client built on it can cost.
const kyAlone = ky.create({
  prefixUrl: `${base}/v1/`,
  headers,
  retry: 0,
  timeout: false,
  throwHttpErrors: false,
});

/** Mean time per call, in µs, over `CALLS` sequential calls. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await call();
  return Number(process.hrtime.bigint() - started) / 1000 / CALLS;
}

async function compare(name: string, path: string, viaClient: () => Promise<unknown>) {
  for (let i = 0; i < 300; i++) {
    await bare(path);
    await viaClient();
  }

  const bareTimes: number[] = [];
  const clientTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order, so that neither side always runs on a warmer (or hotter) machine.
    if (round % 2 === 0) {
      bareTimes.push(await timed(() => bare(path)));
      clientTimes.push(await timed(viaClient));
    } else {
      clientTimes.push(await timed(viaClient));
      bareTimes.push(await timed(() => bare(path)));
    }
  }

  const ours = median(clientTimes);
  const theirs = median(bareTimes);
  return {
    benchmark: name,
    value: `${(ours / theirs).toFixed(2)}×`,
    baseline: 'bare fetch + JSON.parse = 1.00×',
    detail: `${ours.toFixed(0)} µs vs ${theirs.toFixed(0)} µs per call (median of ${ROUNDS} rounds × ${CALLS})`,
  } satisfies Figure;
}

const figures = [
  await compare('client overhead: grievances.get', '/v1/grievances/MOCK-2026-000001', () =>
    client.grievances.get('MOCK-2026-000001'),
  ),
  await compare(
    'client overhead: grievances.listPage (100 items)',
    '/v1/grievances?limit=100',
    () => client.grievances.listPage({ pageSize: 100 }),
  ),
  await compare('ky alone (no client), the same get', '/v1/grievances/MOCK-2026-000001', async () =>
    JSON.parse(await (await kyAlone('grievances/MOCK-2026-000001')).text()),
  ),
];
server.close();
report(figures);
