import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { CONTEXT_SCHEMAS } from './contexts';
import { ELEMENTS } from './elements';
import { OBLIGATION_KINDS } from './kinds';
import {
  canonicalLocale, formatCountry, formatDateTime, formatLineValue, formatList, formatNumber, formattingLocale, resolveLocale,
  type FormattableLine, type LocaleChoice,
} from './locale';
import {
  DATA_CATEGORY_LABELS, LABELS, PHRASE_LOCALES, pick, RECIPIENT_NAMES, ROLE_NAMES, SENTENCES, SHARED, STAGE_NAMES, TO_FOLLOW, TO_FOLLOW_PUBLIC,
  type PhraseLocale,
} from './phrases';
import {
  CA_OPC, KR_REMEDY_BODIES, NY_AGENCIES, STATEMENTS, US_CONSUMER_REPORTING_AGENCIES, US_FTC, US_REGION_NAMES,
} from './reference';
import { sanitizeBodyText, sanitizeHeaderText } from './sanitize';

export interface RenderedNotice {
  kind: string;
  /** The template locale actually used. */
  locale: string;
  requestedLocale: string;
  /** True when `locale` is not what was asked for (see resolveLocale); never silent. */
  fallback: boolean;
  /** One line: CR, LF and other control characters collapsed to spaces. */
  subject: string;
  text: string;
  html: string;
  /**
   * First 12 hex of sha256 over the three template files used and the shared wording they draw
   * on (WORDING_VERSION: headings, phrases, reference data), so a changed heading is a new version.
   */
  templateVersion: string;
  /** Content elements the notice says are still to follow (obligation notices; empty otherwise). */
  pending: string[];
}

export interface NoticeRenderer {
  readonly templatesDir: string;
  render(kind: string, locale: string, context: unknown): RenderedNotice;
  /** Which template locale render() would use for this request. */
  resolveLocale(kind: string, locale: string): LocaleChoice;
  /** Template locales present for a kind. */
  locales(kind: string): string[];
}

export interface NoticeRendererOptions {
  templatesDir: string;
  /** Context schemas by kind; defaults to CONTEXT_SCHEMAS. A kind without a schema cannot be rendered. */
  schemas?: Record<string, z.ZodType>;
}

/** The repository's templates/ folder. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

export const TEMPLATE_PARTS = ['subject', 'text', 'html'] as const;
type Part = (typeof TEMPLATE_PARTS)[number];

/**
 * Fingerprint of the wording outside the template files that rendered notices contain: element
 * headings, labels and phrases, shared sentences, group headings and reference data. Data only
 * (resolver code is not part of it), so it is the same wherever the code runs.
 */
export const WORDING_VERSION = createHash('sha256').update(JSON.stringify({
  elements: Object.entries(ELEMENTS).map(([id, d]) => [id, d.heading, 'plain' in d ? d.plain : null]),
  groups: Object.values(OBLIGATION_KINDS).filter((k) => k.groups).map((k) => [k.kind, k.groups]),
  phrases: [TO_FOLLOW, TO_FOLLOW_PUBLIC, SHARED, LABELS, SENTENCES, STAGE_NAMES, DATA_CATEGORY_LABELS, ROLE_NAMES, RECIPIENT_NAMES],
  reference: [US_CONSUMER_REPORTING_AGENCIES, US_FTC, NY_AGENCIES, CA_OPC, KR_REMEDY_BODIES, STATEMENTS, US_REGION_NAMES],
})).digest('hex').slice(0, 12);

/** Thrown when a context does not match its kind's schema; lists paths and messages, never values. */
export class NoticeContextError extends Error {
  constructor(readonly kind: string, readonly issues: z.core.$ZodIssue[]) {
    super(`invalid context for notice kind "${kind}": ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'NoticeContextError';
  }
}

/** What the helpers read from handlebars' @data. */
interface RenderData {
  templateLocale: string;
  formatLocale: string;
  timeZone: string;
  phraseLocale: PhraseLocale;
}

interface HelperOptionsLike {
  data?: { root?: unknown } & Partial<RenderData>;
  loc?: { start?: { line?: number; column?: number } };
}

const where = (o: HelperOptionsLike | undefined): string =>
  o?.loc?.start ? `line ${o.loc.start.line}, column ${o.loc.start.column}` : 'unknown position';

function renderData(o: HelperOptionsLike): RenderData {
  const d = o.data;
  if (!d?.templateLocale || !d.formatLocale || !d.timeZone || !d.phraseLocale) throw new Error('template rendered without render data');
  return d as RenderData;
}

/**
 * An isolated handlebars environment. Strict mode makes a missing `{{value}}` an error, but
 * handlebars resolves helper arguments (including those of #if, #each, …) leniently: a missing
 * key arrives as `undefined`. So every helper here, the built-in block helpers included, throws
 * on `undefined`. Contexts normalize optional fields to `null`, so `undefined` can only mean a
 * key that is not in the context: a misspelt or missing required value.
 */
function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();

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

  const helper = (name: string, arity: number, fn: (args: unknown[], data: RenderData) => unknown) => {
    hb.registerHelper(name, (...all: unknown[]) => {
      const options = all.pop() as HelperOptionsLike;
      if (all.length !== arity) throw new Error(`{{${name}}} at ${where(options)}: expects ${arity} argument(s), got ${all.length}`);
      if (all.some((a) => a === undefined)) throw new Error(`{{${name}}} at ${where(options)}: argument is missing from the context`);
      try {
        return fn(all, renderData(options));
      } catch (err) {
        throw new Error(`{{${name}}} at ${where(options)}: ${(err as Error).message}`, { cause: err });
      }
    });
  };
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string') throw new Error(`${what} must be a string, got ${v === null ? 'null' : typeof v}`);
    return v;
  };

  helper('datetime', 1, ([iso], d) => formatDateTime(str(iso, 'datetime value'), d.timeZone, d.formatLocale));
  helper('number', 1, ([n], d) => formatNumber(n as number, d.formatLocale));
  helper('hours', 1, ([n], d) => formatNumber(n as number, d.formatLocale, 1));
  helper('list', 1, ([xs], d) => formatList((xs as unknown[]).map((x) => str(x, 'list item')), d.formatLocale));
  helper('country', 1, ([c], d) => formatCountry(str(c, 'country code'), d.formatLocale));
  /** `{{#if (known x)}}`: true unless null. 0 counts as known, unlike a bare #if. */
  helper('known', 1, ([v]) => v !== null);
  /** A section line's value (contexts.ts NoticeLine): text, date and time, date, number or list, formatted for the recipient. */
  helper('value', 1, ([line], d) => {
    if (typeof line !== 'object' || line === null || typeof (line as { kind?: unknown }).kind !== 'string') throw new Error('expects a section line');
    return formatLineValue(line as FormattableLine, d.timeZone, d.formatLocale);
  });
  /** `{{phrase "vigilance"}}`: a sentence several templates share (phrases.ts SENTENCES), in the template's language. */
  helper('phrase', 1, ([key], d) => {
    const k = str(key, 'phrase key');
    if (!Object.prototype.hasOwnProperty.call(SENTENCES, k)) throw new Error(`unknown phrase "${k}"`);
    return pick(SENTENCES[k as keyof typeof SENTENCES], d.phraseLocale, `phrase "${k}"`);
  });
  helper('upper', 1, ([s], d) => str(s, 'value').toLocaleUpperCase(d.formatLocale));
  helper('roleName', 1, ([r], d) => {
    const name = (ROLE_NAMES[d.phraseLocale] as Record<string, string>)[str(r, 'role')];
    if (!name) throw new Error(`unknown role "${String(r)}"`);
    return name;
  });
  helper('recipientName', 1, ([r], d) => {
    const name = (RECIPIENT_NAMES[d.phraseLocale] as Record<string, string>)[str(r, 'recipient')];
    if (!name) throw new Error(`unknown recipient "${String(r)}"`);
    return name;
  });
  /** HTML only: escaped text, blank lines → paragraphs, single newlines → <br>. */
  helper('paragraphs', 1, ([t]) => {
    const paras = str(t, 'text').replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
    const html = paras.map((p) => `<p>${p.split('\n').map((l) => hb.escapeExpression(l)).join('<br>\n')}</p>`).join('\n');
    return new hb.SafeString(html);
  });
  return hb;
}

const HELPERS = ['datetime', 'number', 'hours', 'list', 'country', 'known', 'upper', 'roleName', 'recipientName', 'paragraphs', 'value', 'phrase'];

interface CompiledSet {
  locale: string;
  version: string;
  parts: Record<Part, { file: string; fn: HandlebarsTemplateDelegate }>;
}

type HandlebarsTemplateDelegate = (context: unknown, options?: { data?: RenderData }) => string;

const KIND_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Renders notices from templates/<kind>/<locale>/{subject,text,html}.hbs. Templates are read
 * and compiled once per kind and locale, on first use, and cached for the renderer's lifetime.
 */
export function createNoticeRenderer(opts: NoticeRendererOptions): NoticeRenderer {
  const templatesDir = path.resolve(opts.templatesDir);
  const schemas: Record<string, z.ZodType> = opts.schemas ?? CONTEXT_SCHEMAS;
  const hb = createEnvironment();
  const knownHelpers = Object.fromEntries(HELPERS.map((h) => [h, true]));
  const localeCache = new Map<string, string[]>();
  const compiled = new Map<string, CompiledSet>();

  function kindDir(kind: string): string {
    const dir = path.join(templatesDir, kind);
    if (!KIND_PATTERN.test(kind) || !existsSync(dir) || !statSync(dir).isDirectory()) {
      let available: string[] = [];
      try {
        available = readdirSync(templatesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      } catch {
        /* templatesDir itself is missing; the message says where we looked */
      }
      throw new Error(`unknown notice kind "${kind}": no folder "${kind}" in templates directory ${templatesDir} (available: ${available.join(', ') || 'none'})`);
    }
    return dir;
  }

  function locales(kind: string): string[] {
    let list = localeCache.get(kind);
    if (!list) {
      list = readdirSync(kindDir(kind), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      localeCache.set(kind, list);
    }
    return [...list];
  }

  function chooseLocale(kind: string, locale: string): LocaleChoice {
    return resolveLocale(locale, locales(kind));
  }

  function load(kind: string, locale: string): CompiledSet {
    const key = `${kind}/${locale}`;
    const hit = compiled.get(key);
    if (hit) return hit;
    const dir = path.join(kindDir(kind), locale);
    const hash = createHash('sha256').update(`wording\0${WORDING_VERSION}\0`);
    const parts = {} as CompiledSet['parts'];
    for (const part of TEMPLATE_PARTS) {
      const file = path.join(dir, `${part}.hbs`);
      if (!existsSync(file)) throw new Error(`template ${file} is missing (every locale needs subject.hbs, text.hbs and html.hbs)`);
      const source = readFileSync(file, 'utf8');
      hash.update(`${part}.hbs\0${source}\0`);
      const options = { strict: true, noEscape: part !== 'html', knownHelpers, knownHelpersOnly: true };
      try {
        hb.precompile(source, options); // syntax errors and unknown helpers surface now, not mid-send
      } catch (err) {
        throw new Error(`template ${file} does not compile: ${(err as Error).message}`, { cause: err });
      }
      parts[part] = { file, fn: hb.compile(source, options) as HandlebarsTemplateDelegate };
    }
    const set: CompiledSet = { locale, version: hash.digest('hex').slice(0, 12), parts };
    compiled.set(key, set);
    return set;
  }

  function render(kind: string, locale: string, context: unknown): RenderedNotice {
    kindDir(kind);
    const schema = Object.prototype.hasOwnProperty.call(schemas, kind) ? schemas[kind] : undefined;
    if (!schema) throw new Error(`notice kind "${kind}" has templates in ${templatesDir} but no context schema`);
    const choice = chooseLocale(kind, locale);
    const set = load(kind, choice.locale);

    const parsed = schema.safeParse(context);
    if (!parsed.success) throw new NoticeContextError(kind, parsed.error.issues);
    const ctx = parsed.data as { locale?: string | null; timeZone: string; phraseLocale?: string; pending?: string[] };
    // A context whose headings and phrases were written for another template language would mix languages.
    if (ctx.phraseLocale !== undefined && canonicalLocale(ctx.phraseLocale) !== canonicalLocale(choice.locale)) {
      throw new Error(`context for "${kind}" was built for template locale "${ctx.phraseLocale}", but "${locale}" renders the "${choice.locale}" templates: build the context with the same locale`);
    }
    const phrase = resolveLocale(choice.locale, PHRASE_LOCALES).locale as PhraseLocale;
    const data: RenderData = {
      templateLocale: choice.locale,
      formatLocale: formattingLocale(ctx.locale, choice.locale),
      timeZone: ctx.timeZone,
      phraseLocale: phrase,
    };
    const run = (part: Part): string => {
      const { file, fn } = set.parts[part];
      try {
        return fn(ctx, { data });
      } catch (err) {
        throw new Error(`rendering ${path.relative(templatesDir, file)} failed: ${(err as Error).message}`, { cause: err });
      }
    };
    return {
      kind,
      locale: choice.locale,
      requestedLocale: locale,
      fallback: choice.fallback,
      subject: sanitizeHeaderText(run('subject')),
      text: sanitizeBodyText(run('text')),
      html: run('html'),
      templateVersion: set.version,
      pending: Array.isArray(ctx.pending) ? [...ctx.pending] : [],
    };
  }

  return { templatesDir, render, resolveLocale: chooseLocale, locales };
}
