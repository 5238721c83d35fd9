/**
 * A local mock server seeded with `COUNT` grievances of one citizen, in its own process, so
 * that memory.ts measures the client's heap alone. Prints its URL, then serves until killed.
 */
import { startMockServer } from 'wb-grievance/mocks/server';

const count = Number(process.argv[2] ?? 10_000);
const server = await startMockServer({
  portalOptions: { otp: '123456' },
  seed: {
    grievances: Array.from({ length: count }, (_, i) => ({
      mobile: '9830012345',
      description: `রাস্তার আলো ${i + 1} নম্বর খুঁটিতে জ্বলছে না।`,
      district: 'KOLKATA',
      submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z'),
    })),
  },
});
console.log(server.url);
