/**
 * The mock portal as a real HTTP server on this machine, for apps in development and for
 * tests written in any language. The `wb-grievance-mock` command starts one.
 *
 * @packageDocumentation
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { maskMobile } from '../identifiers.js';
import { CONTROL_PATH, controlHandlers } from './control.js';
import { corsPolicy, isPreflight, withCors, type CorsPolicy } from './cors.js';
import { MockPortalError } from './mock-portal-error.js';
import type { MockPortalOptions, SentSms } from './options.js';
import { createMockPortal, type MockPortal } from './portal.js';
import type { PortalSeed } from './seed.js';

/** How to start a {@link startMockServer | mock server}. Every field is optional. */
export interface MockServerOptions {
  /** The port to listen on. Default 0: a free port, read back from `url`. */
  port?: number;
  /** The interface to listen on. Default `'127.0.0.1'`: this machine only. */
  host?: string;
  /**
   * A portal to serve, e.g. one a test made and seeded. Default: a new one whose `baseUrl` is
   * the server's own URL. Requests reach a given portal whatever its `baseUrl`.
   */
  portal?: MockPortal;
  /** Options for the new portal when no `portal` is given (`baseUrl` is the server's). */
  portalOptions?: Omit<MockPortalOptions, 'baseUrl'>;
  /** Citizens and grievances to start with. */
  seed?: PortalSeed;
  /**
   * Pages elsewhere that may call the contract's routes, e.g.
   * `['https://app.example.dev', 'http://192.168.1.20:5173']`, or `'*'` for any. Pages on this
   * machine (`http(s)://localhost`, `127.0.0.1`, `[::1]`, any port) and callers that send no
   * `Origin` (curl, test runners) are always answered. The control API answers only those,
   * whatever this says: it has no authentication and hands out OTPs. Default: none.
   */
  corsOrigins?: readonly string[] | '*';
  /**
   * Receives a line for each request answered and each SMS the new portal sends, OTP included
   * (it is the mock's outbox, the only way to read an OTP at a terminal). Default: silent.
   * Headers and bodies are never written.
   */
  log?: (line: string) => void;
}

/** A running mock server. See {@link startMockServer}. */
export interface MockServer {
  /** Where it listens, e.g. `http://127.0.0.1:4010`: the client's `baseUrl`. */
  readonly url: string;
  /** The portal it serves. */
  readonly portal: MockPortal;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

const OPTION_KEYS = new Set([
  'port',
  'host',
  'portal',
  'portalOptions',
  'seed',
  'log',
  'corsOrigins',
]);
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

/**
 * Starts the mock portal as an HTTP server: the contract's routes under `/v1`, answered by the
 * same msw handlers as in tests, and a control API under `/__control` (see docs/mock-server.md).
 * It is for development on this machine: the control API has no authentication. Pages on this
 * machine may call it with CORS; `corsOrigins` opens the contract's routes to others.
 *
 * @example
 * import { startMockServer } from 'wb-grievance/mocks/server';
 *
 * const server = await startMockServer({ port: 4010, portalOptions: { otp: '123456' } });
 * const client = new GrievanceClient({ baseUrl: server.url });
 * // ...
 * await server.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new MockPortalError(`Unknown mock server option "${key}".`);
  }
  if (options.portal && options.portalOptions) {
    throw new MockPortalError('Give startMockServer() a portal or portalOptions, not both.');
  }
  const cors = corsPolicy(options.corsOrigins);

  const log = options.log;
  const host = options.host ?? '127.0.0.1';
  let serve: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => serve(req, res));

  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;

  const portal =
    options.portal ??
    createMockPortal({
      ...options.portalOptions,
      baseUrl: url,
      onOtp: (sms) => {
        options.portalOptions?.onOtp?.(sms);
        log?.(smsLine(sms));
      },
    });

  try {
    if (options.seed) portal.seed(options.seed);
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  const handlers = [...controlHandlers(portal), ...portal.handlers];
  serve = (req, res) => {
    const started = Date.now();
    answer(req, res, portal.baseUrl, handlers, cors).then(
      (status) => log?.(requestLine(req, status, Date.now() - started)),
      () => res.destroy(),
    );
  };

  return { url, portal, close: () => closeServer(server) };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new MockPortalError(
            `Port ${port} on ${host} is in use. Choose another, or 0 for any free one.`,
            {
              cause: error,
            },
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve());
  });
}

function closeServer(server: ReturnType<typeof createServer>) {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** A host as it appears in a URL; a server on every interface is reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Serves one request; resolves with the status sent, 0 when the connection was dropped. */
async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  baseUrl: string,
  handlers: Parameters<typeof getResponse>[0],
  cors: CorsPolicy,
): Promise<number> {
  const request = await toFetchRequest(req, baseUrl);
  if (typeof request === 'number') {
    res.writeHead(request, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { code: 'ATTACHMENT_TOO_LARGE', message: 'The body is too large.', status: request },
      }),
    );
    return request;
  }

  const controlPrefix = `${new URL(baseUrl).pathname.replace(/\/$/, '')}${CONTROL_PATH}/`;
  const isControl = new URL(request.url).pathname.startsWith(controlPrefix);
  const allowed = cors.allows(request.headers.get('Origin'), isControl);
  let response: Response | undefined;
  if (isControl && !allowed) response = controlRefused();
  else if (isControl && isPreflight(request)) response = new Response(null, { status: 204 });
  else response = await getResponse(handlers, request);

  // An injected network fault: end the connection without an answer, as a dropped one would.
  if (response?.type === 'error') {
    res.destroy();
    return 0;
  }

  const reply =
    response ??
    Response.json(
      { error: { code: 'NOT_FOUND', message: 'No such route.', status: 404 } },
      { status: 404 },
    );
  const body = Buffer.from(await reply.arrayBuffer());
  const headers = withCors(reply.headers, request, allowed);
  headers.set('Content-Length', String(body.length));
  res.writeHead(reply.status, Object.fromEntries(headers));
  res.end(body);
  return reply.status;
}

/**
 * The request as msw expects it, addressed to the portal's `baseUrl` whatever host the
 * caller used (`localhost`, `127.0.0.1`, a LAN address), or 413 when the body is too large.
 */
async function toFetchRequest(req: IncomingMessage, baseUrl: string): Promise<Request | number> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1]!);
  }

  const method = req.method ?? 'GET';
  const target = req.url?.startsWith('/') ? req.url : '/';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return 413;
      chunks.push(chunk);
    }
    init.body = Buffer.concat(chunks);
  }
  return new Request(`${baseUrl}${target}`, init);
}

/**
 * The answer to a page elsewhere calling the control API: refused before it does anything, so
 * that a form or a no-cors fetch cannot reset the portal or inject faults either.
 */
function controlRefused(): Response {
  // TODO(DNS rebinding): a page whose host name resolves to 127.0.0.1 is same-origin and sends
  // no Origin on GET; checking the Host header would stop it but break docker-compose names.
  const message =
    'The control API answers only pages on this machine (http://localhost, 127.0.0.1 or ' +
    '[::1], any port) and callers that send no Origin, such as curl and test runners: it has ' +
    'no authentication.';
  return Response.json({ error: { code: 'FORBIDDEN', message, status: 403 } }, { status: 403 });
}

function requestLine(req: IncomingMessage, status: number, ms: number): string {
  const path = (req.url ?? '/').split('?')[0];
  return `${req.method ?? 'GET'} ${path} ${status === 0 ? 'dropped' : status} ${ms}ms`;
}

function smsLine(sms: SentSms): string {
  return `SMS to ${maskMobile(sms.mobile)}: ${sms.otp} is your OTP for the grievance portal (mock).`;
}
