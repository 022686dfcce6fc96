import { createHash } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { CONTEXT_SCHEMAS } from './contexts';
import { OBLIGATION_KINDS } from './kinds';
import { canonicalLocale, formattingLocale, resolveLocale, type LocaleChoice } from './locale';
import { createEnvironment, HELPERS, type Helpers, type RenderData } from './render-helpers';
import { sanitizeBodyText, sanitizeHeaderText } from './sanitize';
import {
  createWordingStore,
  DEFAULT_LOCALES_DIR,
  DEFAULT_PLANS_DIR,
  DEFAULT_TEMPLATES_DIR,
  defaultWordingStore,
  LAYOUT_PARTS,
  type Catalogue,
  type KindText,
  type LayoutPart,
  type Wording,
  type WordingStore,
} from './wording';

export { DEFAULT_TEMPLATES_DIR };

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
   * First 12 hex of sha256 over what the notice was rendered from: the layout's three files and
   * the wording it draws on (the kind's words in that language, the language's catalogue), with
   * the plan's own over them. A changed heading or a plan's letterhead is a new version.
   */
  templateVersion: string;
  /** Content elements the notice says are still to follow (obligation notices; empty otherwise). */
  pending: string[];
}

/** Where a kind's notices come from: a layout, the locales it is written in and, for obligation kinds, its wording. */
export interface KindLayout {
  layout: string;
  locales: readonly string[];
  /** The rule obligation whose wording (templates/wording/<regime>.json) the layout uses. */
  wording?: { regime: string; key: string; recipient: Parameters<Wording['kind']>[2] };
}

export interface NoticeRenderer {
  readonly templatesDir: string;
  /** The wording the renderer reads; build contexts from the same (buildNoticeContext's third argument). */
  readonly wording: WordingStore;
  render(kind: string, locale: string, context: unknown): RenderedNotice;
  /** Which template locale render() would use for this request. */
  resolveLocale(kind: string, locale: string): LocaleChoice;
  /** Template locales of a kind. */
  locales(kind: string): string[];
}

export interface NoticeRendererOptions {
  /** Holds layouts/ and wording/ (the repository's templates/ by default). */
  templatesDir: string;
  /** Holds the catalogues, <locale>.json (default: the repository's locales/). */
  localesDir?: string;
  /** Holds the plans whose own wording a context may name (default: the repository's plans/). */
  plansDir?: string;
  /** Context schemas by kind; defaults to CONTEXT_SCHEMAS. A kind without a schema cannot be rendered. */
  schemas?: Record<string, z.ZodType>;
  /** Kinds and their layouts; defaults to the obligation kinds of the rules and the internal mails. */
  kinds?: Record<string, KindLayout>;
}

export const TEMPLATE_PARTS = LAYOUT_PARTS;

/** Thrown when a context does not match its kind's schema; lists paths and messages, never values. */
export class NoticeContextError extends Error {
  constructor(
    readonly kind: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `invalid context for notice kind "${kind}": ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'NoticeContextError';
  }
}

/** The obligation kinds (rules + wording) and the internal mails, in the languages whose catalogue has them. */
export function defaultKinds(wording: Wording): Record<string, KindLayout> {
  const mailLocales = wording.locales().filter((l) => wording.catalogue(l).mail);
  return {
    ...Object.fromEntries(
      Object.values(OBLIGATION_KINDS).map((s) => [
        s.kind,
        {
          layout: s.layout,
          locales: s.locales,
          wording: { regime: s.regime, key: s.key, recipient: s.recipient },
        },
      ]),
    ),
    reminder: { layout: 'reminder', locales: mailLocales },
    escalation: { layout: 'escalation', locales: mailLocales },
  };
}

interface CompiledSet {
  version: string;
  parts: Record<LayoutPart, { file: string; fn: (context: unknown, options?: { data?: RenderData }) => string }>;
  data: Omit<RenderData, 'formatLocale' | 'timeZone'>;
}

/**
 * Renders notices from a layout (templates/layouts/<layout>/{subject,text,html}.hbs) and wording
 * (the kind's words, the language's catalogue), with the plan's own over both where the context
 * names a plan. Layouts and wording are read, validated and compiled once, on first use.
 */
export function createNoticeRenderer(opts: NoticeRendererOptions): NoticeRenderer {
  const templatesDir = path.resolve(opts.templatesDir);
  const repoDefaults = templatesDir === DEFAULT_TEMPLATES_DIR && !opts.localesDir && !opts.plansDir;
  const wording = repoDefaults
    ? defaultWordingStore()
    : createWordingStore({
        templatesDir,
        localesDir: opts.localesDir ?? DEFAULT_LOCALES_DIR,
        plansDir: opts.plansDir ?? DEFAULT_PLANS_DIR,
      });
  const kinds = opts.kinds ?? defaultKinds(wording.forPlan(null));
  const schemas: Record<string, z.ZodType> = opts.schemas ?? CONTEXT_SCHEMAS;
  const envs = new Map<string, { hb: Helpers; layouts: Map<string, CompiledSet['parts'][LayoutPart]> }>();
  const compiled = new Map<string, CompiledSet>();

  function kindLayout(kind: string): KindLayout {
    const k = Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind] : undefined;
    if (!k)
      throw new Error(
        `unknown notice kind "${kind}": no rule obligation or internal mail of that name (templates directory ${templatesDir}; known: ${Object.keys(kinds).sort().join(', ')})`,
      );
    return k;
  }

  const locales = (kind: string): string[] => [...kindLayout(kind).locales].sort();
  const chooseLocale = (kind: string, locale: string): LocaleChoice => resolveLocale(locale, locales(kind));

  /** One handlebars environment per plan: its layouts are compiled once. */
  function envFor(plan: string | null) {
    let env = envs.get(plan ?? '');
    if (!env) {
      env = { hb: createEnvironment(), layouts: new Map() };
      envs.set(plan ?? '', env);
    }
    return env;
  }

  function load(kind: string, locale: string, plan: string | null): CompiledSet {
    const key = `${plan ?? ''}\0${kind}\0${locale}`;
    const hit = compiled.get(key);
    if (hit) return hit;
    const spec = kindLayout(kind);
    const w = wording.forPlan(plan);
    const env = envFor(plan);
    const phraseLocale = resolveLocale(locale, w.locales()).locale;
    const cat = w.catalogue(phraseLocale);
    const kw = spec.wording ? w.kind(spec.wording.regime, spec.wording.key, spec.wording.recipient) : null;
    if (spec.wording && !kw)
      throw new Error(
        `no wording for notice kind "${kind}" (templates/wording/${spec.wording.regime}.json kinds.${spec.wording.key})`,
      );
    const words: KindText = kw?.locales[locale] ?? {};

    const hash = createHash('sha256');
    const parts = {} as CompiledSet['parts'];
    for (const part of LAYOUT_PARTS) {
      const { file, source } = w.layout(spec.layout, part);
      hash.update(`layout\0${spec.layout}/${part}\0${source}\0`);
      const lkey = `${spec.layout}/${part}`;
      let fn = env.layouts.get(lkey);
      if (!fn) {
        fn = { file, fn: env.hb.compileChecked(source, part, file) };
        env.layouts.set(lkey, fn);
      }
      parts[part] = fn;
    }
    // The wording the layout and the context builder draw on: the kind's words, the language's catalogue (and English region names).
    hash.update(
      `kind\0${JSON.stringify(kw ? { layout: kw.layout, advice: kw.advice, groups: kw.groups, words } : null)}\0`,
    );
    hash.update(
      `catalogue\0${JSON.stringify(cat)}\0${phraseLocale === 'en' ? '' : JSON.stringify(w.catalogue('en').regions)}\0`,
    );
    if (spec.wording) hash.update(`spelling\0${JSON.stringify(w.spelling(spec.wording.regime, phraseLocale))}\0`);
    const set: CompiledSet = {
      version: hash.digest('hex').slice(0, 12),
      parts,
      data: {
        templateLocale: locale,
        phraseLocale,
        cat,
        words,
        kind,
        part: 'text',
        advice: kw?.advice ?? [],
        grouped: (kw?.groups ?? null) !== null,
        wordingFile: spec.wording ? `templates/wording/${spec.wording.regime}.json` : null,
      },
    };
    compiled.set(key, set);
    return set;
  }

  function render(kind: string, locale: string, context: unknown): RenderedNotice {
    kindLayout(kind);
    const schema = Object.prototype.hasOwnProperty.call(schemas, kind) ? schemas[kind] : undefined;
    if (!schema) throw new Error(`notice kind "${kind}" has a layout but no context schema`);
    const choice = chooseLocale(kind, locale);

    const parsed = schema.safeParse(context);
    if (!parsed.success) throw new NoticeContextError(kind, parsed.error.issues);
    const ctx = parsed.data as {
      locale?: string | null;
      timeZone: string;
      phraseLocale?: string;
      pending?: string[];
      plan?: string | null;
    };
    // A context whose headings and phrases were written for another template language would mix languages.
    if (ctx.phraseLocale !== undefined && canonicalLocale(ctx.phraseLocale) !== canonicalLocale(choice.locale)) {
      throw new Error(
        `context for "${kind}" was built for template locale "${ctx.phraseLocale}", but "${locale}" renders the "${choice.locale}" templates: build the context with the same locale`,
      );
    }
    const set = load(kind, choice.locale, ctx.plan ?? null);
    const run = (part: LayoutPart): string => {
      const { file, fn } = set.parts[part];
      const data: RenderData = {
        ...set.data,
        part,
        formatLocale: formattingLocale(ctx.locale, choice.locale),
        timeZone: ctx.timeZone,
      };
      try {
        return fn(ctx, { data });
      } catch (err) {
        throw new Error(
          `rendering ${path.relative(templatesDir, file)} for ${kind}/${choice.locale} failed: ${(err as Error).message}`,
          { cause: err },
        );
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

  return { templatesDir, wording, render, resolveLocale: chooseLocale, locales };
}

export { HELPERS };
export type { Catalogue };
