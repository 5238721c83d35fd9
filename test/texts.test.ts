import { describe, expect, it } from 'vitest';
import cases from './fixtures/complaint-texts.json' with { type: 'json' };
import { signedIn, useServer } from './support.js';

const server = useServer();

describe('complaint texts', () => {
  it.each(cases.cases)('$name round-trips exactly after NFC', async ({ input }) => {
    const { portal, client } = await signedIn(server);
    const expected = input.normalize('NFC');

    const filed = await client.grievances.submit({ description: input, district: 'KOLKATA' });
    const read = await client.grievances.get(filed.grievanceId);

    expect(filed.description).toBe(expected);
    expect(read.description).toBe(expected);
    expect(portal.grievances()[0]!.description).toBe(expected);
  });

  it('normalises a decomposed subject to NFC before sending', async () => {
    const { client } = await signedIn(server);
    const decomposed = 'জমির রেকর্ড'.normalize('NFD');

    const filed = await client.grievances.submit({
      subject: decomposed,
      description: 'জমির রেকর্ড সংশোধন হয়নি।',
      district: 'KOLKATA',
    });
    expect(filed.subject).toBe(decomposed.normalize('NFC'));
  });
});
