import { describe, expect, it } from 'vitest';
import {
  GRIEVANCE,
  PDF,
  PNG,
  call,
  manualClock,
  servePortal,
  signIn,
  uploadForm,
  useServer,
  OTHER_MOBILE,
} from './helpers.js';

const server = useServer();

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same key and body, creating nothing', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const headers = { 'Idempotency-Key': 'submit-1' };

    const first = await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });
    const again = await call(portal, 'POST', '/v1/grievances', {
      token,
      headers,
      // The same body with its keys in another order.
      body: Object.fromEntries(Object.entries(GRIEVANCE).reverse()),
    });

    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'));
    expect(portal.grievances()).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const headers = { 'Idempotency-Key': 'submit-1' };
    await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      headers,
      body: { ...GRIEVANCE, district: 'NADIA' },
    });

    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(portal.grievances()).toHaveLength(1);
  });

  it('creates a new grievance for each request without a key', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE });
    await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE });

    expect(portal.grievances()).toHaveLength(2);
  });

  it('forgets keys after idempotencyTtlMs by the portal clock', async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now, policy: { idempotencyTtlMs: 60_000 } });
    const token = await signIn(portal);
    const headers = { 'Idempotency-Key': 'submit-1' };
    await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });
    clock.advance(60_000);

    const later = await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });

    expect(later.headers.get('Idempotent-Replayed')).toBeNull();
    expect(portal.grievances()).toHaveLength(2);
  });

  it('scopes keys per citizen', async () => {
    const portal = servePortal(server);
    const headers = { 'Idempotency-Key': 'same-key' };

    await call(portal, 'POST', '/v1/grievances', {
      token: await signIn(portal),
      headers,
      body: GRIEVANCE,
    });
    const other = await call(portal, 'POST', '/v1/grievances', {
      token: await signIn(portal, OTHER_MOBILE),
      headers,
      body: GRIEVANCE,
    });

    expect(other.headers.get('Idempotent-Replayed')).toBeNull();
    expect(portal.grievances()).toHaveLength(2);
  });

  it('does not store a refusal, so a corrected request with the same key goes through', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const headers = { 'Idempotency-Key': 'submit-1' };

    const refused = await call(portal, 'POST', '/v1/grievances', {
      token,
      headers,
      body: { ...GRIEVANCE, district: 'NOWHERE' },
    });
    const fixed = await call(portal, 'POST', '/v1/grievances', { token, headers, body: GRIEVANCE });

    expect(refused.status).toBe(400);
    expect(fixed.status).toBe(201);
  });

  it('replays a reminder instead of answering REMINDER_TOO_SOON', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const { grievanceId } = (
      await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE })
    ).body;
    const path = `/v1/grievances/${grievanceId}/reminders`;
    const headers = { 'Idempotency-Key': 'remind-1' };

    const first = await call(portal, 'POST', path, {
      token,
      headers,
      body: { note: 'Please look' },
    });
    const again = await call(portal, 'POST', path, {
      token,
      headers,
      body: { note: 'Please look' },
    });
    const otherBody = await call(portal, 'POST', path, { token, headers, body: { note: 'Hello' } });

    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(portal.grievances()[0]?.reminderCount).toBe(1);
  });

  it('compares uploads by kind, file name and content', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const headers = { 'Idempotency-Key': 'upload-1' };

    const first = await call(portal, 'POST', '/v1/attachments', {
      token,
      headers,
      body: uploadForm(PDF, 'a.pdf'),
    });
    const again = await call(portal, 'POST', '/v1/attachments', {
      token,
      headers,
      body: uploadForm(PDF, 'a.pdf'),
    });
    const otherFile = await call(portal, 'POST', '/v1/attachments', {
      token,
      headers,
      body: uploadForm(PNG, 'a.pdf'),
    });

    expect(again.body.attachmentId).toBe(first.body.attachmentId);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(otherFile.status).toBe(409);
  });

  it('refuses an empty or over-long key with 400', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    for (const key of ['', 'k'.repeat(256)]) {
      const reply = await call(portal, 'POST', '/v1/grievances', {
        token,
        headers: { 'Idempotency-Key': key },
        body: GRIEVANCE,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details[0].field).toBe('Idempotency-Key');
    }
    expect(portal.grievances()).toHaveLength(0);
  });
});
