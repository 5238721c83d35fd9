/**
 * The consumer projects scripts/pack-check.ts installs the tarball into: their files, written
 * as an app's would be. Each one fails loudly when an entry does not load or behave.
 */

const COMPLAINT = 'The street light on our lane has not worked for three weeks.';

/** Uses the portal in-process with msw, then over HTTP with the mock server. */
const flow = (load: string) => `${load}
  const assert = (ok, what) => { if (!ok) throw new Error('failed: ' + what); };

  const portal = createMockPortal({ otp: '123456' });
  const msw = setupServer(...portal.handlers);
  msw.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
  const client = new GrievanceClient({ baseUrl: portal.baseUrl });
  const { otpRequestId } = await client.auth.requestOtp({ mobile: '98300 12345' });
  await client.auth.verifyOtp({ otpRequestId, otp: '123456' });
  const filed = await client.grievances.submit({ description: '${COMPLAINT}', district: 'KOLKATA' });
  assert(filed.status === 'RECEIVED', 'a grievance filed through msw');
  assert(statusLabel('RESOLVED', 'bn') === 'সমস্যার সমাধান করা হয়েছে', 'Bengali labels');
  assert(new MockPortalError('x') instanceof Error, 'MockPortalError');
  msw.close();

  const server = await startMockServer({ portalOptions: { otp: '123456' } });
  const overHttp = new GrievanceClient({ baseUrl: server.url });
  const second = await overHttp.auth.requestOtp({ mobile: '98300 12345' });
  await overHttp.auth.verifyOtp({ otpRequestId: second.otpRequestId, otp: '123456' });
  const districts = await overHttp.catalog.districts();
  assert(districts.length >= 23, 'districts over HTTP');
  await server.close();
`;

const TYPES = `import {
  GrievanceClient,
  GrievanceStatus,
  isGrievanceError,
  type Grievance,
} from 'wb-grievance';
import { createMockPortal, type MockPortal, type PortalSeed } from 'wb-grievance/mocks';
import { startMockWorker, type MockWorker } from 'wb-grievance/mocks/browser';
import { startMockServer, type MockServer } from 'wb-grievance/mocks/server';

export async function consumerCode(): Promise<string> {
  const seed: PortalSeed = { grievances: [{ mobile: '9830012345', description: '${COMPLAINT}', district: 'NADIA' }] };
  const portal: MockPortal = createMockPortal({ otp: '123456' });
  portal.seed(seed);
  const client = new GrievanceClient({ baseUrl: portal.baseUrl, language: 'bn' });

  const grievance: Grievance = await client.grievances.get('MOCK-2026-000001');
  const open: boolean = grievance.status === GrievanceStatus.RECEIVED;
  const worker: MockWorker = await startMockWorker({ portal, serviceWorker: { url: '/app/mockServiceWorker.js' } });
  const server: MockServer = await startMockServer({ port: 0, host: '127.0.0.1' });

  try {
    await client.auth.logout();
  } catch (error) {
    if (isGrievanceError(error)) return error.userMessage('bn');
  }

  // @ts-expect-error: the types are real, so an unknown option is an error
  new GrievanceClient({ baseUrl: portal.baseUrl, retries: 3 });
  // @ts-expect-error: statuses are the portal's codes
  portal.updateStatus('MOCK-2026-000001', 'ESCALATED');

  await worker.stop();
  await server.close();
  return \`\${open} \${server.url}\`;
}
`;

const tsconfig = (compilerOptions: Record<string, unknown>, files: string[]) =>
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        skipLibCheck: false,
        ...compilerOptions,
      },
      files,
    },
    null,
    2,
  );

/** A consumer with msw, TypeScript and Node's types installed. */
export const CONSUMER_FILES: Record<string, string> = {
  'esm.mjs':
    flow(`import { GrievanceClient, statusLabel } from 'wb-grievance';
import { MockPortalError, createMockPortal } from 'wb-grievance/mocks';
import { startMockServer } from 'wb-grievance/mocks/server';
import { setupServer } from 'msw/node';
{`) +
    `  console.log('ESM: every entry loads; the mock portal answers through msw and over HTTP');\n}\n`,

  'cjs.cjs':
    flow(`const { GrievanceClient, statusLabel } = require('wb-grievance');
const { MockPortalError, createMockPortal } = require('wb-grievance/mocks');
const { startMockServer } = require('wb-grievance/mocks/server');
const { setupServer } = require('msw/node');
(async () => {`) +
    `  console.log('CJS: every entry loads; the mock portal answers through msw and over HTTP');\n` +
    `})().catch((error) => { console.error(error); process.exit(1); });\n`,

  'browser-esm.mjs': `import { startMockWorker } from 'wb-grievance/mocks/browser';
import { GrievanceClient } from 'wb-grievance';
const { portal } = await startMockWorker();
new GrievanceClient({ baseUrl: portal.baseUrl });
`,

  'browser-cjs.cjs': `const { startMockWorker } = require('wb-grievance/mocks/browser');
const { GrievanceClient } = require('wb-grievance');
startMockWorker().then(({ portal }) => new GrievanceClient({ baseUrl: portal.baseUrl }));
`,

  'types/esm.mts': TYPES,
  'types/cjs.cts': TYPES,
  'types/bundler.ts': TYPES,
  'tsconfig.node16.json': tsconfig({ module: 'node16', moduleResolution: 'node16' }, [
    'types/esm.mts',
    'types/cjs.cts',
  ]),
  'tsconfig.bundler.json': tsconfig({ module: 'esnext', moduleResolution: 'bundler' }, [
    'types/bundler.ts',
  ]),
};

/** A tiny portal stand-in, so that the client makes a real call with msw absent. */
const withoutMsw = (load: string, done: string) => `${load}
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'req_1' });
    response.end(JSON.stringify({ items: [{ code: 'KOLKATA', labels: { en: 'Kolkata', bn: 'কলকাতা' }, active: true }] }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new GrievanceClient({ baseUrl: 'http://127.0.0.1:' + server.address().port });
  const [district] = await client.catalog.districts();
  server.close();
  if (district.labels.bn !== 'কলকাতা') throw new Error('the client did not read the catalogue');
  if (maskMobile('9830012345') !== '******2345') throw new Error('maskMobile');
  ${done}
`;

/** A consumer with nothing but the package: the client must not need msw. */
export const NO_MSW_FILES: Record<string, string> = {
  'esm.mjs': withoutMsw(
    `import http from 'node:http';
import { GrievanceClient, maskMobile } from 'wb-grievance';
{`,
    `console.log('ESM without msw: the client imports and calls a portal');\n}`,
  ),
  'cjs.cjs': withoutMsw(
    `const http = require('node:http');
const { GrievanceClient, maskMobile } = require('wb-grievance');
(async () => {`,
    `console.log('CJS without msw: the client requires and calls a portal');\n})().catch((error) => { console.error(error); process.exit(1); });`,
  ),
};
