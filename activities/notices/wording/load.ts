/**
 * Reads the wording (locales/, templates/wording/) and the layouts (templates/layouts/), with a
 * plan's own over them (plans/<plan>/locales, plans/<plan>/templates/...). Everything is
 * validated when first read; a bad file is an error naming the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Recipient } from '../../../domain/obligation';
import { Catalogue, RegimeWording, WordingDefaults, type KindText, type KindWording } from './schema';

export const REPO_DIR = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_LOCALES_DIR = path.join(REPO_DIR, 'locales');
export const DEFAULT_PLANS_DIR = path.join(REPO_DIR, 'plans');

export const LAYOUT_PARTS = ['subject', 'text', 'html'] as const;
export type LayoutPart = (typeof LAYOUT_PARTS)[number];

export interface WordingDirs {
  /** Holds layouts/<layout>/<part>.hbs and wording/<regime>.json. */
  templatesDir: string;
  /** Holds <locale>.json. */
  localesDir: string;
  /** Holds <plan>/templates/... and <plan>/locales/... overrides. */
  plansDir: string;
}

export class WordingFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: ${issues.join('; ')}`);
    this.name = 'WordingFileError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; anything else (strings, arrays) is replaced by the override. */
export function mergeWording(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeWording(base[k], v);
  return out;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new WordingFileError(file, [`cannot be read: ${(e as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new WordingFileError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new WordingFileError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  return parsed.data;
}

/** A kind's wording with its defaults applied. */
export interface ResolvedKindWording {
  layout: string | null;
  advice: string[];
  groups: string[][] | null;
  locales: Record<string, KindText>;
  /** The files it was made from (base, defaults, plan), for error messages. */
  files: string[];
}

export interface Wording {
  /** The plan whose overrides are applied, or null. */
  readonly plan: string | null;
  /** Locales with a catalogue. */
  locales(): string[];
  hasCatalogue(locale: string): boolean;
  catalogue(locale: string): Catalogue;
  /** The regime's spelling rules for a locale (empty when none). */
  spelling(regime: string, locale: string): Readonly<Record<string, string>>;
  /** A kind's wording, or null when the regime has no wording file or no entry for the key. */
  kind(regime: string, key: string, recipient: Recipient): ResolvedKindWording | null;
  layout(name: string, part: LayoutPart): { file: string; source: string };
}

export interface WordingStore {
  readonly dirs: WordingDirs;
  /** The repository's wording, or a plan's over it (cached per plan). */
  forPlan(plan: string | null): Wording;
}

const PLAN_ID = /^[a-z0-9-]+$/;
const NAME = /^[a-z0-9_][a-z0-9-]*$/;

export function createWordingStore(dirs: WordingDirs): WordingStore {
  const cache = new Map<string, Wording>();
  const store: WordingStore = {
    dirs,
    forPlan(plan) {
      const key = plan ?? '';
      let w = cache.get(key);
      if (!w) {
        if (plan !== null && !PLAN_ID.test(plan)) throw new Error(`invalid plan id "${plan}"`);
        w = openWording(dirs, plan);
        cache.set(key, w);
      }
      return w;
    },
  };
  return store;
}

function openWording(dirs: WordingDirs, plan: string | null): Wording {
  const planDir = plan === null ? null : path.join(dirs.plansDir, plan);
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  };

  /** The base file and the plan's over it, each validated; the error names the file at fault. */
  function merged<S extends z.ZodType>(
    schema: S,
    base: string,
    planRel: string | null,
  ): { value: z.infer<S> | null; files: string[] } {
    const files: string[] = [];
    let value: unknown;
    if (existsSync(base)) {
      value = validate(schema, readJson(base), base);
      files.push(base);
    }
    const own = planDir && planRel ? path.join(planDir, planRel) : null;
    if (own && existsSync(own)) {
      value = validate(schema, mergeWording(value, readJson(own)), own);
      files.push(own);
    }
    return { value: value === undefined ? null : (value as z.infer<S>), files };
  }

  const listJson = (dir: string | null): string[] =>
    dir && existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.slice(0, -5))
      : [];

  const locales = () =>
    once('locales', () =>
      [...new Set([...listJson(dirs.localesDir), ...listJson(planDir && path.join(planDir, 'locales'))])].sort(),
    );

  function catalogue(locale: string): Catalogue {
    return once(`catalogue:${locale}`, () => {
      if (!locales().includes(locale))
        throw new Error(`no wording for locale "${locale}": no ${path.join(dirs.localesDir, `${locale}.json`)}`);
      const { value, files } = merged(
        Catalogue,
        path.join(dirs.localesDir, `${locale}.json`),
        path.join('locales', `${locale}.json`),
      );
      const file = files[files.length - 1];
      if (!value) throw new WordingFileError(file, ['no catalogue']);
      if (value.locale !== locale)
        throw new WordingFileError(file, [`locale: "${value.locale}" is not the file's locale "${locale}"`]);
      return value;
    });
  }

  const wordingFile = (name: string) => ({
    base: path.join(dirs.templatesDir, 'wording', `${name}.json`),
    rel: path.join('templates', 'wording', `${name}.json`),
  });

  function regime(name: string) {
    return once(`regime:${name}`, () => {
      if (!NAME.test(name)) return { value: null, files: [] };
      const f = wordingFile(name);
      const r = merged(RegimeWording, f.base, f.rel);
      if (r.value && r.value.regime !== name)
        throw new WordingFileError(r.files[r.files.length - 1], [
          `regime: "${r.value.regime}" is not the file's name "${name}"`,
        ]);
      return r;
    });
  }

  function defaults(name: string) {
    return once(`defaults:${name}`, () => {
      const f = wordingFile(name);
      const r = merged(WordingDefaults, f.base, f.rel);
      if (!r.value) throw new Error(`wording defaults "${name}" not found: no ${f.base}`);
      return r;
    });
  }

  function kind(regimeName: string, key: string, recipient: Recipient): ResolvedKindWording | null {
    const r = regime(regimeName);
    const own = r.value?.kinds[key];
    if (!r.value || !own) return null;
    const d = r.value.extends ? defaults(r.value.extends) : null;
    const base = d?.value?.recipients[recipient];
    const k = (base ? mergeWording(base, own) : own) as KindWording;
    return {
      layout: k.layout ?? null,
      advice: k.advice ?? [],
      groups: k.groups ?? null,
      locales: k.locales,
      files: [...(d?.files ?? []), ...r.files],
    };
  }

  function layout(name: string, part: LayoutPart): { file: string; source: string } {
    return once(`layout:${name}/${part}`, () => {
      if (!NAME.test(name)) throw new Error(`invalid layout name "${name}"`);
      const rel = path.join('layouts', name, `${part}.hbs`);
      const own = planDir ? path.join(planDir, 'templates', rel) : null;
      const file = own && existsSync(own) ? own : path.join(dirs.templatesDir, rel);
      if (!existsSync(file))
        throw new Error(`layout ${file} is missing (every layout needs subject.hbs, text.hbs and html.hbs)`);
      return { file, source: readFileSync(file, 'utf8') };
    });
  }

  return {
    plan,
    locales,
    hasCatalogue: (l) => locales().includes(l),
    catalogue,
    spelling: (name, locale) => regime(name).value?.spelling?.[locale] ?? {},
    kind,
    layout,
  };
}
