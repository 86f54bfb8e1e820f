/**
 * The import-graph check (`npm run lint:imports`, .dependency-cruiser.cjs) can fail: its own rules,
 * run on a tiny synthetic tree with one violation of each kind, report exactly those violations.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const configFile = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));

/** path → source; every import is written the way the project writes them, with `.ts`. */
const tree: Record<string, string> = {
  // Fine: each imports its own layer or a lower one.
  'src/util/u.ts': `export const u = 1;\n`,
  'src/config.ts': `import { u } from './util/u.ts';\nexport const config = u;\n`,
  'src/search/b.ts': `import { u } from '../util/u.ts';\nimport { config } from '../config.ts';\nexport const b = u + config;\n`,
  'commands/types.ts': `import type { b } from '../src/search/b.ts';\nexport type Command = { run(): typeof b };\n`,
  'src/cli/run.ts': `import { x } from '../../commands/x.ts';\nimport { m } from '../misc/m.ts';\nexport const run = x + m;\n`,

  // L1 corpus imports L3 search: upward.
  'src/corpus/a.ts': `import { b } from '../search/b.ts';\nexport const a = b;\n`,
  // state imports a type from commands: upward, and type-only.
  'src/state/s.ts': `import type { Command } from '../../commands/types.ts';\nexport const s: Command[] = [];\n`,
  // L7 commands import a front end.
  'commands/x.ts': `import { y } from '../src/slack/y.ts';\nexport const x = y;\n`,
  'src/slack/y.ts': `export const y = 1;\n`,
  // A cycle of two runtime imports inside one layer.
  'src/extract/c.ts': `import { d } from './d.ts';\nexport const c = () => d();\n`,
  'src/extract/d.ts': `import { c } from './c.ts';\nexport const d = (): number => (c ? 1 : 0);\n`,
  // A cycle of two type-only imports inside one layer: a circle too.
  'src/answer/p.ts': `import type { Q } from './q.ts';\nexport type P = { q?: Q };\n`,
  'src/answer/q.ts': `import type { P } from './p.ts';\nexport type Q = { p?: P };\n`,
  // A folder that is in no layer.
  'src/misc/m.ts': `import { u } from '../util/u.ts';\nexport const m = u;\n`,
  // An import of a file that does not exist.
  'src/answer/r.ts': `import { gone } from './gone.ts';\nexport const r = gone;\n`,
};

let root: string;
let result: ICruiseResult;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'dealdesk-imports-'));
  for (const [file, source] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  const options = await extractDepcruiseOptions(configFile);
  const reported = await cruise(['src', 'commands'], { ...options, baseDir: root });
  result = reported.output as ICruiseResult;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('import-graph check (.dependency-cruiser.cjs)', () => {
  it('reports each planted upward import, unlayered module and unresolvable import, by rule, as an error', () => {
    const violations = result.summary.violations
      .filter((v) => v.rule.name !== 'no-circular')
      .map((v) => `${v.rule.severity} ${v.rule.name}: ${v.from} → ${v.to}`)
      .sort();
    expect(violations).toEqual([
      'error commands-never-import-front-ends: commands/x.ts → src/slack/y.ts',
      'error corpus-imports-only-foundation: src/corpus/a.ts → src/search/b.ts',
      'error import-of-module-outside-the-layers: src/cli/run.ts → src/misc/m.ts',
      'error module-outside-the-layers-imports: src/misc/m.ts → src/util/u.ts',
      'error not-to-unresolvable: src/answer/r.ts → ./gone.ts',
      'error state-imports-only-foundation: src/state/s.ts → commands/types.ts',
    ]);
  });

  it('reports each circle once, runtime and type-only alike, as an error', () => {
    const circles = result.summary.violations
      .filter((v) => v.rule.name === 'no-circular')
      .map((v) => {
        const members = new Set([v.from, ...(v.cycle ?? []).map((step) => step.name)]);
        return `${v.rule.severity}: ${[...members].sort().join(' ↔ ')}`;
      })
      .sort();
    expect(circles).toEqual([
      'error: src/answer/p.ts ↔ src/answer/q.ts', // type-only
      'error: src/extract/c.ts ↔ src/extract/d.ts', // runtime
    ]);
    expect(result.summary.error).toBe(8);
  });

  it('sees type-only imports, and says so', () => {
    const state = result.modules.find((m) => m.source === 'src/state/s.ts');
    expect(state?.dependencies.map((d) => [d.resolved, d.dependencyTypes])).toEqual([
      ['commands/types.ts', expect.arrayContaining(['type-only'])],
    ]);
  });
});
