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
import { defaultWordingStore, type Catalogue, type LineLabels, type SharedPhrases, type WordingStore } from './wording';

/** The internal mails, in every language whose catalogue has their wording (`mail`). */
const INTERNAL_LOCALES = defaultWordingStore()
  .forPlan(null)
  .locales()
  .filter((l) => defaultWordingStore().forPlan(null).catalogue(l).mail);

/**
 * Template locales per kind: an obligation kind's from its rules (kinds.ts), the internal mails'
 * from the catalogues. The context builder writes headings and phrases in the locale the renderer
 * will pick from these.
 */
export const TEMPLATE_LOCALES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ...Object.fromEntries(Object.values(OBLIGATION_KINDS).map((s) => [s.kind, s.locales])),
  reminder: INTERNAL_LOCALES,
  escalation: INTERNAL_LOCALES,
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
  if (!spec)
    throw new Error(
      `no notice template for ${what}: add the obligation to rules/${obligation.regime}.json and its wording to templates/wording/${obligation.regime}.json`,
    );
  if (spec.recipient !== obligation.recipient) {
    throw new Error(`no notice template for ${what}: kind "${spec.kind}" is written for recipient "${spec.recipient}"`);
  }
  if (obligation.stage !== undefined && obligation.stage !== (spec.stage ?? undefined)) {
    throw new Error(
      `no notice template for ${what}: kind "${spec.kind}" is written for stage "${spec.stage ?? 'none'}", not "${obligation.stage}"`,
    );
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
  /** The incident's plan: its own wording (plans/<plan>/locales, plans/<plan>/templates) applies. */
  plan?: string;
}

const blank = (s: string | undefined | null): boolean => s === undefined || s === null || s.trim().length === 0;

/** A region's name in the language, else in English (catalogue `regions`), else its code. */
function regionName(code: string, cat: Catalogue, en: Catalogue): string {
  return cat.regions[code] ?? en.regions[code] ?? code;
}

/** "Colorado", "Deutschland", "加利福尼亚州". */
export function jurisdictionName(code: string, lang: string, store: WordingStore = defaultWordingStore()): string {
  if (/^[A-Z]{2}$/.test(code)) return formatCountry(code, lang);
  const w = store.forPlan(null);
  return regionName(code, w.catalogue(lang), w.catalogue('en'));
}

/** The content map: the facts' own (once IncidentFacts has one) under the request's. */
function contentOf(req: NoticeContextRequest): Record<string, string> {
  const fromFacts = (req.facts as IncidentFacts & { content?: Record<string, string> }).content;
  return { ...(fromFacts ?? {}), ...(req.content ?? {}) };
}

function orderedElements(
  spec: ObligationKindSpec,
  required: readonly string[],
): { id: string; group: number | null }[] {
  const seen = new Set<string>();
  const out: { id: string; group: number | null }[] = [];
  spec.groups?.forEach((g, i) => {
    for (const id of g) {
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
export function buildNoticeContext(
  kind: ObligationNoticeKind,
  req: NoticeContextRequest,
  store: WordingStore = defaultWordingStore(),
): ObligationNoticeContext {
  const spec = obligationKindSpec(kind);
  if (!spec) throw new Error(`buildNoticeContext: no context builder for notice kind "${kind}"`);
  const lang = resolveLocale(req.locale, spec.locales).locale;
  const wording = store.forPlan(req.plan ?? null);
  const cat = wording.catalogue(lang);
  const words = wording.kind(spec.regime, spec.key, spec.recipient);
  // A regime's spelling (Swiss Standard German writes "ss" for "ß"): the German catalogue serves Swiss notices too.
  const spelling = Object.entries(wording.spelling(spec.regime, lang));
  const ortho = spelling.length
    ? (t: string) => spelling.reduce((acc, [from, to]) => acc.split(from).join(to), t)
    : (t: string) => t;
  const labels = Object.fromEntries(Object.entries(cat.labels).map(([k, v]) => [k, ortho(v)])) as LineLabels;
  const shared = Object.fromEntries(Object.entries(cat.phrases).map(([k, v]) => [k, ortho(v)])) as SharedPhrases;
  const { facts, obligation } = req;
  const audience = obligation.audience ?? ['*'];
  const delayReason = blank(req.delayReason) ? null : (req.delayReason as string);
  const now = req.now ?? null;
  const region = (code: string) =>
    /^[A-Z]{2}$/.test(code) ? formatCountry(code, lang) : regionName(code, cat, wording.catalogue('en'));

  const src: ElementSource = {
    lang,
    cat,
    labels,
    ortho,
    incident: req.incident,
    facts,
    obligation,
    contact: req.contact,
    delayReason,
    now,
    audienceCount: audienceCount(facts, audience),
    audienceName: audience.includes('*') ? null : formatList(audience.map(region), lang),
    jurisdictionName: region(obligation.jurisdiction),
  };
  const opts = {
    public: spec.public,
    content: contentOf(req),
    toFollow: ortho(spec.public ? cat.toFollowPublic : cat.toFollow),
  };

  const ids = orderedElements(spec, obligation.requiredContent);
  const late = now !== null && obligation.dueAt !== null && Date.parse(now) > Date.parse(obligation.dueAt);
  if (
    !ids.some((e) => e.id === 'reasons-for-delay') &&
    ((delayReason && !spec.public) || (late && spec.lateNeedsReason))
  ) {
    ids.push({ id: 'reasons-for-delay', group: null });
  }

  let lastGroup: number | null = null;
  const sections: NoticeSection[] = ids.map(({ id, group }, i) => {
    const r = resolveElement(id, src, { ...opts, public: opts.public && group === null });
    const groupHeading =
      group !== null && group !== lastGroup
        ? ortho(groupHeadingOf(words?.locales[lang]?.groups, group, kind, lang))
        : null;
    lastGroup = group;
    return { id, ordinal: i + 1, groupHeading, heading: r.heading, lines: r.lines, pending: r.pending };
  });
  const pending = sections.filter((s) => s.pending).map((s) => s.id);

  const header: NoticeLine[] = spec.public
    ? []
    : [
        { kind: 'text', label: labels.incidentReference, value: req.incident.id },
        { kind: 'text', label: labels.incident, value: req.incident.title },
        { kind: 'datetime', label: labels.awareAt, value: facts.awareAt },
        ...(obligation.dueAt ? [{ kind: 'datetime' as const, label: labels.dueAt, value: obligation.dueAt }] : []),
      ];

  return ObligationNoticeContext.parse({
    incident: { id: req.incident.id, title: req.incident.title },
    entity: { name: facts.entity.name, country: facts.entity.country },
    contact: {
      name: req.contact.name,
      email: req.contact.email,
      phone: blank(req.contact.phone) ? null : req.contact.phone,
    },
    addressee: blank(req.authorityName) ? null : req.authorityName,
    obligation: {
      id: obligation.id,
      regime: obligation.regime,
      recipient: obligation.recipient,
      stage: obligation.stage ?? null,
      jurisdiction: obligation.jurisdiction,
      dueAt: obligation.dueAt,
    },
    jurisdictionName: region(obligation.jurisdiction),
    awareAt: facts.awareAt,
    header,
    sections,
    pending,
    hasPending: pending.length > 0,
    phrases: {
      to: shared.to,
      from: shared.from,
      reference: shared.reference,
      pendingNote: spec.public ? shared.pendingPublic : shared.pendingReport,
      timeZoneNote: shared.timeZoneNote.replace('{tz}', req.timeZone),
      salutation: shared.salutation,
      closing: shared.closing,
      questions: shared.questions.replace('{name}', req.contact.name).replace('{email}', req.contact.email),
    },
    phraseLocale: lang,
    timeZone: req.timeZone,
    locale: req.locale,
    plan: req.plan ?? null,
  });
}

function groupHeadingOf(headings: readonly string[] | undefined, i: number, kind: string, lang: string): string {
  const h = headings?.[i];
  if (h === undefined) throw new Error(`no ${lang} heading for group ${i + 1} of ${kind}`);
  return h;
}
