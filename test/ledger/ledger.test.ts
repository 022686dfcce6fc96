import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  canonicalJson,
  firstNonCanonicalNumber,
  numberLiterals,
  pgNumericText,
} from '../../activities/ledger/canonical';
import {
  GENESIS_HASH,
  createLedger,
  entryHash,
  hashInput,
  verifyEntries,
  type Ledger,
  type LedgerEntry,
} from '../../activities/ledger/ledger';
import { LEDGER_APPEND_ONLY_TRIGGER } from '../../activities/ledger/schema';
import type { Db } from '../../activities/store/db';
import { migrate } from '../../activities/store/migrate';
import { testBackends, type TestDb } from '../store/backends';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The auditor's recipe from activities/ledger/README.md, written independently of canonical.ts. */
const readmeCanonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(readmeCanonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${readmeCanonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const AWKWARD_PAYLOAD = {
  zeta: 1.0,
  alpha: { nested: { deeper: [1e21, 1e-7, -0, 0.1, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, -123.456] } },
  unicode: { é: 'ü€𝄞😀', Ω: '中文 עברית', '\u0080': 'control \n\t\u001f "quoted" \\ back/slash' },
  longKeyFirst: true,
  b: null,
  a: [{ y: 2, x: 1 }, [], {}, ''],
  dropped: undefined,
};

describe('canonicalJson (RFC 8785)', () => {
  it('matches the RFC 8785 §3.2.2 example', () => {
    const input =
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, recursively (RFC 8785 §3.2.3 example)', () => {
    const obj = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const;
    expect(canonicalJson(obj)).toBe(
      `{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`).join(',')}}`,
    );
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [{ z: 1, y: 2 }] })).toBe('{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}');
  });

  it('formats numbers as ECMAScript does', () => {
    expect(canonicalJson([1.0, 1e21, 1e20, 1e-7, 1e-6, -0, 0.1 + 0.2, 2 ** 53])).toBe(
      '[1,1e+21,100000000000000000000,1e-7,0.000001,0,0.30000000000000004,9007199254740992]',
    );
  });

  it('omits undefined members and rejects what is not JSON', () => {
    const holey = new Array<number>(2);
    holey[1] = 1;
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    for (const bad of [
      NaN,
      Infinity,
      10n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      [undefined],
      holey,
      '\ud800',
      { k: '\udc00x' },
      undefined,
    ]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}'); // shared, not cyclic
    expect(canonicalJson(Object.assign(Object.create(null) as object, { k: 1 }))).toBe('{"k":1}');
  });

  it('agrees with the README recipe on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (v) => {
        expect(canonicalJson(v)).toBe(readmeCanonical(v));
      }),
      { numRuns: 300 },
    );
  });
});

describe('PostgreSQL numeric text form', () => {
  it('maps canonical numbers to numeric output', () => {
    expect(pgNumericText('1e+21')).toBe('1000000000000000000000');
    expect(pgNumericText('1.5e-7')).toBe('0.00000015');
    expect(pgNumericText('-2.5e+3')).toBe('-2500');
    expect(pgNumericText('0.001')).toBe('0.001');
    expect(pgNumericText('0')).toBe('0');
    expect(pgNumericText('-7')).toBe('-7');
    expect(numberLiterals('{"a": [1, -2.5, "x\\"9", 3e5], "7": {"b": 1.0}}')).toEqual(['1', '-2.5', '3e5', '1.0']);
    expect(firstNonCanonicalNumber('{"a": [1, 0.1, 1000000000000000000000]}')).toBeUndefined();
    expect(firstNonCanonicalNumber('{"a": 1.0}')).toBe('1.0');
    expect(firstNonCanonicalNumber('{"a": 100.00000000000000001}')).toBe('100.00000000000000001');
  });
});

describe.each(testBackends())('ledger on $name', (backend) => {
  let t: TestDb;
  let db: Db;
  let ledger: Ledger;
  let n = 0;

  const entry = (over: Partial<Parameters<Ledger['append']>[0]> = {}) => {
    n += 1;
    return {
      eventId: `evt-${n}`,
      incidentId: 'inc-1',
      at: new Date(Date.UTC(2024, 4, 1, 12, 0, n, n % 1000)).toISOString(),
      actor: 'alice',
      action: 'note',
      payload: { n, text: `entry ${n}` },
      ...over,
    };
  };
  const appendMany = async (count: number, over: Partial<Parameters<Ledger['append']>[0]> = {}) => {
    const out: LedgerEntry[] = [];
    for (let i = 0; i < count; i++) out.push(await ledger.append(entry(over)));
    return out;
  };
  /** What an attacker with DDL rights does: switch the append-only trigger off, edit, switch it back. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    await db.query(`ALTER TABLE ledger_entries DISABLE TRIGGER ${LEDGER_APPEND_ONLY_TRIGGER}`);
    try {
      await db.query(sql, params);
    } finally {
      await db.query(`ALTER TABLE ledger_entries ENABLE TRIGGER ${LEDGER_APPEND_ONLY_TRIGGER}`);
    }
  };

  beforeEach(async () => {
    t = await backend.open();
    db = t.db;
    await migrate(db);
    ledger = createLedger(db);
  });
  afterEach(async () => t.close());
  afterAll(async () => backend.end());

  describe('append and verify', () => {
    it('verifies an empty ledger', async () => {
      expect(await ledger.verify()).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
    });

    it('builds a hash chain that verifies', async () => {
      const entries = await appendMany(7);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(entries[0].prevHash).toBe(GENESIS_HASH);
      entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i].hash));
      for (const e of entries) {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(e.hash).toBe(sha256(hashInput(e)));
      }
      expect(await ledger.verify()).toEqual({ ok: true, count: 7, head: entries[6].hash });
      expect(await ledger.list()).toEqual(entries);
    });

    it('hashes exactly the documented canonical text', async () => {
      const e = await ledger.append({
        eventId: 'e-1',
        incidentId: 'INC-7',
        at: '2024-05-01T14:00:00.5+02:00',
        actor: 'bob',
        action: 'notify',
        payload: { to: ['dpa@example.eu'], deadline: '2024-05-04T12:00:00Z' },
      });
      expect(e.at).toBe('2024-05-01T12:00:00.500Z');
      expect(hashInput(e)).toBe(
        '{"action":"notify","actor":"bob","at":"2024-05-01T12:00:00.500Z","event_id":"e-1","incident_id":"INC-7",' +
          '"payload":{"deadline":"2024-05-04T12:00:00Z","to":["dpa@example.eu"]},' +
          `"prev_hash":"${GENESIS_HASH}","seq":1}`,
      );
      expect(e.hash).toBe(sha256(hashInput(e)));
    });

    it('lets an auditor recompute every hash from SQL with the README recipe', async () => {
      await appendMany(3);
      await ledger.append(entry({ payload: AWKWARD_PAYLOAD }));
      const { rows } = await db.query<{ doc: unknown; hash: string }>(`
        SELECT json_build_object(
                 'seq', seq, 'event_id', event_id, 'incident_id', incident_id,
                 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'actor', actor, 'action', action, 'payload', payload, 'prev_hash', prev_hash) AS doc,
               hash
          FROM ledger_entries ORDER BY seq`);
      expect(rows).toHaveLength(4);
      for (const r of rows) expect(sha256(readmeCanonical(r.doc))).toBe(r.hash);
    });

    it('keeps hashes valid across jsonb normalisation (key order, number forms, unicode, nesting)', async () => {
      const e = await ledger.append(entry({ payload: AWKWARD_PAYLOAD }));
      const expected = JSON.parse(canonicalJson(AWKWARD_PAYLOAD)) as unknown;
      expect(e.payload).toEqual(expected);
      expect(e.payload).not.toHaveProperty('dropped');
      const { rows } = await db.query<{ t: string }>('SELECT payload::text AS t FROM ledger_entries');
      expect(rows[0].t).toContain('1000000000000000000000'); // jsonb re-formats 1e21 …
      expect(rows[0].t).not.toBe(canonicalJson(AWKWARD_PAYLOAD)); // … and re-orders keys
      expect((await ledger.list())[0]).toEqual(e);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 1 });
    });

    it('accepts scalar and array payloads', async () => {
      for (const payload of [null, 0, 'text', true, [1, 'two', { three: 3 }]]) await ledger.append(entry({ payload }));
      expect((await ledger.list()).map((e) => e.payload)).toEqual([null, 0, 'text', true, [1, 'two', { three: 3 }]]);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 5 });
    });

    it('round-trips arbitrary JSON payloads', async () => {
      const noNul = (v: unknown) => !JSON.stringify(v).includes('\\u0000');
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 4 }).filter(noNul), async (payload) => {
          const e = await ledger.append(entry({ payload }));
          expect(e.payload).toEqual(JSON.parse(canonicalJson(payload)));
        }),
        { numRuns: 60 },
      );
      expect(await ledger.verify()).toMatchObject({ ok: true });
    });

    it('agrees with the database on how every double is stored in jsonb', async () => {
      const values = fc
        .sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 500)
        .concat([1, 1.0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 0.1, 123456789.125]);
      const text = canonicalJson(values);
      const { rows } = await db.query<{ t: string }>('SELECT ($1::jsonb)::text AS t', [text]);
      expect(numberLiterals(rows[0].t)).toEqual(values.map((v) => pgNumericText(JSON.stringify(v))));
      expect(firstNonCanonicalNumber(rows[0].t)).toBeUndefined();
    });

    it('normalises `at` to UTC milliseconds', async () => {
      const a = await ledger.append(entry({ at: '2024-12-31T23:59:59.999-05:00' }));
      const b = await ledger.append(entry({ at: '2024-01-01T00:00:00Z' }));
      const c = await ledger.append(entry({ at: '2024-01-01T00:00:00.123456Z' }));
      expect([a.at, b.at, c.at]).toEqual([
        '2025-01-01T04:59:59.999Z',
        '2024-01-01T00:00:00.000Z',
        '2024-01-01T00:00:00.123Z',
      ]);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 3 });
    });

    it('rejects invalid input without appending', async () => {
      const bad: unknown[] = [
        { ...entry(), eventId: '' },
        { ...entry(), at: 'yesterday' },
        { ...entry(), at: '2024-05-01T12:00:00' }, // no offset: ambiguous
        { ...entry(), actor: 'nul\u0000' },
        { ...entry(), payload: { s: 'nul\u0000' } },
        { ...entry(), payload: { n: NaN } },
        { ...entry(), payload: { d: new Date() } },
        { ...entry(), payload: [1, undefined] },
        { ...entry(), payload: undefined },
        { ...entry(), payload: { big: 1n } },
      ];
      for (const input of bad) {
        await expect(ledger.append(input as Parameters<Ledger['append']>[0])).rejects.toThrow();
      }
      expect(await ledger.list()).toEqual([]);
    });
  });

  describe('idempotency (event_id)', () => {
    it('returns the existing entry for a repeated event_id and appends nothing', async () => {
      const first = await ledger.append(entry({ eventId: 'retry-me' }));
      await appendMany(2);
      // A retried activity may carry a new timestamp; the original entry wins.
      const again = await ledger.append({ ...entry({ eventId: 'retry-me' }), at: new Date().toISOString() });
      expect(again).toEqual(first);
      const listed = await ledger.list();
      expect(listed.filter((e) => e.eventId === 'retry-me')).toHaveLength(1);
      expect(listed[0]).toEqual(first);
      expect(listed).toHaveLength(3);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 3 });
    });

    it('appends once when the same event arrives concurrently', async () => {
      const dbs = t.openPeer ? [db, await t.openPeer(), await t.openPeer()] : [db];
      const ledgers = dbs.map((d) => createLedger(d));
      const input = entry({ eventId: 'dup' });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => ledgers[i % ledgers.length].append(input)),
      );
      expect(new Set(results.map((r) => r.seq))).toEqual(new Set([1]));
      expect(await ledger.list()).toHaveLength(1);
    });
  });

  describe('concurrency', () => {
    it('keeps seq gap-free and the chain valid under 50 parallel appends', async () => {
      // On PostgreSQL the appends come from three independent pools (like three processes).
      const dbs = t.openPeer ? [db, await t.openPeer(), await t.openPeer()] : [db];
      const ledgers = dbs.map((d) => createLedger(d));
      const inputs = Array.from({ length: 50 }, () => entry());
      const results = await Promise.all(inputs.map((e, i) => ledgers[i % ledgers.length].append(e)));
      expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 50 });
      const all = await ledger.list();
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(all.map((e) => e.eventId))).toEqual(new Set(inputs.map((e) => e.eventId)));
    });
  });

  describe('list', () => {
    it('filters by incident, pages with afterSeq and limit, in seq order', async () => {
      await appendMany(2, { incidentId: 'A' });
      await appendMany(1, { incidentId: 'B' });
      await appendMany(3, { incidentId: 'A' });
      const a = await ledger.list({ incidentId: 'A' });
      expect(a.map((e) => e.seq)).toEqual([1, 2, 4, 5, 6]);
      expect((await ledger.list({ incidentId: 'B' })).map((e) => e.seq)).toEqual([3]);
      expect(await ledger.list({ incidentId: 'nope' })).toEqual([]);
      expect((await ledger.list({ incidentId: 'A', afterSeq: 2, limit: 2 })).map((e) => e.seq)).toEqual([4, 5]);
      expect((await ledger.list({ afterSeq: 4 })).map((e) => e.seq)).toEqual([5, 6]);
      expect((await ledger.list({ limit: 1 })).map((e) => e.seq)).toEqual([1]);
      await expect(ledger.list({ limit: 0 })).rejects.toThrow();
    });
  });

  describe('append-only enforcement', () => {
    beforeEach(async () => {
      await appendMany(3);
    });

    it.each([
      ['UPDATE', `UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 2`],
      ['DELETE', 'DELETE FROM ledger_entries WHERE seq = 2'],
      ['TRUNCATE', 'TRUNCATE ledger_entries'],
    ])('refuses %s', async (op, sql) => {
      await expect(db.query(sql)).rejects.toThrow(new RegExp(`append-only: ${op} refused`));
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 3 });
    });
  });

  describe('tamper detection', () => {
    let entries: LedgerEntry[];
    beforeEach(async () => {
      entries = await appendMany(6);
    });

    it.each([
      ['payload', `UPDATE ledger_entries SET payload = jsonb_set(payload, '{text}', '"edited"') WHERE seq = 3`, 3],
      ['at (+1 ms)', `UPDATE ledger_entries SET at = at + interval '1 millisecond' WHERE seq = 4`, 4],
      ['at (+1 µs)', `UPDATE ledger_entries SET at = at + interval '1 microsecond' WHERE seq = 4`, 4],
      ['actor', `UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 2`, 2],
      ['action', `UPDATE ledger_entries SET action = 'other' WHERE seq = 5`, 5],
      ['incident_id', `UPDATE ledger_entries SET incident_id = 'inc-2' WHERE seq = 6`, 6],
      ['event_id', `UPDATE ledger_entries SET event_id = 'forged' WHERE seq = 1`, 1],
      ['prev_hash', `UPDATE ledger_entries SET prev_hash = repeat('a', 64) WHERE seq = 3`, 3],
      ['hash', `UPDATE ledger_entries SET hash = repeat('b', 64) WHERE seq = 6`, 6],
    ])('detects an altered %s at the right seq', async (_what, sql, seq) => {
      await tamper(sql);
      const r = await ledger.verify();
      expect(r).toEqual({
        ok: false,
        count: seq - 1,
        firstBadSeq: seq,
        reason: expect.stringMatching(new RegExp(`^hash mismatch at seq ${seq}\\b`)),
      });
    });

    it('reports only the first of several alterations', async () => {
      await tamper(`UPDATE ledger_entries SET actor = 'mallory' WHERE seq IN (2, 5)`);
      expect(await ledger.verify()).toMatchObject({ ok: false, firstBadSeq: 2 });
    });

    it('detects a number edited below double precision or re-scaled', async () => {
      await ledger.append(entry({ payload: { amount: 100 } })); // seq 7
      for (const forged of ['100.00000000000000001', '100.0']) {
        await tamper(`UPDATE ledger_entries SET payload = $1::jsonb WHERE seq = 7`, [`{"amount": ${forged}}`]);
        expect(await ledger.verify()).toEqual({
          ok: false,
          count: 6,
          firstBadSeq: 7,
          reason: expect.stringContaining(`stored number ${forged} is not a value append writes`),
        });
      }
      await tamper(`UPDATE ledger_entries SET payload = '{"amount": 100}'::jsonb WHERE seq = 7`);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 7 });
    });

    it('is not fooled by a semantically identical rewrite of the payload', async () => {
      await ledger.append(entry({ payload: AWKWARD_PAYLOAD })); // seq 7
      await tamper(`UPDATE ledger_entries SET payload = (payload::text)::jsonb WHERE seq = 7`);
      await tamper(`UPDATE ledger_entries SET payload = $1::jsonb WHERE seq = 7`, [
        JSON.stringify(JSON.parse(canonicalJson(AWKWARD_PAYLOAD)), null, 2),
      ]);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 7 });
    });

    it('detects a row rewritten together with a recomputed hash, at the next link', async () => {
      const forged = { ...entries[2], actor: 'mallory' };
      forged.hash = entryHash(forged);
      await tamper(`UPDATE ledger_entries SET actor = $1, hash = $2 WHERE seq = 3`, [forged.actor, forged.hash]);
      expect(await ledger.verify()).toEqual({
        ok: false,
        count: 3,
        firstBadSeq: 4,
        reason: expect.stringMatching(/^broken link at seq 4: prev_hash .* does not match the hash of seq 3/),
      });
    });

    it('detects a deleted middle row as a gap', async () => {
      await tamper('DELETE FROM ledger_entries WHERE seq = 3');
      expect(await ledger.verify()).toEqual({
        ok: false,
        count: 2,
        firstBadSeq: 3,
        reason: expect.stringMatching(/^missing entry: seq 3 is absent \(next present entry is seq 4\)/),
      });
    });

    it('detects deleted first rows', async () => {
      await tamper('DELETE FROM ledger_entries WHERE seq IN (1, 2)');
      expect(await ledger.verify()).toMatchObject({
        ok: false,
        count: 0,
        firstBadSeq: 1,
        reason: expect.stringMatching(/seqs 1\.\.2 are absent/),
      });
    });

    it('cannot see a truncated tail by itself: compare head with a recorded one', async () => {
      const before = await ledger.verify();
      await tamper('DELETE FROM ledger_entries WHERE seq = 6');
      const after = await ledger.verify();
      expect(after).toEqual({ ok: true, count: 5, head: entries[4].hash });
      expect(after).not.toEqual(before);
    });

    it('walks the chain in pages and still finds the first bad row', async () => {
      await appendMany(6); // 12 entries
      const paged = createLedger(db, { verifyPageSize: 5 });
      expect(await paged.verify()).toMatchObject({ ok: true, count: 12 });
      await tamper(`UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 11`);
      await tamper('DELETE FROM ledger_entries WHERE seq = 6'); // on a page boundary
      expect(await paged.verify()).toMatchObject({ ok: false, count: 5, firstBadSeq: 6 });
    });
  });

  describe('verifyEntries (exports)', () => {
    it('verifies a JSON export of list() and finds tampering in it', async () => {
      await appendMany(4);
      await ledger.append(entry({ payload: AWKWARD_PAYLOAD }));
      const exported = JSON.parse(JSON.stringify(await ledger.list())) as LedgerEntry[];
      const online = await ledger.verify();
      expect(verifyEntries(exported)).toEqual(online);

      const edited = exported.map((e) => (e.seq === 2 ? { ...e, payload: { n: 999 } } : e));
      expect(verifyEntries(edited)).toMatchObject({ ok: false, count: 1, firstBadSeq: 2 });
      expect(verifyEntries(exported.filter((e) => e.seq !== 4))).toMatchObject({
        ok: false,
        firstBadSeq: 4,
        reason: expect.stringMatching(/missing entry/),
      });
      expect(verifyEntries([...exported.slice(0, 2), exported[1]])).toMatchObject({
        ok: false,
        firstBadSeq: 2,
        reason: expect.stringMatching(/duplicate/),
      });
    });

    it('verifies raw table rows exported with json_agg (any UTC offset in `at`)', async () => {
      await appendMany(3);
      await ledger.append(entry({ payload: AWKWARD_PAYLOAD }));
      const { rows } = await db.query<{ rows: unknown[] }>(
        'SELECT json_agg(l ORDER BY seq) AS rows FROM ledger_entries l',
      );
      expect(JSON.stringify(rows[0].rows)).toMatch(/\+1[23]:45"/); // session TimeZone (Chatham) leaks into the export
      expect(verifyEntries(rows[0].rows)).toEqual(await ledger.verify());
    });

    it('verifies a later segment from a recorded checkpoint', async () => {
      const all = await appendMany(6);
      expect(verifyEntries(all.slice(3), { seq: 3, hash: all[2].hash })).toEqual({
        ok: true,
        count: 3,
        head: all[5].hash,
      });
      expect(verifyEntries(all.slice(3), { seq: 3, hash: GENESIS_HASH })).toMatchObject({ ok: false, firstBadSeq: 4 });
      expect(verifyEntries([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
      expect(() => verifyEntries([{ seq: 1 }])).toThrow(TypeError);
    });
  });
});
