import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'mocks/index': 'src/mocks/index.ts',
    'mocks/browser': 'src/mocks/browser.ts',
    'mocks/server': 'src/mocks/server.ts',
    'mocks/cli': 'src/mocks/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['msw', 'msw/node', 'msw/browser', 'ky', 'zod', /^node:/],
  splitting: true,
  treeshake: true,
});
