/**
 * A migrated, empty embedded store to start throw-away databases from (tests, rehearsals). PGlite's
 * initdb takes ~9 s on these machines; loading a dumped data folder takes ~1.5 s. Built once and
 * cached by the migrations' content.
 */
import { openDatabase, type Db } from '../activities/store/db';
import { migrate } from '../activities/store/migrate';
import { cachedBuild } from './build-cache';

export function pgliteTemplatePath(): Promise<string> {
  return cachedBuild(
    'bre-pglite-template',
    'tar',
    [
      'activities/store',
      'activities/ledger/schema.ts',
      'activities/recipients/schema.ts',
      'activities/drills/schema.ts',
      'activities/tokens/schema.ts',
      'activities/retention/schema.ts',
    ],
    async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await migrate(db);
        return await db.dump!();
      } finally {
        await db.close();
      }
    },
  );
}

/** A new, migrated in-memory store. */
export async function openThrowawayDatabase(snapshot?: string): Promise<Db> {
  const db = await openDatabase({ dataDir: 'memory://', snapshot: snapshot ?? (await pgliteTemplatePath()) });
  await migrate(db);
  return db;
}
