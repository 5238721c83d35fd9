import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The example imports the package by name, as an app would; here the names point at the
// repository's build (run `npm run build` first). It is served under a sub-path on purpose,
// to show where msw's worker script goes then: see src/main.ts and docs/browsers.md.
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/grievance-app/',
  resolve: {
    alias: [
      { find: /^wb-grievance$/, replacement: `${dist}index.js` },
      { find: /^wb-grievance\/mocks\/browser$/, replacement: `${dist}mocks/browser.js` },
    ],
  },
  // msw's chunk is large, and loaded only when the app runs on the mock portal.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
});
