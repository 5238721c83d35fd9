/**
 * The packaging check: packs the built package as npm would publish it, lints the tarball
 * (publint, attw), then installs it into fresh consumer projects and uses every entry the way
 * consumers do: ESM import and CJS require, TypeScript under `node16` and `bundler`, a browser
 * bundle of `mocks/browser`, the `wb-grievance-mock` command, and the main entry with no msw.
 *
 * Run it with `npm run check:package` (which builds first). Needs only the npm registry.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { CONSUMER_FILES, NO_MSW_FILES } from './pack-check-consumers.js';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const versions = {
  msw: manifest.devDependencies.msw,
  typescript: manifest.devDependencies.typescript,
  '@types/node': manifest.devDependencies['@types/node'],
};
const keep = process.argv.includes('--keep');

function run(command: string, args: string[], options: ExecFileSyncOptions = {}): string {
  return String(execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', ...options }));
}

function step(text: string) {
  console.log(`▸ ${text}`);
}

function pack(into: string): string {
  const [packed] = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', into], { cwd: root }),
  );
  const files: string[] = packed.files.map((file: { path: string }) => file.path);
  checkNoStaleChunks(files);
  return join(into, packed.filename);
}

/**
 * tsup keeps old chunks in dist/ (it does not clean, so that running tests keep their files);
 * a tarball must not ship chunks no entry reaches.
 */
function checkNoStaleChunks(files: string[]) {
  const code = files.filter((file) => /^dist\/.*\.(c?js)$/.test(file));
  const reached = new Set<string>();
  const queue = Object.values(manifest.exports as Record<string, unknown>)
    .flatMap((target) => JSON.stringify(target).match(/\.\/dist\/[^"]+\.c?js/g) ?? [])
    .concat('./dist/mocks/cli.js')
    .map((path) => path.slice(2));

  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const [, spec] of text.matchAll(
      /(?:from|require\(|import\()\s*["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      queue.push(new URL(spec!, `file:///${dir}`).pathname.slice(1));
    }
  }

  const stale = code.filter((file) => !reached.has(file));
  if (stale.length > 0) {
    throw new Error(
      `The tarball has files no entry uses: ${stale.join(', ')}.\nRebuild from clean: rm -rf dist && npm run build.`,
    );
  }
}

function consumer(base: string, name: string, files: Record<string, string>, deps: string[]) {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...deps], { cwd: dir });
  return dir;
}

async function bundleForBrowser(dir: string, entry: string) {
  await build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'wb-grievance-pack-'));
  try {
    step('packing');
    const tarball = pack(base);
    console.log(`  ${tarball}`);

    step('publint');
    run('npx', ['publint', 'run', tarball, '--strict'], { cwd: root, stdio: 'inherit' });
    step('are the types wrong (attw)');
    run('npx', ['attw', tarball], { cwd: root, stdio: 'inherit' });

    step('installing into a consumer project with msw and TypeScript');
    const withMsw = consumer(base, 'with-msw', CONSUMER_FILES, [
      tarball,
      `msw@${versions.msw}`,
      `typescript@${versions.typescript}`,
      `@types/node@${versions['@types/node']}`,
    ]);

    step('ESM import of every entry, the mock portal served over HTTP');
    console.log(indent(run('node', ['esm.mjs'], { cwd: withMsw })));
    step('CJS require of every entry');
    console.log(indent(run('node', ['cjs.cjs'], { cwd: withMsw })));
    step('mocks/browser bundled for a browser, imported and required');
    await bundleForBrowser(withMsw, 'browser-esm.mjs');
    await bundleForBrowser(withMsw, 'browser-cjs.cjs');
    step('the wb-grievance-mock command');
    const help = run('npx', ['--no-install', 'wb-grievance-mock', '--help'], { cwd: withMsw });
    if (!help.includes('Usage: wb-grievance-mock')) throw new Error(`unexpected --help:\n${help}`);

    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      step(`TypeScript type-check of consumer code: ${config}`);
      typeCheck(withMsw, config);
    }

    step('installing into a consumer project without msw');
    const noMsw = consumer(base, 'no-msw', NO_MSW_FILES, [tarball]);
    console.log(indent(run('node', ['esm.mjs'], { cwd: noMsw })));
    console.log(indent(run('node', ['cjs.cjs'], { cwd: noMsw })));
    checkCliWithoutMsw(noMsw);

    step('the package works for every consumer');
  } finally {
    if (keep) console.log(`kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

/** Without msw, the command must say what to install, not crash with a stack trace. */
function checkCliWithoutMsw(dir: string) {
  try {
    run('npx', ['--no-install', 'wb-grievance-mock', '--port', '0'], { cwd: dir });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr);
    if (stderr.includes('npm install --save-dev msw')) {
      console.log('  wb-grievance-mock without msw: says to install it');
      return;
    }
    throw new Error(`wb-grievance-mock without msw failed unhelpfully:\n${stderr}`, {
      cause: error,
    });
  }
  throw new Error('wb-grievance-mock started without msw');
}

/**
 * Type-checks with `skipLibCheck: false`, so that this package's declarations are checked too.
 * Errors inside other packages' declarations (msw's CJS types import ESM-only `rettime`) are
 * theirs: reported, not failed on.
 */
function typeCheck(dir: string, config: string) {
  let output = '';
  try {
    run('npx', ['--no-install', 'tsc', '-p', config], { cwd: dir });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }

  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const theirs = errors.filter((line) => /^node_modules\/(?!wb-grievance\/)/.test(line));
  const ours = errors.filter((line) => !theirs.includes(line));
  if (theirs.length > 0) {
    const packages = new Set(theirs.map((line) => line.split('/')[1]));
    console.log(
      `  (${theirs.length} errors inside ${[...packages].join(', ')}'s own declarations)`,
    );
  }
  if (ours.length > 0 || (output !== '' && errors.length === 0)) {
    throw new Error(`tsc -p ${config} failed:\n${ours.join('\n') || output}`);
  }
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

main().catch((error: unknown) => {
  const output = (error as { stdout?: string; stderr?: string }) ?? {};
  console.error(error instanceof Error ? error.message : error);
  if (output.stdout) console.error(output.stdout);
  if (output.stderr) console.error(output.stderr);
  process.exit(1);
});
