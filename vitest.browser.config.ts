import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';

// The browser suite: the built package in Debian's Chromium, the mock portal in msw's service
// worker. `npm run test:browser` copies the worker script from the installed msw first.
const dist = fileURLToPath(new URL('./dist/', import.meta.url));

export default defineConfig({
  publicDir: 'test/browser/public',
  resolve: {
    alias: [
      { find: /^wb-grievance$/, replacement: `${dist}index.js` },
      { find: /^wb-grievance\/mocks$/, replacement: `${dist}mocks/index.js` },
      { find: /^wb-grievance\/mocks\/browser$/, replacement: `${dist}mocks/browser.js` },
    ],
  },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
