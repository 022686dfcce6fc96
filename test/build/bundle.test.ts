import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUNDLE_ENV, workflowBundlePath } from '../harness/bundle';

const root = join(__dirname, '..', '..');

describe('workflow code is fit for the Temporal sandbox', () => {
  it('bundles with bundleWorkflowCode (the same webpack build a worker does)', async () => {
    // The bundle the worker and every scenario run: built by bundleWorkflowCode in worker/bundle.ts
    // (by globalSetup for this run, or taken from its cache when the sources have not changed).
    const code = readFileSync(process.env[BUNDLE_ENV] ?? (await workflowBundlePath()), 'utf8');
    expect(code).toContain('incidentWorkflow');
    // Nothing from test/ reaches the real bundle.
    expect(code).not.toMatch(/[\\/]test[\\/]/);
  }, 120_000);

  describe('ESLint keeps workflows/ and domain/ deterministic, and test/ out of every other directory', () => {
    // Probe files are linted in place, in one run of the real CLI (type-aware linting builds the
    // whole program once; ESLint's ES-module config cannot load inside jest's VM).
    const probes: Record<string, string> = {
      'workflows/zz-lint-probe-fs.ts': "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
      'domain/zz-lint-probe-crypto.ts': "import { createHash } from 'node:crypto';\nexport const x = createHash;\n",
      'workflows/zz-lint-probe-process.ts': 'export const x = process.env.HOME;\n',
      'activities/zz-lint-probe-fs.ts': "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
      'api/zz-lint-probe-promise.ts': 'async function f(): Promise<void> {}\nexport function g(): void { f(); }\n',
      'api/zz-lint-probe-test-import.ts':
        "import { createHarness } from '../test/harness';\nexport const x = createHarness;\n",
      'workflows/zz-lint-probe-test-import.ts':
        "import { holidays } from '../test/fixtures';\nexport const x = holidays;\n",
      // A directory no rule names: the ban covers every file outside test/.
      'rules/zz-lint-probe-test-import.ts': "export { ruleSet } from '../test/fixtures';\n",
      'activities/zz-lint-probe-test-import.ts':
        "import { setupIncidentEnv } from '../test/workflows/setup';\nexport const x = setupIncidentEnv;\n",
      'test/zz-lint-probe-test-import.ts': "import { holidays } from './fixtures';\nexport const x = holidays;\n",
    };
    let rules: Record<string, (string | null)[]> = {};

    beforeAll(() => {
      for (const [file, code] of Object.entries(probes)) writeFileSync(join(root, file), code);
      try {
        const r = spawnSync(
          join(root, 'node_modules', '.bin', 'eslint'),
          ['--format', 'json', ...Object.keys(probes)],
          { cwd: root, encoding: 'utf8' },
        );
        if (r.status === 2 || !r.stdout) throw new Error(`eslint failed: ${r.stderr}`);
        const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
        rules = Object.fromEntries(results.map((x) => [relative(root, x.filePath), x.messages.map((m) => m.ruleId)]));
      } finally {
        for (const file of Object.keys(probes)) rmSync(join(root, file), { force: true });
      }
    }, 120_000);

    it.each(['workflows/zz-lint-probe-fs.ts', 'domain/zz-lint-probe-crypto.ts'])(
      'rejects a Node built-in in %s',
      (file) => {
        expect(rules[file]).toContain('no-restricted-imports');
      },
    );
    it('rejects process in workflow code', () => {
      expect(rules['workflows/zz-lint-probe-process.ts']).toContain('no-restricted-globals');
    });
    it('allows the same import in activities/', () => {
      expect(rules['activities/zz-lint-probe-fs.ts']).toEqual([]);
    });
    it.each([
      'api/zz-lint-probe-test-import.ts',
      'workflows/zz-lint-probe-test-import.ts',
      'rules/zz-lint-probe-test-import.ts',
      'activities/zz-lint-probe-test-import.ts',
    ])('rejects an import of test/ in %s', (file) => {
      expect(rules[file]).toContain('no-restricted-imports');
    });
    it('lets test code import test code', () => {
      expect(rules['test/zz-lint-probe-test-import.ts']).toEqual([]);
    });
    it('flags a floating promise everywhere', () => {
      expect(rules['api/zz-lint-probe-promise.ts']).toContain('@typescript-eslint/no-floating-promises');
    });
  });
});
