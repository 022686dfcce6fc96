/**
 * Database access: PostgreSQL (via `pg.Pool`) in production, embedded PGlite (PostgreSQL compiled
 * to WASM) for development and tests. Both speak the same SQL: write plain PostgreSQL, pass
 * parameters as `$1, $2, …`, and cast where the type matters (`$1::jsonb`, `$2::timestamptz`).
 *
 * Result values are aligned across the two backends for the common types:
 *   int2/int4/float4/float8 → number; int8 (bigint, count(*)) → number (a JS `bigint` only when
 *   outside ±2^53); numeric → string; json/jsonb → parsed value; timestamptz → Date; bool → boolean.
 * Prefer `timestamptz` over `timestamp`/`date` (drivers interpret zone-less values differently).
 */
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool, types as pgTypes, type CustomTypesConfig } from 'pg';
import { z } from 'zod';

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` inside BEGIN … COMMIT on one connection; ROLLBACK (and rethrow) if it throws.
   * Use only `tx` inside `fn` — calling `db.query`/`db.transaction` from inside would, on PGlite,
   * wait for this transaction to finish (deadlock), and on PostgreSQL run outside it.
   */
  transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T>;
  /** Embedded store only: the whole data folder as a tar archive (what `snapshot` loads). */
  dump?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DIR = './data/pglite';

export const OpenDatabaseOptions = z.object({
  /** PostgreSQL connection string (production: `DATABASE_URL`). Takes precedence over dataDir. */
  url: z.string().min(1).optional(),
  /** PGlite data directory; `memory://` for an in-memory database. Default `./data/pglite`. */
  dataDir: z.string().min(1).optional(),
  /** PGlite only: a data-folder archive (from `dump()`) to start a new database from, skipping initdb. */
  snapshot: z.string().min(1).optional(),
});
export type OpenDatabaseOptions = z.infer<typeof OpenDatabaseOptions>;

/**
 * Keys for `pg_advisory_xact_lock(APP_LOCK_NAMESPACE, key)`. Advisory locks are database-wide, so
 * every lock this application takes is listed here to keep keys unique.
 */
export const APP_LOCK_NAMESPACE = 0x42524531; // 'BRE1'
export const AdvisoryLock = { migrations: 1, ledgerAppend: 2 } as const;

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Db> {
  const o = OpenDatabaseOptions.parse(opts);
  return o.url ? openPostgres(o.url) : openPglite(o.dataDir ?? DEFAULT_PGLITE_DIR, o.snapshot);
}

/** A transaction handle that refuses use after COMMIT/ROLLBACK (a leaked handle would otherwise
 * run statements outside the transaction, on a connection another caller may now own). */
function guardedTx(run: Queryable['query']): { tx: Pick<Db, 'query'>; finish(): void } {
  let finished = false;
  const tx: Pick<Db, 'query'> = {
    query<R>(sql: string, params?: unknown[]) {
      if (finished) return Promise.reject(new Error('transaction already finished; this handle can no longer be used'));
      return run<R>(sql, params);
    },
  };
  return {
    tx,
    finish: () => {
      finished = true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const INT8_OID = 20;

/** Same rule PGlite applies to int8: a number when exactly representable, else a bigint. */
function parseInt8(text: string): number | bigint {
  const n = BigInt(text);
  return n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER) ? n : Number(n);
}

const pgTypeConfig: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pgTypes.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

async function openPostgres(url: string): Promise<Db> {
  const pool = new Pool({ connectionString: url, types: pgTypeConfig });
  // An idle client whose server connection drops emits 'error' on the pool; unhandled, that would
  // crash the process. The pool discards the client and the next query reconnects (or fails loudly).
  pool.on('error', () => undefined);
  let closed = false;
  const db: Db = {
    kind: 'postgres',
    async query<R>(sql: string, params?: unknown[]) {
      const res = await pool.query(sql, params);
      return { rows: res.rows as R[] };
    },
    async transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const { tx, finish } = guardedTx(async <R>(sql: string, params?: unknown[]) => {
        const res = await client.query(sql, params);
        return { rows: res.rows as R[] };
      });
      let discard: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is in an unknown state: destroy it rather than return it to the pool.
          discard = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw err;
      } finally {
        finish();
        client.release(discard);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  try {
    await db.query('SELECT 1'); // fail fast on a bad URL or unreachable server
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

// ---------------------------------------------------------------------------------------------
// PGlite
//
// PGlite runs in a worker thread, not in the calling thread:
//  - its WASM engine executes queries synchronously, which would stall the event loop (Temporal
//    activity heartbeats, HTTP handlers) for the duration of every statement;
//  - it loads its own parts with dynamic import(), which jest's module sandbox refuses unless node
//    runs with --experimental-vm-modules; a worker is a plain Node context, so `npx jest` just works.
// PGlite is one connection: queries and transactions are serialized here (a transaction holds the
// connection from BEGIN to COMMIT/ROLLBACK; other callers wait), as PGlite itself does in-process.

const PGLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pgliteEntry);
const FIELDS = ['code', 'severity', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine'];
const toWire = (e) => {
  const out = { name: (e && e.name) || 'Error', message: (e && e.message) || String(e) };
  for (const k of FIELDS) if (e && e[k] !== undefined) out[k] = e[k];
  return out;
};
const options = workerData.snapshot
  ? { ...workerData.options, loadDataDir: new Blob([require('node:fs').readFileSync(workerData.snapshot)]) }
  : workerData.options;
PGlite.create(workerData.dataDir, options).then((pg) => {
  parentPort.on('message', async (m) => {
    try {
      if (m.op === 'query') {
        const r = await pg.query(m.sql, m.params);
        parentPort.postMessage({ id: m.id, ok: true, rows: r.rows });
      } else if (m.op === 'dump') {
        const data = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
        parentPort.postMessage({ id: m.id, ok: true, data }, [data.buffer]);
      } else if (m.op === 'close') {
        await pg.close();
        parentPort.postMessage({ id: m.id, ok: true });
        parentPort.close();
      }
    } catch (e) {
      parentPort.postMessage({ id: m.id, ok: false, error: toWire(e) });
    }
  });
  parentPort.postMessage({ id: 0, ok: true });
}, (e) => parentPort.postMessage({ id: 0, ok: false, error: toWire(e) }));
`;

type WireError = { name: string; message: string } & Record<string, unknown>;
type Reply =
  { id: number; ok: true; rows?: unknown[]; data?: Uint8Array } | { id: number; ok: false; error: WireError };

function fromWire(e: WireError): Error {
  const err = new Error(e.message);
  if (e.name && e.name !== 'Error') err.name = e.name;
  for (const [k, v] of Object.entries(e))
    if (k !== 'name' && k !== 'message') (err as unknown as Record<string, unknown>)[k] = v;
  return err;
}

function isLocalPath(dataDir: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir); // memory://, idb://, file:// …
}

async function openPglite(dataDir: string, snapshot?: string): Promise<Db> {
  let dir = dataDir;
  if (isLocalPath(dataDir)) {
    dir = resolvePath(dataDir);
    mkdirSync(dir, { recursive: true });
  }
  const worker = new Worker(PGLITE_WORKER_SOURCE, {
    eval: true,
    // An embedded store serves one process: 16 MB of shared buffers (PostgreSQL's default is 128 MB)
    // keeps the resident size near 150 MB; the OS page cache still holds the files.
    workerData: {
      dataDir: dir,
      snapshot: snapshot && resolvePath(snapshot),
      pgliteEntry: require.resolve('@electric-sql/pglite'),
      options: { postgresqlconf: ['shared_buffers=16MB'] },
    },
  });

  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  // Keep the process alive only while a request is in flight, so a forgotten close() cannot hang it.
  const track = () => (pending.size ? worker.ref() : worker.unref());

  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: (r) => (r.ok ? resolve() : reject(fromWire(r.error))), reject });
  });
  worker.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    track();
    p?.resolve(r);
  });
  const failAll = (err: Error) => {
    dead ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (code ${code}); database is closed`)));

  const request = (
    msg: { op: 'query'; sql: string; params: unknown[] } | { op: 'close' } | { op: 'dump' },
  ): Promise<Reply> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      track();
      try {
        worker.postMessage({ ...msg, id });
      } catch (err) {
        // e.g. a parameter that cannot be cloned (a function)
        pending.delete(id);
        track();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  };
  const run = async <R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> => {
    const r = await request({ op: 'query', sql, params: params ?? [] });
    if (!r.ok) throw fromWire(r.error);
    return { rows: (r.rows ?? []) as R[] };
  };

  try {
    await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  // One connection: every query or transaction takes its turn.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = turn.then(fn);
    turn = result.catch(() => undefined);
    return result;
  };

  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: <R>(sql: string, params?: unknown[]) => exclusive(() => run<R>(sql, params)),
    transaction: <T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>) =>
      exclusive(async () => {
        const { tx, finish } = guardedTx(run);
        await run('BEGIN');
        try {
          const result = await fn(tx);
          await run('COMMIT');
          return result;
        } catch (err) {
          if (!dead) await run('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          finish();
        }
      }),
    dump: () =>
      exclusive(async () => {
        const r = await request({ op: 'dump' });
        if (!r.ok) throw fromWire(r.error);
        return r.data ?? new Uint8Array();
      }),
    close() {
      closing ??= exclusive(async () => {
        if (!dead) {
          const r = await request({ op: 'close' }).catch((e: unknown) => ({
            id: -1,
            ok: false as const,
            error: { name: 'Error', message: String(e) },
          }));
          if (!r.ok && !dead) throw fromWire(r.error);
        }
        await worker.terminate();
      });
      return closing;
    },
  };
}
