import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The first ```ts block after `heading` in the README. */
function snippet(heading: string): string {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error(`README has no ts block under ${heading}`);
  return code;
}

// Inside the repo, so that 'wb-grievance' resolves through the root tsconfig's paths and msw
// and vitest from its node_modules, as in a consumer's project that installed them.
const dir = join(root, '.tmp', `readme-${process.pid}-${Date.now()}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks `files` as a strict nodenext project would; the compiler's report, or ''. */
function typeCheck(files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
      },
      include: Object.keys(files),
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("the README's limitations", () => {
  it('list every TODO(reason) of the sources, by its reason', () => {
    const limitations = readme
      .slice(readme.indexOf('\n## Limitations\n'), readme.indexOf('\n## Documentation\n'))
      .replace(/\s+/g, ' ')
      .toLowerCase();
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts'),
    );
    const reasons = files.flatMap((file) =>
      [...readFileSync(join(root, 'src', file), 'utf8').matchAll(/TODO\(([^)]+)\)/g)].map(
        (match) => match[1]!,
      ),
    );

    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((reason) => !limitations.includes(reason.toLowerCase()))).toEqual([]);
  });
});

describe("the README's examples", () => {
  it('type-check in a strict project with this repo’s msw', { timeout: 120_000 }, () => {
    const report = typeCheck({
      'quickstart.ts': snippet('## Quickstart'),
      'testing.test.ts': snippet('## Testing your app with the mock portal'),
    });

    expect(report).toBe('');
  });
});
