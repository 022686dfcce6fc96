/**
 * Accountability ledger: a tamper-evident, append-only hash chain in table `ledger_entries`.
 *
 * Every row carries `hash` = lowercase hex SHA-256 of the UTF-8 bytes of
 *
 *   canonicalJson({ seq, event_id, incident_id, at, actor, action, payload, prev_hash })
 *
 * where canonicalJson is RFC 8785 (JCS; see ./canonical.ts): keys sorted recursively, no
 * whitespace, ECMAScript number formatting. So the hashed text looks like
 *
 *   {"action":"…","actor":"…","at":"2024-05-01T12:00:00.000Z","event_id":"…","incident_id":"…",
 *    "payload":{…},"prev_hash":"<64 hex>","seq":1}
 *
 * with `seq` a JSON number, `at` the ISO-8601 UTC instant with exactly three fractional digits
 * (`Date.prototype.toISOString`), `payload` the JSON value as read back from the database (jsonb
 * re-orders keys and re-formats numbers; canonicalization makes that irrelevant), and `prev_hash`
 * the previous row's `hash` (64 zeros for seq 1). See ./README.md for recomputing it by hand.
 *
 * Appends take a transaction-scoped advisory lock, so seq is gap-free (max + 1 under the lock, no
 * sequence) and each row chains to its predecessor even with many writer processes. A trigger
 * refuses UPDATE/DELETE/TRUNCATE.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { APP_LOCK_NAMESPACE, AdvisoryLock, type Db, type Queryable } from '../store/db';
import { canonicalJson, firstNonCanonicalNumber, type JsonValue } from './canonical';

export { canonicalJson, type JsonValue } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

// ---------------------------------------------------------------------------------------------
// Schemas and types

/** Text PostgreSQL can store: no NUL characters, no lone surrogates. */
const storableText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL (U+0000) characters')
    .refine(
      (s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')),
      'must not contain lone UTF-16 surrogates',
    );

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x));
  return false;
}

/** An ISO-8601 instant with offset; stored with millisecond precision (finer digits are truncated). */
const IsoInstant = z.iso.datetime({ offset: true }).refine((s) => {
  const d = new Date(s);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999;
}, 'must be a valid instant between years 0001 and 9999');

export const AppendInput = z.object({
  /** Idempotency key: appending an existing eventId returns the stored entry and appends nothing. */
  eventId: storableText(500),
  incidentId: storableText(500),
  at: IsoInstant,
  actor: storableText(500),
  action: storableText(500),
  /** Any JSON value (plain objects, arrays, strings, finite numbers, booleans, null). */
  payload: z.unknown().superRefine((v, ctx) => {
    try {
      canonicalJson(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (hasNul(v))
      ctx.addIssue({ code: 'custom', message: 'payload strings must not contain NUL (U+0000) characters' });
  }),
});
export type AppendInput = z.infer<typeof AppendInput>;

export const ListFilter = z.object({
  incidentId: z.string().min(1).optional(),
  /** Only entries with seq > afterSeq (keyset paging: pass the last seq you received). */
  afterSeq: z.number().int().min(0).optional(),
  /** Maximum number of entries; all matching entries when omitted. */
  limit: z.number().int().min(1).max(100_000).optional(),
});
export type ListFilter = z.infer<typeof ListFilter>;

const JsonValueSchema: z.ZodType<JsonValue> = z.json();

export const LedgerEntry = z.object({
  seq: z.number().int().min(1),
  eventId: z.string(),
  incidentId: z.string(),
  /** ISO-8601 UTC with milliseconds, e.g. 2024-05-01T12:00:00.000Z. */
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  payload: JsonValueSchema,
  prevHash: z.string(),
  hash: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A row as auditors export it straight from the table, e.g. `SELECT json_agg(l ORDER BY seq) FROM ledger_entries l`. */
export const LedgerRow = z.object({
  seq: z.union([
    z.number().int().min(1),
    z
      .string()
      .regex(/^[1-9]\d*$/)
      .transform(Number),
  ]),
  event_id: z.string(),
  incident_id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  payload: JsonValueSchema,
  prev_hash: z.string(),
  hash: z.string(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export type VerifyResult =
  | { ok: true; count: number; head: string }
  /** count = entries that verified before the first bad one. */
  | { ok: false; count: number; firstBadSeq: number; reason: string };

export interface Ledger {
  append(e: AppendInput): Promise<LedgerEntry>;
  /** Entries in seq order. */
  list(filter?: ListFilter): Promise<LedgerEntry[]>;
  /** Walks the whole chain in seq order, a page at a time; reports the first problem. */
  verify(): Promise<VerifyResult>;
  /**
   * Verifies one incident's entries where they sit in the shared chain: each row's hash, its link
   * to the row before it (whichever incident that row belongs to), and no seq missing from its
   * first entry to the head (a deleted row's incident is unknowable, so any gap there counts).
   * `count` is the incident's entries that verified; `head` the hash of its last entry.
   * `throughSeq` checks only its entries up to that seq (the ones a caller has already read).
   */
  verifyIncident(incidentId: string, opts?: { throughSeq?: number }): Promise<VerifyResult>;
  /** Ids of the incidents with entries, in the order of their first entry. */
  incidentIds(): Promise<string[]>;
}

export interface LedgerOptions {
  /** Rows per page when verifying (default 1000). */
  verifyPageSize?: number;
}

// ---------------------------------------------------------------------------------------------
// Hashing

/**
 * `at` in canonical form: ISO-8601 UTC, millisecond precision. Values with non-zero digits beyond
 * milliseconds (which append never writes) are returned unchanged so that they cannot hash equal
 * to a millisecond value; unparseable input is also returned unchanged.
 */
export function canonicalAt(at: string): string {
  const frac = /T\d{2}:\d{2}:\d{2}\.(\d+)/.exec(at)?.[1];
  if (frac && /[1-9]/.test(frac.slice(3))) return at;
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : new Date(t).toISOString();
}

/** The exact text that is hashed for an entry. */
export function hashInput(e: Omit<LedgerEntry, 'hash'>): string {
  return canonicalJson({
    seq: e.seq,
    event_id: e.eventId,
    incident_id: e.incidentId,
    at: e.at,
    actor: e.actor,
    action: e.action,
    payload: e.payload,
    prev_hash: e.prevHash,
  });
}

export function entryHash(e: Omit<LedgerEntry, 'hash'>): string {
  return createHash('sha256').update(hashInput(e), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Verification (shared by verify() and verifyEntries())

type Failure = { firstBadSeq: number; reason: string };

class ChainVerifier {
  count = 0;
  private expectedSeq: number;
  private prevHash: string;

  constructor(from: { seq: number; hash: string }) {
    this.expectedSeq = from.seq + 1;
    this.prevHash = from.hash;
  }

  get head(): string {
    return this.prevHash;
  }

  /** Checks the next entry; `nonCanonicalNumber` is a payload number literal found in storage
   * that append could not have written (only detectable on the database's jsonb text). */
  check(e: LedgerEntry, nonCanonicalNumber?: string): Failure | undefined {
    const seq = e.seq;
    if (seq > this.expectedSeq) {
      const missing =
        seq - this.expectedSeq === 1 ? `seq ${this.expectedSeq} is` : `seqs ${this.expectedSeq}..${seq - 1} are`;
      return {
        firstBadSeq: this.expectedSeq,
        reason: `missing entry: ${missing} absent (next present entry is seq ${seq}); rows were deleted`,
      };
    }
    if (seq < this.expectedSeq) {
      return { firstBadSeq: seq, reason: `out-of-order or duplicate seq ${seq} (expected ${this.expectedSeq})` };
    }
    const recomputed = entryHash(e);
    if (recomputed !== e.hash) {
      return {
        firstBadSeq: seq,
        reason:
          `hash mismatch at seq ${seq}: the row's content (event_id, incident_id, at, actor, action, payload or prev_hash) ` +
          `was altered after it was written (stored hash ${e.hash}, recomputed ${recomputed})`,
      };
    }
    if (nonCanonicalNumber !== undefined) {
      return {
        firstBadSeq: seq,
        reason:
          `altered payload at seq ${seq}: stored number ${nonCanonicalNumber} is not a value append writes ` +
          '(precision beyond a double or changed scale; it hashes like a rounded value, so it was edited in the database)',
      };
    }
    if (e.prevHash !== this.prevHash) {
      const what = seq === 1 ? 'the genesis value (64 zeros)' : `the hash of seq ${seq - 1} (${this.prevHash})`;
      return {
        firstBadSeq: seq,
        reason:
          `broken link at seq ${seq}: prev_hash ${e.prevHash} does not match ${what}; ` +
          (seq === 1
            ? 'the first row was replaced'
            : `seq ${seq - 1} was rewritten together with its hash, or this row was replaced`),
      };
    }
    this.count++;
    this.expectedSeq = seq + 1;
    this.prevHash = e.hash;
    return undefined;
  }
}

function entryFromExport(raw: unknown, index: number): LedgerEntry {
  const asRow = LedgerRow.safeParse(raw);
  if (asRow.success) {
    const r = asRow.data;
    return {
      seq: r.seq,
      eventId: r.event_id,
      incidentId: r.incident_id,
      at: canonicalAt(r.at),
      actor: r.actor,
      action: r.action,
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    };
  }
  const asEntry = LedgerEntry.safeParse(raw);
  if (asEntry.success) return { ...asEntry.data, at: canonicalAt(asEntry.data.at) };
  throw new TypeError(
    `verifyEntries: element ${index} is neither a LedgerEntry nor a ledger_entries row: ${asEntry.error.message}`,
  );
}

/**
 * Verifies a chain held in memory, e.g. a JSON export: either `LedgerEntry` objects (camelCase, as
 * `list()` returns) or raw rows with the table's column names (`at` may carry any UTC offset).
 * Entries must be in seq order and start right after `from` (default: the genesis, seq 1).
 * Pass `from` = a previously verified { seq, hash } to check a later segment.
 * Note: numbers in an export have already been parsed to doubles, so the extra check verify()
 * makes on stored numeric precision is not possible here.
 */
export function verifyEntries(
  entries: Iterable<unknown>,
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): VerifyResult {
  const v = new ChainVerifier(from);
  let i = 0;
  for (const raw of entries) {
    const failure = v.check(entryFromExport(raw, i++));
    if (failure) return { ok: false, count: v.count, ...failure };
  }
  return { ok: true, count: v.count, head: v.head };
}

// ---------------------------------------------------------------------------------------------
// Database

/** Columns read back in a driver-independent form: `at` as UTC text with microseconds (so that a
 * sub-millisecond edit is visible), payload as jsonb text (parsed here, numbers checked). */
const selectColumns = (t = '') => `${t}seq AS seq, ${t}event_id AS event_id, ${t}incident_id AS incident_id,
  to_char(${t}at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  ${t}actor AS actor, ${t}action AS action, ${t}payload::text AS payload, ${t}prev_hash AS prev_hash, ${t}hash AS hash`;
const SELECT_COLUMNS = selectColumns();

interface DbRow {
  seq: number | string | bigint;
  event_id: string;
  incident_id: string;
  at: string;
  actor: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

function fromDbRow(r: DbRow): { entry: LedgerEntry; nonCanonicalNumber?: string } {
  const entry: LedgerEntry = {
    seq: Number(r.seq),
    eventId: r.event_id,
    incidentId: r.incident_id,
    at: canonicalAt(r.at),
    actor: r.actor,
    action: r.action,
    payload: JSON.parse(r.payload) as JsonValue,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
  return { entry, nonCanonicalNumber: firstNonCanonicalNumber(r.payload) };
}

async function findByEventId(q: Queryable, eventId: string): Promise<LedgerEntry | undefined> {
  const { rows } = await q.query<DbRow>(`SELECT ${SELECT_COLUMNS} FROM ledger_entries WHERE event_id = $1`, [eventId]);
  return rows.length ? fromDbRow(rows[0]).entry : undefined;
}

export function createLedger(db: Db, opts: LedgerOptions = {}): Ledger {
  const pageSize = opts.verifyPageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('verifyPageSize must be a positive integer');

  return {
    async append(input) {
      const e = AppendInput.parse(input);
      const at = new Date(e.at).toISOString();
      const payloadText = canonicalJson(e.payload);
      const payload = JSON.parse(payloadText) as JsonValue; // undefined members dropped, -0 → 0, …

      const existing = await findByEventId(db, e.eventId); // fast path for retries, no lock
      if (existing) return existing;

      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [
          APP_LOCK_NAMESPACE,
          AdvisoryLock.ledgerAppend,
        ]);
        const again = await findByEventId(tx, e.eventId);
        if (again) return again;
        const { rows: last } = await tx.query<{ seq: number | string; hash: string }>(
          'SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1',
        );
        const seq = last.length ? Number(last[0].seq) + 1 : 1;
        const prevHash = last.length ? last[0].hash : GENESIS_HASH;
        const draft = {
          seq,
          eventId: e.eventId,
          incidentId: e.incidentId,
          at,
          actor: e.actor,
          action: e.action,
          payload,
          prevHash,
        };
        const hash = entryHash(draft);
        const { rows } = await tx.query<DbRow>(
          `INSERT INTO ledger_entries (seq, event_id, incident_id, at, actor, action, payload, prev_hash, hash)
           VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7::jsonb, $8, $9)
           RETURNING ${SELECT_COLUMNS}`,
          [seq, e.eventId, e.incidentId, at, e.actor, e.action, payloadText, prevHash, hash],
        );
        // Re-check against what the database actually stored: if its normalisation ever changed a
        // value, fail (and roll back) now rather than write a row that can never verify.
        const stored = fromDbRow(rows[0]);
        if (entryHash(stored.entry) !== hash || stored.nonCanonicalNumber !== undefined) {
          throw new Error(
            `ledger append: the stored row for event ${e.eventId} does not hash to the value computed before insert; rolled back`,
          );
        }
        return stored.entry;
      });
    },

    async list(filter = {}) {
      const f = ListFilter.parse(filter);
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.incidentId !== undefined) {
        params.push(f.incidentId);
        where.push(`incident_id = $${params.length}`);
      }
      if (f.afterSeq !== undefined) {
        params.push(f.afterSeq);
        where.push(`seq > $${params.length}`);
      }
      let sql = `SELECT ${SELECT_COLUMNS} FROM ledger_entries`;
      if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
      sql += ' ORDER BY seq';
      if (f.limit !== undefined) {
        params.push(f.limit);
        sql += ` LIMIT $${params.length}`;
      }
      const { rows } = await db.query<DbRow>(sql, params);
      return rows.map((r) => fromDbRow(r).entry);
    },

    async verify() {
      const v = new ChainVerifier({ seq: 0, hash: GENESIS_HASH });
      let after = 0;
      for (;;) {
        const { rows } = await db.query<DbRow>(
          `SELECT ${SELECT_COLUMNS} FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2`,
          [after, pageSize],
        );
        for (const r of rows) {
          const { entry, nonCanonicalNumber } = fromDbRow(r);
          const failure = v.check(entry, nonCanonicalNumber);
          if (failure) return { ok: false, count: v.count, ...failure };
          after = entry.seq;
        }
        if (rows.length < pageSize) return { ok: true, count: v.count, head: v.head };
      }
    },

    async verifyIncident(incidentId, opts = {}) {
      // Each of the incident's rows with the hash of the row before it (null: that row is absent).
      const { rows } = await db.query<DbRow & { before_hash: string | null }>(
        `SELECT ${selectColumns('l.')}, b.hash AS before_hash
         FROM ledger_entries l LEFT JOIN ledger_entries b ON b.seq = l.seq - 1
         WHERE l.incident_id = $1 AND ($2::bigint IS NULL OR l.seq <= $2::bigint) ORDER BY l.seq`,
        [incidentId, opts.throughSeq ?? null],
      );
      if (rows.length === 0) return { ok: true, count: 0, head: GENESIS_HASH };
      const first = Number(rows[0].seq);
      // The first seq missing after the incident's first entry and before the head, if any.
      const { rows: gaps } = await db.query<{ missing: number | string; next: number | string }>(
        `SELECT l.seq + 1 AS missing, (SELECT min(m.seq) FROM ledger_entries m WHERE m.seq > l.seq) AS next
         FROM ledger_entries l
         WHERE l.seq >= $1 AND l.seq < (SELECT max(seq) FROM ledger_entries)
           AND NOT EXISTS (SELECT 1 FROM ledger_entries n WHERE n.seq = l.seq + 1)
         ORDER BY l.seq LIMIT 1`,
        [first],
      );
      const gap = gaps.length ? { missing: Number(gaps[0].missing), next: Number(gaps[0].next) } : undefined;
      let count = 0;
      for (const r of rows) {
        const { entry, nonCanonicalNumber } = fromDbRow(r);
        if (gap && gap.missing < entry.seq) break;
        // The row before this one: the genesis for seq 1, else whatever row holds seq - 1.
        const before = entry.seq === 1 ? { seq: 0, hash: GENESIS_HASH } : { seq: entry.seq - 1, hash: r.before_hash };
        if (before.hash === null) {
          return {
            ok: false,
            count,
            firstBadSeq: entry.seq - 1,
            reason: `missing entry: seq ${entry.seq - 1} is absent (the row before seq ${entry.seq} of incident ${incidentId}); rows were deleted`,
          };
        }
        const failure = new ChainVerifier({ seq: before.seq, hash: before.hash }).check(entry, nonCanonicalNumber);
        if (failure) return { ok: false, count, ...failure };
        count++;
      }
      if (gap) {
        const span =
          gap.next - gap.missing === 1 ? `seq ${gap.missing} is` : `seqs ${gap.missing}..${gap.next - 1} are`;
        return {
          ok: false,
          count,
          firstBadSeq: gap.missing,
          reason: `missing entry: ${span} absent (next present entry is seq ${gap.next}); rows were deleted after this incident's first entry, so they may have been this incident's`,
        };
      }
      return { ok: true, count, head: rows[rows.length - 1].hash };
    },

    async incidentIds() {
      const { rows } = await db.query<{ incident_id: string }>(
        'SELECT incident_id FROM ledger_entries GROUP BY incident_id ORDER BY min(seq)',
      );
      return rows.map((r) => r.incident_id);
    },
  };
}
