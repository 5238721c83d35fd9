import { http, type HttpHandler } from 'msw';
import { OtpRequestBody, OtpVerifyBody } from '../contract/auth.js';
import { RegistrationBody } from '../contract/citizens.js';
import { ListGrievancesQuery, ReminderBody, SubmitGrievanceBody } from '../contract/grievances.js';
import { readUpload, storeAttachment, uploadFingerprint } from './attachments.js';
import { authenticate, logout, requestOtp, verifyOtp } from './auth.js';
import { DEPARTMENTS, DISTRICTS, catalogPage } from './catalog.js';
import { registerCitizen } from './citizens.js';
import type { PortalCall } from './faults.js';
import {
  ownGrievance,
  remind,
  submitGrievance,
  toWireEvent,
  toWireGrievance,
} from './grievances.js';
import { idempotencyKeyOf, once, stableStringify } from './idempotency.js';
import { listPage } from './paging.js';
import { PortalRefusal } from './refusal.js';
import { preflightAnswer, type Answer } from './respond.js';
import { serve } from './serve.js';
import { toWireCitizen, type PortalState } from './state.js';
import { parseWith, readJson, readQuery } from './validate.js';

interface Route {
  method: 'get' | 'post';
  path: string;
  call: PortalCall;
  handle: (state: PortalState, request: Request, grievanceId: string) => Answer | Promise<Answer>;
}

const ROUTES: readonly Route[] = [
  {
    method: 'post',
    path: '/v1/auth/otp',
    call: 'auth.requestOtp',
    async handle(state, request) {
      const body = parseWith(OtpRequestBody, await readJson(request));
      return { status: 202, body: requestOtp(state, body.mobile) };
    },
  },
  {
    method: 'post',
    path: '/v1/auth/otp/verify',
    call: 'auth.verifyOtp',
    async handle(state, request) {
      const body = parseWith(OtpVerifyBody, await readJson(request));
      return { status: 200, body: verifyOtp(state, body.otpRequestId, body.otp) };
    },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    call: 'auth.logout',
    handle(state, request) {
      logout(state, authenticate(state, request));
      return { status: 204 };
    },
  },
  {
    method: 'post',
    path: '/v1/citizens',
    call: 'citizens.register',
    async handle(state, request) {
      const { citizen } = authenticate(state, request);
      const body = parseWith(RegistrationBody, await readJson(request));
      return { status: 201, body: registerCitizen(citizen, body) };
    },
  },
  {
    method: 'get',
    path: '/v1/citizens/me',
    call: 'citizens.me',
    handle(state, request) {
      return { status: 200, body: toWireCitizen(authenticate(state, request).citizen) };
    },
  },
  {
    method: 'get',
    path: '/v1/catalog/districts',
    call: 'catalog.districts',
    handle: () => ({ status: 200, body: catalogPage(DISTRICTS) }),
  },
  {
    method: 'get',
    path: '/v1/catalog/departments',
    call: 'catalog.departments',
    handle: () => ({ status: 200, body: catalogPage(DEPARTMENTS) }),
  },
  {
    method: 'post',
    path: '/v1/attachments',
    call: 'attachments.upload',
    async handle(state, request) {
      const { citizen } = authenticate(state, request);
      const key = idempotencyKeyOf(request);
      const upload = await readUpload(state, request);

      const scope = { citizenId: citizen.citizenId, route: 'POST /v1/attachments', key };
      return once(state, scope, uploadFingerprint(upload), () => ({
        status: 201,
        body: storeAttachment(state, citizen.citizenId, upload),
      }));
    },
  },
  {
    method: 'post',
    path: '/v1/grievances',
    call: 'grievances.submit',
    async handle(state, request) {
      const { citizen } = authenticate(state, request);
      const key = idempotencyKeyOf(request);
      const raw = await readJson(request);
      const body = parseWith(SubmitGrievanceBody, raw);

      const scope = { citizenId: citizen.citizenId, route: 'POST /v1/grievances', key };
      return once(state, scope, stableStringify(raw), () => ({
        status: 201,
        body: toWireGrievance(submitGrievance(state, citizen, body)),
      }));
    },
  },
  {
    method: 'get',
    path: '/v1/grievances',
    call: 'grievances.list',
    handle(state, request) {
      const { citizen } = authenticate(state, request);
      const query = parseWith(ListGrievancesQuery, readQuery(new URL(request.url), ['limit']));
      return { status: 200, body: listPage(state, citizen.citizenId, query) };
    },
  },
  {
    method: 'get',
    path: '/v1/grievances/:grievanceId',
    call: 'grievances.get',
    handle(state, request, grievanceId) {
      const { citizen } = authenticate(state, request);
      return { status: 200, body: toWireGrievance(ownGrievance(state, citizen, grievanceId)) };
    },
  },
  {
    method: 'get',
    path: '/v1/grievances/:grievanceId/events',
    call: 'grievances.events',
    handle(state, request, grievanceId) {
      const { citizen } = authenticate(state, request);
      const grievance = ownGrievance(state, citizen, grievanceId);
      const events = [...grievance.events].sort((a, b) => a.sequence - b.sequence);
      return { status: 200, body: { items: events.map(toWireEvent) } };
    },
  },
  {
    method: 'post',
    path: '/v1/grievances/:grievanceId/reminders',
    call: 'grievances.remind',
    async handle(state, request, grievanceId) {
      const { citizen } = authenticate(state, request);
      const key = idempotencyKeyOf(request);
      const raw = await readJson(request, {});
      parseWith(ReminderBody, raw);
      const grievance = ownGrievance(state, citizen, grievanceId);

      const route = `POST /v1/grievances/${grievance.grievanceId}/reminders`;
      const scope = { citizenId: citizen.citizenId, route, key };
      return once(state, scope, stableStringify(raw), () => ({
        status: 201,
        body: remind(state, grievance),
      }));
    },
  },
];

function notFound(): never {
  throw new PortalRefusal({
    status: 404,
    code: 'NOT_FOUND',
    message: 'The portal has no such route. Check the method and path; every route is under /v1.',
  });
}

/** One msw handler per route, a CORS preflight handler first and a 404 for anything else last. */
export function createHandlers(state: PortalState): HttpHandler[] {
  const base = state.options.baseUrl;

  const preflight = http.options(`${base}/*`, ({ request }) =>
    serve(state, request, undefined, preflightAnswer),
  );

  const routes = ROUTES.map((route) =>
    http[route.method](`${base}${route.path}`, ({ request, params }) =>
      serve(state, request, route.call, () =>
        route.handle(state, request, String(params.grievanceId ?? '')),
      ),
    ),
  );

  const fallback = http.all(`${base}/*`, ({ request }) =>
    serve(state, request, undefined, notFound),
  );

  return [preflight, ...routes, fallback];
}
