/**
 * The routes of the contract, as docs/openapi.json lists them: what zod schemas cannot say.
 * Kept beside the mock portal's routes (src/mocks/handlers.ts); a route added there belongs
 * here too.
 */

/** One operation. */
export interface Route {
  method: 'get' | 'post';
  path: string;
  /** The client method that calls it. */
  operationId: string;
  tag: 'auth' | 'citizens' | 'catalog' | 'attachments' | 'grievances';
  summary: string;
  description?: string;
  authenticated: boolean;
  /** Takes an `Idempotency-Key`. */
  idempotent?: boolean;
  /** The component schema whose fields are the query parameters. */
  query?: string;
  body?: Record<string, unknown>;
  success: { status: number; description: string; schema?: string };
  /** Error codes by status, beyond those every operation may answer. */
  errors: Record<number, readonly string[]>;
}

const SERVER_ERRORS = {
  500: ['INTERNAL', 'UPSTREAM_UNAVAILABLE'],
  502: ['INTERNAL', 'UPSTREAM_UNAVAILABLE'],
  503: ['INTERNAL', 'UPSTREAM_UNAVAILABLE'],
  504: ['INTERNAL', 'UPSTREAM_UNAVAILABLE'],
} as const;

const SIGNED_IN = { 401: ['UNAUTHENTICATED', 'SESSION_EXPIRED'] } as const;
const INVALID = { 400: ['VALIDATION_FAILED'] } as const;
const RATE = { 429: ['RATE_LIMITED'] } as const;
const OWN_GRIEVANCE = { 403: ['FORBIDDEN'], 404: ['GRIEVANCE_NOT_FOUND'] } as const;

const json = (schema: string, required = true) => ({
  required,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

const AUTHED = { authenticated: true, errors: {} };

/** Every operation of contract v1, in the order of docs/contract.md. */
export const ROUTES: readonly Route[] = [
  {
    method: 'post',
    path: '/v1/auth/otp',
    operationId: 'auth.requestOtp',
    tag: 'auth',
    summary: 'Send a one-time password by SMS',
    description:
      'A newer OTP request for the same mobile replaces older ones. Within the resend cool-down the answer is 429 `OTP_RESEND_TOO_SOON` with `retryAt`. Clients must not retry this call by themselves: each try sends an SMS.',
    authenticated: false,
    body: json('OtpRequestBody'),
    success: { status: 202, description: 'The SMS is on its way.', schema: 'OtpRequestResponse' },
    errors: { ...INVALID, 429: ['OTP_RESEND_TOO_SOON', 'RATE_LIMITED'], ...SERVER_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/auth/otp/verify',
    operationId: 'auth.verifyOtp',
    tag: 'auth',
    summary: 'Exchange the OTP for a session',
    description:
      'Signing in with a number the portal has not seen creates an unregistered citizen. A wrong OTP is 422 `OTP_INVALID` with `attemptsRemaining` in its detail; the wrong try that uses the last attempt is 423 `OTP_LOCKED`. An expired, used or replaced OTP request is 410 `OTP_EXPIRED`; an unknown one 404 `NOT_FOUND`.',
    authenticated: false,
    body: json('OtpVerifyBody'),
    success: { status: 200, description: 'Signed in.', schema: 'SessionResponse' },
    errors: {
      ...INVALID,
      404: ['NOT_FOUND'],
      410: ['OTP_EXPIRED'],
      422: ['OTP_INVALID'],
      423: ['OTP_LOCKED'],
      ...RATE,
      ...SERVER_ERRORS,
    },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'auth.logout',
    tag: 'auth',
    summary: 'End the session',
    ...AUTHED,
    success: { status: 204, description: 'The token no longer works.' },
    errors: { ...SIGNED_IN, ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/citizens',
    operationId: 'citizens.register',
    tag: 'citizens',
    summary: 'Register the signed-in citizen',
    description:
      '`mobile` must be the number the session was opened with (403 `FORBIDDEN` otherwise). Registering again updates the details. The district must be an active catalogue entry.',
    ...AUTHED,
    body: json('RegistrationBody'),
    success: { status: 201, description: 'The registered citizen.', schema: 'Citizen' },
    errors: { ...INVALID, ...SIGNED_IN, 403: ['FORBIDDEN'], ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'get',
    path: '/v1/citizens/me',
    operationId: 'citizens.me',
    tag: 'citizens',
    summary: 'The signed-in citizen',
    ...AUTHED,
    success: { status: 200, description: 'The citizen.', schema: 'Citizen' },
    errors: { ...SIGNED_IN, ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'get',
    path: '/v1/catalog/districts',
    operationId: 'catalog.districts',
    tag: 'catalog',
    summary: 'The districts of West Bengal',
    description: 'Retired districts included, with `active: false`.',
    authenticated: false,
    success: { status: 200, description: 'Every district.', schema: 'CatalogResponse' },
    errors: { ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'get',
    path: '/v1/catalog/departments',
    operationId: 'catalog.departments',
    tag: 'catalog',
    summary: "The state government's departments",
    description: 'Retired departments included, with `active: false`.',
    authenticated: false,
    success: { status: 200, description: 'Every department.', schema: 'CatalogResponse' },
    errors: { ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/attachments',
    operationId: 'attachments.upload',
    tag: 'attachments',
    summary: 'Upload a file',
    description:
      'The type is judged by the leading bytes, not the name or declared type: PDF, JPEG or PNG. At most 5 MiB by default (413 above). The answer carries the size and SHA-256 of the bytes stored, for the client to compare.',
    ...AUTHED,
    idempotent: true,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', contentMediaType: 'application/octet-stream' },
              kind: { $ref: '#/components/schemas/AttachmentKind' },
            },
            required: ['file', 'kind'],
          },
          encoding: { file: { contentType: 'application/pdf, image/jpeg, image/png' } },
        },
      },
    },
    success: { status: 201, description: 'The stored file.', schema: 'Attachment' },
    errors: {
      ...INVALID,
      ...SIGNED_IN,
      409: ['IDEMPOTENCY_KEY_REUSED'],
      413: ['ATTACHMENT_TOO_LARGE'],
      415: ['UNSUPPORTED_MEDIA_TYPE'],
      ...RATE,
      ...SERVER_ERRORS,
    },
  },
  {
    method: 'post',
    path: '/v1/grievances',
    operationId: 'grievances.submit',
    tag: 'grievances',
    summary: 'File a grievance',
    description:
      'Codes must be active catalogue entries; `attachmentIds` must be the caller’s own uploads, each listed once.',
    ...AUTHED,
    idempotent: true,
    body: json('SubmitGrievanceBody'),
    success: { status: 201, description: 'The grievance, RECEIVED.', schema: 'Grievance' },
    errors: {
      ...INVALID,
      ...SIGNED_IN,
      409: ['IDEMPOTENCY_KEY_REUSED'],
      ...RATE,
      ...SERVER_ERRORS,
    },
  },
  {
    method: 'get',
    path: '/v1/grievances',
    operationId: 'grievances.list',
    tag: 'grievances',
    summary: "The caller's grievances, newest first",
    description:
      'Pages of `limit` (default 20). `nextCursor` is opaque; a cursor the portal did not issue is 400.',
    ...AUTHED,
    query: 'ListGrievancesQuery',
    success: { status: 200, description: 'One page.', schema: 'GrievancePage' },
    errors: { ...INVALID, ...SIGNED_IN, ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'get',
    path: '/v1/grievances/{grievanceId}',
    operationId: 'grievances.get',
    tag: 'grievances',
    summary: 'One of the caller’s grievances',
    ...AUTHED,
    success: { status: 200, description: 'The grievance.', schema: 'Grievance' },
    errors: { ...SIGNED_IN, ...OWN_GRIEVANCE, ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'get',
    path: '/v1/grievances/{grievanceId}/events',
    operationId: 'grievances.events',
    tag: 'grievances',
    summary: 'A grievance’s history',
    description:
      'Events may arrive in any order; the current status is that of the highest `sequence`.',
    ...AUTHED,
    success: { status: 200, description: 'The history.', schema: 'GrievanceEvents' },
    errors: { ...SIGNED_IN, ...OWN_GRIEVANCE, ...RATE, ...SERVER_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/grievances/{grievanceId}/reminders',
    operationId: 'grievances.remind',
    tag: 'grievances',
    summary: 'Send a reminder (the portal’s “re-mention”)',
    description:
      'One per grievance per 7 days: sooner is 409 `REMINDER_TOO_SOON` with `retryAt` (no `Retry-After` header: generic retry code must not wait days). A resolved or closed grievance takes none: 409 `GRIEVANCE_CLOSED`. An empty body counts as `{}`.',
    ...AUTHED,
    idempotent: true,
    body: json('ReminderBody', false),
    success: { status: 201, description: 'The reminder recorded.', schema: 'Reminder' },
    errors: {
      ...INVALID,
      ...SIGNED_IN,
      ...OWN_GRIEVANCE,
      409: ['IDEMPOTENCY_KEY_REUSED', 'REMINDER_TOO_SOON', 'GRIEVANCE_CLOSED'],
      ...RATE,
      ...SERVER_ERRORS,
    },
  },
];
