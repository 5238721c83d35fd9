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

const OPTION_KEYS = new Set(['port', 'host', 'portal', 'portalOptions', 'seed', 'log']);
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

/**
 * Starts the mock portal as an HTTP server: the contract's routes under `/v1`, answered by the
 * same msw handlers as in tests, and a control API under `/__control` (see docs/mock-server.md).
 * Responses carry CORS headers for any origin, so that an app in development can call it.
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
    answer(req, res, portal.baseUrl, handlers).then(
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
  const response =
    isControl && isPreflight(request)
      ? new Response(null, { status: 204 })
      : await getResponse(handlers, request);

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
  const headers = withCors(reply.headers, request);
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

function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method');
}

/**
 * CORS for an app in development on any origin: the portal's own headers, widened on
 * preflights to whatever the page asks for (headers an app adds, Chrome's private-network
 * check when a public page calls this machine).
 */
function withCors(source: Headers, request: Request): Headers {
  const headers = new Headers(source);
  headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*');
  if (request.headers.has('Origin')) headers.set('Vary', 'Origin');
  if (!isPreflight(request)) return headers;

  headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  const asked = request.headers.get('Access-Control-Request-Headers');
  if (asked) headers.set('Access-Control-Allow-Headers', asked);
  if (request.headers.get('Access-Control-Request-Private-Network') === 'true') {
    headers.set('Access-Control-Allow-Private-Network', 'true');
  }
  headers.set('Access-Control-Max-Age', '600');
  return headers;
}

function requestLine(req: IncomingMessage, status: number, ms: number): string {
  const path = (req.url ?? '/').split('?')[0];
  return `${req.method ?? 'GET'} ${path} ${status === 0 ? 'dropped' : status} ${ms}ms`;
}

function smsLine(sms: SentSms): string {
  return `SMS to ${maskMobile(sms.mobile)}: ${sms.otp} is your OTP for the grievance portal (mock).`;
}
