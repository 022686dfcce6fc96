/**
 * Artefacts built once for many test runs (the workflow bundle, a migrated store), kept under
 * node_modules/.cache and named by a hash of what they are built from, so a change to those
 * sources builds them anew.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Every file under `dir` (relative to the repository root) whose name matches `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/**
 * The path of the artefact built from `inputs` (folders or files, relative to the repository
 * root; package-lock.json always counts), building it with `build` when it is not there yet.
 */
export async function cachedBuild(
  name: string,
  extension: string,
  inputs: string[],
  build: () => Promise<string | Uint8Array>,
): Promise<string> {
  const hash = createHash('sha256');
  for (const input of [...inputs, 'package-lock.json']) {
    const path = join(root, input);
    const files = statSync(path).isDirectory() ? filesUnder(path, /\.(ts|json)$/).sort() : [path];
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  const dir = join(root, 'node_modules', '.cache', name);
  const path = join(dir, `${hash.digest('hex').slice(0, 16)}.${extension}`);
  if (existsSync(path)) return path;
  const content = await build();
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a parallel run never reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return path;
}
