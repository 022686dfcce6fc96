/**
 * A migrated, empty embedded store to start test databases from. PGlite's initdb takes ~9 s on
 * these machines; loading a dumped data folder takes ~1.5 s. Built once (by globalSetup) and cached
 * by the migrations' content.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../activities/store/db';
import { migrate } from '../../activities/store/migrate';

const root = join(__dirname, '..', '..');
export const TEMPLATE_ENV = 'BRE_PGLITE_TEMPLATE';

function migrationsHash(): string {
  const hash = createHash('sha256');
  const dir = join(root, 'activities', 'store');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  hash.update(readFileSync(join(root, 'activities', 'ledger', 'schema.ts')));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

export async function pgliteTemplatePath(): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'bre-pglite-template');
  const path = join(dir, `${migrationsHash()}.tar`);
  if (existsSync(path)) return path;
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(db);
    const data = await db.dump!();
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } finally {
    await db.close();
  }
  return path;
}

/** A new, migrated in-memory store. */
export async function openTestDatabase(): Promise<Db> {
  const snapshot = process.env[TEMPLATE_ENV] ?? (await pgliteTemplatePath());
  const db = await openDatabase({ dataDir: 'memory://', snapshot });
  await migrate(db);
  return db;
}
