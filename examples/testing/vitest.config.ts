import { defineConfig } from 'vitest/config';

// Every test runs three times: in Node, and in the two DOM environments apps test with.
// (Vitest 4 has no environmentMatchGlobs; a file can also pick one with a
// `// @vitest-environment jsdom` comment on its first line.)
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node' } },
      { extends: true, test: { name: 'jsdom', environment: 'jsdom' } },
      { extends: true, test: { name: 'happy-dom', environment: 'happy-dom' } },
    ],
  },
});
