/**
 * Notice kinds, derived from the rules: one kind `<regime>-<key>` per rule obligation key in
 * rules/<regime>.json (e.g. `gdpr-authority`, `us-ny-dfs-extortion-payment`). The rule gives the
 * recipient, the stage, the template locales (the regime's `locales`) and whether a late notice
 * needs reasons; the wording (templates/wording/<regime>.json) gives the title, intro, addressee
 * and groups. A rule obligation without wording in one of its locales stops the load, naming the
 * regime, the key and the locale: adding a regime is its rule file, its wording file and its cases.
 */
import type { Recipient, Stage } from '../../domain/obligation';
import type { RuleSet } from '../../domain/rules/schema';
import { loadRuleSet } from '../rules/load';
import { isElementId } from './elements';
import { defaultWordingStore, type Wording } from './wording';

/** English and Simplified Chinese unless a regime lists its own (domain/rules/schema.ts `locales`). */
export const DEFAULT_LOCALES = ['en', 'zh-CN'] as const;

export interface ObligationKindSpec {
  kind: string;
  regime: string;
  key: string;
  recipient: Recipient;
  stage: Stage | null;
  /** Template locales, sorted as the renderer lists them. */
  locales: readonly string[];
  /** Notices to the public (individuals, media): plain-language headings, no internal header. */
  public: boolean;
  /**
   * The law asks a late notice for the reasons for the delay without listing them as content
   * (GDPR Art. 33(1), PDPA s 26D(1)): after the deadline and without a reason, that section is pending.
   */
  lateNeedsReason: boolean;
  /** Element ids shown under shared headings (the headings are wording), or null. */
  groups: readonly (readonly string[])[] | null;
  /** templates/layouts/<layout>. */
  layout: string;
  /** The rule's required content, to check the wording has every heading. */
  requiredContent: readonly string[];
}

export class KindWordingError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `notice wording is missing for rule obligations (add it to templates/wording/<regime>.json or locales/<locale>.json):\n  ${problems.join('\n  ')}`,
    );
    this.name = 'KindWordingError';
  }
}

const DEFAULT_LAYOUT: Record<Recipient, string> = {
  authority: 'authority',
  controller: 'authority',
  'credit-agencies': 'authority',
  individuals: 'individuals',
  media: 'media',
};

/** What a kind needs from its wording in one locale; a problem per gap, naming the regime, key and locale. */
function checkLocale(
  spec: ObligationKindSpec,
  text: Record<string, unknown> | undefined,
  wording: Wording,
  advice: readonly string[],
  locale: string,
): string[] {
  const where = `${spec.regime} "${spec.key}" (kind ${spec.kind}), locale ${locale}`;
  if (!wording.hasCatalogue(locale)) return [`${where}: no locales/${locale}.json`];
  if (!text)
    return [`${where}: no wording (templates/wording/${spec.regime}.json kinds.${spec.key}.locales.${locale})`];
  const out: string[] = [];
  const needs = ['title', 'intro', ...(spec.layout === 'individuals' ? [] : ['addressee'])];
  for (const k of needs) if (text[k] === undefined) out.push(`${where}: no ${k}`);
  if (spec.groups && (text.groups as unknown[] | undefined)?.length !== spec.groups.length)
    out.push(`${where}: needs ${spec.groups.length} group headings`);
  const cat = wording.catalogue(locale);
  for (const id of spec.requiredContent) {
    if (!isElementId(id))
      out.push(`${where}: required element "${id}" is not in the element catalogue (activities/notices/elements.ts)`);
    else if (!cat.elements[id]?.heading)
      out.push(`${where}: locales/${locale}.json has no heading for element "${id}"`);
  }
  for (const s of advice)
    if (!(s in cat.sentences)) out.push(`${where}: locales/${locale}.json has no sentence "${s}"`);
  return out;
}

/** The kinds the rules emit, checked against the wording; throws KindWordingError listing every gap. */
export function deriveKinds(rules: RuleSet, wording: Wording): ObligationKindSpec[] {
  const specs = new Map<string, ObligationKindSpec>();
  const problems: string[] = [];
  for (const r of rules.regimes) {
    const locales = [...(r.locales ?? DEFAULT_LOCALES)].sort();
    for (const o of r.obligations) {
      const kind = `${r.regime}-${o.key}`;
      if (specs.has(kind)) continue;
      const w = wording.kind(r.regime, o.key, o.recipient);
      const spec: ObligationKindSpec = {
        kind,
        regime: r.regime,
        key: o.key,
        recipient: o.recipient,
        stage: o.stage ?? null,
        locales,
        public: o.recipient === 'individuals' || o.recipient === 'media',
        lateNeedsReason: o.lateNeedsReason ?? false,
        groups: w?.groups ?? null,
        layout: w?.layout ?? DEFAULT_LAYOUT[o.recipient],
        requiredContent: o.requiredContent,
      };
      specs.set(kind, spec);
      if (!w) {
        problems.push(
          `${r.regime} "${o.key}" (kind ${kind}), locales ${locales.join(', ')}: no wording (templates/wording/${r.regime}.json kinds.${o.key})`,
        );
        continue;
      }
      for (const l of locales) problems.push(...checkLocale(spec, w.locales[l], wording, w.advice, l));
    }
  }
  if (problems.length) throw new KindWordingError(problems);
  return [...specs.values()];
}

const SPECS = deriveKinds(loadRuleSet(), defaultWordingStore().forPlan(null));

export const OBLIGATION_KINDS: Readonly<Record<string, ObligationKindSpec>> = Object.freeze(
  Object.fromEntries(SPECS.map((s) => [s.kind, s])),
);
export const OBLIGATION_KIND_NAMES: readonly string[] = SPECS.map((s) => s.kind).sort();

/** Template locales per regime, from the rules. */
export const REGIME_LOCALES: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(SPECS.map((s) => [s.regime, s.locales])),
);

export function obligationKindSpec(kind: string): ObligationKindSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OBLIGATION_KINDS, kind) ? OBLIGATION_KINDS[kind] : undefined;
}
