/**
 * Builds dist/ unless it is newer than every source file, so that the steps which need the
 * built package (browser tests, examples, the packaging check) can each ensure it cheaply.
 */
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'];
const OUTPUTS = [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/mocks/index.js',
  'dist/mocks/browser.js',
  'dist/mocks/server.js',
  'dist/mocks/server.d.cts',
  'dist/mocks/cli.js',
];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function oldest(paths: string[]): number {
  try {
    return Math.min(...paths.map((path) => statSync(path).mtimeMs));
  } catch {
    return 0;
  }
}

if (oldest(OUTPUTS) > Math.max(...SOURCES.map(newest))) {
  console.log('dist/ is up to date.');
} else {
  execSync('npm run build', { stdio: 'inherit' });
}
