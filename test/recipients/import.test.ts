import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from '../../activities/recipients/csv';
import {
  DEFAULT_BATCH_SIZE,
  MAX_BATCH_SIZE,
  RecipientImportError,
  countRecipients,
  importRecipients,
  normalizeCountry,
  normalizeEmail,
  normalizeLocale,
  normalizeName,
  normalizeRegion,
  type ImportProgress,
  type ImportReport,
} from '../../activities/recipients/import';
import type { Db } from '../../activities/store/db';
import { migrate } from '../../activities/store/migrate';
import { testBackends, type TestDb } from '../store/backends';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
/** A file read in small chunks, so records and multi-byte characters straddle chunk boundaries. */
const fileStream = (name: string, highWaterMark = 7) => createReadStream(fixture(name), { highWaterMark });

/** Yields `text` as UTF-8 bytes cut every `size` bytes (through characters and CRLFs alike). */
async function* bytesIn(text: string, size: number): AsyncGenerator<Buffer> {
  const b = Buffer.from(text, 'utf8');
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function readAll(input: Parameters<typeof readCsvRecords>[0]): Promise<{ records: CsvRecord[]; lines: number }> {
  const reader = readCsvRecords(input);
  const records: CsvRecord[] = [];
  for await (const r of reader) records.push(r);
  return { records, lines: reader.lines() };
}

/** Line breaks as the reference counts them (independently of csv.ts). */
const breaksIn = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe('readCsvRecords', () => {
  it('numbers records by the physical line they start on, across quoted line breaks of every kind', async () => {
    const text = '\ufeffa,b\r\n"x\r\ny",1\r\n\r\nplain,2\n"p\nq\rr",3\rlast,4';
    for (const size of [1, 2, 3, 5, 1000]) {
      const { records, lines } = await readAll(bytesIn(text, size));
      expect(records).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x\r\ny', '1'] },
        { line: 4, fields: [''] }, // the empty line is a record here; the importer skips it
        { line: 5, fields: ['plain', '2'] },
        { line: 6, fields: ['p\nq\rr', '3'] },
        { line: 9, fields: ['last', '4'] },
      ]);
      expect(lines).toBe(9);
    }
  });

  it('counts a final line without a terminator, and not an absent one', async () => {
    expect((await readAll(['a\nb'])).lines).toBe(2);
    expect((await readAll(['a\nb\n'])).lines).toBe(2);
    expect((await readAll(['a\nb\n\n'])).lines).toBe(3);
    expect((await readAll([])).lines).toBe(0);
    expect((await readAll(['\ufeff'])).records).toEqual([]);
  });

  it('decodes multi-byte characters cut across chunks, from strings, Buffers and Uint8Arrays', async () => {
    const text = 'name\n"陈伟 😀 Müller"\n';
    expect((await readAll(bytesIn(text, 1))).records[1].fields).toEqual(['陈伟 😀 Müller']);
    expect((await readAll([text])).records[1].fields).toEqual(['陈伟 😀 Müller']);
    expect((await readAll([new Uint8Array(Buffer.from(text))])).records[1].fields).toEqual(['陈伟 😀 Müller']);
    expect((await readAll(Readable.from([text]))).records).toHaveLength(2);
  });

  it('reads UTF-16LE with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email,country\r\nä@x.de,DE\r\n', 'utf16le')]);
    expect((await readAll([bytes])).records).toEqual([
      { line: 1, fields: ['email', 'country'] },
      { line: 2, fields: ['ä@x.de', 'DE'] },
    ]);
  });

  it('fails at the line of a quote that is never closed, and bounds the record size', async () => {
    await expect(readAll(['a,b\n1,2\n3,"never\nclosed\n4,5\n'])).rejects.toMatchObject({
      name: 'CsvSyntaxError',
      line: 3,
      code: 'CSV_QUOTE_NOT_CLOSED',
    });
    // The rest of a large file must not be buffered as one field: the record limit stops it early.
    async function* endless(): AsyncGenerator<string> {
      yield 'a,b\n1,"open\n';
      for (let i = 0; i < 1e6; i++) yield 'x'.repeat(1024);
    }
    const err = await readAll(endless()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvSyntaxError);
    expect(err).toMatchObject({ line: 2, code: 'CSV_MAX_RECORD_SIZE' });
  });

  it('propagates an error from the input', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n1,2\n';
      throw new Error('disk on fire');
    }
    await expect(readAll(failing())).rejects.toThrow('disk on fire');
  });

  it('property: any CSV, any line endings, any chunking: the same records at the same lines', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '😀'),
      maxLength: 6,
    });
    const record = fc.array(field, { minLength: 1, maxLength: 4 }).filter((r) => r.some((f) => f !== ''));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ fields: record, quoteAll: fc.boolean(), eol, blankBefore: fc.nat(2) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (rows, bom, finalEol, chunk) => {
          let text = bom ? '\ufeff' : '';
          const expected: CsvRecord[] = [];
          rows.forEach((r, i) => {
            // Blank lines use LF: after a CR-terminated line, a CRLF or LF would join it as one break.
            text += '\n'.repeat(r.blankBefore);
            const line = 1 + breaksIn(text);
            const cells = r.fields.map((f) =>
              r.quoteAll || /[",\r\n]/.test(f) || f.trim() !== f ? `"${f.replace(/"/g, '""')}"` : f,
            );
            text += cells.join(',');
            if (i < rows.length - 1 || finalEol) text += r.eol;
            expected.push({ line, fields: r.fields });
          });
          // A record ending in CR followed by a blank LF line reads as one CRLF: compare what the reference sees.
          const { records, lines } = await readAll(bytesIn(text, chunk));
          expect(records.filter((rec) => !(rec.fields.length === 1 && rec.fields[0] === ''))).toEqual(expected);
          const body = text.replace(/^\ufeff/, '');
          expect(lines).toBe(breaksIn(body) + (/(\r\n|\r|\n)$/.test(body) || body === '' ? 0 : 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('field normalization', () => {
  it.each([
    ['  Jane.Doe+tag@Example.COM ', 'Jane.Doe+tag@example.com'],
    ['用户@例子.中国', '用户@例子.中国'],
    [`${'l'.repeat(64)}@example.com`, `${'l'.repeat(64)}@example.com`],
  ])('accepts email %j as %j', (raw, email) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: email });
  });

  it.each([
    ['', 'missing'],
    ['plainaddress', 'exactly one "@"'],
    ['a@b@example.com', 'exactly one "@"'],
    ['jane doe@example.com', 'whitespace'],
    ['jane\u0000@example.com', 'control'],
    ['jane@localhost', 'dot'],
    ['jane@example..com', 'empty label'],
    ['jane@.example.com', 'empty label'],
    ['jane@example.com.', 'empty label'],
    ['jane@-example.com', 'hyphen'],
    ['@example.com', 'before "@" is empty'],
    [`${'l'.repeat(65)}@example.com`, 'longer than 64'],
    [`${'ü'.repeat(33)}@example.com`, 'longer than 64'], // 66 bytes in UTF-8
    [`a@${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(60)}.com`, 'longer than 254'],
    ['"a,b"@example.com', 'not allowed'],
    ['Jane <jane@example.com>', 'whitespace'],
    ['jane@example.com,bob@example.com', 'exactly one "@"'],
  ])('rejects email %j (%s)', (raw, reason) => {
    const r = normalizeEmail(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('canonicalizes locales and rejects invalid tags', () => {
    expect(normalizeLocale('')).toEqual({ ok: true, value: 'en' });
    expect(normalizeLocale(' zh-cn ')).toEqual({ ok: true, value: 'zh-CN' });
    expect(normalizeLocale('PT_br')).toEqual({ ok: true, value: 'pt-BR' });
    expect(normalizeLocale('DE')).toEqual({ ok: true, value: 'de' });
    expect(normalizeLocale('sr-latn-rs')).toEqual({ ok: true, value: 'sr-Latn-RS' });
    for (const bad of ['English', 'german', 'e', 'en-', '12', 'de_DE.UTF-8', 'zh--CN', 'x-private'])
      expect(normalizeLocale(bad).ok).toBe(false);
  });

  it('checks countries against ISO 3166-1 and regions against their country', () => {
    expect(normalizeCountry(' de ')).toEqual({ ok: true, value: 'DE' });
    expect(normalizeCountry('xk')).toEqual({ ok: true, value: 'XK' });
    expect(normalizeCountry('UK')).toMatchObject({ ok: false, reason: expect.stringContaining('GB') });
    for (const bad of ['', 'USA', 'D', 'XX', 'EU', '1A']) expect(normalizeCountry(bad).ok).toBe(false);
    expect(normalizeRegion('us-ca', 'US')).toEqual({ ok: true, value: 'US-CA' });
    expect(normalizeRegion('', 'US')).toEqual({ ok: true, value: null });
    expect(normalizeRegion('DE-BY', 'US')).toMatchObject({ ok: false, reason: expect.stringContaining('"US-"') });
    for (const bad of ['CA', 'US-', 'US-CALI', 'USCA']) expect(normalizeRegion(bad, 'US').ok).toBe(false);
  });

  it('collapses whitespace in names and rejects control characters', () => {
    expect(normalizeName('  Jane\r\n  Doe ')).toEqual({ ok: true, value: 'Jane Doe' });
    expect(normalizeName('   ')).toEqual({ ok: true, value: null });
    expect(normalizeName('Jane\u0000').ok).toBe(false);
    expect(normalizeName('x'.repeat(257)).ok).toBe(false);
  });
});

interface StoredRow {
  email: string;
  name: string | null;
  locale: string;
  country: string;
  region: string | null;
  source_line: number;
}

describe.each(testBackends())('importRecipients on $name', (backend) => {
  let t: TestDb;
  let db: Db;

  beforeEach(async () => {
    t = await backend.open();
    db = t.db;
    await migrate(db);
  });
  afterEach(async () => t.close());
  afterAll(async () => backend.end());

  const stored = async (incidentId = 'inc-1') =>
    (
      await db.query<StoredRow>(
        'SELECT email, name, locale, country, region, source_line FROM recipients WHERE incident_id = $1 ORDER BY source_line, email',
        [incidentId],
      )
    ).rows;
  const rowCount = async () =>
    Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM recipients')).rows[0].n);
  /** Every data record is accounted for: written, merged into a later one, or rejected. */
  const expectAccounted = (r: ImportReport) => expect(r.imported + r.duplicatesMerged + r.rejected).toBe(r.records);

  it('imports a clean file with the right counts and normalized values', async () => {
    const report = await importRecipients(db, 'inc-1', fileStream('clean.csv'));
    expect(report).toEqual({
      incidentId: 'inc-1',
      lines: 7,
      records: 6,
      imported: 6,
      inserted: 6,
      updated: 0,
      duplicatesMerged: 0,
      rejected: 0,
      errors: [],
      errorsOmitted: 0,
      ignoredColumns: ['customer_id'],
      byCountry: { BR: 1, CN: 1, DE: 1, GB: 1, US: 2 },
    });
    expect(await stored()).toEqual([
      { email: 'alice@example.com', name: 'Alice Example', locale: 'en', country: 'GB', region: null, source_line: 2 },
      {
        email: 'Bob.Builder@example.de',
        name: 'Builder, Bob',
        locale: 'de',
        country: 'DE',
        region: 'DE-BY',
        source_line: 3,
      },
      { email: 'chen@example.cn', name: '陈伟', locale: 'zh-CN', country: 'CN', region: 'CN-BJ', source_line: 4 },
      { email: 'dora@example.com.br', name: 'Dora', locale: 'pt-BR', country: 'BR', region: 'BR-SP', source_line: 5 },
      { email: 'eve@example.com', name: null, locale: 'en', country: 'US', region: 'US-CA', source_line: 6 },
      {
        email: 'frank@example.com',
        name: 'Frank "the Tank" Miller',
        locale: 'en-US',
        country: 'US',
        region: 'US-NY',
        source_line: 7,
      },
    ]);
    expect(await stored('other-incident')).toEqual([]);
  });

  it('reports bad rows with their starting line and a reason per field, also after multi-line quoted fields', async () => {
    const report = await importRecipients(db, 'inc-1', fileStream('bad-rows.csv', 5));
    expect(report.errors).toEqual([
      { line: 3, field: 'email', reason: expect.stringContaining('"@"') },
      { line: 6, field: 'locale', reason: expect.stringContaining('BCP 47') },
      { line: 8, field: 'region', reason: expect.stringContaining('"DE-"') },
      { line: 9, field: 'country', reason: expect.stringContaining('missing') },
      { line: 13, field: 'email', reason: expect.stringContaining('exactly one "@"') },
      { line: 13, field: 'locale', reason: expect.any(String) },
      { line: 13, field: 'country', reason: expect.stringContaining('not an assigned') },
      { line: 14, reason: expect.stringContaining('7 fields but the header has 6') },
    ]);
    expect(report).toMatchObject({
      lines: 15,
      records: 10,
      rejected: 6,
      inserted: 4,
      imported: 4,
      errorsOmitted: 0,
      ignoredColumns: ['notes'],
    });
    expectAccounted(report);
    // Reasons never echo values (they may be personal data).
    expect(JSON.stringify(report.errors)).not.toMatch(/not-an-email|shifted|two@bad|Wrong Region|en_US_wrong/);
    expect((await stored()).map((r) => [r.email, r.source_line, r.name])).toEqual([
      ['ok1@example.com', 2, 'Okay One'],
      ['ok2@example.com', 4, 'Multi Line Name'],
      ['ok3@example.com', 10, 'Okay Three'],
      ['ok4@example.com', 15, 'Okay Four'],
    ]);
  });

  it('caps error details at maxErrors but still counts every rejected record', async () => {
    const csv = 'email,country\n' + Array.from({ length: 20 }, (_, i) => `bad${i},ZZ\n`).join('');
    const report = await importRecipients(db, 'inc-1', [csv], { maxErrors: 5 });
    expect(report.rejected).toBe(20);
    expect(report.errors).toHaveLength(5);
    expect(report.errors[4]).toMatchObject({ line: 4, field: 'email' }); // two errors per record: lines 2, 2, 3, 3, 4
    expect(report.errorsOmitted).toBe(35);
    expect((await importRecipients(db, 'inc-1', [csv], { maxErrors: 0 })).errors).toEqual([]);
  });

  it('accepts short records (missing trailing optional fields) and blank trailing extras', async () => {
    const csv = 'email,country,name,region\na@x.com,DE\nb@x.com,FR,Bea,,,\n,,,\n   \n';
    const report = await importRecipients(db, 'inc-1', [csv]);
    expect(report).toMatchObject({ lines: 5, records: 2, inserted: 2, rejected: 0 });
    expect((await stored()).map((r) => [r.email, r.name])).toEqual([
      ['a@x.com', null],
      ['b@x.com', 'Bea'],
    ]);
  });

  it('merges duplicates within a file, last record winning, within and across batches', async () => {
    const csv = [
      'email,name,country,region',
      'dup@Example.com,First,DE,', // 2
      'other@example.com,Other,FR,', // 3
      'dup@example.COM,Second,US,US-CA', // 4: same address (domain case-insensitive)
      'Dup@example.com,Case,AT,', // 5: a different address (local part kept exactly)
      'dup@example.com,Third,US,US-NY', // 6
      'other@example.com,Other again,FR,', // 7
      'dup@example.com,,,', // 8: invalid, so it does not replace line 6
    ].join('\n');
    for (const batchSize of [1000, 1, 2, 3]) {
      const incidentId = `inc-batch-${batchSize}`;
      const report = await importRecipients(db, incidentId, [csv], { batchSize });
      expect(report).toMatchObject({
        records: 7,
        inserted: 3,
        updated: 0,
        imported: 3,
        duplicatesMerged: 3,
        rejected: 1,
      });
      expect(report.byCountry).toEqual({ AT: 1, FR: 1, US: 1 });
      expectAccounted(report);
      expect((await stored(incidentId)).map((r) => [r.email, r.name, r.country, r.region, r.source_line])).toEqual([
        ['Dup@example.com', 'Case', 'AT', null, 5],
        ['dup@example.com', 'Third', 'US', 'US-NY', 6],
        ['other@example.com', 'Other again', 'FR', null, 7],
      ]);
    }
  });

  it('is idempotent on re-import: no new rows, same ids, counted as updated', async () => {
    const first = await importRecipients(db, 'inc-1', fileStream('bad-rows.csv'));
    const ids = (await db.query('SELECT id, email FROM recipients ORDER BY id')).rows;
    const again = await importRecipients(db, 'inc-1', fileStream('bad-rows.csv'), { batchSize: 3 });
    expect(again).toEqual({ ...first, inserted: 0, updated: first.inserted });
    expect((await db.query('SELECT id, email FROM recipients ORDER BY id')).rows).toEqual(ids);

    // Immediately again, with duplicates in the file: still counted as duplicates, not updates.
    const dupCsv = 'email,country\nok1@example.com,DE\nok1@example.com,AT\nnew@example.com,DE\n';
    const third = await importRecipients(db, 'inc-1', [dupCsv], { batchSize: 1 });
    expect(third).toMatchObject({ inserted: 1, updated: 1, duplicatesMerged: 1, byCountry: { AT: 1, DE: 1 } });
    const fourth = await importRecipients(db, 'inc-1', [dupCsv], { batchSize: 1 });
    expect(fourth).toMatchObject({ inserted: 0, updated: 2, duplicatesMerged: 1 });
    expect(await rowCount()).toBe(5);
    expect((await stored()).find((r) => r.email === 'ok1@example.com')).toMatchObject({
      country: 'AT',
      source_line: 3,
    });
    // The same file for another incident is independent.
    expect(await importRecipients(db, 'inc-2', [dupCsv])).toMatchObject({ inserted: 2, updated: 0 });
  });

  it.each([
    ['email', 'name,country\nJane,DE\n'],
    ['country', 'Email,name\njane@example.com,Jane\n'],
    ['email" and "country', 'name,locale\nJane,de\n'],
  ])('fails up front, writing nothing, when the required column %s is missing', async (column, csv) => {
    const err = await importRecipients(db, 'inc-1', [csv]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecipientImportError);
    expect(err).toMatchObject({
      code: 'missing-column',
      line: 1,
      message: expect.stringContaining(`missing required column "${column}"`),
    });
    expect(await rowCount()).toBe(0);
  });

  it('explains a header that is data or uses another delimiter, without echoing addresses', async () => {
    const data = await importRecipients(db, 'inc-1', ['jane@example.com,DE\n']).catch((e: Error) => e);
    expect(data).toMatchObject({ code: 'missing-column', message: expect.stringContaining('looks like data') });
    expect((data as Error).message).not.toContain('jane');
    const semi = await importRecipients(db, 'inc-1', ['email;country\njane@example.com;DE\n']).catch((e: Error) => e);
    expect(semi).toMatchObject({ code: 'missing-column', message: expect.stringContaining('delimiter') });
    await expect(importRecipients(db, 'inc-1', ['email,Email,country\n'])).rejects.toMatchObject({
      code: 'duplicate-column',
    });
    await expect(importRecipients(db, 'inc-1', ['\n\n  \n'])).rejects.toMatchObject({ code: 'empty-file' });
  });

  it('handles a UTF-8 BOM and CRLF line endings', async () => {
    const csv =
      '\ufeffEMAIL,Country,Name\r\n\r\nalice@example.com,de,"Alice\r\nSmith"\r\nbad,DE,Bad\r\nbob@example.com,fr,Bob\r\n';
    const report = await importRecipients(db, 'inc-1', bytesIn(csv, 4));
    expect(report).toMatchObject({ lines: 6, records: 3, inserted: 2, rejected: 1, ignoredColumns: [] });
    expect(report.errors).toEqual([{ line: 5, field: 'email', reason: expect.any(String) }]);
    expect((await stored()).map((r) => [r.email, r.country, r.name, r.source_line])).toEqual([
      ['alice@example.com', 'DE', 'Alice Smith', 3],
      ['bob@example.com', 'FR', 'Bob', 6],
    ]);
  });

  it('stops at a CSV syntax error naming its line; the valid records before it are stored', async () => {
    const csv = 'email,country\na@x.com,DE\n"b@x.com",DE\nbad,DE\nc@x.com,DE\nd@x.com,"DE\ne@x.com,DE\n';
    for (const [batchSize, chunk] of [
      [1000, 1000],
      [1, 1000],
      [2, 3],
      [1000, 1],
    ]) {
      const incidentId = `inc-${batchSize}-${chunk}`;
      const err = await importRecipients(db, incidentId, bytesIn(csv, chunk), { batchSize }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RecipientImportError);
      expect(err).toMatchObject({ code: 'csv-syntax', line: 6, progress: { lines: 5, imported: 3, rejected: 1 } });
      expect((await stored(incidentId)).map((r) => r.email)).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
    }
  });

  it('is all-or-nothing inside a transaction', async () => {
    const csv = 'email,country\na@x.com,DE\nb@x.com,DE\nc@x.com,"DE\n';
    await expect(db.transaction((tx) => importRecipients(tx, 'inc-1', [csv], { batchSize: 1 }))).rejects.toMatchObject({
      code: 'csv-syntax',
    });
    expect(await rowCount()).toBe(0);
    const ok = await db.transaction((tx) =>
      importRecipients(tx, 'inc-1', ['email,country\na@x.com,DE\na@x.com,AT\n'], { batchSize: 1 }),
    );
    expect(ok).toMatchObject({ inserted: 1, duplicatesMerged: 1, byCountry: { AT: 1 } });
  });

  it("keeps batches under PostgreSQL's parameter limit whatever batchSize asks for", async () => {
    const n = MAX_BATCH_SIZE + 7;
    expect(MAX_BATCH_SIZE * 6 + 3).toBeLessThanOrEqual(65535);
    async function* rows(): AsyncGenerator<string> {
      yield 'email,country\n';
      for (let i = 0; i < n; i++) yield `u${i}@example.com,DE\n`;
    }
    const report = await importRecipients(db, 'inc-1', rows(), { batchSize: 1_000_000 });
    expect(report).toMatchObject({ records: n, inserted: n });
    expect(await rowCount()).toBe(n);
    await expect(importRecipients(db, 'inc-1', ['email,country\n'], { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(importRecipients(db, 'inc-1', ['email,country\n'], { maxErrors: -1 })).rejects.toThrow(RangeError);
    await expect(importRecipients(db, '', ['email,country\n'])).rejects.toThrow(RangeError);
  });

  it('streams 10,000 generated rows with bounded memory and reports progress', async () => {
    // Each row carries ~0.7 KB in an ignored column, so the file is ~7.6 MB (~15 MB as a JS string):
    // holding it (or its records) in memory would blow the 4 MB bound below; streaming holds one
    // batch (the retained growth measured is about 1 MB). Parsing costs by the byte, so the file is
    // kept no larger than the bound needs.
    const ROWS = 10_000;
    // One invalid address every 10,000 rows, one duplicate every 10,000 (see generate()).
    const INVALID = ROWS / 10_000;
    const DUPLICATES = ROWS / 10_000;
    const PAD = 'p'.repeat(700);
    const COUNTRIES = ['DE', 'FR', 'US', 'JP'];
    let produced = 0;
    async function* generate(): AsyncGenerator<string> {
      yield 'email,name,locale,country,region,padding\n';
      let chunk = '';
      for (let i = 0; i < ROWS; i++) {
        const country = COUNTRIES[i % 4];
        const email =
          i % 10_000 === 2_345
            ? `user${i - 1}@example${(i - 1) % 97}.com` // duplicate of the previous row
            : i % 10_000 === 5_000
              ? `broken${i}` // invalid
              : `user${i}@example${i % 97}.com`;
        chunk += `${email},User ${i},${i % 3 ? 'de' : 'en'},${country},${country === 'US' ? 'US-CA' : ''},${PAD}\n`;
        if (chunk.length >= 64 * 1024) {
          produced = i + 1;
          yield chunk;
          chunk = '';
        }
      }
      produced = ROWS;
      yield chunk;
    }

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let producedAtFirstProgress = -1;
    const seen: ImportProgress[] = [];
    const started = performance.now();
    const report = await importRecipients(db, 'inc-big', generate(), {
      onProgress: (p) => {
        if (producedAtFirstProgress < 0) producedAtFirstProgress = produced;
        seen.push(p);
        if (seen.length % 10 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - base);
        }
      },
    });
    const ms = performance.now() - started;
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);

    expect(report).toMatchObject({
      lines: ROWS + 1,
      records: ROWS,
      rejected: INVALID,
      duplicatesMerged: DUPLICATES,
      inserted: ROWS - INVALID - DUPLICATES,
      updated: 0,
      imported: ROWS - INVALID - DUPLICATES,
      ignoredColumns: ['padding'],
      errorsOmitted: 0,
    });
    expect(report.errors.map((e) => e.line)).toEqual(Array.from({ length: INVALID }, (_, k) => 5_000 + k * 10_000 + 2));
    expect(Object.values(report.byCountry).reduce((a, b) => a + b, 0)).toBe(ROWS - INVALID - DUPLICATES);
    expect(await countRecipients(db, 'inc-big')).toBe(ROWS - INVALID - DUPLICATES);
    expect(await countRecipients(db, 'inc-big', ['us-ca'])).toBe(report.byCountry.US);

    // Streaming: the input was consumed as the import went, not read ahead to the end.
    expect(producedAtFirstProgress).toBeGreaterThan(0);
    expect(producedAtFirstProgress).toBeLessThan(2 * DEFAULT_BATCH_SIZE);
    // Progress is monotonic and ends with the totals.
    expect(seen.length).toBeGreaterThanOrEqual(ROWS / 1000);
    for (let i = 1; i < seen.length; i++) expect(seen[i].lines).toBeGreaterThanOrEqual(seen[i - 1].lines);
    expect(seen[seen.length - 1]).toEqual({
      lines: ROWS + 1,
      imported: ROWS - INVALID - DUPLICATES,
      rejected: INVALID,
    });
    expect(peak).toBeLessThan(4 * 1024 * 1024);
    process.stdout.write(
      `[recipients] ${backend.name}: ${ROWS} rows (~${Math.round((ROWS * (PAD.length + 60)) / 1e6)} MB) imported in ${(ms / 1000).toFixed(1)} s; ` +
        `retained heap growth peak ${(peak / 1024 / 1024).toFixed(1)} MB\n`,
    );
  }, 180_000);

  it('counts recipients by audience', async () => {
    await importRecipients(db, 'inc-1', fileStream('clean.csv'));
    await importRecipients(db, 'inc-2', ['email,country,region\nzed@example.com,US,US-CA\n']);
    expect(await countRecipients(db, 'inc-1')).toBe(6);
    expect(await countRecipients(db, 'inc-1', ['*'])).toBe(6);
    expect(await countRecipients(db, 'inc-1', ['DE', '*'])).toBe(6);
    expect(await countRecipients(db, 'inc-1', [])).toBe(0);
    expect(await countRecipients(db, 'inc-1', ['us'])).toBe(2);
    expect(await countRecipients(db, 'inc-1', ['US-CA'])).toBe(1);
    expect(await countRecipients(db, 'inc-1', ['US', 'us-ca'])).toBe(2); // overlapping codes count a recipient once
    expect(await countRecipients(db, 'inc-1', ['de', 'US-NY', 'BR-SP'])).toBe(3);
    expect(await countRecipients(db, 'inc-1', ['JP'])).toBe(0);
    expect(await countRecipients(db, 'inc-2', ['US-CA'])).toBe(1);
    expect(await countRecipients(db, 'no-such-incident')).toBe(0);
    await expect(countRecipients(db, 'inc-1', ['USA'])).rejects.toThrow(RangeError);
  });
});
