#!/usr/bin/env node
/**
 * `wb-grievance-mock`: the mock portal as a local HTTP server.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { MockServer } from './server.js';

const USAGE = `Usage: wb-grievance-mock [--port 4010] [--host 127.0.0.1] [--seed portal.json] [--otp 123456]
                         [--cors-origin https://app.example.dev]... [--quiet]

Serves the wb-grievance mock portal over HTTP for development on this machine: the contract's
routes under /v1 and a control API under /__control, which has no authentication. Pages on
this machine (localhost, 127.0.0.1, [::1]) may call both; OTPs are printed as the SMS outbox.

  -p, --port         port to listen on (default 4010; 0 picks a free one)
      --host         interface to listen on (default 127.0.0.1, this machine only)
  -s, --seed         JSON file of citizens and grievances to start with
      --otp          the OTP every SMS carries (6 digits), instead of random ones
      --cors-origin  a page elsewhere that may call /v1 (never /__control), e.g.
                     http://192.168.1.20:5173; repeat for more, '*' for any
  -q, --quiet        do not print a line per request (SMS are still printed)
  -h, --help         show this help`;

function fail(message: string, exitCode: number): never {
  console.error(`wb-grievance-mock: ${message}`);
  process.exit(exitCode);
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', short: 's' },
        otp: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
}

async function readSeed(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    fail(`cannot read the seed file ${path} (${(error as NodeJS.ErrnoException).code}).`, 1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`the seed file ${path} is not JSON: ${(error as Error).message}`, 1);
  }
}

/** The server entry, loaded late so that a missing msw (an optional peer) gets a clear message. */
async function loadServer() {
  try {
    return await import('./server.js');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (missing && /\bmsw\b/.test((error as Error).message)) {
      fail('the mock portal needs msw next to wb-grievance: npm install --save-dev msw', 1);
    }
    throw error;
  }
}

async function main() {
  const args = parse();
  if (args.help) {
    console.log(USAGE);
    return;
  }

  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    fail(`--port must be a whole number from 0 to 65535; got "${args.port}".`, 2);
  }
  const seed = args.seed === undefined ? undefined : await readSeed(args.seed);
  const listed = args['cors-origin'];
  const corsOrigins = listed?.includes('*') ? '*' : listed;

  const { startMockServer } = await loadServer();
  let server: MockServer;
  try {
    server = await startMockServer({
      port,
      host: args.host,
      ...(args.otp !== undefined && { portalOptions: { otp: args.otp } }),
      ...(corsOrigins !== undefined && { corsOrigins }),
      ...(seed !== undefined && { seed }),
      log: (line) => {
        if (!args.quiet || line.startsWith('SMS ')) console.log(line);
      },
    });
  } catch (error) {
    fail((error as Error).message, 1);
  }

  const seeded = server.portal.grievances().length;
  console.log(`wb-grievance mock portal listening on ${server.url}`);
  console.log(
    `  API ${server.url}/v1 · control ${server.url}/__control · ${seeded} grievance(s) seeded`,
  );
  console.log('  Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the mock portal.`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => fail(`could not close cleanly: ${error.message}`, 1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
