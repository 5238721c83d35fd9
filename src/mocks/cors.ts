import { MockPortalError } from './mock-portal-error.js';

/**
 * Which web pages may read the local mock server's answers. Pages on this machine always may;
 * `corsOrigins` adds others for the contract's routes only. The control API has no
 * authentication and hands out OTPs, so no other page ever reaches it.
 */
export interface CorsPolicy {
  /** Whether a request with this `Origin` (null: none, as from curl) may be answered with CORS. */
  allows(origin: string | null, control: boolean): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `http(s)://localhost`, `127.0.0.1` or `[::1]`, on any port: a page served by this machine. */
export function isLoopbackOrigin(origin: string): boolean {
  const url = originUrl(origin);
  return url !== undefined && LOOPBACK_HOSTS.has(url.hostname);
}

function originUrl(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    return web && url.origin === origin ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The policy for the `corsOrigins` option, refused with a MockPortalError when malformed. */
export function corsPolicy(corsOrigins: readonly string[] | '*' | undefined): CorsPolicy {
  const any = corsOrigins === '*';
  const extra = new Set(any || corsOrigins === undefined ? [] : checked(corsOrigins));

  return {
    allows(origin, control) {
      if (origin === null || isLoopbackOrigin(origin)) return true;
      if (control) return false;
      return any || extra.has(origin);
    },
  };
}

function checked(corsOrigins: unknown): string[] {
  if (!Array.isArray(corsOrigins)) {
    throw new MockPortalError(
      "corsOrigins must be a list of origins, e.g. ['https://app.example.dev'], or '*'.",
    );
  }
  for (const origin of corsOrigins) {
    if (typeof origin !== 'string' || originUrl(origin) === undefined) {
      throw new MockPortalError(
        `"${String(origin)}" is not an origin; write one as scheme://host[:port] with no path ` +
          "or trailing slash, e.g. http://192.168.1.20:5173, or allow every origin with '*'.",
      );
    }
  }
  return corsOrigins as string[];
}

/**
 * The answer's headers with CORS for an allowed origin: the portal's own, widened on
 * preflights to whatever the page asks for (headers an app adds, Chrome's private-network
 * check when a page elsewhere calls this machine). For any other origin every
 * `Access-Control-*` header goes, so that the browser keeps the answer from the page.
 */
export function withCors(source: Headers, request: Request, allowed: boolean): Headers {
  const headers = new Headers(source);
  if (!allowed) {
    for (const name of [...headers.keys()]) {
      if (name.startsWith('access-control-')) headers.delete(name);
    }
    return headers;
  }

  const origin = request.headers.get('Origin');
  headers.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin !== null) headers.set('Vary', 'Origin');
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

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method');
}
