/**
 * Canonical JSON for ledger hashing — the JSON Canonicalization Scheme of RFC 8785 (JCS):
 *
 *  - no whitespace anywhere;
 *  - object members sorted by key, comparing keys as sequences of UTF-16 code units (what
 *    JavaScript's default `Array.prototype.sort` does), recursively at every depth;
 *  - strings as `JSON.stringify` writes them: only `"` `\` and U+0000–U+001F escaped (as \b \t \n
 *    \f \r or lowercase \u00xx); every other character, including non-ASCII, written as itself;
 *  - numbers as ECMAScript `Number.prototype.toString` / `JSON.stringify` writes them: shortest
 *    round-trip form, `1` not `1.0`, `1e+21` for 1e21, `1e-7` for 0.0000001, `-0` as `0`;
 *  - literals `true`, `false`, `null`; arrays in their given order.
 *
 * Accepted input is the JSON data model only: plain objects, arrays, strings, finite numbers,
 * booleans, null. Object properties whose value is `undefined` are omitted (as JSON.stringify does);
 * anything else that is not JSON (NaN, ±Infinity, bigint, functions, symbols, Dates/Maps/class
 * instances, `undefined` in arrays, cycles, strings with lone UTF-16 surrogates) throws a TypeError.
 * The output is then encoded as UTF-8 (e.g. before SHA-256).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function fail(path: string, what: string): never {
  throw new TypeError(`canonicalJson: ${path}: ${what}`);
}

function writeString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) fail(path, 'string contains a lone UTF-16 surrogate (not valid Unicode)');
  return JSON.stringify(s);
}

function write(v: unknown, path: string, ancestors: Set<object>): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) fail(path, `${v} is not representable in JSON`);
      return JSON.stringify(v);
    case 'string':
      return writeString(v, path);
    case 'object': {
      if (ancestors.has(v)) fail(path, 'circular reference');
      ancestors.add(v);
      try {
        if (Array.isArray(v)) {
          const parts: string[] = [];
          for (let i = 0; i < v.length; i++) {
            if (!(i in v) || v[i] === undefined) fail(`${path}[${i}]`, 'undefined or missing array element');
            parts.push(write(v[i], `${path}[${i}]`, ancestors));
          }
          return `[${parts.join(',')}]`;
        }
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) {
          fail(
            path,
            `only plain objects are JSON (got ${(v as { constructor?: { name?: string } }).constructor?.name ?? 'object'})`,
          );
        }
        const obj = v as Record<string, unknown>;
        const keys = Object.keys(obj)
          .filter((k) => obj[k] !== undefined)
          .sort();
        const parts = keys.map(
          (k) => `${writeString(k, `${path} key ${JSON.stringify(k)}`)}:${write(obj[k], `${path}.${k}`, ancestors)}`,
        );
        return `{${parts.join(',')}}`;
      } finally {
        ancestors.delete(v);
      }
    }
    default:
      return fail(path, `${typeof v} is not a JSON value`);
  }
}

/** Canonical (RFC 8785) JSON text of a JSON value. Throws TypeError on non-JSON input. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

/**
 * The text PostgreSQL's `numeric` output (hence `jsonb::text`) produces for a number that
 * canonicalJson wrote as `canonical`: jsonb keeps numbers as `numeric`, which prints in plain
 * decimal notation with the scale of its input — `1e+21` → `1000000000000000000000`,
 * `1.5e-7` → `0.00000015`, `0.1` → `0.1`.
 */
export function pgNumericText(canonical: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(canonical);
  if (!m) throw new TypeError(`not a JSON number: ${canonical}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp); // decimal point sits after this many digits
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  return /^[0.]+$/.test(out) ? out : sign + out;
}

/**
 * Number literals of a JSON text, in order (strings skipped). Used on `payload::text` to check
 * that every stored number is exactly the value append wrote: JSON.parse alone would round e.g.
 * a tampered `100.00000000000000001` to 100 and hide the change.
 */
export function numberLiterals(jsonText: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < jsonText.length; i++) {
    const c = jsonText[i];
    if (c === '"') {
      for (i++; i < jsonText.length && jsonText[i] !== '"'; i++) if (jsonText[i] === '\\') i++;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      while (i + 1 < jsonText.length && /[0-9eE.+-]/.test(jsonText[i + 1])) i++;
      out.push(jsonText.slice(start, i + 1));
    }
  }
  return out;
}

/** First number literal in PostgreSQL jsonb text that is not what append would have stored, if any. */
export function firstNonCanonicalNumber(jsonbText: string): string | undefined {
  for (const lit of numberLiterals(jsonbText)) {
    const n = Number(lit);
    if (!Number.isFinite(n) || pgNumericText(JSON.stringify(n)) !== lit) return lit;
  }
  return undefined;
}
