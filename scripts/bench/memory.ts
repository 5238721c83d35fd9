/**
 * Memory while iterating a 10,000-grievance list with `client.grievances.list()`: the heap
 * after a full collection at 1k, 5k and 10k items should stay flat, since the client holds
 * one page at a time. The portal runs as a local mock server in another process, so that
 * only the client's heap is measured. Run with `--expose-gc` (index.ts does).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { GrievanceClient } from 'wb-grievance';
import { type Figure, report } from './stats.js';

const COUNT = 10_000;
const SAMPLES = [1_000, 5_000, 10_000];
const MOBILE = '9830012345';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('serve-seeded.ts', import.meta.url)), String(COUNT)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [firstLine] = (await once(child.stdout, 'data')) as [Buffer];
const baseUrl = firstLine.toString().trim();

const client = new GrievanceClient({ baseUrl });
const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
await client.auth.verifyOtp({ otpRequestId, otp: '123456' });

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const samples: number[] = [];
const before = heap();
let seen = 0;
for await (const grievance of client.grievances.list({ pageSize: 100 })) {
  if (!grievance.grievanceId) throw new Error('a grievance without an ID');
  seen += 1;
  if (SAMPLES.includes(seen)) samples.push(heap());
}
child.kill();
if (seen !== COUNT) throw new Error(`iterated ${seen} grievances, expected ${COUNT}`);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const growth = samples.at(-1)! - samples[0]!;
report([
  {
    benchmark: 'memory: iterating 10,000 grievances',
    value: `${growth >= 0 ? '+' : ''}${mb(growth)} from 1k to 10k`,
    baseline: `heap before iterating ${mb(before)}`,
    detail: `heapUsed after gc at ${SAMPLES.map((n, i) => `${n / 1000}k: ${mb(samples[i]!)}`).join(', ')}`,
  } satisfies Figure,
]);
