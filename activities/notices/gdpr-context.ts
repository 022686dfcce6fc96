import { totalAffected, type IncidentFacts } from '../../domain/facts';
import type { Plan } from '../../domain/plan';
import { GdprNoticeContext } from './contexts';
import { resolveLocale } from './locale';
import { DATA_CATEGORY_LABELS, PHRASE_LOCALES, TO_FOLLOW, type PhraseLocale } from './phrases';

export interface GdprContextInput {
  facts: IncidentFacts;
  /** The plan's contact point (DPO), Art. 33(3)(b). */
  contact: Plan['contact'];
  incident: { id: string; title: string };
  /** The legal deadline (obligation.dueAt); null where the law gives none. */
  deadlineAt: string | null;
  /** Recipient's locale: decides the language of the phrases filled in here and the date format. */
  locale: string;
  /** Recipient's IANA time zone. */
  timeZone: string;
  /** Art. 33(1): required once the notice is late (see `now`). */
  delayReason?: string;
  authority?: { name: string };
  /**
   * The time the notice is drafted. When given and past `deadlineAt`, a missing `delayReason`
   * is an error: a late Art. 33 notice must state the reasons for the delay.
   */
  now?: string;
  /**
   * Template locales available for the notice kind. The "to follow" phrases are written in
   * the locale the renderer will pick from these, so they match the template's language.
   */
  templateLocales?: readonly string[];
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim().length === 0;

/**
 * Context for the gdpr-authority and gdpr-individuals templates, from what is known so far.
 * Unknown narrative parts become a localized "not yet known; will be provided in phases
 * (Art. 33(4) GDPR)" sentence, unknown counts become null, and `phased` is set.
 * The result is validated (GdprNoticeContext.parse), so what it returns will render.
 */
export function buildGdprContext(input: GdprContextInput): GdprNoticeContext {
  const { facts } = input;
  const available = (input.templateLocales ?? PHRASE_LOCALES).filter((l): l is PhraseLocale => (PHRASE_LOCALES as readonly string[]).includes(l));
  const lang = resolveLocale(input.locale, available.length > 0 ? available : PHRASE_LOCALES).locale as PhraseLocale;
  const toFollow = TO_FOLLOW[lang];
  let phased = false;
  const known = (s: string | undefined): string => {
    if (blank(s)) {
      phased = true;
      return toFollow;
    }
    return s as string;
  };

  const subjectCategories = (facts.subjectCategories ?? []).filter((s) => !blank(s));
  const dataCategories = facts.dataCategories.map((c) => DATA_CATEGORY_LABELS[lang][c]);
  const subjectCount = facts.affected.length > 0 ? totalAffected(facts) : null;
  const recordCount = facts.recordCount ?? null;
  if (subjectCategories.length === 0 || dataCategories.length === 0 || subjectCount === null || recordCount === null) phased = true;

  if (input.now && input.deadlineAt && Date.parse(input.now) > Date.parse(input.deadlineAt) && blank(input.delayReason)) {
    throw new Error(`the notice is past its deadline (${input.deadlineAt}); GDPR Art. 33(1) requires the reasons for the delay (delayReason)`);
  }

  const ctx = {
    incident: { id: input.incident.id, title: input.incident.title },
    controller: { name: facts.entity.name, country: facts.entity.country },
    contact: { name: input.contact.name, email: input.contact.email, phone: blank(input.contact.phone) ? null : input.contact.phone },
    authority: input.authority ? { name: input.authority.name } : null,
    nature: known(facts.nature),
    subjectCategories: subjectCategories.length > 0 ? subjectCategories : [toFollow],
    subjectCount,
    recordCount,
    dataCategories: dataCategories.length > 0 ? dataCategories : [toFollow],
    likelyConsequences: known(facts.likelyConsequences),
    measuresTaken: known(facts.measuresTaken),
    awareAt: facts.awareAt,
    deadlineAt: input.deadlineAt,
    delayReason: blank(input.delayReason) ? null : input.delayReason,
    timeZone: input.timeZone,
    locale: input.locale,
    phased,
  };
  return GdprNoticeContext.parse(ctx);
}
