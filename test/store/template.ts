/**
 * A migrated, empty embedded store to start test databases from. PGlite's initdb takes ~9 s on
 * these machines; loading a dumped data folder takes ~1.5 s. Built once (by globalSetup) and cached
 * by the migrations' content.
 */
import { openDatabase, type Db } from '../../activities/store/db';
import { migrate } from '../../activities/store/migrate';
import { cachedBuild } from '../build-cache';

export const TEMPLATE_ENV = 'BRE_PGLITE_TEMPLATE';

export function pgliteTemplatePath(): Promise<string> {
  return cachedBuild('bre-pglite-template', 'tar', ['activities/store', 'activities/ledger/schema.ts'], async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrate(db);
      return await db.dump!();
    } finally {
      await db.close();
    }
  });
}

/** A new, migrated in-memory store. */
export async function openTestDatabase(): Promise<Db> {
  const snapshot = process.env[TEMPLATE_ENV] ?? (await pgliteTemplatePath());
  const db = await openDatabase({ dataDir: 'memory://', snapshot });
  await migrate(db);
  return db;
}
