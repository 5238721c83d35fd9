import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      'docs/api/',
      'coverage/',
      '.tmp/',
      '.vitest-attachments/',
      '**/node_modules/',
      '**/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['test/**', 'examples/**', 'scripts/**', 'src/mocks/cli.ts'],
    rules: { 'no-console': 'off' },
  },
);
