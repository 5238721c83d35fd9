import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { GrievanceClient, NetworkError, ServerUnavailableError } from 'wb-grievance';
import { MockPortalError, createMockPortal } from 'wb-grievance/mocks';
import { startMockServer, type MockServer } from 'wb-grievance/mocks/server';
import { DESCRIPTION, FILES, MOBILE } from './support.js';

const CLI = fileURLToPath(new URL('../dist/mocks/cli.js', import.meta.url));
const SEED_FILE = fileURLToPath(new URL('../examples/mock-server/portal.json', import.meta.url));

const running: MockServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startMockServer>[0] = {}) {
  const server = await startMockServer({ port: 0, ...options });
  running.push(server);
  return server;
}

async function control(server: MockServer, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/__control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined && {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function preflight(server: MockServer, path: string, origin: string) {
  return fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,x-app-version',
      'Access-Control-Request-Private-Network': 'true',
    },
  });
}

async function signIn(server: MockServer, mobile = MOBILE) {
  const client = new GrievanceClient({ baseUrl: server.url, maxRetries: 0 });
  const { otpRequestId } = await client.auth.requestOtp({ mobile });
  const outbox = await control(server, `/outbox?mobile=${encodeURIComponent(mobile)}`);
  await client.auth.verifyOtp({ otpRequestId, otp: outbox.body.items.at(-1).otp });
  return client;
}

describe('the local mock server', () => {
  it('serves the whole citizen flow over real HTTP and prints OTPs as SMS', async () => {
    const lines: string[] = [];
    const server = await start({ log: (line) => lines.push(line) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.portal.baseUrl).toBe(server.url);

    const client = await signIn(server);
    const otp = server.portal.lastOtp(MOBILE);
    const sms = lines.find((line) => line.startsWith('SMS '));
    expect(sms).toContain(otp);
    expect(sms).toContain('******2345');
    expect(lines.join('\n')).not.toContain('9830012345');

    const filed = await client.grievances.submit({
      description: DESCRIPTION,
      district: 'KOLKATA',
      attachments: [{ file: new Blob([FILES.png]), kind: 'photo', fileName: 'lamp.png' }],
    });
    expect(filed.attachments[0]).toMatchObject({
      fileName: 'lamp.png',
      sizeBytes: FILES.png.length,
    });

    const moved = await control(server, `/grievances/${filed.grievanceId}/status`, {
      status: 'FORWARDED',
      departmentCode: 'POWER',
      note: 'sent to the department',
    });
    expect(moved.status).toBe(200);
    expect((await client.grievances.get(filed.grievanceId)).forwardedTo?.departmentCode).toBe(
      'POWER',
    );

    const history = await client.grievances.events(filed.grievanceId);
    expect(history.map((event) => event.status)).toEqual(['RECEIVED', 'FORWARDED']);
    const reminder = await client.grievances.remind(filed.grievanceId);
    expect(reminder.reminderCount).toBe(1);
    await client.auth.logout();

    expect(
      lines.some((line) => line.startsWith(`GET /v1/grievances/${filed.grievanceId} 200 `)),
    ).toBe(true);
  });

  it('moves grievances, seeds, injects faults and resets through the control API', async () => {
    const server = await start();
    const seeded = await control(server, '/seed', {
      grievances: [{ mobile: MOBILE, description: DESCRIPTION, district: 'NADIA' }],
    });
    expect(seeded.status).toBe(201);
    const [grievance] = seeded.body.grievances;

    const refused = await control(server, `/grievances/${grievance.grievanceId}/status`, {
      status: 'RESOLVED',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('cannot move from RECEIVED to RESOLVED');
    expect(
      (await control(server, '/grievances/NO-SUCH-1/status', { status: 'CLOSED' })).status,
    ).toBe(404);
    expect(
      (await control(server, `/grievances/${grievance.grievanceId}/status`, { state: 'CLOSED' }))
        .status,
    ).toBe(400);

    const client = await signIn(server);
    expect((await control(server, '/faults', { call: 'grievances.get', status: 503 })).status).toBe(
      201,
    );
    await expect(client.grievances.get(grievance.grievanceId)).rejects.toBeInstanceOf(
      ServerUnavailableError,
    );
    expect((await client.grievances.get(grievance.grievanceId)).status).toBe('RECEIVED');

    await control(server, '/faults', { call: 'catalog.districts', network: 'drop' });
    await expect(client.catalog.districts()).rejects.toBeInstanceOf(NetworkError);

    expect((await control(server, '/reset', {})).status).toBe(204);
    expect((await control(server, '/grievances')).body.items).toEqual([]);
    expect((await control(server, '/unknown')).body.error.message).toContain(
      'POST /__control/reset',
    );
  });

  it('dates a status change with at, and refuses one out of order or not a timestamp', async () => {
    const now = new Date('2026-12-03T19:06:46+05:30');
    const server = await start({ portalOptions: { now: () => now } });
    const seeded = await control(server, '/seed', {
      grievances: [
        {
          mobile: MOBILE,
          description: DESCRIPTION,
          district: 'NADIA',
          submittedAt: '2026-12-01T10:00:00+05:30',
        },
      ],
    });
    const path = `/grievances/${seeded.body.grievances[0].grievanceId}/status`;

    const garbage = await control(server, path, { status: 'UNDER_PROCESS', at: 'yesterday' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toContain('"at" must be an RFC 3339 timestamp');
    const early = await control(server, path, { status: 'CLOSED', at: '2026-11-30T10:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('last changed (2026-12-01T10:00:00+05:30)');

    const moved = await control(server, path, {
      status: 'UNDER_PROCESS',
      at: '2026-12-02T09:00:00+05:30',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.updatedAt).toBe('2026-12-02T09:00:00+05:30');
    expect((await control(server, '/grievances')).body.items[0].status).toBe('UNDER_PROCESS');
  });

  it('takes "times": null for a fault that lasts until cleared, as JSON writes Infinity', async () => {
    const server = await start();
    const client = await signIn(server);
    const forever = JSON.parse(
      JSON.stringify({ call: 'catalog.districts', status: 503, times: Infinity }),
    );

    const injected = await control(server, '/faults', forever);
    expect(injected).toEqual({ status: 201, body: { remaining: null } });
    for (let i = 0; i < 3; i++) {
      await expect(client.catalog.districts()).rejects.toBeInstanceOf(ServerUnavailableError);
    }
    await control(server, '/faults/clear', {});
    await expect(client.catalog.districts()).resolves.not.toHaveLength(0);

    const text = await control(server, '/faults', { ...forever, times: 'Infinity' });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain('or null to fail every matching request');
  });

  it('answers CORS for pages on this machine, and refuses the control API to any other page', async () => {
    const server = await start({ portalOptions: { otp: '123456' } });
    const seeded = {
      grievances: [{ mobile: MOBILE, description: DESCRIPTION, district: 'NADIA' }],
    };
    server.portal.seed(seeded);
    await fetch(`${server.url}/v1/auth/otp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mobile: '+919830012345', purpose: 'login' }),
    });
    for (const origin of ['http://localhost:5173', 'https://127.0.0.1:3000', 'http://[::1]:8080']) {
      for (const path of ['/v1/grievances', '/__control/reset']) {
        const response = await preflight(server, path, origin);
        expect(response.status, `${origin} ${path}`).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
        expect(response.headers.get('access-control-allow-headers')).toContain('x-app-version');
        expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      }
    }

    for (const origin of ['https://evil.example', 'http://localhost.evil.example']) {
      const outbox = await fetch(`${server.url}/__control/outbox`, { headers: { Origin: origin } });
      expect(outbox.status).toBe(403);
      expect(outbox.headers.get('access-control-allow-origin')).toBeNull();
      expect(await outbox.text()).not.toContain('123456');
      const reset = await fetch(`${server.url}/__control/reset`, {
        method: 'POST',
        headers: { Origin: origin },
      });
      expect(reset.status).toBe(403);

      const contract = await fetch(`${server.url}/v1/catalog/districts`, {
        headers: { Origin: origin },
      });
      expect(contract.status).toBe(200);
      expect(contract.headers.get('access-control-allow-origin')).toBeNull();
      const asked = await preflight(server, '/v1/grievances', origin);
      expect(asked.headers.get('access-control-allow-origin')).toBeNull();
      expect(asked.headers.get('access-control-allow-private-network')).toBeNull();
    }
    expect(server.portal.grievances()).toHaveLength(1);
    expect((await control(server, '/outbox')).body.items[0].otp).toBe('123456');
  });

  it('opens the contract routes to corsOrigins, never the control API', async () => {
    const app = 'https://app.example.dev';
    const listed = await start({ corsOrigins: [app] });
    const districts = (server: MockServer, origin: string) =>
      fetch(`${server.url}/v1/catalog/districts`, { headers: { Origin: origin } });

    expect((await districts(listed, app)).headers.get('access-control-allow-origin')).toBe(app);
    const asked = await preflight(listed, '/v1/grievances', app);
    expect(asked.headers.get('access-control-allow-private-network')).toBe('true');
    const other = await districts(listed, 'https://other.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(listed, '/__control/outbox', app)).status).toBe(403);

    const open = await start({ corsOrigins: '*' });
    const anyPage = await districts(open, 'https://other.example');
    expect(anyPage.headers.get('access-control-allow-origin')).toBe('https://other.example');
    const control = await fetch(`${open.url}/__control/outbox`, { headers: { Origin: app } });
    expect(control.status).toBe(403);

    for (const corsOrigins of [['app.example.dev'], [`${app}/`], 'https://a.dev', [5]]) {
      await expect(start({ corsOrigins: corsOrigins as never })).rejects.toThrow(MockPortalError);
    }
  });

  it('serves a given, seeded portal at whatever host name the caller uses', async () => {
    const portal = createMockPortal({ otp: '123456' });
    const server = await start({
      portal,
      seed: {
        grievances: [
          { mobile: MOBILE, description: DESCRIPTION, district: 'HOWRAH', status: 'UNDER_PROCESS' },
        ],
      },
    });
    expect(portal.baseUrl).not.toBe(server.url);

    const client = new GrievanceClient({ baseUrl: server.url.replace('127.0.0.1', 'localhost') });
    const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
    await client.auth.verifyOtp({ otpRequestId, otp: '123456' });
    const mine = [];
    for await (const g of client.grievances.list()) mine.push(g.status);
    expect(mine).toEqual(['UNDER_PROCESS']);
  });

  it('refuses unknown options, a bad seed and a port in use, saying what to do', async () => {
    await expect(startMockServer({ prot: 4010 } as never)).rejects.toThrow(
      'Unknown mock server option "prot"',
    );
    await expect(
      start({
        seed: { grievances: [{ mobile: MOBILE, description: 'short', district: 'NADIA' }] },
      }),
    ).rejects.toThrow(MockPortalError);

    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(start({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is in use`);
  });
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const found = /listening on (http:\/\/\S+)/.exec(stdout);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new Error(`the CLI exited: ${stderr}`)));
  });
  url.catch(() => undefined); // a run that is expected to fail never prints a URL
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('the wb-grievance-mock command', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves a seed file, prints OTPs as SMS and exits 0 on %s',
    async (signal) => {
      const cli = runCli(['--port', '0', '--seed', SEED_FILE, '--otp', '654321']);
      const url = await cli.url;

      const client = new GrievanceClient({ baseUrl: url });
      const { otpRequestId } = await client.auth.requestOtp({ mobile: MOBILE });
      await client.auth.verifyOtp({ otpRequestId, otp: '654321' });
      const statuses = [];
      for await (const g of client.grievances.list()) statuses.push(g.status);
      expect(statuses.sort()).toEqual(['FORWARDED', 'RESOLVED']);

      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.output().stdout).toContain('SMS to ******2345: 654321');
      expect(cli.output().stdout).toContain('2 grievance(s) seeded');
    },
  );

  it('opens /v1 to each --cors-origin page, and the control API to none of them', async () => {
    const app = 'http://192.168.1.20:5173';
    const cli = runCli(['--port', '0', '--cors-origin', app, '--cors-origin', 'https://a.dev']);
    const url = await cli.url;

    const contract = await fetch(`${url}/v1/catalog/districts`, { headers: { Origin: app } });
    const outbox = await fetch(`${url}/__control/outbox`, { headers: { Origin: app } });
    cli.child.kill('SIGTERM');
    await cli.exited;

    expect(contract.headers.get('access-control-allow-origin')).toBe(app);
    expect(outbox.status).toBe(403);
  });

  it('exits 2 with the usage for an unknown flag, and 1 for a missing seed file', async () => {
    const unknown = runCli(['--prot', '4010']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.output().stderr).toContain('Usage: wb-grievance-mock');

    const missing = runCli(['--port', '0', '--seed', 'no-such-file.json']);
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr).toContain(
      'cannot read the seed file no-such-file.json (ENOENT)',
    );
  });
});
