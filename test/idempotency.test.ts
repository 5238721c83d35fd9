import { describe, expect, it } from 'vitest';
import { ConflictError, type SessionStore, type StoredSession } from 'wb-grievance';
import type { MockPortal } from 'wb-grievance/mocks';
import {
  DESCRIPTION,
  FILES,
  clientFor,
  servePortal,
  signIn,
  signedIn,
  useServer,
} from './support.js';

const server = useServer();

function requestsTo(portal: MockPortal, path: string) {
  return portal.requestLog.filter((entry) => entry.path === path);
}

function keysOf(portal: MockPortal, path: string) {
  return new Set(requestsTo(portal, path).map((entry) => entry.idempotencyKey));
}

/** A store that outlives a client, as storage outlives an app that restarts. */
function persistentStore(): SessionStore {
  let held: StoredSession | undefined;
  return { get: () => held, set: (s) => (held = s), clear: () => (held = undefined) };
}

describe('grievance submission', () => {
  it('retries a 503 with the same Idempotency-Key and files exactly one grievance', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'grievances.submit', status: 503 });

    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });

    expect(requestsTo(portal, '/v1/grievances').map((r) => r.status)).toEqual([503, 201]);
    expect(keysOf(portal, '/v1/grievances').size).toBe(1);
    expect(portal.grievances().map((w) => w.grievanceId)).toEqual([g.grievanceId]);
  });

  it('gets the stored grievance back when the first answer was lost after the portal committed', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'grievances.submit', network: 'lose-response' });

    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'HOWRAH' });

    expect(requestsTo(portal, '/v1/grievances').map((r) => r.status)).toEqual([0, 201]);
    expect(keysOf(portal, '/v1/grievances').size).toBe(1);
    expect(portal.grievances()).toHaveLength(1);
    expect(portal.grievances()[0]!.grievanceId).toBe(g.grievanceId);
  });

  it('files one grievance when the first attempt timed out but was stored late', async () => {
    const { portal, client } = await signedIn(server, { client: { timeoutMs: 300 } });
    portal.inject({ call: 'grievances.submit', delayMs: 1_200 });

    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
    await expect.poll(() => requestsTo(portal, '/v1/grievances').length).toBe(2);

    expect(keysOf(portal, '/v1/grievances').size).toBe(1);
    expect(portal.grievances().map((w) => w.grievanceId)).toEqual([g.grievanceId]);
  });

  it('files once across an app restart when the caller keeps its own key', async () => {
    const store = persistentStore();
    const portal = servePortal(server);
    const before = clientFor(portal, { sessionStore: store });
    await signIn(before, portal);
    const draft = { description: DESCRIPTION, district: 'KOLKATA' };
    const idempotencyKey = 'draft-7f9c2a4e-1b1d-4c1e-9b7e-2f4f8a1c0d11';
    portal.inject({ call: 'grievances.submit', network: 'lose-response', times: Infinity });

    await expect(before.grievances.submit(draft, { idempotencyKey })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
    portal.clearFaults();
    const after = clientFor(portal, { sessionStore: store });
    const g = await after.grievances.submit(draft, { idempotencyKey });

    expect(portal.grievances().map((w) => w.grievanceId)).toEqual([g.grievanceId]);
    expect(keysOf(portal, '/v1/grievances')).toEqual(new Set([idempotencyKey]));
  });

  it('refuses the same key with another grievance as IDEMPOTENCY_KEY_REUSED, unretried', async () => {
    const { portal, client } = await signedIn(server);
    const idempotencyKey = 'draft-1';
    await client.grievances.submit(
      { description: DESCRIPTION, district: 'KOLKATA' },
      { idempotencyKey },
    );

    const error = await client.grievances
      .submit({ description: `${DESCRIPTION} আবার।`, district: 'KOLKATA' }, { idempotencyKey })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 409, retryable: false });
    expect((error as ConflictError).userMessage('bn')).toMatch(/[\u0980-\u09FF]/);
    expect(requestsTo(portal, '/v1/grievances')).toHaveLength(2);
    expect(portal.grievances()).toHaveLength(1);
  });

  it('uploads a draft’s file once when the submission is repeated with the same key', async () => {
    const store = persistentStore();
    const portal = servePortal(server);
    const first = clientFor(portal, { sessionStore: store });
    await signIn(first, portal);
    const draft = {
      description: DESCRIPTION,
      district: 'KOLKATA',
      attachments: [{ file: FILES.pdf, kind: 'document' as const, fileName: 'bill.pdf' }],
    };
    portal.inject({ call: 'attachments.upload', status: 503 });

    const g1 = await first.grievances.submit(draft, { idempotencyKey: 'draft-with-file' });
    const g2 = await clientFor(portal, { sessionStore: store }).grievances.submit(draft, {
      idempotencyKey: 'draft-with-file',
    });

    expect(g2.grievanceId).toBe(g1.grievanceId);
    expect(g2.attachments.map((a) => a.attachmentId)).toEqual(
      g1.attachments.map((a) => a.attachmentId),
    );
    expect(requestsTo(portal, '/v1/attachments').map((r) => r.status)).toEqual([503, 201, 201]);
    expect(keysOf(portal, '/v1/attachments').size).toBe(1);
    expect(portal.grievances()).toHaveLength(1);
  });
});

describe('reminders', () => {
  async function grievance() {
    const { portal, client } = await signedIn(server);
    const g = await client.grievances.submit({ description: DESCRIPTION, district: 'KOLKATA' });
    return { portal, client, id: g.grievanceId, path: `/v1/grievances/${g.grievanceId}/reminders` };
  }

  it('retries a 503 with the same key and records one reminder', async () => {
    const { portal, client, id, path } = await grievance();
    portal.inject({ call: 'grievances.remind', status: 503 });

    const reminder = await client.grievances.remind(id, { note: 'এখনও সমাধান হয়নি' });

    expect(reminder.reminderCount).toBe(1);
    expect(requestsTo(portal, path).map((r) => r.status)).toEqual([503, 201]);
    expect(keysOf(portal, path).size).toBe(1);
    expect(portal.grievances()[0]!.reminderCount).toBe(1);
  });

  it('records one reminder when the first answer was lost', async () => {
    const { portal, client, id, path } = await grievance();
    portal.inject({ call: 'grievances.remind', network: 'lose-response' });

    const reminder = await client.grievances.remind(id);

    expect(reminder.reminderCount).toBe(1);
    expect(requestsTo(portal, path).map((r) => r.status)).toEqual([0, 201]);
    expect(portal.grievances()[0]!.reminderCount).toBe(1);
  });

  it('replays the same reminder for a caller-supplied key', async () => {
    const { portal, client, id } = await grievance();

    const a = await client.grievances.remind(id, {}, { idempotencyKey: 'remind-1' });
    const b = await client.grievances.remind(id, {}, { idempotencyKey: 'remind-1' });

    expect(b.reminderId).toBe(a.reminderId);
    expect(portal.grievances()[0]!.reminderCount).toBe(1);
  });
});

describe('attachments', () => {
  it('retries a 503 on upload with the same key', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'attachments.upload', status: 503 });

    await client.attachments.upload(FILES.png, { kind: 'photo' });

    expect(requestsTo(portal, '/v1/attachments').map((r) => r.status)).toEqual([503, 201]);
    expect(keysOf(portal, '/v1/attachments').size).toBe(1);
  });

  it('returns the stored attachment when the first answer was lost', async () => {
    const { portal, client } = await signedIn(server);
    portal.inject({ call: 'attachments.upload', network: 'lose-response' });

    const lost = await client.attachments.upload(FILES.jpeg, {
      kind: 'photo',
      idempotencyKey: 'photo-1',
    });
    const again = await client.attachments.upload(FILES.jpeg, {
      kind: 'photo',
      idempotencyKey: 'photo-1',
    });

    expect(again.attachmentId).toBe(lost.attachmentId);
    expect(requestsTo(portal, '/v1/attachments').map((r) => r.status)).toEqual([0, 201, 201]);
  });

  it('refuses the same key with other bytes as IDEMPOTENCY_KEY_REUSED', async () => {
    const { client } = await signedIn(server);
    await client.attachments.upload(FILES.png, { kind: 'photo', idempotencyKey: 'file-1' });

    await expect(
      client.attachments.upload(FILES.jpeg, { kind: 'photo', idempotencyKey: 'file-1' }),
    ).rejects.toMatchObject({ name: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
