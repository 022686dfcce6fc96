/**
 * The workflow bundle, built once per jest run (by globalSetup) with the same webpack build a worker
 * does, and cached by the content of the sources it can include.
 */
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const WORKFLOWS_PATH = join(root, 'workflows');
export const BUNDLE_ENV = 'BRE_WORKFLOW_BUNDLE';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|json)$/.test(name) ? [path] : [];
  });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['workflows', 'domain', 'activities']) {
    for (const file of sources(join(root, dir)).sort()) hash.update(file).update(readFileSync(file));
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/** Path of a bundle of workflows/ matching the current sources, building it when needed. */
export async function workflowBundlePath(): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'bre-workflow-bundle');
  const path = join(dir, `${sourceHash()}.js`);
  if (existsSync(path)) return path;
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, path);
  return path;
}
