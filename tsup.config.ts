import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  clean: false,
  sourcemap: true,
  target: 'es2022',
  external: ['msw', 'msw/node', 'msw/browser', 'ky', 'zod', /^node:/],
  splitting: true,
  treeshake: true,
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      'mocks/index': 'src/mocks/index.ts',
      'mocks/browser': 'src/mocks/browser.ts',
      'mocks/server': 'src/mocks/server.ts',
    },
    format: ['esm', 'cjs'],
    // Internal members (ky's instance) stay out of the declarations: CJS consumers' TypeScript
    // cannot import ky's ESM-only types.
    dts: { compilerOptions: { stripInternal: true } },
    platform: 'neutral',
  },
  {
    // The `wb-grievance-mock` command: ESM only (the package is "type": "module"), no types.
    // The source's `#!/usr/bin/env node` line is kept, and tsup marks the file executable.
    // It imports the server entry beside it in dist/mocks/ instead of a second copy of the portal.
    ...shared,
    entry: { 'mocks/cli': 'src/mocks/cli.ts' },
    external: [...(shared.external ?? []), './server.js'],
    format: ['esm'],
    dts: false,
    platform: 'node',
  },
]);
