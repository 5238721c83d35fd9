import { http, HttpResponse, type HttpHandler } from 'msw';
import { Timestamp } from '../contract/common.js';
import { isValidMobile, normalizeMobile } from '../identifiers.js';
import type { PortalFault } from './faults.js';
import { MockPortalError } from './mock-portal-error.js';
import type { MockPortal } from './portal.js';
import type { PortalSeed } from './seed.js';
import type { StatusCode, StatusUpdate } from './transitions.js';

/**
 * Where the control API lives. The contract's routes are all under `/v1`, so nothing a client
 * calls can land here by accident.
 */
export const CONTROL_PATH = '/__control';

const ROUTES = [
  'GET /__control/health',
  'GET /__control/outbox[?mobile=]',
  'GET /__control/grievances',
  'POST /__control/grievances/{grievanceId}/status',
  'POST /__control/seed',
  'POST /__control/faults',
  'POST /__control/faults/clear',
  'POST /__control/reset',
];

const UPDATE_KEYS = new Set(['status', 'departmentCode', 'note', 'at']);

class ControlRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as never, { status });
}

function refusal(status: number, code: string, message: string): Response {
  return json({ error: { code, message, status } }, status);
}

async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ControlRefusal(400, 'VALIDATION_FAILED', 'The body must be JSON.');
  }
}

function plainObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlRefusal(400, 'VALIDATION_FAILED', `The body must be a JSON object: ${what}.`);
  }
  return value as Record<string, unknown>;
}

function statusUpdateOf(value: unknown): { status: StatusCode; update: StatusUpdate } {
  const body = plainObject(value, '{ status, departmentCode?, note?, at? }');
  for (const key of Object.keys(body)) {
    if (!UPDATE_KEYS.has(key)) {
      throw new ControlRefusal(
        400,
        'VALIDATION_FAILED',
        `Unknown field "${key}"; send { status, departmentCode?, note?, at? }.`,
      );
    }
  }
  for (const key of UPDATE_KEYS) {
    if (body[key] !== undefined && typeof body[key] !== 'string') {
      throw new ControlRefusal(400, 'VALIDATION_FAILED', `"${key}" must be a string.`);
    }
  }
  if (body.status === undefined) {
    throw new ControlRefusal(400, 'VALIDATION_FAILED', '"status" is required, e.g. "FORWARDED".');
  }

  if (body.at !== undefined && !Timestamp.safeParse(body.at).success) {
    throw new ControlRefusal(
      400,
      'VALIDATION_FAILED',
      '"at" must be an RFC 3339 timestamp with an offset, e.g. "2026-12-03T10:00:00+05:30".',
    );
  }

  const update: StatusUpdate = {};
  if (body.departmentCode !== undefined) update.departmentCode = body.departmentCode as string;
  if (body.note !== undefined) update.note = body.note as string;
  if (body.at !== undefined) update.at = new Date(body.at as string);
  return { status: body.status as StatusCode, update };
}

/**
 * A fault from JSON, which cannot write Infinity: `"times": null` (what `JSON.stringify` makes
 * of Infinity) fails every matching request until the faults are cleared.
 */
function faultOf(body: Record<string, unknown>): PortalFault {
  const { times } = body;
  if (times === null) return { ...body, times: Infinity } as unknown as PortalFault;
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1)) {
    throw new ControlRefusal(
      400,
      'VALIDATION_FAILED',
      '"times" must be a whole number of 1 or more, or null to fail every matching request ' +
        'until the faults are cleared.',
    );
  }
  return body as unknown as PortalFault;
}

/** Runs one control action, turning the portal's refusals into JSON answers. */
async function answer(work: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ControlRefusal) return refusal(error.status, error.code, error.message);
    if (error instanceof MockPortalError) return refusal(400, 'REFUSED', error.message);
    throw error;
  }
}

/**
 * msw handlers for a control API beside the portal, so that a test written in any language
 * can drive it over HTTP: move a grievance on as an officer would, seed, inject faults, read
 * the SMS outbox, reset. They go before the portal's own handlers.
 */
export function controlHandlers(portal: MockPortal): HttpHandler[] {
  const at = (path: string) => `${portal.baseUrl}${CONTROL_PATH}${path}`;

  return [
    http.get(at('/health'), () => json({ ok: true, baseUrl: portal.baseUrl })),

    http.get(at('/outbox'), ({ request }) =>
      answer(() => {
        const mobile = new URL(request.url).searchParams.get('mobile');
        if (mobile !== null && !isValidMobile(mobile)) {
          throw new ControlRefusal(
            400,
            'VALIDATION_FAILED',
            '"mobile" must be an Indian mobile number.',
          );
        }
        const wanted = mobile === null ? undefined : normalizeMobile(mobile);
        const items = portal.outbox.filter((sms) => wanted === undefined || sms.mobile === wanted);
        return json({ items });
      }),
    ),

    http.get(at('/grievances'), () => json({ items: portal.grievances() })),

    http.post(at('/grievances/:grievanceId/status'), ({ request, params }) =>
      answer(async () => {
        const grievanceId = String(params.grievanceId);
        const { status, update } = statusUpdateOf(await bodyOf(request));
        if (!portal.grievances().some((g) => g.grievanceId === grievanceId)) {
          throw new ControlRefusal(
            404,
            'GRIEVANCE_NOT_FOUND',
            `No grievance ${grievanceId} in this portal.`,
          );
        }
        return json(portal.updateStatus(grievanceId, status, update));
      }),
    ),

    http.post(at('/seed'), ({ request }) =>
      answer(async () => json(portal.seed((await bodyOf(request)) as PortalSeed), 201)),
    ),

    http.post(at('/faults'), ({ request }) =>
      answer(async () => {
        const fault = plainObject(await bodyOf(request), 'a fault such as { call, status }');
        const injected = portal.inject(faultOf(fault));
        // JSON has no Infinity: a fault that lasts until cleared has `remaining: null`.
        return json({ remaining: injected.remaining }, 201);
      }),
    ),

    http.post(at('/faults/clear'), () => {
      portal.clearFaults();
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(at('/reset'), () => {
      portal.reset();
      return new HttpResponse(null, { status: 204 });
    }),

    http.all(at('/*'), () =>
      refusal(
        404,
        'NOT_FOUND',
        `No such control route. The control API has: ${ROUTES.join(', ')}.`,
      ),
    ),
  ];
}
