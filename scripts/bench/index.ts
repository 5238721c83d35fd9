/**
 * Runs every benchmark, each in a fresh Node process, and prints one table with the machine.
 * Each figure is a median of many runs; see docs/performance.md for what limits each one.
 *
 *   npm run bench                       builds, then runs them all (about two minutes)
 *   npm run bench -- overhead memory    only those
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Figure } from './stats.js';

const BENCHMARKS: Record<string, string[]> = {
  overhead: [],
  import: [],
  mock: [],
  memory: ['--expose-gc'],
};

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (line?.[1]) model = line[1];
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return `${model}, ${cpus().length} CPUs (nproc), Node ${process.version}, ${process.platform}`;
}

/** Without the root tsconfig's paths, so that `wb-grievance` is the built package. */
const TSCONFIG = fileURLToPath(new URL('tsconfig.dist.json', import.meta.url));

const chosen = process.argv.slice(2).filter((name) => name in BENCHMARKS);
const figures: Figure[] = [];
for (const name of chosen.length > 0 ? chosen : Object.keys(BENCHMARKS)) {
  process.stderr.write(`running ${name}…\n`);
  const file = fileURLToPath(new URL(`${name}.ts`, import.meta.url));
  const run = spawnSync(process.execPath, [...BENCHMARKS[name]!, '--import', 'tsx', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
  });
  const line = run.stdout.split('\n').find((text) => text.startsWith('BENCH '));
  if (run.status !== 0 || !line) {
    console.error(`${name} failed (exit ${run.status}).`);
    process.exitCode = 1;
    continue;
  }
  figures.push(...(JSON.parse(line.slice('BENCH '.length)) as Figure[]));
}

const rows = figures.map((f) => [f.benchmark, f.value, f.baseline ?? '', f.detail ?? '']);
const header = ['benchmark', 'result', 'beside', 'how'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;

console.log(`Machine: ${machine()}\n`);
console.log(line(header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const row of rows) console.log(line(row));
