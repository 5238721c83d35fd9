import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockPortal, type MockPortal, type MockPortalOptions } from 'wb-grievance/mocks';

// msw 2 reads onUnhandledRequest and msw 3 onUnhandledFrame; each ignores the other.
const UNHANDLED_IS_AN_ERROR = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;

/** An msw server for one test file; each test adds its own portal's handlers. */
export function useServer() {
  const server = setupServer();
  beforeAll(() => server.listen(UNHANDLED_IS_AN_ERROR));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A fresh portal served by `server` for the current test only. */
export function servePortal(server: ReturnType<typeof setupServer>, options?: MockPortalOptions) {
  const portal = createMockPortal(options);
  server.use(...portal.handlers);
  return portal;
}

/** A clock a test moves by hand. */
export function manualClock(start = '2026-12-03T19:06:46+05:30') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

// Replies are read loosely in tests (`reply.body.error.code`); each test asserts the shape it needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface Reply<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** JSON, unless FormData, a string or bytes (sent as they are). */
  body?: unknown;
}

/** A request to the portal with plain fetch. */
export async function call<T = Loose>(
  portal: MockPortal,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);

  let body: BodyInit | undefined;
  // ArrayBuffer.isView, not instanceof: under jsdom the bytes may come from another realm.
  if (
    options.body instanceof FormData ||
    ArrayBuffer.isView(options.body) ||
    typeof options.body === 'string'
  ) {
    body = options.body as BodyInit;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('Content-Type', 'application/json');
  }

  const response = await fetch(`${portal.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export const MOBILE = '+919830012345';
export const OTHER_MOBILE = '+919433098765';

/** Signs in with an OTP read from the portal's outbox; returns the access token. */
export async function signIn(portal: MockPortal, mobile = MOBILE): Promise<string> {
  const otp = await call(portal, 'POST', '/v1/auth/otp', { body: { mobile, purpose: 'login' } });
  if (otp.status !== 202) throw new Error(`OTP request failed: ${otp.text}`);

  const session = await call(portal, 'POST', '/v1/auth/otp/verify', {
    body: { otpRequestId: otp.body.otpRequestId, otp: portal.lastOtp(mobile) },
  });
  if (session.status !== 200) throw new Error(`OTP verification failed: ${session.text}`);
  return session.body.accessToken;
}

export const GRIEVANCE = {
  subject: 'Street light',
  description: 'The street light outside 12 Lake Road has been dark for a month.',
  district: 'HOWRAH',
  language: 'en',
  attachmentIds: [],
};

/** Files a grievance and returns it (wire form). */
export async function submit(
  portal: MockPortal,
  token: string,
  changes: Record<string, unknown> = {},
) {
  const reply = await call(portal, 'POST', '/v1/grievances', {
    token,
    body: { ...GRIEVANCE, ...changes },
  });
  if (reply.status !== 201) throw new Error(`Submission failed: ${reply.text}`);
  return reply.body;
}

/** The smallest bytes each accepted type starts with. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n%mock\n');
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

export function uploadForm(bytes: Uint8Array, fileName: string, kind = 'document'): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName), fileName);
  form.set('kind', kind);
  return form;
}

/**
 * A multipart body written by hand, for environments whose FormData and File a fetch cannot
 * send (jsdom). Returns the body and the Content-Type with its boundary.
 */
export function multipart(bytes: Uint8Array, fileName: string, kind = 'document') {
  const boundary = 'mock-portal-test-boundary';
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/;
