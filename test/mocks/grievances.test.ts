import { describe, expect, it } from 'vitest';
import { MockPortalError, type StatusCode } from 'wb-grievance/mocks';
import {
  GRIEVANCE,
  MOBILE,
  OTHER_MOBILE,
  TIMESTAMP,
  call,
  manualClock,
  servePortal,
  signIn,
  submit,
  useServer,
} from './helpers.js';

const server = useServer();

describe('filing a grievance', () => {
  it('answers 201 with a RECEIVED grievance and a first event', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/grievances', { token, body: GRIEVANCE });
    const events = await call(portal, 'GET', `/v1/grievances/${reply.body.grievanceId}/events`, {
      token,
    });

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      grievanceId: 'MOCK-2026-000001',
      subject: GRIEVANCE.subject,
      description: GRIEVANCE.description,
      language: 'en',
      district: 'HOWRAH',
      status: 'RECEIVED',
      statusLabel: { en: 'Received', bn: 'অভিযোগ গ্রহণ করা হয়েছে' },
      rawStatus: 'RECEIVED',
      submittedAt: '2026-12-03T19:06:46+05:30',
      updatedAt: '2026-12-03T19:06:46+05:30',
      forwardedTo: null,
      attachments: [],
      reminderCount: 0,
      lastReminderAt: null,
    });
    expect(events.body.items).toEqual([
      { sequence: 1, at: '2026-12-03T19:06:46+05:30', status: 'RECEIVED' },
    ]);
    expect(portal.grievances()).toEqual([reply.body]);
  });

  it('numbers grievances per portal', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const first = await submit(portal, token);
    const second = await submit(portal, token);

    expect(first.grievanceId).toMatch(/^MOCK-\d{4}-000001$/);
    expect(second.grievanceId).toMatch(/^MOCK-\d{4}-000002$/);
  });

  it('keeps Bengali text, joiners, emoji and CRLF exactly after NFC', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);
    const description = 'রাস্তার আলো\u200Cনেই, ক্ষ\u09CDষ র\u200D্যাব 🙏\r\nদয়া করে দেখুন।';
    const decomposed = 'অভিযোগ: ড\u09BC'; // NFC composes ড + nukta into ড়

    const grievance = await submit(portal, token, {
      description,
      subject: decomposed,
      language: 'bn',
    });
    const read = await call(portal, 'GET', `/v1/grievances/${grievance.grievanceId}`, { token });

    expect(read.body.description).toBe(description.normalize('NFC'));
    expect(read.body.description).toContain('\r\n');
    expect(read.body.subject).toBe(decomposed.normalize('NFC'));
  });

  it('refuses malformed JSON with 400 VALIDATION_FAILED', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: '{"description": ',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    expect(portal.grievances()).toEqual([]);
  });

  it('lists every problem of an invalid body, with a message saying what to fix', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { description: 'short', district: 'HOWRAH', language: 'fr' },
    });

    expect(reply.status).toBe(400);
    const fields = reply.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['description', 'language', 'attachmentIds']));
    expect(reply.body.error.message).toContain('description must be at least 10 characters');
  });

  it('refuses unknown and retired catalogue codes on their fields', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, district: 'BARDHAMAN', departmentCode: 'NO_SUCH_DEPARTMENT' },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({ field: 'district', code: 'inactive_code' }),
      expect.objectContaining({ field: 'departmentCode', code: 'unknown_code' }),
    ]);
  });

  it("refuses attachment IDs that are not the caller's own, by index", async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    const reply = await call(portal, 'POST', '/v1/grievances', {
      token,
      body: { ...GRIEVANCE, attachmentIds: ['att_999999'] },
    });

    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({ field: 'attachmentIds.0', code: 'unknown_attachment' }),
    ]);
  });
});

describe('reading grievances', () => {
  it('answers 404 GRIEVANCE_NOT_FOUND for an unknown ID and for one that cannot be an ID', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    for (const id of ['MOCK-2026-999999', 'x', '%2Eabc']) {
      const reply = await call(portal, 'GET', `/v1/grievances/${id}`, { token });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('GRIEVANCE_NOT_FOUND');
    }
  });

  it("answers 403 for another citizen's grievance, its events and reminders", async () => {
    const clock = manualClock();
    const portal = servePortal(server, { now: clock.now });
    const owner = await signIn(portal, MOBILE);
    const other = await signIn(portal, OTHER_MOBILE);
    const { grievanceId } = await submit(portal, owner);

    const replies = [
      await call(portal, 'GET', `/v1/grievances/${grievanceId}`, { token: other }),
      await call(portal, 'GET', `/v1/grievances/${grievanceId}/events`, { token: other }),
      await call(portal, 'POST', `/v1/grievances/${grievanceId}/reminders`, {
        token: other,
        body: {},
      }),
    ];

    expect(replies.map((reply) => reply.status)).toEqual([403, 403, 403]);
    expect(replies.map((reply) => reply.body.error.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });
});

describe('officer status updates', () => {
  it('forwards, processes and resolves, recording events with labels and forwardedTo', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, {
      now: clock.now,
      policy: { sessionTtlMs: 3 * 24 * 3_600_000 },
    });
    const token = await signIn(portal);
    const { grievanceId } = await submit(portal, token);

    clock.advance(3_600_000);
    portal.updateStatus(grievanceId, 'FORWARDED', {
      departmentCode: 'PUBLIC_WORKS',
      note: 'To PWD',
    });
    clock.advance(3_600_000);
    portal.updateStatus(grievanceId, 'UNDER_PROCESS');
    clock.advance(2 * 24 * 3_600_000);
    const resolved = portal.updateStatus(grievanceId, 'RESOLVED', {
      at: new Date('2026-12-05T10:00:00+05:30'),
    });
    const events = await call(portal, 'GET', `/v1/grievances/${grievanceId}/events`, { token });

    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      rawStatus: 'RESOLVED',
      statusLabel: { en: 'Resolved', bn: 'সমস্যার সমাধান করা হয়েছে' },
      forwardedTo: { departmentCode: 'PUBLIC_WORKS', name: 'Public Works' },
      updatedAt: '2026-12-05T10:00:00+05:30',
    });
    expect(events.body.items).toEqual([
      { sequence: 1, at: '2026-12-03T19:06:46+05:30', status: 'RECEIVED' },
      {
        sequence: 2,
        at: '2026-12-03T20:06:46+05:30',
        status: 'FORWARDED',
        note: 'To PWD',
        forwardedTo: { departmentCode: 'PUBLIC_WORKS', name: 'Public Works' },
      },
      { sequence: 3, at: '2026-12-03T21:06:46+05:30', status: 'UNDER_PROCESS' },
      { sequence: 4, at: '2026-12-05T10:00:00+05:30', status: 'RESOLVED' },
    ]);
  });

  it('allows exactly the transitions of the contract', () => {
    const allowed: Record<string, string[]> = {
      RECEIVED: ['FORWARDED', 'UNDER_PROCESS', 'CLOSED'],
      FORWARDED: ['FORWARDED', 'UNDER_PROCESS', 'RESOLVED', 'CLOSED'],
      UNDER_PROCESS: ['FORWARDED', 'RESOLVED', 'CLOSED'],
      RESOLVED: ['CLOSED', 'UNDER_PROCESS'],
      CLOSED: [],
    };
    const statuses = Object.keys(allowed) as (keyof typeof allowed & StatusCode)[];
    const portal = servePortal(server);

    for (const from of statuses) {
      for (const to of statuses) {
        const [grievance] = portal.seed({
          grievances: [
            {
              mobile: MOBILE,
              description: 'Transition matrix check',
              district: 'HOWRAH',
              status: from,
            },
          ],
        }).grievances;
        const id = grievance?.grievanceId ?? '';
        const update = to === 'FORWARDED' ? { departmentCode: 'PUBLIC_WORKS' } : {};
        const move = () => portal.updateStatus(id, to, update);

        if (allowed[from]?.includes(to)) expect(move().status, `${from} -> ${to}`).toBe(to);
        else expect(move, `${from} -> ${to}`).toThrow(`from ${from} to ${to}`);
      }
    }
  });

  it('allows re-forwarding and reopening a resolved grievance', async () => {
    const portal = servePortal(server);
    const { grievanceId } = await submit(portal, await signIn(portal));

    portal.updateStatus(grievanceId, 'FORWARDED', { departmentCode: 'PUBLIC_WORKS' });
    portal.updateStatus(grievanceId, 'FORWARDED', { departmentCode: 'HOME_HILL_AFFAIRS' });
    portal.updateStatus(grievanceId, 'RESOLVED');
    const reopened = portal.updateStatus(grievanceId, 'UNDER_PROCESS');

    expect(reopened.status).toBe('UNDER_PROCESS');
    expect(reopened.forwardedTo?.departmentCode).toBe('HOME_HILL_AFFAIRS');
  });

  it('throws for transitions the portal does not allow, naming from and to', async () => {
    const portal = servePortal(server);
    const { grievanceId } = await submit(portal, await signIn(portal));

    expect(() => portal.updateStatus(grievanceId, 'RESOLVED')).toThrow(/from RECEIVED to RESOLVED/);
    expect(() => portal.updateStatus(grievanceId, 'RECEIVED')).toThrow(MockPortalError);
    portal.updateStatus(grievanceId, 'CLOSED');
    expect(() => portal.updateStatus(grievanceId, 'UNDER_PROCESS')).toThrow(
      /from CLOSED to UNDER_PROCESS/,
    );
    expect(portal.grievances()[0]?.status).toBe('CLOSED');
  });

  it('throws when forwarding without a known department, or for an unknown grievance', async () => {
    const portal = servePortal(server);
    const { grievanceId } = await submit(portal, await signIn(portal));

    expect(() => portal.updateStatus(grievanceId, 'FORWARDED')).toThrow(/departmentCode/);
    expect(() => portal.updateStatus(grievanceId, 'FORWARDED', { departmentCode: 'NOPE' })).toThrow(
      /NOPE/,
    );
    expect(() => portal.updateStatus('MOCK-2026-424242', 'CLOSED')).toThrow(/MOCK-2026-424242/);
    expect(portal.grievances()[0]?.status).toBe('RECEIVED');
  });

  it('refuses a malformed update with a MockPortalError and changes nothing', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    const token = await signIn(portal);
    const { grievanceId } = await submit(portal, token);
    clock.advance(600_000);
    const before = portal.grievances();

    const refusals: [string, () => unknown, RegExp][] = [
      ['no object', () => portal.updateStatus(grievanceId, 'CLOSED', null as never), /object/],
      ['note', () => portal.updateStatus(grievanceId, 'CLOSED', { note: 42 as never }), /note/],
      [
        'departmentCode',
        () => portal.updateStatus(grievanceId, 'FORWARDED', { departmentCode: 7 as never }),
        /departmentCode must be a string/,
      ],
      ['typo', () => portal.updateStatus(grievanceId, 'CLOSED', { notes: 'x' } as never), /notes/],
      ['id', () => portal.updateStatus(null as never, 'CLOSED'), /grievance ID.*got null/],
      [
        'invalid Date',
        () => portal.updateStatus(grievanceId, 'UNDER_PROCESS', { at: new Date('nope') }),
        /update\.at must be a valid Date.*an invalid Date/,
      ],
      [
        'text for at',
        () => portal.updateStatus(grievanceId, 'CLOSED', { at: '2026-12-03' as never }),
        /valid Date.*a string/,
      ],
      [
        'before filing',
        () => portal.updateStatus(grievanceId, 'CLOSED', { at: new Date('2026-12-01') }),
        new RegExp(`before ${grievanceId} last changed \\(2026-12-03T19:06:46\\+05:30\\)`),
      ],
      [
        'after the clock',
        () =>
          portal.updateStatus(grievanceId, 'CLOSED', { at: new Date('2026-12-03T19:16:47+05:30') }),
        /later than the portal clock \(2026-12-03T19:16:46\+05:30\)/,
      ],
    ];
    for (const [what, update, message] of refusals) {
      expect(update, what).toThrow(MockPortalError);
      expect(update, what).toThrow(message);
    }

    expect(portal.grievances()).toEqual(before);
    const events = await call(portal, 'GET', `/v1/grievances/${grievanceId}/events`, { token });
    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
    const closed = portal.updateStatus(grievanceId, 'CLOSED', { at: clock.now() });
    expect(closed.updatedAt).toBe('2026-12-03T19:16:46+05:30');
  });
});

describe('listing grievances', () => {
  it('pages 250 seeded grievances newest first, each exactly once, even when one is filed mid-way', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, { now: clock.now });
    const base = new Date('2026-06-01T10:00:00+05:30').getTime();
    portal.seed({
      grievances: Array.from({ length: 250 }, (_, i) => ({
        mobile: MOBILE,
        description: `Grievance number ${i} about the water supply`,
        district: 'KOLKATA',
        // Pairs share a second, so that the ID has to break ties.
        submittedAt: new Date(base + Math.floor(i / 2) * 60_000).toISOString(),
      })),
    });
    portal.seed({
      grievances: [
        { mobile: OTHER_MOBILE, description: 'Not mine, not listed', district: 'KOLKATA' },
      ],
    });
    const token = await signIn(portal);

    const seen: string[] = [];
    const submittedAts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor
        ? `?limit=100&cursor=${encodeURIComponent(cursor)}`
        : '?limit=100';
      const page = await call(portal, 'GET', `/v1/grievances${query}`, { token });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((g: { grievanceId: string }) => g.grievanceId));
      submittedAts.push(...page.body.items.map((g: { submittedAt: string }) => g.submittedAt));
      cursor = page.body.nextCursor;
      if (pages++ === 0) await submit(portal, token);
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(submittedAts).toEqual([...submittedAts].sort().reverse());
    expect(seen[0]).toBe('MOCK-2026-000250');
  });

  it('uses a default page size of 20 and filters by status', async () => {
    const portal = servePortal(server);
    portal.seed({
      grievances: Array.from({ length: 30 }, (_, i) => ({
        mobile: MOBILE,
        description: 'The drain is blocked near the market',
        district: 'NADIA',
        status: i % 3 === 0 ? 'RESOLVED' : 'RECEIVED',
      })),
    });
    const token = await signIn(portal);

    const all = await call(portal, 'GET', '/v1/grievances', { token });
    const resolved = await call(portal, 'GET', '/v1/grievances?status=RESOLVED', { token });

    expect(all.body.items).toHaveLength(20);
    expect(all.body.nextCursor).toEqual(expect.any(String));
    expect(resolved.body.items).toHaveLength(10);
    expect(resolved.body.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue, a limit over 100 and an unknown status with 400', async () => {
    const portal = servePortal(server);
    const token = await signIn(portal);

    for (const query of ['?cursor=bogus', '?limit=101', '?limit=ten', '?status=PENDING']) {
      const reply = await call(portal, 'GET', `/v1/grievances${query}`, { token });
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('reminders', () => {
  it('records a reminder, then refuses another within 7 days with 409 and retryAt', async () => {
    const clock = manualClock('2026-12-03T19:06:46+05:30');
    const portal = servePortal(server, {
      now: clock.now,
      policy: { sessionTtlMs: 30 * 24 * 3_600_000 },
    });
    const token = await signIn(portal);
    const { grievanceId } = await submit(portal, token);
    const path = `/v1/grievances/${grievanceId}/reminders`;

    const first = await call(portal, 'POST', path, { token, body: { note: 'Still dark' } });
    clock.advance(24 * 3_600_000);
    const tooSoon = await call(portal, 'POST', path, { token });
    clock.advance(6 * 24 * 3_600_000);
    const second = await call(portal, 'POST', path, { token });

    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      reminderId: expect.any(String),
      at: '2026-12-03T19:06:46+05:30',
      reminderCount: 1,
    });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.headers.get('Retry-After')).toBeNull();
    expect(tooSoon.body.error).toMatchObject({
      code: 'REMINDER_TOO_SOON',
      retryAfterSeconds: 6 * 24 * 3600,
      retryAt: '2026-12-10T19:06:46+05:30',
    });
    expect(second.status).toBe(201);
    expect(second.body.reminderCount).toBe(2);
    expect(portal.grievances()[0]).toMatchObject({
      status: 'RECEIVED',
      reminderCount: 2,
      lastReminderAt: '2026-12-10T19:06:46+05:30',
    });
  });

  it('refuses reminders on resolved and closed grievances with 409 GRIEVANCE_CLOSED', async () => {
    const portal = servePortal(server);
    const [resolved, closed] = portal.seed({
      grievances: [
        {
          mobile: MOBILE,
          description: 'Pothole on the main road',
          district: 'HOOGHLY',
          status: 'RESOLVED',
        },
        {
          mobile: MOBILE,
          description: 'Pothole on the side road',
          district: 'HOOGHLY',
          status: 'CLOSED',
        },
      ],
    }).grievances;
    const token = await signIn(portal);

    for (const grievance of [resolved, closed]) {
      const reply = await call(
        portal,
        'POST',
        `/v1/grievances/${grievance?.grievanceId}/reminders`,
        { token },
      );
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('GRIEVANCE_CLOSED');
    }
  });

  it('stamps every timestamp with +05:30 and whole seconds', async () => {
    const portal = servePortal(server, { now: () => new Date('2026-03-01T08:15:30.250Z') });
    const grievance = await submit(portal, await signIn(portal));

    expect(grievance.submittedAt).toMatch(TIMESTAMP);
    expect(grievance.submittedAt).toBe('2026-03-01T13:45:30+05:30');
  });
});
