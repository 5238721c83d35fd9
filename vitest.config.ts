import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the package by name and run against the built files, as a consumer would.
const dist = fileURLToPath(new URL('./dist/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^wb-grievance$/, replacement: `${dist}index.js` },
      { find: /^wb-grievance\/mocks$/, replacement: `${dist}mocks/index.js` },
      { find: /^wb-grievance\/mocks\/(browser|server)$/, replacement: `${dist}mocks/$1.js` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
