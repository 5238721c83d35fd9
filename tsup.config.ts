import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'mocks/index': 'src/mocks/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: false,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['msw', 'msw/node', 'msw/browser', 'ky', 'zod', /^node:/],
  splitting: true,
  treeshake: true,
});
