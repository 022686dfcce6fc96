/**
 * Streaming CSV records with exact physical line numbers, on top of `csv-parse`.
 *
 * csv-parse does the tokenizing (RFC 4180 quoting, `""` escapes, UTF-8/UTF-16LE BOM, chunk
 * boundaries anywhere, including inside a multi-byte character or a CRLF). Its own `info.lines`
 * is not used: it counts a CRLF inside a quoted field as two lines. Instead, line numbers are
 * derived from what was parsed: empty lines are kept as records (`skip_empty_lines: false`), so
 * every physical line break is either a record's terminator or inside one of its field values
 * (kept verbatim), and a record starts on 1 + the line breaks of all records before it.
 *
 * Line breaks are CRLF, LF or a lone CR, and may be mixed within one file.
 */
import { finished } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  readonly line: number;
  /** Raw field values (untrimmed). An empty line is `['']`. */
  readonly fields: string[];
}

/** The input cannot be tokenized from `line` on (an unterminated quote, an oversized record). */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export interface ReadCsvOptions {
  /**
   * Largest record, in characters, before the input is rejected. Bounds memory when a quote is
   * never closed (the parser would otherwise buffer the rest of the file as one field).
   */
  maxRecordChars?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

/** A stream or (async) iterable of text or UTF-8 bytes in chunks of any size; or the whole text. */
export type CsvInput =
  NodeJS.ReadableStream | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | string;

async function* asBuffers(input: CsvInput): AsyncGenerator<Buffer> {
  const chunks = typeof input === 'string' ? [input] : input;
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (Buffer.isBuffer(chunk)) yield chunk;
    else if (ArrayBuffer.isView(chunk)) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else throw new TypeError(`CSV input must yield strings or bytes, got ${chunk === null ? 'null' : typeof chunk}`);
  }
}

/** Number of line breaks (CRLF, LF or lone CR) in `s`. */
export function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Reads `input` as CSV, yielding one record at a time; memory is bounded by one input chunk and
 * the records parsed from it, whatever the file size. After the iteration completes, `lines()` is
 * the number of physical lines in the input (a final line without a terminator counts; a BOM does
 * not); during it, the lines of the records yielded so far.
 *
 * On a syntax error, every record before the bad one is yielded first, then a CsvSyntaxError
 * names the line the bad record starts on.
 */
export function readCsvRecords(
  input: CsvInput,
  opts: ReadCsvOptions = {},
): AsyncIterable<CsvRecord> & { lines(): number } {
  const maxRecordChars = opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let parsedLine = 1; // where the next record to be parsed starts
  let yieldedLine = 1; // where the record after the last one yielded starts
  async function* records(): AsyncGenerator<CsvRecord> {
    // Records are taken from on_record, synchronously as the parser finds them, rather than from
    // the parser's readable side: a stream that errors discards what it had buffered, and the
    // records before a syntax error (and the line it is on) would be lost.
    const parsed: { line: number; next: number; fields: string[] }[] = [];
    const parser = parse({
      bom: true,
      // Explicit, in this order, so that files mixing line endings split on every one of them
      // (auto-discovery would pick the first one seen and treat the others as data).
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true, // a stray quote inside an unquoted field is data (O"Brien)
      max_record_size: maxRecordChars,
      on_record: (fields: string[]) => {
        const line = parsedLine;
        let breaks = 1;
        for (const f of fields) breaks += countLineBreaks(f);
        parsedLine += breaks;
        parsed.push({ line, next: parsedLine, fields });
        return null; // nothing goes to the readable side
      },
    });
    parser.on('error', () => undefined); // reported through write()/finished() below
    const write = (chunk: Buffer) =>
      new Promise<void>((resolve, reject) => {
        parser.write(chunk, (err) => (err ? reject(err) : resolve()));
      });
    const end = () => {
      parser.end();
      return finished(parser, { readable: false });
    };
    function* drain(): Generator<CsvRecord> {
      for (const r of parsed.splice(0)) {
        yieldedLine = r.next;
        yield { line: r.line, fields: r.fields };
      }
    }
    try {
      let failure: unknown;
      for await (const chunk of asBuffers(input)) {
        await write(chunk).catch((err: unknown) => {
          failure = err;
        });
        yield* drain();
        if (failure !== undefined) throw failure;
      }
      await end().catch((err: unknown) => {
        failure = err;
      });
      yield* drain();
      if (failure !== undefined) throw failure;
    } catch (err) {
      if (err instanceof CsvError) {
        const what =
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'a quoted field is never closed'
            : err.code === 'CSV_MAX_RECORD_SIZE'
              ? `the record is longer than ${maxRecordChars} characters (an unclosed quote?)`
              : `csv-parse ${err.code}`; // not its message: that may quote the data
        throw new CsvSyntaxError(
          `CSV syntax error in the record starting at line ${parsedLine}: ${what}`,
          parsedLine,
          err.code,
        );
      }
      throw err;
    } finally {
      parser.destroy();
    }
  }
  const it = records();
  return {
    [Symbol.asyncIterator]: () => it,
    lines: () => yieldedLine - 1,
  };
}
