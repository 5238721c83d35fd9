/**
 * The time to import the package in a fresh Node process, beside the time to start Node at
 * all (`node -e 0`): what a CLI or a serverless function pays on a cold start.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, median, report } from './stats.js';

const RUNS = Number(process.env.BENCH_SPAWNS ?? 25);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Median wall time, in ms, of `node <args>` run from the package root. */
function timeNode(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
    if (i >= 3) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

// The package imports itself by name from its own folder (Node's self-reference), as an app would.
const esm = (specifier: string) => ['--input-type=module', '-e', `await import('${specifier}')`];

const baseline = timeNode(['-e', '0']);
const figures: Figure[] = [
  ['wb-grievance (ESM)', esm('wb-grievance')],
  ['wb-grievance (CommonJS)', ['-e', "require('wb-grievance')"]],
  ['wb-grievance/mocks (ESM)', esm('wb-grievance/mocks')],
].map(([name, args]) => {
  const total = timeNode(args as string[]);
  return {
    benchmark: `import ${name as string}`,
    value: `+${(total - baseline).toFixed(0)} ms`,
    baseline: `node -e 0 = ${baseline.toFixed(0)} ms`,
    detail: `${total.toFixed(0)} ms in all (median of ${RUNS} fresh processes)`,
  };
});
report(figures);
