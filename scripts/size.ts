/**
 * What wb-grievance adds to a browser app's bundle: esbuild (minified, browser platform,
 * tree-shaken), then gzip. Bundles import the built package by its name, so that its
 * package.json (`exports`, `sideEffects: false`) applies as it does for a user.
 *
 *   npm run size                  table; fails when the client app is over budget
 *   npm run size -- --why         also the largest inputs of the client app, by source file
 *   SIZE_BUDGET_KB=20 npm run size
 */
import { build, type Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;
const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 15);

/** An app that signs in, registers, uploads, files, reads, lists, follows and reminds. */
const CLIENT_APP = `
import { GrievanceClient, isGrievanceError } from 'wb-grievance';

export async function app(photo) {
  const client = new GrievanceClient({ baseUrl: location.origin, language: 'bn' });
  try {
    const { otpRequestId } = await client.auth.requestOtp({ mobile: '98300 12345' });
    await client.auth.verifyOtp({ otpRequestId, otp: prompt('OTP') });
    if (!client.auth.session.citizen.registered) {
      await client.citizens.register({ name: 'Asha', district: 'KOLKATA', preferredLanguage: 'bn' });
    }
    await client.citizens.me();
    const [district] = await client.catalog.districts();
    await client.catalog.departments();
    const attachment = await client.attachments.upload(photo, { kind: 'photo' });
    const g = await client.grievances.submit({
      description: 'রাস্তার আলো জ্বলছে না।', district: district.code, attachments: [attachment],
    });
    await client.grievances.get(g.grievanceId);
    await client.grievances.events(g.grievanceId);
    await client.grievances.listPage({ pageSize: 10 });
    for await (const mine of client.grievances.list()) document.title = mine.grievanceId;
    await client.grievances.remind(g.grievanceId, { note: 'আবার জানাচ্ছি' });
    for await (const now of client.grievances.watch(g.grievanceId)) document.title = now.statusLabel.bn;
    await client.auth.logout();
  } catch (error) {
    if (isGrievanceError(error)) alert(error.userMessage('bn'));
  }
}
`;

const HELPERS_APP = `
import { isValidMobile, normalizeMobile, maskMobile, statusLabel } from 'wb-grievance';
export const show = (input, status) =>
  isValidMobile(input) ? maskMobile(normalizeMobile(input)) + statusLabel(status, 'bn') : '';
`;

interface Case {
  name: string;
  contents: string;
  /** What the figure is for, in the table. */
  note: string;
  /** Resolve from here instead of the package root. */
  resolveDir?: string;
}

const CASES: Case[] = [
  { name: 'client app', contents: CLIENT_APP, note: 'GrievanceClient, every call' },
  ...['mocks', 'mocks/browser', 'mocks/server'].map((entry) => ({
    name: `wb-grievance/${entry}`,
    contents: `export * from 'wb-grievance/${entry}';`,
    note: 'whole entry; msw and node: external',
  })),
  { name: 'helpers only', contents: HELPERS_APP, note: 'identifier and status helpers' },
  { name: 'ky', contents: `export { default } from 'ky';`, note: 'ky 1, alone' },
  {
    name: 'zod/mini + contract',
    contents: `export * from './src/contract/index.ts';`,
    note: "the contract's schemas",
  },
];

interface Measured {
  name: string;
  note: string;
  minified: number;
  gzipped: number;
  metafile: Metafile;
}

async function measure(entry: Case, fromSource = false): Promise<Measured> {
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: entry.resolveDir ?? ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // The repository's tsconfig maps the package's name to src/ (for type checks); a user's
    // bundler sees dist/ and package.json, so measure that, unless asked where bytes come from.
    ...(!fromSource && { tsconfigRaw: '{}' }),
    // tsup writes node builtins without the `node:` prefix.
    external: ['msw', 'msw/*', 'node:*', ...builtinModules],
  });
  const code = result.outputFiles[0]!.contents;
  return {
    name: entry.name,
    note: entry.note,
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The inputs that put the most bytes into the output, grouped by package or src file. */
function breakdown(metafile: Metafile): [string, number][] {
  const byInput = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = input
        .replace(/^.*node_modules\/(zod)\/v4\/(mini|core|locales)\/.*$/, '$1/v4/$2')
        .replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1');
      byInput.set(key, (byInput.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byInput].sort((a, b) => b[1] - a[1]);
}

async function main() {
  if (!existsSync(`${ROOT}dist/index.js`)) {
    console.error('dist/ is missing: run `npm run build` first (npm run size does).');
    process.exit(1);
  }

  const results: Measured[] = [];
  for (const entry of CASES) {
    try {
      results.push(await measure(entry));
    } catch (error) {
      const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
      console.error(`${entry.name}: could not bundle (${first ?? String(error)})`);
      process.exitCode = 1;
    }
  }

  const rows = results.map((r) => [r.name, kb(r.minified), kb(r.gzipped), r.note]);
  const header = ['bundle', 'minified', 'gzipped', 'what'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `| ${widths.map((w, i) => (i === 1 || i === 2 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
  );
  for (const row of rows) console.log(line(row));
  console.log('\nesbuild, minified, browser platform, ES2022; gzip level 9; 1 KB = 1024 bytes.');

  const client = results.find((r) => r.name === 'client app');
  if (!client) return;

  if (process.argv.includes('--why')) {
    const fromSource = await measure(CASES[0]!, true);
    console.log(
      '\nClient app built from src/, bytes in the minified output by input (before gzip):',
    );
    for (const [input, bytes] of breakdown(fromSource.metafile).slice(0, 25)) {
      console.log(`${String(bytes).padStart(8)}  ${input}`);
    }
  }

  if (client.gzipped > BUDGET_KB * KB) {
    console.error(
      `\nThe client app is ${kb(client.gzipped)} gzipped, over the ${BUDGET_KB} KB budget (SIZE_BUDGET_KB).`,
    );
    process.exitCode = 1;
  } else {
    console.log(`\nThe client app is within the ${BUDGET_KB} KB budget.`);
  }
}

await main();
