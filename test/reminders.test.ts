import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  GrievanceClosedError,
  ReminderTooSoonError,
  ValidationError,
} from 'wb-grievance';
import { DESCRIPTION, clientFor, manualClock, signIn, signedIn, useServer } from './support.js';

const server = useServer();

const DAY = 24 * 60 * 60_000;
const WEEK = 7 * DAY;

/** A signed-in citizen with one open grievance, on a portal whose clock the test moves. */
async function openGrievance() {
  const clock = manualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  // Sessions outlast the weeks these tests move the clock by.
  const { portal, client } = await signedIn(server, {
    portal: { now: clock.now, policy: { sessionTtlMs: 60 * DAY } },
  });
  const grievance = await client.grievances.submit({ description: DESCRIPTION, district: 'NADIA' });
  return { clock, portal, client, grievance };
}

async function refusal<T>(attempt: Promise<unknown>): Promise<T> {
  return (await attempt.then(
    () => expect.unreachable('the reminder was accepted'),
    (error: unknown) => error,
  )) as T;
}

describe('reminders', () => {
  it('records a reminder on an open grievance', async () => {
    const { clock, client, grievance } = await openGrievance();

    const reminder = await client.grievances.remind(grievance.grievanceId, {
      note: 'এখনও আলো জ্বলছে না।',
    });

    expect(reminder).toEqual({
      reminderId: expect.any(String),
      at: clock.now(),
      reminderCount: 1,
    });
    const read = await client.grievances.get(grievance.grievanceId);
    expect(read.reminderCount).toBe(1);
    expect(read.lastReminderAt).toEqual(reminder.at);
  });

  it('refuses a second reminder within 7 days, saying when the next is allowed', async () => {
    const { clock, client, grievance } = await openGrievance();
    const first = await client.grievances.remind(grievance.grievanceId);
    clock.advance(3 * DAY);

    const before = Date.now();
    const error = await refusal<ReminderTooSoonError>(
      client.grievances.remind(grievance.grievanceId),
    );

    expect(error).toBeInstanceOf(ReminderTooSoonError);
    expect(error).toMatchObject({ status: 409, code: 'REMINDER_TOO_SOON' });
    // The portal's wait (last + 7 days - its now) is counted from this device's clock.
    const wait = first.at.getTime() + WEEK - clock.now().getTime();
    expect(wait).toBe(4 * DAY);
    expect(error.retryAt!.getTime() - before).toBeGreaterThanOrEqual(wait);
    expect(error.retryAt!.getTime() - Date.now()).toBeLessThanOrEqual(wait);
    expect(error.userMessage('bn')).toContain('স্মারক');
    expect((await client.grievances.get(grievance.grievanceId)).reminderCount).toBe(1);
  });

  it('puts the next allowed reminder 7 days after the last when asked again at once', async () => {
    const { client, grievance } = await openGrievance();
    const first = await client.grievances.remind(grievance.grievanceId);

    const error = await refusal<ReminderTooSoonError>(
      client.grievances.remind(grievance.grievanceId),
    );

    // The portal's clock starts at this device's time, so the two agree here within a second.
    expect(Math.abs(error.retryAt!.getTime() - (first.at.getTime() + WEEK))).toBeLessThan(2_000);
  });

  it('allows the next reminder once 7 days have passed', async () => {
    const { clock, client, grievance } = await openGrievance();
    const first = await client.grievances.remind(grievance.grievanceId);

    clock.advance(WEEK);
    const second = await client.grievances.remind(grievance.grievanceId);

    expect(second.reminderCount).toBe(2);
    expect(second.at.getTime() - first.at.getTime()).toBe(WEEK);
    expect((await client.grievances.get(grievance.grievanceId)).lastReminderAt).toEqual(second.at);
  });

  it.each(['RESOLVED', 'CLOSED'] as const)(
    'refuses a reminder on a %s grievance with its own error',
    async (status) => {
      const { portal, client, grievance } = await openGrievance();
      if (status === 'RESOLVED') {
        portal.updateStatus(grievance.grievanceId, 'FORWARDED', { departmentCode: 'POWER' });
      }
      portal.updateStatus(grievance.grievanceId, status);

      const error = await refusal<GrievanceClosedError>(
        client.grievances.remind(grievance.grievanceId),
      );

      expect(error).toBeInstanceOf(GrievanceClosedError);
      expect(error).not.toBeInstanceOf(ReminderTooSoonError);
      expect(error).toMatchObject({ status: 409, code: 'GRIEVANCE_CLOSED' });
      expect(error.retryAt).toBeUndefined();
    },
  );

  it('refuses a reminder on another citizen’s grievance', async () => {
    const { portal, grievance } = await openGrievance();
    const neighbour = clientFor(portal);
    await signIn(neighbour, portal, '70012 34567');

    await expect(neighbour.grievances.remind(grievance.grievanceId)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses a note that is empty, too long or HTML before sending', async () => {
    const { portal, client, grievance } = await openGrievance();
    const sent = portal.requestLog.length;

    for (const note of ['', 'ক'.repeat(501), '<b>urgent</b>', 42]) {
      await expect(
        client.grievances.remind(grievance.grievanceId, { note } as never),
      ).rejects.toBeInstanceOf(ValidationError);
    }
    expect(portal.requestLog).toHaveLength(sent);
  });

  it('says an empty note must be at least 1 character, in the singular', async () => {
    const { client, grievance } = await openGrievance();

    const error = await client.grievances
      .remind(grievance.grievanceId, { note: '' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('note must be at least 1 character.');
    expect((error as ValidationError).details[0]?.message).toBe('must be at least 1 character');
  });

  it('records one reminder when the answer is lost and the client retries', async () => {
    const { portal, client, grievance } = await openGrievance();
    portal.inject({ call: 'grievances.remind', network: 'lose-response' });

    const reminder = await client.grievances.remind(grievance.grievanceId);

    expect(reminder.reminderCount).toBe(1);
    const sent = portal.requestLog.filter((r) => r.path.endsWith('/reminders'));
    expect(sent).toHaveLength(2);
    expect(sent[0]?.idempotencyKey).toBe(sent[1]?.idempotencyKey);
    expect((await client.grievances.get(grievance.grievanceId)).reminderCount).toBe(1);
  });
});
