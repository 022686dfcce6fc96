/**
 * Template kinds for obligations. Naming scheme: `<regime>-<key>`, one kind per rule obligation
 * key in rules/<regime>.json (e.g. `gdpr-authority`, `nis2-early-warning`, `us-ny-dfs-extortion-payment`).
 * A key fixes the recipient, the stage, the addressee and the legal basis, so each kind's
 * templates can say exactly who they are addressed to and under which provision; the content
 * sections come from the obligation's `requiredContent` through the element catalogue.
 *
 * The list is explicit (not read from the rules at run time) so that a rule without templates
 * fails loudly, here and in the test that enumerates every rule obligation.
 */
import type { Recipient, Stage } from '../../domain/obligation';
import type { L10n } from './phrases';

const EU = ['de', 'en', 'fr', 'zh-CN'] as const;
const DEFAULT_LOCALES = ['en', 'zh-CN'] as const;

/**
 * Template locales per regime: English and Simplified Chinese everywhere, plus the official
 * language(s) of the regime's country (German and French for the EU-wide regimes and for Switzerland).
 */
export const REGIME_LOCALES: Readonly<Record<string, readonly string[]>> = {
  gdpr: EU, nis2: EU, dora: EU, 'fadp-ch': EU,
  lgpd: ['en', 'pt-BR', 'zh-CN'],
  appi: ['en', 'ja', 'zh-CN'],
  'pipa-kr': ['en', 'ko', 'zh-CN'],
};

/** Sections shown under shared headings, where a law prescribes them (Cal. Civ. Code § 1798.82(d)(1)). */
export interface SectionGroup { heading: L10n; elements: readonly string[] }

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
  groups: readonly SectionGroup[] | null;
}

const CA_GROUPS: readonly SectionGroup[] = [
  { heading: { en: 'What Happened', 'zh-CN': '发生了什么' }, elements: ['nature', 'date-of-breach', 'notice-date', 'law-enforcement-delay'] },
  { heading: { en: 'What Information Was Involved', 'zh-CN': '涉及哪些信息' }, elements: ['data-categories'] },
  { heading: { en: 'What We Are Doing', 'zh-CN': '我们正在采取的措施' }, elements: ['remediation-offered'] },
  { heading: { en: 'What You Can Do', 'zh-CN': '您可以采取的措施' }, elements: ['credit-agency-contacts'] },
  { heading: { en: 'For More Information', 'zh-CN': '更多信息' }, elements: ['contact-point'] },
];

type Extra = { stage?: Stage; lateNeedsReason?: boolean; groups?: readonly SectionGroup[] };

function k(regime: string, key: string, recipient: Recipient, extra: Extra = {}): ObligationKindSpec {
  return {
    kind: `${regime}-${key}`, regime, key, recipient, stage: extra.stage ?? null,
    locales: [...(REGIME_LOCALES[regime] ?? DEFAULT_LOCALES)].sort(),
    public: recipient === 'individuals' || recipient === 'media',
    lateNeedsReason: extra.lateNeedsReason ?? false,
    groups: extra.groups ?? null,
  };
}

const SPECS: ObligationKindSpec[] = [
  k('appi', 'authority-preliminary', 'authority', { stage: 'initial' }),
  k('appi', 'authority-final', 'authority', { stage: 'final' }),
  k('appi', 'individuals', 'individuals'),
  k('circia', 'incident', 'authority'),
  k('circia', 'ransom-payment', 'authority'),
  k('circia', 'supplemental', 'authority'),
  k('cn-incident-measures', 'cii-protection-dept', 'authority', { stage: 'initial' }),
  k('cn-incident-measures', 'cii-police', 'authority', { stage: 'initial' }),
  k('cn-incident-measures', 'state-organ', 'authority', { stage: 'initial' }),
  k('cn-incident-measures', 'provincial-cac', 'authority', { stage: 'initial' }),
  k('cn-incident-measures', 'cii-protection-dept-summary', 'authority', { stage: 'final' }),
  k('cn-incident-measures', 'cii-police-summary', 'authority', { stage: 'final' }),
  k('cn-incident-measures', 'state-organ-summary', 'authority', { stage: 'final' }),
  k('cn-incident-measures', 'provincial-cac-summary', 'authority', { stage: 'final' }),
  k('dora', 'initial', 'authority', { stage: 'initial' }),
  k('dora', 'intermediate', 'authority', { stage: 'intermediate' }),
  k('dora', 'final', 'authority', { stage: 'final' }),
  k('dora', 'clients', 'individuals'),
  k('dpdp-in', 'individuals', 'individuals'),
  k('dpdp-in', 'board-initial', 'authority', { stage: 'initial' }),
  k('dpdp-in', 'board-detailed', 'authority', { stage: 'final' }),
  k('fadp-ch', 'authority', 'authority'),
  k('fadp-ch', 'individuals', 'individuals'),
  k('gdpr', 'authority', 'authority', { lateNeedsReason: true }),
  k('gdpr', 'individuals', 'individuals'),
  k('hipaa', 'individuals', 'individuals'),
  k('hipaa', 'media', 'media'),
  k('hipaa', 'hhs', 'authority'),
  k('hipaa', 'covered-entity', 'controller'),
  k('lgpd', 'authority', 'authority', { stage: 'initial' }),
  k('lgpd', 'authority-supplement', 'authority', { stage: 'final' }),
  k('lgpd', 'individuals', 'individuals'),
  k('lgpd', 'individuals-declaration', 'authority'),
  k('ndb-au', 'authority', 'authority'),
  k('ndb-au', 'individuals', 'individuals'),
  k('nis2', 'early-warning', 'authority', { stage: 'early-warning' }),
  k('nis2', 'notification', 'authority', { stage: 'notification' }),
  k('nis2', 'final', 'authority', { stage: 'final' }),
  k('nis2', 'recipients', 'individuals'),
  k('pdpa-sg', 'authority', 'authority', { lateNeedsReason: true }),
  k('pdpa-sg', 'individuals', 'individuals'),
  k('pipa-kr', 'individuals', 'individuals'),
  k('pipa-kr', 'authority', 'authority'),
  k('pipeda', 'authority', 'authority'),
  k('pipeda', 'individuals', 'individuals'),
  k('pipeda', 'mitigating-organisations', 'credit-agencies'),
  k('pipl', 'authority', 'authority'),
  k('pipl', 'individuals', 'individuals'),
  k('popia-za', 'authority', 'authority'),
  k('popia-za', 'individuals', 'individuals'),
  k('sec', '8-k', 'authority'),
  k('sec', '8-k-amendment', 'authority'),
  k('uk-gdpr', 'authority', 'authority', { lateNeedsReason: true }),
  k('uk-gdpr', 'individuals', 'individuals'),
  k('us-ca', 'residents', 'individuals', { groups: CA_GROUPS }),
  k('us-ca', 'attorney-general', 'authority'),
  k('us-co', 'residents', 'individuals'),
  k('us-co', 'attorney-general', 'authority'),
  k('us-co', 'credit-agencies', 'credit-agencies'),
  k('us-fl', 'individuals', 'individuals'),
  k('us-fl', 'department', 'authority'),
  k('us-fl', 'credit-agencies', 'credit-agencies'),
  k('us-il', 'residents', 'individuals'),
  k('us-il', 'attorney-general', 'authority'),
  k('us-il', 'hipaa-attorney-general', 'authority'),
  k('us-ma', 'attorney-general', 'authority'),
  k('us-ma', 'ocabr', 'authority'),
  k('us-ma', 'residents', 'individuals'),
  k('us-ny', 'residents', 'individuals'),
  k('us-ny', 'attorney-general', 'authority'),
  k('us-ny', 'department-of-state', 'authority'),
  k('us-ny', 'state-police', 'authority'),
  k('us-ny', 'credit-agencies', 'credit-agencies'),
  k('us-ny', 'dfs', 'authority'),
  k('us-ny', 'dfs-extortion-payment', 'authority'),
  k('us-ny', 'dfs-extortion-explanation', 'authority'),
  k('us-ny', 'hipaa-attorney-general', 'authority'),
  k('us-tx', 'individuals', 'individuals'),
  k('us-tx', 'attorney-general', 'authority'),
  k('us-tx', 'credit-agencies', 'credit-agencies'),
  k('us-wa', 'residents', 'individuals'),
  k('us-wa', 'attorney-general', 'authority'),
];

export const OBLIGATION_KINDS: Readonly<Record<string, ObligationKindSpec>> = Object.freeze(
  Object.fromEntries(SPECS.map((s) => [s.kind, s])),
);
export const OBLIGATION_KIND_NAMES: readonly string[] = SPECS.map((s) => s.kind).sort();

export function obligationKindSpec(kind: string): ObligationKindSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OBLIGATION_KINDS, kind) ? OBLIGATION_KINDS[kind] : undefined;
}
