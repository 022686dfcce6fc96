/**
 * From an obligation to a template kind and its context: the glue activities/index.ts uses in
 * draftNotice and activities/recipients/campaign.ts in mass notification.
 */
import type { IncidentFacts } from '../../domain/facts';
import type { Obligation } from '../../domain/obligation';
import type { Plan } from '../../domain/plan';
import { ObligationNoticeContext, type NoticeLine, type NoticeSection } from './contexts';
import { audienceCount, resolveElement, type ElementSource } from './elements';
import { obligationKindSpec, OBLIGATION_KINDS, type ObligationKindSpec } from './kinds';
import { formatCountry, formatList, resolveLocale } from './locale';
import { LABELS, pick, SHARED, TO_FOLLOW, TO_FOLLOW_PUBLIC, type LineLabels, type PhraseLocale, type SharedPhrases } from './phrases';
import { US_REGION_NAMES } from './reference';

/**
 * Template locales per kind, as present in templates/. The context builder writes headings and
 * phrases in the locale the renderer will pick from these; a test keeps this equal to the
 * folders on disk.
 */
export const TEMPLATE_LOCALES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ...Object.fromEntries(Object.values(OBLIGATION_KINDS).map((s) => [s.kind, s.locales])),
  reminder: ['en', 'zh-CN'],
  escalation: ['en', 'zh-CN'],
});

export type ObligationNoticeKind = string;

type KindInput = Pick<Obligation, 'id' | 'regime' | 'recipient'> & { key?: string; stage?: Obligation['stage'] };

/**
 * The rule key of an obligation: `obligation.key` where present, else the middle part of its id
 * (`<regime>:<key>:<jurisdiction>`, domain/rules/evaluate.ts obligationId).
 */
export function obligationKey(o: KindInput): string | null {
  if (o.key) return o.key;
  const prefix = `${o.regime}:`;
  if (!o.id.startsWith(prefix)) return null;
  const parts = o.id.slice(prefix.length).split(':');
  return parts.length === 2 && /^[a-z0-9-]+$/.test(parts[0]) ? parts[0] : null;
}

/**
 * The template kind for an obligation: `<regime>-<key>`. An obligation of an unknown regime or key,
 * or whose recipient or stage is not the one the kind was written for, is an error.
 */
export function noticeKind(obligation: KindInput): ObligationNoticeKind {
  const key = obligationKey(obligation);
  const spec = key ? obligationKindSpec(`${obligation.regime}-${key}`) : undefined;
  const what = `obligation ${obligation.id} (regime "${obligation.regime}", recipient "${obligation.recipient}"${key ? `, key "${key}"` : ''})`;
  if (!spec) throw new Error(`no notice template for ${what}: add the kind to activities/notices/kinds.ts and its templates to templates/`);
  if (spec.recipient !== obligation.recipient) {
    throw new Error(`no notice template for ${what}: kind "${spec.kind}" is written for recipient "${spec.recipient}"`);
  }
  if (obligation.stage !== undefined && obligation.stage !== (spec.stage ?? undefined)) {
    throw new Error(`no notice template for ${what}: kind "${spec.kind}" is written for stage "${spec.stage ?? 'none'}", not "${obligation.stage}"`);
  }
  return spec.kind;
}

export interface NoticeContextRequest {
  incident: { id: string; title: string };
  facts: IncidentFacts;
  obligation: Obligation;
  contact: Plan['contact'];
  /** The addressed authority or organisation, from the plan's channel; else the template's default. */
  authorityName?: string;
  locale: string;
  timeZone: string;
  delayReason?: string;
  /**
   * Drafting time. Dates the notice (notice-date, date-of-notification), and tells whether it is
   * late: a late notice without delayReason has its reasons-for-delay section pending.
   */
  now?: string;
  /**
   * The responders' text per content element id (`"<id>"`, or `"<id>@<locale>"` for one template
   * language). Merged over `facts.content` once the facts carry it.
   */
  content?: Record<string, string>;
}

const blank = (s: string | undefined | null): boolean => s === undefined || s === null || s.trim().length === 0;

function regionName(code: string, lang: PhraseLocale): string {
  const us = US_REGION_NAMES[code];
  if (us) return lang === 'zh-CN' ? us['zh-CN'] : us.en;
  return code;
}

/** "Colorado", "Deutschland", "加利福尼亚州". */
export function jurisdictionName(code: string, lang: PhraseLocale): string {
  return /^[A-Z]{2}$/.test(code) ? formatCountry(code, lang) : regionName(code, lang);
}

/** The content map: the facts' own (once IncidentFacts has one) under the request's. */
function contentOf(req: NoticeContextRequest): Record<string, string> {
  const fromFacts = (req.facts as IncidentFacts & { content?: Record<string, string> }).content;
  return { ...(fromFacts ?? {}), ...(req.content ?? {}) };
}

function orderedElements(spec: ObligationKindSpec, required: readonly string[]): { id: string; group: number | null }[] {
  const seen = new Set<string>();
  const out: { id: string; group: number | null }[] = [];
  spec.groups?.forEach((g, i) => {
    for (const id of g.elements) {
      if (required.includes(id) && !seen.has(id)) {
        seen.add(id);
        out.push({ id, group: i });
      }
    }
  });
  for (const id of required) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ id, group: null });
    }
  }
  return out;
}

/**
 * The context for an obligation kind, from what is known so far. Each required element becomes a
 * section (elements.ts); what is not known yet is said to follow and listed in `pending`.
 * A delay reason, where given, is a section of every formal notice. The result is validated, so
 * what this returns will render.
 */
export function buildNoticeContext(kind: ObligationNoticeKind, req: NoticeContextRequest): ObligationNoticeContext {
  const spec = obligationKindSpec(kind);
  if (!spec) throw new Error(`buildNoticeContext: no context builder for notice kind "${kind}"`);
  const lang = resolveLocale(req.locale, spec.locales).locale as PhraseLocale;
  // Swiss Standard German writes "ss" for "ß": the German catalogue serves Swiss notices too.
  const ortho = spec.regime === 'fadp-ch' && lang === 'de' ? (t: string) => t.replace(/ß/g, 'ss') : (t: string) => t;
  const labels = Object.fromEntries(Object.entries(LABELS[lang]).map(([k, v]) => [k, ortho(v)])) as unknown as LineLabels;
  const shared = Object.fromEntries(Object.entries(SHARED[lang]).map(([k, v]) => [k, ortho(v)])) as unknown as SharedPhrases;
  const { facts, obligation } = req;
  const audience = obligation.audience ?? ['*'];
  const delayReason = blank(req.delayReason) ? null : (req.delayReason as string);
  const now = req.now ?? null;

  const src: ElementSource = {
    lang, labels, ortho, incident: req.incident, facts, obligation, contact: req.contact, delayReason, now,
    audienceCount: audienceCount(facts, audience),
    audienceName: audience.includes('*') ? null : formatList(audience.map((a) => jurisdictionName(a, lang)), lang),
  };
  const opts = { public: spec.public, content: contentOf(req), toFollow: ortho((spec.public ? TO_FOLLOW_PUBLIC : TO_FOLLOW)[lang]) };

  const ids = orderedElements(spec, obligation.requiredContent);
  const late = now !== null && obligation.dueAt !== null && Date.parse(now) > Date.parse(obligation.dueAt);
  if (!ids.some((e) => e.id === 'reasons-for-delay') && ((delayReason && !spec.public) || (late && spec.lateNeedsReason))) {
    ids.push({ id: 'reasons-for-delay', group: null });
  }

  let lastGroup: number | null = null;
  const sections: NoticeSection[] = ids.map(({ id, group }, i) => {
    const r = resolveElement(id, src, { ...opts, public: opts.public && group === null });
    const groupHeading = group !== null && group !== lastGroup && spec.groups ? ortho(pick(spec.groups[group].heading, lang, `group heading of ${kind}`)) : null;
    lastGroup = group;
    return { id, ordinal: i + 1, groupHeading, heading: r.heading, lines: r.lines, pending: r.pending };
  });
  const pending = sections.filter((s) => s.pending).map((s) => s.id);

  const header: NoticeLine[] = spec.public ? [] : [
    { kind: 'text', label: labels.incidentReference, value: req.incident.id },
    { kind: 'text', label: labels.incident, value: req.incident.title },
    { kind: 'datetime', label: labels.awareAt, value: facts.awareAt },
    ...(obligation.dueAt ? [{ kind: 'datetime' as const, label: labels.dueAt, value: obligation.dueAt }] : []),
  ];

  return ObligationNoticeContext.parse({
    incident: { id: req.incident.id, title: req.incident.title },
    entity: { name: facts.entity.name, country: facts.entity.country },
    contact: { name: req.contact.name, email: req.contact.email, phone: blank(req.contact.phone) ? null : req.contact.phone },
    addressee: blank(req.authorityName) ? null : req.authorityName,
    obligation: {
      id: obligation.id, regime: obligation.regime, recipient: obligation.recipient, stage: obligation.stage ?? null,
      jurisdiction: obligation.jurisdiction, dueAt: obligation.dueAt,
    },
    jurisdictionName: jurisdictionName(obligation.jurisdiction, lang),
    awareAt: facts.awareAt,
    header,
    sections,
    pending,
    hasPending: pending.length > 0,
    phrases: {
      to: shared.to, from: shared.from, reference: shared.reference,
      pendingNote: spec.public ? shared.pendingPublic : shared.pendingReport,
      timeZoneNote: shared.timeZoneNote.replace('{tz}', req.timeZone),
      salutation: shared.salutation, closing: shared.closing,
      questions: shared.questions.replace('{name}', req.contact.name).replace('{email}', req.contact.email),
    },
    phraseLocale: lang,
    timeZone: req.timeZone,
    locale: req.locale,
  });
}
