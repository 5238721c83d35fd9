/**
 * Writes docs/openapi.json (OpenAPI 3.1) from the zod schemas in src/contract: the schemas
 * are the contract, this file only adds what zod cannot say (routes, headers, statuses).
 *
 *   npm run contract          regenerate docs/openapi.json
 *   npm run contract:check    fail if docs/openapi.json differs from what the schemas give
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import * as contract from '../src/contract/index.js';
import { describe, readSchemaDocs } from './openapi-docs.js';
import { ROUTES, type Route } from './openapi-routes.js';

type Json = Record<string, unknown>;

const OUTPUT = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const CONTRACT_DIR = fileURLToPath(new URL('../src/contract/', import.meta.url));
const REF = '#/components/schemas/';

/** Request bodies and the list query are read by the portal, so their input side is the wire. */
const READ_BY_PORTAL = new Set([
  'OtpRequestBody',
  'OtpVerifyBody',
  'RegistrationBody',
  'SubmitGrievanceBody',
  'ReminderBody',
  'ListGrievancesQuery',
]);

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * Length and HTML rules of citizens' text live in refinements, which JSON Schema cannot run;
 * their params say the bounds, so say them here. JSON Schema counts code points, as they do.
 */
function overrideRefinements(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  const checks = (ctx.zodSchema as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks;
  for (const check of checks ?? []) {
    const params = (check as { _zod: { def: { params?: Json } } })._zod.def.params;
    if (params?.reason === 'too_short') ctx.jsonSchema.minLength = params.min;
    if (params?.reason === 'too_long') ctx.jsonSchema.maxLength = params.max;
    if (params?.reason === 'html_not_allowed') {
      ctx.jsonSchema.description =
        'Normalised to NFC; length counted in code points after NFC; not blank (only spaces or invisible characters); no lone surrogates; no HTML markup (a tag of an HTML element, a comment, an on...= handler or javascript: URL).';
    }
  }
}

/** Every exported schema as a component, each from the side of it that travels on the wire. */
function components(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(contract)) {
    if (isSchema(schema)) registry.add(schema, { id: name });
  }

  const generate = (io: 'input' | 'output') =>
    z.toJSONSchema(registry, {
      io,
      target: 'draft-2020-12',
      uri: (id) => `${REF}${id}`,
      override: overrideRefinements,
    }).schemas as Record<string, Json>;
  const input = generate('input');
  const output = generate('output');

  const reachedFromRequests = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, field] of Object.entries(value)) {
      const name = key === '$ref' && typeof field === 'string' ? field.slice(REF.length) : '';
      if (!name) visit(field);
      else if (!reachedFromRequests.has(name)) {
        reachedFromRequests.add(name);
        visit(input[name]);
      }
    }
  };
  for (const name of READ_BY_PORTAL) {
    reachedFromRequests.add(name);
    visit(input[name]);
  }

  const docs = readSchemaDocs(CONTRACT_DIR);
  const schemas: Record<string, Json> = {};
  for (const name of Object.keys(output).sort()) {
    const schema = reachedFromRequests.has(name) ? input[name]! : output[name]!;
    const other = reachedFromRequests.has(name) ? output[name]! : input[name]!;
    if (READ_BY_PORTAL.has(name) === false && reachedFromRequests.has(name)) {
      // A schema read by both sides must mean the same on both, or it needs two names.
      const strip = ({ $id: _i, $schema: _s, ...rest }: Json) => JSON.stringify(rest);
      if (strip(schema) !== strip(other)) {
        throw new Error(`${name} differs between requests and responses; give each side a name.`);
      }
    }
    const { $id: _id, $schema: _schema, ...rest } = schema;
    describe(rest, docs.get(name));
    schemas[name] = rest;
  }
  return schemas;
}

const errorRef = { $ref: '#/components/schemas/ErrorEnvelope' };
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

function errorResponse(codes: readonly string[], retryAfter: boolean): Json {
  return {
    description: `${codes.map((code) => `\`${code}\``).join(', ')}.`,
    'x-error-codes': codes,
    headers: {
      'X-Request-Id': header('XRequestId'),
      ...(retryAfter && { 'Retry-After': header('RetryAfter') }),
    },
    content: { 'application/json': { schema: errorRef } },
  };
}

function listQueryParameters(query: Json): Json[] {
  const properties = query.properties as Record<string, Json>;
  const required = new Set((query.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: 'query', required: required.has(name), description, schema: rest };
  });
}

function operation(route: Route, schemas: Record<string, Json>): Json {
  const parameters: Json[] = [{ $ref: '#/components/parameters/AcceptLanguage' }];
  if (route.path.includes('{grievanceId}')) {
    parameters.push({ $ref: '#/components/parameters/GrievanceIdPath' });
  }
  if (route.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (route.query) parameters.push(...listQueryParameters(schemas[route.query]!));

  const successHeaders: Json = { 'X-Request-Id': header('XRequestId') };
  if (route.idempotent) successHeaders['Idempotent-Replayed'] = header('IdempotentReplayed');

  const responses: Json = {
    [route.success.status]: {
      description: route.success.description,
      headers: successHeaders,
      ...(route.success.schema && {
        content: { 'application/json': { schema: { $ref: `${REF}${route.success.schema}` } } },
      }),
    },
  };
  for (const [status, codes] of Object.entries(route.errors)) {
    responses[status] = errorResponse(codes, ['429', '503'].includes(status));
  }

  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description && { description: route.description }),
    tags: [route.tag],
    ...(!route.authenticated && { security: [] }),
    parameters,
    ...(route.body && { requestBody: route.body }),
    responses,
  };
}

function document(): Json {
  const schemas = components();
  const paths: Json = {};
  for (const route of ROUTES) {
    const item = (paths[route.path] ??= {}) as Json;
    item[route.method] = operation(route, schemas);
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'West Bengal CMO grievance portal API (wb-grievance contract)',
      version: '1',
      summary: 'The wire contract that wb-grievance speaks and its mock portal serves.',
      description:
        'The portal (cmo.wb.gov.in, "Sorasori Mukhyomantri") publishes no API; this is the contract the wb-grievance package owns. JSON over HTTPS, UTF-8, text in NFC. Timestamps are RFC 3339 with an offset, whole seconds. Every response carries `X-Request-Id`; every failure is the `ErrorEnvelope`. Generated from the zod schemas in src/contract by `npm run contract`; see docs/contract.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '{baseUrl}',
        description:
          'A deployment of the contract; the mock portal defaults to https://portal-1.mock.wb-grievance.test.',
        variables: { baseUrl: { default: 'https://portal.example' } },
      },
    ],
    security: [{ bearer: [] }],
    tags: [
      { name: 'auth', description: 'Sign-in with mobile number and OTP.' },
      { name: 'citizens', description: "The signed-in citizen's account." },
      { name: 'catalog', description: 'Districts and departments.' },
      { name: 'attachments', description: 'ID proofs, documents and photos.' },
      { name: 'grievances', description: 'Filing and following grievances.' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `accessToken` from `POST /v1/auth/otp/verify`.',
        },
      },
      parameters: PARAMETERS,
      headers: HEADERS,
    },
  };
}

const PARAMETERS = {
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'Language of human labels and messages; never changes codes. Default `en`.',
    schema: { $ref: `${REF}Language` },
  },
  GrievanceIdPath: {
    name: 'grievanceId',
    in: 'path',
    required: true,
    description: 'A grievance ID, percent-encoded.',
    schema: { $ref: `${REF}GrievanceId` },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes the create safe to repeat. Kept 24 hours per citizen and route: the same key and body replay the first success (with `Idempotent-Replayed: true`); the same key with another body is 409 `IDEMPOTENCY_KEY_REUSED`. Refusals are not kept. Without a key nothing is deduplicated.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,255}$' },
  },
};

const HEADERS = {
  XRequestId: {
    description: 'Identifies this request in the portal; quote it when reporting a problem.',
    required: true,
    schema: { type: 'string' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again (also `retryAfterSeconds` and `retryAt`).',
    schema: { type: 'integer', minimum: 0 },
  },
  IdempotentReplayed: {
    description: '`true` when this is the stored answer to an earlier request with the same key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

const generated = `${JSON.stringify(document(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUTPUT, 'utf8');
  } catch {
    // Reported below as out of date.
  }
  if (committed !== generated) {
    const [ours, theirs] = [generated.split('\n'), committed.split('\n')];
    let line = 0;
    while (line < ours.length && ours[line] === theirs[line]) line++;
    console.error(
      `docs/openapi.json does not match the schemas in src/contract (first difference at line ${line + 1}). Run \`npm run contract\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('docs/openapi.json matches the schemas.');
} else {
  writeFileSync(OUTPUT, generated);
  console.log(`Wrote docs/openapi.json (${ROUTES.length} operations).`);
}
