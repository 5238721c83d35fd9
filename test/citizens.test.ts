import { describe, expect, it } from 'vitest';
import { AuthenticationError, ValidationError } from 'wb-grievance';
import { clientFor, servePortal, signedIn, useServer } from './support.js';

const server = useServer();

// "শোভন রায়চৌধুরী" with its vowel signs and nukta decomposed, as some keyboards type it.
const NAME_NFD = 'শোভন রায়চৌধুরী'.normalize('NFD');

const registrations = (portal: { requestLog: readonly { method: string; path: string }[] }) =>
  portal.requestLog.filter((r) => r.method === 'POST' && r.path === '/v1/citizens');

describe('registration', () => {
  it('registers the signed-in citizen, keeping a Bengali name in NFC', async () => {
    const { client } = await signedIn(server);
    expect(NAME_NFD).not.toBe(NAME_NFD.normalize('NFC'));

    const citizen = await client.citizens.register({
      name: NAME_NFD,
      district: 'NADIA',
      email: 'shobhan@example.in',
      address: 'কৃষ্ণনগর, নদিয়া'.normalize('NFD'),
      preferredLanguage: 'bn',
    });

    expect(citizen).toMatchObject({
      registered: true,
      name: NAME_NFD.normalize('NFC'),
      mobile: '+919830012345',
      district: 'NADIA',
      email: 'shobhan@example.in',
      address: 'কৃষ্ণনগর, নদিয়া'.normalize('NFC'),
      preferredLanguage: 'bn',
    });
  });

  it('reads the citizen back with me(), and the session knows the new name', async () => {
    const { client } = await signedIn(server);
    const before = await client.citizens.me();
    expect(before).toMatchObject({ registered: false, name: null });

    const registered = await client.citizens.register({
      name: NAME_NFD,
      district: 'HOWRAH',
      preferredLanguage: 'en',
    });
    const me = await client.citizens.me();

    expect(me).toEqual(registered);
    expect(me.citizenId).toBe(before.citizenId);
    const session = client.auth.session;
    expect(session.signedIn && session.citizen.name).toBe(NAME_NFD.normalize('NFC'));
  });

  it('takes the client’s language as the preferred language when none is given', async () => {
    const { client } = await signedIn(server, { client: { language: 'bn' } });

    const citizen = await client.citizens.register({ name: 'Anita Das', district: 'KOLKATA' });

    expect(citizen.preferredLanguage).toBe('bn');
  });

  it('refuses a bad email before sending, naming the field', async () => {
    const { portal, client } = await signedIn(server);

    const error = await client.citizens
      .register({
        name: 'Anita Das',
        district: 'KOLKATA',
        email: 'anita@',
        preferredLanguage: 'en',
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.field)).toEqual(['email']);
    expect(registrations(portal)).toEqual([]);
  });

  it('lists every wrong field at once', async () => {
    const { portal, client } = await signedIn(server);

    const error = await client.citizens
      .register({
        name: 'A',
        district: 'kolkata',
        email: 'not an email',
        preferredLanguage: 'fr' as never,
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).details.map((d) => d.field).sort();
    expect(fields).toEqual(['district', 'email', 'name', 'preferredLanguage']);
    expect((error as ValidationError).userMessage('bn')).toContain('ইমেল');
    expect(registrations(portal)).toEqual([]);
  });

  it('reports the portal’s refusal of an unknown district with its details', async () => {
    const { portal, client } = await signedIn(server);

    const error = await client.citizens
      .register({ name: 'Anita Das', district: 'ATLANTIS', preferredLanguage: 'en' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((error as ValidationError).requestId).toMatch(/\S/);
    expect((error as ValidationError).details).toEqual([
      expect.objectContaining({ field: 'district', code: 'unknown_code' }),
    ]);
    expect(registrations(portal)).toHaveLength(1);
  });

  it('refuses to register while signed out, without a request', async () => {
    const portal = servePortal(server);
    const client = clientFor(portal);

    const error = await client.citizens
      .register({ name: 'Anita Das', district: 'KOLKATA', preferredLanguage: 'en' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('UNAUTHENTICATED');
    expect(portal.requestLog).toEqual([]);
  });

  it('refuses input that is not an object with a ValidationError', async () => {
    const { client } = await signedIn(server);

    await expect(client.citizens.register(undefined as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
