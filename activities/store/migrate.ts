/**
 * Numbered schema migrations. Each is applied once and recorded in `schema_migrations`.
 *
 * All pending migrations run in ONE transaction that first takes a database-wide advisory lock,
 * so two processes starting at once on PostgreSQL apply them exactly once (the second waits, then
 * sees them recorded), and a failing migration leaves the schema untouched.
 *
 * To add a migration: append an entry to `migrations` with the next id. Never edit or renumber an
 * entry that has shipped; write a new one instead.
 */
import { DRILL_SCHEMA_STATEMENTS } from '../drills/schema';
import { LEDGER_SCHEMA_STATEMENTS } from '../ledger/schema';
import { LETTER_SCHEMA_STATEMENTS } from '../letters/schema';
import { RECIPIENT_SCHEMA_STATEMENTS } from '../recipients/schema';
import { RETENTION_SCHEMA_STATEMENTS } from '../retention/schema';
import { TOKEN_SCHEMA_STATEMENTS } from '../tokens/schema';
import { APP_LOCK_NAMESPACE, AdvisoryLock, type Db, type Queryable } from './db';

export interface Migration {
  /** Positive integer, unique; migrations apply in ascending id order. */
  readonly id: number;
  /** Short stable name, recorded alongside the id (a different name for a recorded id is an error). */
  readonly name: string;
  /** SQL statements (one statement per string) or a function; runs inside the migration transaction. */
  readonly up: readonly string[] | ((tx: Queryable) => Promise<void>);
}

export const migrations: Migration[] = [
  { id: 1, name: 'ledger_entries', up: LEDGER_SCHEMA_STATEMENTS },
  { id: 2, name: 'recipients_and_deliveries', up: RECIPIENT_SCHEMA_STATEMENTS },
  { id: 3, name: 'drill_runs', up: DRILL_SCHEMA_STATEMENTS },
  { id: 4, name: 'api_tokens', up: TOKEN_SCHEMA_STATEMENTS },
  { id: 5, name: 'letters', up: LETTER_SCHEMA_STATEMENTS },
  { id: 6, name: 'retention', up: RETENTION_SCHEMA_STATEMENTS },
];

export interface MigrateResult {
  /** Ids applied by this call (empty when the schema was already up to date). */
  applied: number[];
}

function checkList(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.id - b.id);
  sorted.forEach((m, i) => {
    if (!Number.isSafeInteger(m.id) || m.id < 1)
      throw new Error(`migration id must be a positive integer (got ${m.id})`);
    if (i > 0 && sorted[i - 1].id === m.id) {
      throw new Error(`duplicate migration id ${m.id} (${sorted[i - 1].name}, ${m.name})`);
    }
    if (!m.name) throw new Error(`migration ${m.id} has no name`);
  });
  return sorted;
}

export async function migrate(db: Db, list: readonly Migration[] = migrations): Promise<MigrateResult> {
  const sorted = checkList(list);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [APP_LOCK_NAMESPACE, AdvisoryLock.migrations]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id         integer     PRIMARY KEY,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations');
    const recorded = new Map(rows.map((r) => [Number(r.id), r.name]));
    const applied: number[] = [];
    for (const m of sorted) {
      const name = recorded.get(m.id);
      if (name !== undefined) {
        if (name !== m.name)
          throw new Error(`migration ${m.id} is recorded as '${name}' but the code calls it '${m.name}'`);
        continue;
      }
      if (typeof m.up === 'function') await m.up(tx);
      else for (const sql of m.up) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    // Ids recorded in the database but unknown to this code come from a newer release (rolling
    // deploy); they are left alone.
    return { applied };
  });
}
