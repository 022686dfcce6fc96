/**
 * The handlebars environment layouts and wording fragments run in: strict, only these helpers,
 * and no way around HTML escaping. Wording is reached through two helpers, so a layout names
 * what it says and the words live in data: `{{w "title"}}` (the kind's words, templates/wording)
 * and `{{t "layout.colon"}}` (the language's catalogue, locales/<locale>.json).
 */
import Handlebars from 'handlebars';
import {
  formatCountry,
  formatDateTime,
  formatLineValue,
  formatList,
  formatNumber,
  type FormattableLine,
} from './locale';
import type { Catalogue, Fragment, KindText, LayoutPart } from './wording';

/** What the helpers read from handlebars' @data (also `@advice`, `@grouped` and `@templateLocale` in layouts). */
export interface RenderData {
  templateLocale: string;
  formatLocale: string;
  timeZone: string;
  /** The catalogue's locale (the template locale, or the nearest catalogue). */
  phraseLocale: string;
  cat: Catalogue;
  /** The kind's words in the template locale (empty for the internal mails). */
  words: KindText;
  kind: string;
  part: LayoutPart;
  /** Catalogue sentences said before the closing of a notice to the public. */
  advice: readonly string[];
  /** The kind shows its sections under group headings. */
  grouped: boolean;
  /** Where the kind's words come from, for error messages. */
  wordingFile: string | null;
}

interface HelperOptionsLike {
  data?: { root?: unknown } & Partial<RenderData>;
  loc?: { start?: { line?: number; column?: number } };
}

type Compiled = (context: unknown, options?: { data?: unknown }) => string;

export interface Helpers {
  /** Compiles a layout part; syntax errors, unknown helpers and unescaped output are refused now, not mid-send. */
  compileChecked(source: string, part: LayoutPart, file: string): Compiled;
}

export const HELPERS = [
  'datetime',
  'number',
  'hours',
  'list',
  'country',
  'known',
  'upper',
  'roleName',
  'recipientName',
  'paragraphs',
  'value',
  'phrase',
  'w',
  't',
];

const where = (o: HelperOptionsLike | undefined): string =>
  o?.loc?.start ? `line ${o.loc.start.line}, column ${o.loc.start.column}` : 'unknown position';

function renderData(o: HelperOptionsLike): RenderData {
  const d = o.data;
  if (!d?.templateLocale || !d.formatLocale || !d.timeZone || !d.phraseLocale || !d.cat || !d.part)
    throw new Error('template rendered without render data');
  return d as RenderData;
}

/** Triple-stash and `{{& }}` print unescaped; partials are not part of this environment. */
const UNESCAPED = /\{\{\{|\{\{~?\s*&|\{\{~?\s*>/;

/** Literal text of an HTML fragment is text, not markup: "&" in a statute's name is "&amp;". */
const escapeLiteral = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlFragmentSource = (src: string): string =>
  src
    .split(/(\{\{[\s\S]*?\}\})/)
    .map((seg, i) => (i % 2 === 1 ? seg : escapeLiteral(seg)))
    .join('');

function lookup(tree: unknown, key: string): Fragment | undefined {
  let node: unknown = tree;
  for (const k of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  if (typeof node === 'string') return node;
  if (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as { text?: unknown }).text === 'string' &&
    typeof (node as { html?: unknown }).html === 'string'
  ) {
    return node as Fragment;
  }
  return undefined;
}

/**
 * An isolated handlebars environment. Strict mode makes a missing `{{value}}` an error, but
 * handlebars resolves helper arguments (including those of #if, #each, …) leniently: a missing
 * key arrives as `undefined`. So every helper here, the built-in block helpers included, throws
 * on `undefined`. Contexts normalize optional fields to `null`, so `undefined` can only mean a
 * key that is not in the context: a misspelt or missing required value.
 */
export function createEnvironment(): Helpers {
  const hb = Handlebars.create();
  const knownHelpers = Object.fromEntries(HELPERS.map((h) => [h, true]));
  const optionsFor = (html: boolean) => ({ strict: true, noEscape: !html, knownHelpers, knownHelpersOnly: true });
  const fragments = new Map<string, Compiled>();

  function compile(source: string, html: boolean, what: string): Compiled {
    if (UNESCAPED.test(source))
      throw new Error(
        `${what} uses unescaped output or a partial ({{{ }}}, {{& }}, {{> }}), which notices do not allow`,
      );
    try {
      hb.precompile(source, optionsFor(html));
    } catch (err) {
      throw new Error(`${what} does not compile: ${(err as Error).message}`, { cause: err });
    }
    return hb.compile(source, optionsFor(html)) as Compiled;
  }

  /** A wording fragment, evaluated against the notice context; HTML-escaped in the html part. */
  function fragment(value: Fragment, key: string, options: HelperOptionsLike): string | Handlebars.SafeString {
    const d = renderData(options);
    const html = d.part === 'html';
    const src = typeof value === 'string' ? value : html ? value.html : value.text;
    const cacheKey = `${html ? 'h' : 't'}\0${src}`;
    let fn = fragments.get(cacheKey);
    if (!fn) {
      fn = compile(html ? htmlFragmentSource(src) : src, html, `wording "${key}" (${d.templateLocale})`);
      fragments.set(cacheKey, fn);
    }
    const out = fn(options.data?.root, { data: options.data });
    return html ? new hb.SafeString(out) : out;
  }

  for (const name of ['if', 'unless', 'each', 'with'] as const) {
    const builtin = hb.helpers[name] as (...a: unknown[]) => unknown;
    hb.registerHelper(name, function strictBuiltin(this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as HelperOptionsLike;
      if (args.length < 2 || args[0] === undefined) {
        throw new Error(`{{#${name}}} at ${where(options)}: its argument is missing from the context`);
      }
      return builtin.apply(this, args);
    });
  }

  const helper = (
    name: string,
    arity: number,
    fn: (args: unknown[], data: RenderData, options: HelperOptionsLike) => unknown,
  ) => {
    hb.registerHelper(name, (...all: unknown[]) => {
      const options = all.pop() as HelperOptionsLike;
      if (all.length !== arity)
        throw new Error(`{{${name}}} at ${where(options)}: expects ${arity} argument(s), got ${all.length}`);
      if (all.some((a) => a === undefined))
        throw new Error(`{{${name}}} at ${where(options)}: argument is missing from the context`);
      try {
        return fn(all, renderData(options), options);
      } catch (err) {
        throw new Error(`{{${name}}} at ${where(options)}: ${(err as Error).message}`, { cause: err });
      }
    });
  };
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string') throw new Error(`${what} must be a string, got ${v === null ? 'null' : typeof v}`);
    return v;
  };
  const named = (table: Readonly<Record<string, string>>, key: string, what: string, d: RenderData): string => {
    const name = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
    if (!name) throw new Error(`unknown ${what} "${key}" (locales/${d.phraseLocale}.json)`);
    return name;
  };

  helper('datetime', 1, ([iso], d) => formatDateTime(str(iso, 'datetime value'), d.timeZone, d.formatLocale));
  helper('number', 1, ([n], d) => formatNumber(n as number, d.formatLocale));
  helper('hours', 1, ([n], d) => formatNumber(n as number, d.formatLocale, 1));
  helper('list', 1, ([xs], d) =>
    formatList(
      (xs as unknown[]).map((x) => str(x, 'list item')),
      d.formatLocale,
    ),
  );
  helper('country', 1, ([c], d) => formatCountry(str(c, 'country code'), d.formatLocale));
  /** `{{#if (known x)}}`: true unless null. 0 counts as known, unlike a bare #if. */
  helper('known', 1, ([v]) => v !== null);
  /** A section line's value (contexts.ts NoticeLine): text, date and time, date, number or list, formatted for the recipient. */
  helper('value', 1, ([line], d) => {
    if (typeof line !== 'object' || line === null || typeof (line as { kind?: unknown }).kind !== 'string')
      throw new Error('expects a section line');
    return formatLineValue(line as FormattableLine, d.timeZone, d.formatLocale);
  });
  /** `{{phrase "vigilance"}}`: a catalogue sentence (`sentences`), in the template's language. */
  helper('phrase', 1, ([key], d) => named(d.cat.sentences, str(key, 'phrase key'), 'phrase', d));
  helper('upper', 1, ([s], d) => str(s, 'value').toLocaleUpperCase(d.formatLocale));
  helper('roleName', 1, ([r], d) => named(d.cat.roles, str(r, 'role'), 'role', d));
  helper('recipientName', 1, ([r], d) => named(d.cat.recipients, str(r, 'recipient'), 'recipient', d));
  /** `{{w "title"}}`: the kind's words (templates/wording/<regime>.json), a fragment evaluated against the context. */
  helper('w', 1, ([key], d, options) => {
    const k = str(key, 'wording key');
    const value = lookup(d.words, k);
    if (value === undefined)
      throw new Error(
        `no ${d.templateLocale} wording "${k}" for ${d.kind} (${d.wordingFile ?? 'the kind has no wording file'})`,
      );
    return fragment(value, k, options);
  });
  /** `{{t "layout.colon"}}`: the language's catalogue (locales/<locale>.json), a fragment evaluated against the context. */
  helper('t', 1, ([key], d, options) => {
    const k = str(key, 'catalogue key');
    const value = lookup(d.cat, k);
    if (value === undefined) throw new Error(`no wording "${k}" in locales/${d.phraseLocale}.json`);
    return fragment(value, k, options);
  });
  /** HTML only: escaped text, blank lines → paragraphs, single newlines → <br>. */
  helper('paragraphs', 1, ([t]) => {
    const paras = str(t, 'text')
      .replace(/\r\n?/g, '\n')
      .trim()
      .split(/\n\s*\n/);
    const html = paras
      .map(
        (p) =>
          `<p>${p
            .split('\n')
            .map((l) => hb.escapeExpression(l))
            .join('<br>\n')}</p>`,
      )
      .join('\n');
    return new hb.SafeString(html);
  });

  return {
    compileChecked: (source, part, file) => compile(source, part === 'html', `layout ${file}`),
  };
}
