/**
 * Database backends the store/ledger suites run against, for `describe.each(testBackends())`.
 *
 * - `pglite`: always; one in-memory PGlite per test file.
 * - `postgres`: only when TEST_DATABASE_URL is set (e.g. `export TEST_DATABASE_URL=$(.ci/postgres.sh)`).
 *   When it is unset the backend is simply not in the list — nothing is skipped-as-passed.
 *
 * Each `open()` returns a Db on a fresh, empty schema (via search_path), so tests — and test files
 * running in parallel jest workers against one PostgreSQL database — never see each other's tables.
 * Sessions use an unusual TimeZone (+13:45) to prove nothing depends on the server's zone.
 */
import { TEMPLATE_ENV } from './template';
import { openDatabase, type Db } from '../../activities/store/db';

export const TEST_TIMEZONE = 'Pacific/Chatham';

export interface TestDb {
  readonly db: Db;
  readonly schema: string;
  /** Another independent Db on the same schema, as a second process would have (PostgreSQL only). */
  openPeer?: () => Promise<Db>;
  /** Closes the Db (and peers) and drops the schema. */
  close(): Promise<void>;
}

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<TestDb>;
  /** Releases shared resources; call in afterAll. */
  end(): Promise<void>;
}

let counter = 0;
function schemaName(): string {
  counter += 1;
  return `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

function pgliteBackend(): TestBackend {
  let shared: Promise<Db> | undefined;
  return {
    name: 'pglite',
    async open() {
      // Started from the prepared store (initdb is slow); each test works in its own schema anyway.
      shared ??= openDatabase({ dataDir: 'memory://', snapshot: process.env[TEMPLATE_ENV] });
      const base = await shared;
      const schema = schemaName();
      await base.query(`CREATE SCHEMA ${schema}`);
      // PGlite is a single session, so this applies to every later query and transaction.
      await base.query(`SET search_path TO ${schema}`);
      await base.query(`SET TimeZone TO '${TEST_TIMEZONE}'`);
      const db: Db = {
        kind: base.kind,
        query: (sql, params) => base.query(sql, params),
        transaction: (fn) => base.transaction(fn),
        close: async () => undefined,
      };
      return {
        db,
        schema,
        async close() {
          await base.query('SET search_path TO public');
          await base.query(`DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
    async end() {
      if (shared) await (await shared).close();
    },
  };
}

function postgresBackend(url: string): TestBackend {
  let admin: Promise<Db> | undefined;
  const urlFor = (schema: string) => {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema} -c TimeZone=${TEST_TIMEZONE}`);
    return u.toString();
  };
  return {
    name: 'postgres',
    async open() {
      admin ??= openDatabase({ url });
      const a = await admin;
      const schema = schemaName();
      await a.query(`CREATE SCHEMA ${schema}`);
      const db = await openDatabase({ url: urlFor(schema) });
      const peers: Db[] = [];
      return {
        db,
        schema,
        async openPeer() {
          const p = await openDatabase({ url: urlFor(schema) });
          peers.push(p);
          return p;
        },
        async close() {
          await Promise.all([db, ...peers].map((d) => d.close()));
          await a.query(`DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
    async end() {
      if (admin) await (await admin).close();
    },
  };
}

/** The backends available in this environment (see file comment). */
export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pgliteBackend(), postgresBackend(url)] : [pgliteBackend()];
}
