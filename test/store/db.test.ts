import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../activities/store/db';
import { migrate, migrations, type Migration } from '../../activities/store/migrate';
import { testBackends, type TestDb } from './backends';

describe('openDatabase (PGlite)', () => {
  it('opens an in-memory database', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(db.kind).toBe('pglite');
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      await db.close(); // idempotent
    }
  });

  it('persists to a data directory (created if missing) across reopen', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bre-pglite-'));
    const dataDir = join(root, 'nested', 'pglite');
    try {
      const first = await openDatabase({ dataDir });
      await migrate(first);
      await first.query('CREATE TABLE kept (v text)');
      await first.query('INSERT INTO kept VALUES ($1)', ['still here']);
      await first.close();

      const second = await openDatabase({ dataDir });
      try {
        expect((await second.query('SELECT v FROM kept')).rows).toEqual([{ v: 'still here' }]);
        expect((await migrate(second)).applied).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe('openDatabase (PostgreSQL)', () => {
    it('opens a pool on the URL', async () => {
      const db = await openDatabase({ url: process.env.TEST_DATABASE_URL });
      try {
        expect(db.kind).toBe('postgres');
        expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await db.close();
      }
    });

    it('fails fast on an unreachable server', async () => {
      await expect(openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nope' })).rejects.toThrow();
    });
  });
}

describe.each(testBackends())('store on $name', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeEach(async () => {
    t = await backend.open();
    db = t.db;
  });
  afterEach(async () => t.close());
  afterAll(async () => backend.end());

  describe('query', () => {
    it('returns the common types the same way on both backends', async () => {
      const { rows } = await db.query(
        `SELECT 42::int4 AS i4, 9007199254740991::int8 AS i8, 9007199254740993::int8 AS big, count(*) AS n,
                1.50::numeric AS num, 0.5::float8 AS f8, 'x'::text AS t, true AS b, NULL::text AS nul,
                '{"b":[1,2.0,{"c":null}],"a":"é"}'::jsonb AS j,
                '2024-05-01T12:00:00.123Z'::timestamptz AS ts
           FROM (VALUES (1), (2)) v(x)`,
      );
      expect(rows).toEqual([
        {
          i4: 42,
          i8: 9007199254740991,
          big: 9007199254740993n,
          n: 2,
          num: '1.50',
          f8: 0.5,
          t: 'x',
          b: true,
          nul: null,
          j: { a: 'é', b: [1, 2, { c: null }] },
          ts: new Date('2024-05-01T12:00:00.123Z'),
        },
      ]);
    });

    it('passes parameters', async () => {
      const { rows } = await db.query<{ s: string; n: number; j: unknown }>(
        'SELECT $1::text AS s, $2::int4 + 1 AS n, $3::jsonb AS j',
        ['hé', 41, '{"k":[true]}'],
      );
      expect(rows).toEqual([{ s: 'hé', n: 42, j: { k: [true] } }]);
    });
  });

  describe('transaction', () => {
    beforeEach(async () => {
      await db.query('CREATE TABLE items (v int PRIMARY KEY)');
    });

    it('commits', async () => {
      const r = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO items VALUES (1), (2)');
        return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM items')).rows[0].n;
      });
      expect(r).toBe(2);
      expect((await db.query('SELECT v FROM items ORDER BY v')).rows).toEqual([{ v: 1 }, { v: 2 }]);
    });

    it('rolls back and rethrows when fn throws', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO items VALUES (1)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await db.query('SELECT v FROM items')).rows).toEqual([]);
    });

    it('rolls back on an SQL error', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO items VALUES (1)');
          await tx.query('INSERT INTO items VALUES (1)'); // duplicate key
        }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/duplicate key/),
        code: '23505',
        constraint: 'items_pkey',
      });
      expect((await db.query('SELECT v FROM items')).rows).toEqual([]);
      // the backend is still usable afterwards
      await db.transaction(async (tx) => tx.query('INSERT INTO items VALUES (3)'));
      expect((await db.query('SELECT v FROM items')).rows).toEqual([{ v: 3 }]);
    });

    it('refuses a leaked handle after the transaction ends', async () => {
      let leaked: Pick<Db, 'query'> | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.query('SELECT 1')).rejects.toThrow(/already finished/);
    });

    it('isolates concurrent transactions', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db
            .transaction(async (tx) => {
              await tx.query('INSERT INTO items VALUES ($1)', [i]);
              if (i % 2) throw new Error('odd');
            })
            .catch(() => undefined),
        ),
      );
      const { rows } = await db.query<{ v: number }>('SELECT v FROM items ORDER BY v');
      expect(rows.map((r) => r.v)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    });
  });

  describe('migrate', () => {
    it('applies migrations once and records them (idempotent)', async () => {
      expect(await migrate(db)).toEqual({ applied: migrations.map((m) => m.id) });
      expect(await migrate(db)).toEqual({ applied: [] });
      const { rows } = await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM schema_migrations ORDER BY id',
      );
      expect(rows).toEqual(migrations.map((m) => ({ id: m.id, name: m.name })));
      expect((await db.query(`SELECT count(*) AS n FROM ledger_entries`)).rows).toEqual([{ n: 0 }]);
    });

    it('applies later migrations added to the list, in id order, code or SQL', async () => {
      await migrate(db);
      const extra: Migration[] = [
        {
          id: 1001,
          name: 'b',
          up: async (tx) => {
            await tx.query('INSERT INTO widgets VALUES (2)');
          },
        },
        { id: 1000, name: 'a', up: ['CREATE TABLE widgets (v int)', 'INSERT INTO widgets VALUES (1)'] },
      ];
      expect(await migrate(db, [...migrations, ...extra])).toEqual({ applied: [1000, 1001] });
      expect(await migrate(db, [...migrations, ...extra])).toEqual({ applied: [] });
      expect((await db.query('SELECT v FROM widgets ORDER BY v')).rows).toEqual([{ v: 1 }, { v: 2 }]);
    });

    it('rolls back every pending migration when one fails', async () => {
      const list: Migration[] = [
        ...migrations,
        { id: 2000, name: 'broken', up: ['CREATE TABLE half (v int)', 'SELECT * FROM no_such_table'] },
      ];
      await expect(migrate(db, list)).rejects.toThrow(/no_such_table/);
      const { rows } = await db.query(`SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name IN ('half', 'ledger_entries', 'schema_migrations')`);
      expect(rows).toEqual([]);
    });

    it('rejects duplicate ids and a renamed recorded migration', async () => {
      await expect(
        migrate(db, [...migrations, { id: 5, name: 'x', up: [] }, { id: 5, name: 'y', up: [] }]),
      ).rejects.toThrow(/duplicate migration id 5/);
      await migrate(db);
      await expect(migrate(db, [{ ...migrations[0], name: 'renamed' }])).rejects.toThrow(
        /recorded as 'ledger_entries'/,
      );
    });

    it('is safe when several processes migrate at once', async () => {
      // On PostgreSQL each peer is its own connection pool (like separate processes); on PGlite
      // the calls share the single embedded connection.
      const dbs = t.openPeer
        ? [db, ...(await Promise.all([t.openPeer(), t.openPeer(), t.openPeer()]))]
        : [db, db, db, db];
      const results = await Promise.all(dbs.map((d) => migrate(d)));
      const applied = results.flatMap((r) => r.applied).sort((a, b) => a - b);
      expect(applied).toEqual(migrations.map((m) => m.id));
      expect((await db.query('SELECT count(*) AS n FROM schema_migrations')).rows).toEqual([{ n: migrations.length }]);
    });
  });
});
