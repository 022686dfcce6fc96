/**
 * Streaming import of an incident's affected people from CSV into `recipients` (see schema.ts).
 *
 * The file is read record by record and written in batches, so memory stays flat however many
 * rows it has: one input chunk, one record and one batch are held at a time.
 *
 * Format: a header row, then one recipient per record. Columns are matched case-insensitively,
 * in any order: `email` and `country` are required, `name`, `locale` and `region` optional; other
 * columns are ignored and listed in the report. Commas only (no `;`/tab), UTF-8 (a BOM is skipped;
 * UTF-16LE with a BOM also works), any mix of CRLF/LF/CR line endings, RFC 4180 quoting.
 *
 * Each record is validated field by field; a bad record is skipped and reported with the physical
 * line it starts on and a reason per field — never dropped silently. Blank lines (or lines of
 * only commas/whitespace) are ignored. Error reasons never quote field values: the report may go
 * to logs or workflow history, and recipient PII belongs in the store only.
 *
 * Storage: one multi-row `INSERT … ON CONFLICT (incident_id, email) DO UPDATE` per batch, so a
 * re-import updates in place (ids, and with them deliveries, are kept) and is idempotent. The same
 * address twice in a file is one recipient, the last record winning. Rows of the incident that a
 * file no longer lists are left as they are.
 *
 * Not atomic by itself: each batch commits on its own, so when the import throws part-way (a CSV
 * syntax error: the valid records before it are stored; a database failure: the batches before
 * it) the rows written stay; fixing the file and importing it again converges. For all-or-nothing, pass a transaction handle as `db`
 * (`db.transaction((tx) => importRecipients(tx, …))`) — on PGlite that holds the only connection
 * for the whole import.
 *
 * Every row an import writes gets `imported_at` = that import's start time (unique per incident,
 * strictly after any earlier import's). That is also how an address already written earlier in
 * the same file is told apart from one stored by a previous import (`duplicatesMerged` vs
 * `updated`). Two imports of one incident running at the same time still store correct rows,
 * but their counts may be off.
 */
import { countryProblem, regionProblem } from '../../domain/geo';
import type { Queryable } from '../store/db';
import { CsvSyntaxError, readCsvRecords, type CsvInput } from './csv';

// ---------------------------------------------------------------------------------------------
// API

export interface ImportProgress {
  /** Physical lines read so far (header included). */
  lines: number;
  /** Distinct recipients written so far (inserted + updated). */
  imported: number;
  /** Records rejected so far. */
  rejected: number;
}

export interface ImportOptions {
  /** Rows per INSERT statement; default 1000, at most MAX_BATCH_SIZE (PostgreSQL's parameter limit). */
  batchSize?: number;
  /** Called after each batch is stored (and at least every `batchSize` records), and once at the end. A throw aborts the import. */
  onProgress?: (p: ImportProgress) => void;
  /** Error details kept in the report; further ones are only counted (`errorsOmitted`). Default 1000. */
  maxErrors?: number;
}

export interface ImportErrorDetail {
  /** 1-based physical line on which the record starts. */
  line: number;
  /** Column at fault (lowercase); absent for a record-level problem. */
  field?: string;
  /** Why, without echoing the value. */
  reason: string;
}

export interface ImportReport {
  incidentId: string;
  /** Physical lines in the file, header and blank lines included. */
  lines: number;
  /** Data records (blank lines not counted) = imported + duplicatesMerged + rejected. */
  records: number;
  /** Distinct recipients written: inserted + updated. */
  imported: number;
  /** New recipients for the incident. */
  inserted: number;
  /** Recipients the incident already had from an earlier import, now overwritten. */
  updated: number;
  /** Records whose address appeared earlier in the same file (the later record won). */
  duplicatesMerged: number;
  /** Records skipped as invalid. */
  rejected: number;
  /** Up to `maxErrors` details, in file order; a record may have several (one per field). */
  errors: ImportErrorDetail[];
  /** Details not listed because `maxErrors` was reached. */
  errorsOmitted: number;
  /** Header names of the columns that were not used, as written in the file. */
  ignoredColumns: string[];
  /** Recipients written by this import per country (final values after merging), keys sorted. */
  byCountry: Record<string, number>;
}

export type RecipientImportErrorCode = 'empty-file' | 'missing-column' | 'duplicate-column' | 'csv-syntax';

/**
 * The import cannot proceed. Thrown before anything is written, except for 'csv-syntax': then the
 * valid records before `line` are stored (`progress` counts them) and nothing from `line` on.
 */
export class RecipientImportError extends Error {
  constructor(
    message: string,
    readonly code: RecipientImportErrorCode,
    readonly line?: number,
    readonly progress?: ImportProgress,
  ) {
    super(message);
    this.name = 'RecipientImportError';
  }
}

export const REQUIRED_COLUMNS = ['email', 'country'] as const;
export const OPTIONAL_COLUMNS = ['name', 'locale', 'region'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const COLUMNS: readonly Column[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export const DEFAULT_BATCH_SIZE = 1000;
export const DEFAULT_MAX_ERRORS = 1000;
export const DEFAULT_LOCALE = 'en';
export const MAX_NAME_LENGTH = 256;

/** Parameters per row in the INSERT, and shared ones ($1 incident, $2 import time, $3 emails). */
const PARAMS_PER_ROW = 6;
const SHARED_PARAMS = 3;
/** PostgreSQL's wire protocol carries at most 65535 parameters per statement. */
export const MAX_BATCH_SIZE = Math.floor((65535 - SHARED_PARAMS) / PARAMS_PER_ROW);

// ---------------------------------------------------------------------------------------------
// Field validation

export interface Recipient {
  email: string;
  name: string | null;
  locale: string;
  country: string;
  region: string | null;
}

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const bad = (reason: string): Check<never> => ({ ok: false, reason });

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- likewise
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;
/** Characters that would need quoting in an address header (RFC 5322 specials, minus `@` and `.`). */
const ADDRESS_SPECIALS = /[()<>[\]:;,\\"]/;
const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * A pragmatic address check: trimmed; exactly one `@`; no whitespace, control characters or
 * header specials; local part 1–64 bytes; domain of dot-separated labels (at least two, each
 * 1–63 bytes, no leading/trailing hyphen); at most 254 bytes in all. The domain is lowercased;
 * the local part is kept exactly (it may be case-sensitive).
 */
export function normalizeEmail(raw: string): Check<string> {
  const s = raw.trim();
  if (s === '') return bad('missing (required)');
  if (WHITESPACE_OR_CONTROL.test(s)) return bad('contains whitespace or a control character');
  const at = s.indexOf('@');
  if (at < 0 || s.indexOf('@', at + 1) >= 0) return bad('must contain exactly one "@"');
  if (ADDRESS_SPECIALS.test(s)) return bad('contains a character not allowed in an address ( ) < > [ ] : ; , \\ ")');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local === '') return bad('the part before "@" is empty');
  if (utf8Length(local) > 64) return bad('the part before "@" is longer than 64 bytes');
  if (!domain.includes('.')) return bad('the domain must contain a dot');
  const labels = domain.split('.');
  if (labels.some((l) => l === '')) return bad('the domain has an empty label (leading, trailing or double dot)');
  if (labels.some((l) => utf8Length(l) > 63)) return bad('a domain label is longer than 63 bytes');
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-')))
    return bad('a domain label starts or ends with a hyphen');
  const email = `${local}@${domain}`;
  if (utf8Length(email) > 254) return bad('longer than 254 bytes');
  return ok(email);
}

/**
 * BCP 47 tag in canonical form (`zh-cn` → `zh-CN`); empty → `en`; `pt_BR` is read as `pt-BR`.
 * The language must be an ISO 639 code (2–3 letters): BCP 47 syntax also allows 5–8 letters,
 * none of which is registered, so `English` or `german` in the column are errors, not tags.
 */
export function normalizeLocale(raw: string): Check<string> {
  const s = raw.trim().replace(/_/g, '-');
  if (s === '') return ok(DEFAULT_LOCALE);
  try {
    const [canonical] = Intl.getCanonicalLocales(s);
    if (canonical && /^[a-z]{2,3}$/.test(new Intl.Locale(canonical).language)) return ok(canonical);
  } catch {
    // fall through
  }
  return bad('not a valid BCP 47 language tag (such as en, de, zh-CN, pt-BR)');
}

/** ISO 3166-1 alpha-2, uppercased. Required. */
export function normalizeCountry(raw: string): Check<string> {
  const s = raw.trim().toUpperCase();
  if (s === '') return bad('missing (required)');
  const problem = countryProblem(s);
  return problem ? bad(problem) : ok(s);
}

/** ISO 3166-2 subdivision (`US-CA`), uppercased, within `country` when that is known. Optional. */
export function normalizeRegion(raw: string, country: string | undefined): Check<string | null> {
  const s = raw.trim().toUpperCase();
  if (s === '') return ok(null);
  const problem = regionProblem(s, country);
  return problem ? bad(problem) : ok(s);
}

/** Trimmed, inner whitespace (line breaks included) collapsed to one space; empty → null. */
export function normalizeName(raw: string): Check<string | null> {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (s === '') return ok(null);
  if (CONTROL.test(s)) return bad('contains a control character');
  if (s.length > MAX_NAME_LENGTH) return bad(`longer than ${MAX_NAME_LENGTH} characters`);
  return ok(s);
}

/** Validates one record's values (missing columns read as empty). */
export function parseRecipient(
  values: Partial<Record<Column, string>>,
): { ok: true; recipient: Recipient } | { ok: false; errors: { field: Column; reason: string }[] } {
  const errors: { field: Column; reason: string }[] = [];
  const email = normalizeEmail(values.email ?? '');
  if (!email.ok) errors.push({ field: 'email', reason: email.reason });
  const name = normalizeName(values.name ?? '');
  if (!name.ok) errors.push({ field: 'name', reason: name.reason });
  const locale = normalizeLocale(values.locale ?? '');
  if (!locale.ok) errors.push({ field: 'locale', reason: locale.reason });
  const country = normalizeCountry(values.country ?? '');
  if (!country.ok) errors.push({ field: 'country', reason: country.reason });
  const region = normalizeRegion(values.region ?? '', country.ok ? country.value : undefined);
  if (!region.ok) errors.push({ field: 'region', reason: region.reason });
  if (!email.ok || !name.ok || !locale.ok || !country.ok || !region.ok) return { ok: false, errors };
  return {
    ok: true,
    recipient: {
      email: email.value,
      name: name.value,
      locale: locale.value,
      country: country.value,
      region: region.value,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Header

interface Layout {
  /** Column index per known column (absent when the optional column is not in the file). */
  index: Partial<Record<Column, number>>;
  width: number;
  ignoredColumns: string[];
}

function readHeader(fields: string[], line: number): Layout {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if ((COLUMNS as readonly string[]).includes(name)) {
      const col = name as Column;
      if (index[col] !== undefined) {
        throw new RecipientImportError(
          `column "${col}" appears twice in the header (columns ${index[col] + 1} and ${i + 1})`,
          'duplicate-column',
          line,
        );
      }
      index[col] = i;
    } else {
      const label = raw.trim() === '' ? `(unnamed column ${i + 1})` : raw.trim();
      if (!ignored.includes(label)) ignored.push(label);
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(' and ');
    let hint: string;
    if (fields.some((f) => f.includes('@'))) {
      hint = 'the first line looks like data, not a header row';
    } else if (fields.length === 1 && /[;\t|]/.test(fields[0])) {
      hint = 'the file seems to use another delimiter than a comma; only comma-separated files are supported';
    } else {
      hint = `the header has: ${fields.map((f) => JSON.stringify(f.trim().slice(0, 40))).join(', ')}`;
    }
    throw new RecipientImportError(
      `missing required column ${list} in the header on line ${line} (${hint})`,
      'missing-column',
      line,
    );
  }
  return { index, width: fields.length, ignoredColumns: ignored };
}

// ---------------------------------------------------------------------------------------------
// Store

interface Row extends Recipient {
  line: number;
}

const ROW_PLACEHOLDERS = (i: number) => {
  const p = SHARED_PARAMS + i * PARAMS_PER_ROW;
  return `($1, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::integer, $2::timestamptz)`;
};

/**
 * One statement per batch. `prior` reads the batch's existing rows in the statement's snapshot,
 * i.e. before the upsert, so each written row is classified as new (`xmax = 0`), already written
 * by this import (prior `imported_at` = this import's time: an in-file duplicate), or updated.
 */
function upsertSql(n: number): string {
  const values: string[] = [];
  for (let i = 0; i < n; i++) values.push(ROW_PLACEHOLDERS(i));
  return `WITH prior AS (
    SELECT email, country, imported_at FROM recipients WHERE incident_id = $1 AND email = ANY($3::text[])
  ), written AS (
    INSERT INTO recipients AS r (incident_id, email, name, locale, country, region, source_line, imported_at)
    VALUES ${values.join(', ')}
    ON CONFLICT (incident_id, email) DO UPDATE SET
      name = EXCLUDED.name, locale = EXCLUDED.locale, country = EXCLUDED.country, region = EXCLUDED.region,
      source_line = EXCLUDED.source_line, imported_at = EXCLUDED.imported_at
    RETURNING r.email, r.country, (r.xmax = 0) AS inserted
  )
  SELECT w.country, w.inserted, p.country AS prior_country,
         coalesce(p.imported_at = $2::timestamptz, false) AS seen, count(*)::integer AS n
  FROM written w LEFT JOIN prior p ON p.email = w.email
  GROUP BY 1, 2, 3, 4`;
}

interface BatchOutcome {
  country: string;
  inserted: boolean;
  prior_country: string | null;
  seen: boolean;
  n: number;
}

/** This import's marker: now, but strictly after every earlier import of the incident (PGlite's clock has only millisecond resolution). */
async function importTimestamp(db: Queryable, incidentId: string): Promise<string> {
  const { rows } = await db.query<{ ts: string }>(
    `SELECT to_char(greatest(clock_timestamp(),
              (SELECT max(imported_at) + interval '1 microsecond' FROM recipients WHERE incident_id = $1))
            AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts`,
    [incidentId],
  );
  return rows[0].ts;
}

// ---------------------------------------------------------------------------------------------
// Import

function positiveInt(name: string, v: number | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (!Number.isSafeInteger(v) || v < min) throw new RangeError(`${name} must be an integer ≥ ${min} (got ${v})`);
  return v;
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

export async function importRecipients(
  db: Queryable,
  incidentId: string,
  input: CsvInput,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  if (typeof incidentId !== 'string' || incidentId.trim() === '')
    throw new RangeError('incidentId must be a non-empty string');
  const batchSize = Math.min(positiveInt('batchSize', opts.batchSize, DEFAULT_BATCH_SIZE, 1), MAX_BATCH_SIZE);
  const maxErrors = positiveInt('maxErrors', opts.maxErrors, DEFAULT_MAX_ERRORS, 0);

  const report: ImportReport = {
    incidentId,
    lines: 0,
    records: 0,
    imported: 0,
    inserted: 0,
    updated: 0,
    duplicatesMerged: 0,
    rejected: 0,
    errors: [],
    errorsOmitted: 0,
    ignoredColumns: [],
    byCountry: {},
  };
  const byCountry = new Map<string, number>();
  const addCountry = (c: string, n: number) => byCountry.set(c, (byCountry.get(c) ?? 0) + n);
  const reject = (line: number, problems: { field?: string; reason: string }[]) => {
    report.rejected++;
    for (const p of problems) {
      if (report.errors.length < maxErrors) report.errors.push({ line, ...p });
      else report.errorsOmitted++;
    }
  };

  const reader = readCsvRecords(input);
  const progress = (): ImportProgress => ({
    lines: reader.lines(),
    imported: report.imported,
    rejected: report.rejected,
  });
  let sinceProgress = 0;
  const tick = () => {
    sinceProgress = 0;
    opts.onProgress?.(progress());
  };

  let layout: Layout | undefined;
  let ts: string | undefined;
  let fullSql: string | undefined;
  // Keyed by normalized address: a later record in the same batch replaces an earlier one.
  const batch = new Map<string, Row>();

  const flush = async (notify: boolean) => {
    if (batch.size === 0) return;
    ts ??= await importTimestamp(db, incidentId);
    const rows = [...batch.values()];
    batch.clear();
    const params: unknown[] = [incidentId, ts, rows.map((r) => r.email)];
    for (const r of rows) params.push(r.email, r.name, r.locale, r.country, r.region, r.line);
    const sql = rows.length === batchSize ? (fullSql ??= upsertSql(batchSize)) : upsertSql(rows.length);
    const { rows: outcomes } = await db.query<BatchOutcome>(sql, params);
    for (const o of outcomes) {
      const n = Number(o.n);
      if (o.seen) {
        // Written earlier by this import: the later record replaces it (possibly in another country).
        report.duplicatesMerged += n;
        if (o.prior_country !== null) addCountry(o.prior_country, -n);
      } else if (o.inserted) {
        report.inserted += n;
      } else {
        report.updated += n;
      }
      addCountry(o.country, n);
    }
    report.imported = report.inserted + report.updated;
    if (notify) tick();
  };

  try {
    for await (const { line, fields } of reader) {
      if (isBlank(fields)) continue;
      if (!layout) {
        layout = readHeader(fields, line);
        report.ignoredColumns = layout.ignoredColumns;
        continue;
      }
      report.records++;
      if (++sinceProgress >= batchSize) tick();
      if (fields.length > layout.width && !isBlank(fields.slice(layout.width))) {
        // Most often an unquoted comma (in a name, say) shifting the values: nothing here can be trusted.
        reject(line, [
          {
            reason: `has ${fields.length} fields but the header has ${layout.width} (a value with a comma must be quoted)`,
          },
        ]);
        continue;
      }
      const values: Partial<Record<Column, string>> = {};
      for (const col of COLUMNS) {
        const i = layout.index[col];
        if (i !== undefined) values[col] = fields[i] ?? ''; // a short record's missing trailing fields are empty
      }
      const parsed = parseRecipient(values);
      if (!parsed.ok) {
        reject(line, parsed.errors);
        continue;
      }
      const key = parsed.recipient.email;
      if (batch.delete(key)) report.duplicatesMerged++;
      batch.set(key, { ...parsed.recipient, line });
      if (batch.size >= batchSize) await flush(true);
    }
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      await flush(false); // so that exactly the valid records before the bad one are stored
      throw new RecipientImportError(
        `${err.message}; the valid records before it were imported, nothing from it on`,
        'csv-syntax',
        err.line,
        progress(),
      );
    }
    throw err;
  }
  if (!layout) {
    throw new RecipientImportError(
      `the file is empty: expected a header row with at least the columns ${REQUIRED_COLUMNS.join(', ')}`,
      'empty-file',
    );
  }
  await flush(false);
  report.lines = reader.lines();
  report.byCountry = Object.fromEntries(
    [...byCountry.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  tick();
  return report;
}

// ---------------------------------------------------------------------------------------------
// Audience

/**
 * Recipients of an incident in an audience: ISO 3166-1 country codes (`DE`) and/or ISO 3166-2
 * region codes (`US-CA`), case-insensitive; a recipient matching several codes counts once.
 * `['*']` (or `*` among the codes) or no audience at all means every recipient; `[]` means none.
 */
export async function countRecipients(
  db: Queryable,
  incidentId: string,
  audience?: readonly string[],
): Promise<number> {
  if (audience !== undefined && audience.length === 0) return 0;
  if (audience === undefined || audience.some((a) => a.trim() === '*')) {
    const { rows } = await db.query<{ n: number | bigint }>(
      'SELECT count(*) AS n FROM recipients WHERE incident_id = $1',
      [incidentId],
    );
    return Number(rows[0].n);
  }
  const countries: string[] = [];
  const regions: string[] = [];
  for (const raw of audience) {
    const code = raw.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) countries.push(code);
    else if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) regions.push(code);
    else
      throw new RangeError(
        `audience code ${JSON.stringify(raw)} is neither a country (DE) nor a region (US-CA) nor "*"`,
      );
  }
  const { rows } = await db.query<{ n: number | bigint }>(
    'SELECT count(*) AS n FROM recipients WHERE incident_id = $1 AND (country = ANY($2::text[]) OR region = ANY($3::text[]))',
    [incidentId, countries, regions],
  );
  return Number(rows[0].n);
}
