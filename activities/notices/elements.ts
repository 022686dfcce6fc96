/**
 * The content-element catalogue: for every id an obligation can list in `requiredContent`
 * (rules/*.json), a resolver that finds its value in what the engine knows (incident, facts, plan
 * contact, obligation, delay reason, reference data). The headings are wording: each locale's
 * catalogue (locales/<locale>.json `elements`) has `heading`, the formal one (authorities,
 * organisations), and `plain` where it differs, for notices to the public (individuals, media).
 * A kind's locales must have the heading of every element it requires (checked when the kinds
 * are derived, kinds.ts).
 *
 * Resolution (see resolveElement): the resolver's lines, then the responders' own text for the
 * element from the `content` map (`content["<id>@<locale>"]`, else `content["<id>"]`). An element
 * is complete when the resolver says so or the responders wrote something; otherwise the section
 * ends with the localized "to follow" sentence and the id is reported as pending. Never a gap.
 */
import { totalAffected, type IncidentFacts } from '../../domain/facts';
import type { Obligation } from '../../domain/obligation';
import type { Plan } from '../../domain/plan';
import { formatCountry } from './locale';
import {
  CA_OPC,
  KR_REMEDY_BODIES,
  NY_AGENCIES,
  US_ATTORNEYS_GENERAL,
  US_CONSUMER_REPORTING_AGENCIES,
  US_FTC,
  type AgencyContact,
  type StatementKey,
} from './reference';
import type { Catalogue, LineLabels } from './wording';

/** One line of a section. Unlabelled lines are narrative text (multi-line allowed). */
export type Line =
  | { kind: 'text'; label: string | null; value: string }
  | { kind: 'datetime' | 'date'; label: string; value: string }
  | { kind: 'count'; label: string; value: number }
  | { kind: 'list'; label: string; value: string[] };

/** What a resolver may read. */
export interface ElementSource {
  /** The notice's language (a catalogue locale). */
  lang: string;
  /** That language's catalogue (with the plan's own wording, if any). */
  cat: Catalogue;
  /** The catalogue's labels, spelled for the regime (see ortho). */
  labels: LineLabels;
  /** Spelling adjustment of catalogue text for the notice's audience (Swiss German: ss for ß). */
  ortho: (text: string) => string;
  incident: { id: string; title: string };
  facts: IncidentFacts;
  obligation: Obligation;
  contact: Plan['contact'];
  delayReason: string | null;
  /** Drafting time, if known: dates the notice and tells whether it is late. */
  now: string | null;
  /** Affected people in the obligation's audience; null when no count is recorded. */
  audienceCount: number | null;
  /** The audience's name ("Colorado", "Deutschland"), or null for everyone affected. */
  audienceName: string | null;
  /** The obligation's jurisdiction, named in the notice's language ("Maryland", "the District of Columbia", "马里兰州"). */
  jurisdictionName: string;
}

export interface Resolved {
  lines: Line[];
  complete: boolean;
}

export interface ElementDef {
  resolve?: (s: ElementSource) => Resolved;
}

const blank = (s: string | null | undefined): boolean => s === undefined || s === null || s.trim().length === 0;
const text = (value: string, label: string | null = null): Line => ({ kind: 'text', label, value });
const at = (label: string, value: string): Line => ({ kind: 'datetime', label, value });
const known = (...lines: Line[]): Resolved => ({ lines, complete: true });
const partial = (...lines: Line[]): Resolved => ({ lines, complete: false });
/** A narrative fact: complete when written. */
const narrative = (s: string | undefined): Resolved => (blank(s) ? partial() : known(text(s as string)));

/** A catalogue entry the notice cannot do without: a gap is an error naming the locale and the key. */
function required(value: string | undefined, s: ElementSource, what: string): string {
  if (value === undefined) throw new Error(`no ${s.lang} text for ${what} (locales/${s.lang}.json)`);
  return value;
}

const statement = (s: ElementSource, key: StatementKey): string =>
  required(s.cat.statements[key], s, `statements.${key}`);
/** A statement that names the jurisdiction (`{place}`): "the Attorney General of {place}". */
const placed = (s: ElementSource, key: StatementKey): string =>
  statement(s, key).split('{place}').join(s.jurisdictionName);

function agencyLine(a: AgencyContact, s: ElementSource): Line {
  const parts = [a.address, `${s.labels.phone} ${a.phone}`, a.web].filter((p): p is string => p !== null);
  return text(parts.join(' · '), required(s.cat.agencies[a.name], s, `agencies.${a.name}`));
}

const dataCategories = (s: ElementSource): string[] =>
  s.facts.dataCategories.map((c) => s.ortho(s.cat.dataCategories[c]));

function affectedCountries(s: ElementSource): string[] {
  return [...new Set(s.facts.affected.map((g) => g.country))].map((c) => formatCountry(c, s.lang));
}

function countLine(s: ElementSource): Line | null {
  if (s.audienceCount === null) return null;
  const label = s.audienceName ? s.labels.affectedCountIn.replace('{place}', s.audienceName) : s.labels.affectedCount;
  return { kind: 'count', label, value: s.audienceCount };
}

const contactLines = (s: ElementSource): Line[] => [
  text(s.contact.name, s.labels.name),
  text(s.contact.email, s.labels.email),
  ...(blank(s.contact.phone) ? [] : [text(s.contact.phone as string, s.labels.phone)]),
];

const entityLines = (s: ElementSource): Line[] => [
  text(s.facts.entity.name, s.labels.entityName),
  text(formatCountry(s.facts.entity.country, s.lang), s.labels.country),
];

/** The date the notice is given: the drafting date, where known. */
const noticeDate = (s: ElementSource): Resolved =>
  s.now ? known({ kind: 'date', label: s.labels.noticeDate, value: s.now }) : partial();

const el = (resolve?: (s: ElementSource) => Resolved): ElementDef => (resolve ? { resolve } : {});

export const ELEMENTS = {
  accountability: el(),
  'affected-functions-and-infrastructure': el(),
  'affected-individuals-identity': el(),
  'affected-systems': el(),
  'agency-contacts': el((s) => known(...NY_AGENCIES.map((a) => agencyLine(a, s)))),
  'anticipated-notice-date': el(),
  // The state Attorney General's contacts where a published source confirmed them (reference.ts); what none
  // confirmed (every other state, the District's address) comes from the responders, and is pending until then.
  'attorney-general-contacts': el((s) => {
    const ag = Object.prototype.hasOwnProperty.call(US_ATTORNEYS_GENERAL, s.obligation.jurisdiction)
      ? US_ATTORNEYS_GENERAL[s.obligation.jurisdiction]
      : undefined;
    return ag ? { lines: [agencyLine(ag, s)], complete: ag.missing.length === 0 } : partial();
  }),
  'business-continuity-plan': el(),
  cause: el(),
  chronology: el(),
  'classification-criteria': el(),
  'client-impact': el(),
  // The organisation's own complaint process comes from the responders; the right to complain to the OPC is fixed.
  'complaint-process': el((s) => partial(text(statement(s, 'complaintToCommissioner')), agencyLine(CA_OPC, s))),
  'confirmed-or-alleged': el((s) =>
    s.facts.determinedAt ? known(at(s.labels.determinedAt, s.facts.determinedAt)) : partial(),
  ),
  'contact-point': el((s) => known(...contactLines(s))),
  'controller-identity': el((s) => known(...entityLines(s))),
  'costs-and-losses': el(),
  'credit-agency-contacts': el((s) => known(...US_CONSUMER_REPORTING_AGENCIES.map((a) => agencyLine(a, s)))),
  // What the entity offers (Pennsylvania: credit monitoring) is the responders' to say.
  'credit-monitoring-offer': el(),
  // Where people are affected informs the assessment but is not the assessment itself.
  'cross-border-impact': el((s) =>
    partial(
      ...(s.facts.affected.length
        ? [{ kind: 'list' as const, label: s.labels.affectedCountries, value: affectedCountries(s) }]
        : []),
    ),
  ),
  'data-categories': el((s) =>
    s.facts.dataCategories.length
      ? known({ kind: 'list', label: s.labels.dataCategories, value: dataCategories(s) })
      : partial(),
  ),
  'date-and-circumstances': el((s) => partial(at(s.labels.awareAt, s.facts.awareAt))),
  'date-and-duration': el(),
  'date-of-awareness': el((s) => known(at(s.labels.awareAt, s.facts.awareAt))),
  'date-of-breach': el(),
  'date-of-discovery': el((s) => known(at(s.labels.awareAt, s.facts.awareAt))),
  'date-of-notification': el(noticeDate),
  'date-range': el(),
  'detailed-description': el((s) => narrative(s.facts.nature)),
  'detection-and-classification-time': el((s) => ({
    lines: [
      at(s.labels.detectedAt, s.facts.awareAt),
      ...(s.facts.classifiedMajorAt ? [at(s.labels.classifiedAt, s.facts.classifiedMajorAt)] : []),
    ],
    complete: s.facts.classifiedMajorAt !== undefined,
  })),
  'early-warning-update': el(),
  'entity-and-affected-systems': el((s) => partial(text(s.facts.entity.name, s.labels.entityName))),
  // DORA asks for the LEI and entity type as well: they come from the responders.
  'entity-identification': el((s) => partial(...entityLines(s))),
  'entity-identity': el((s) => known(...entityLines(s))),
  'estimated-monetary-impact': el(),
  'evidence-preservation': el(),
  'extortion-payment': el((s) =>
    s.facts.ransomPaidAt ? known(at(s.labels.paymentAt, s.facts.ransomPaidAt)) : partial(),
  ),
  'extortion-payment-rationale': el(),
  'fcra-rights': el((s) => known(text(statement(s, 'fcraRights')))),
  'fraud-alert-and-freeze-info': el((s) => known(text(statement(s, 'fraudAlertAndFreeze')))),
  'ftc-contacts': el((s) => known(agencyLine(US_FTC, s))),
  'harm-caused': el(),
  'hhs-notice-copy': el(),
  'how-discovered': el(),
  'identity-theft-prevention-info': el((s) => known(text(placed(s, 'identityTheftPrevention')))),
  'identity-theft-reporting-advice': el((s) => known(text(placed(s, 'identityTheftReporting')))),
  impact: el(),
  'incident-reference': el((s) => known(text(s.incident.id, s.labels.incidentReference))),
  'incident-type': el(),
  'incident-type-and-level': el(),
  'indicators-of-compromise': el(),
  'individuals-notification-method': el(),
  'individuals-notification-plan': el(),
  'individuals-notification-report': el(),
  'individuals-notification-steps': el(),
  'individuals-notified-declaration': el(),
  'law-enforcement-delay': el(),
  'law-enforcement-involvement': el(),
  'lessons-learned': el(),
  'likely-consequences': el((s) => narrative(s.facts.likelyConsequences)),
  'likely-developments': el(),
  'material-impact': el(),
  'material-updates': el(),
  measures: el((s) => narrative(s.facts.measuresTaken)),
  'measures-planned': el(),
  'member-states-affected': el((s) =>
    s.facts.affected.length
      ? known({ kind: 'list', label: s.labels.affectedCountries, value: affectedCountries(s) })
      : partial(),
  ),
  nature: el((s) => narrative(s.facts.nature)),
  'new-or-different-information': el(),
  // The entity's written determination that harm is not likely, and its reasons: only the responders can give it.
  'no-harm-determination': el(),
  'notice-date': el(noticeDate),
  'notice-timing-and-distribution': el(),
  'notification-means': el(),
  'number-affected': el((s) => {
    const line = countLine(s);
    return line ? known(line) : partial();
  }),
  'number-notified-directly': el(),
  'occurrence-and-recovery-time': el(),
  'operational-impact': el(),
  origin: el(),
  'parent-company-name': el(),
  'other-authorities-informed': el(),
  'other-relevant': el(),
  'perpetrator-findings': el(),
  'planned-measures-and-support-requested': el(),
  'police-report-number': el(),
  'police-report-right': el((s) => known(text(statement(s, 'policeReport')))),
  'processor-identity': el(),
  'protective-steps': el(),
  'publication-status': el(),
  'ransom-amount': el(),
  'ransom-demand': el(),
  'ransom-details': el((s) => partial(...(s.facts.ransomPaidAt ? [at(s.labels.paymentAt, s.facts.ransomPaidAt)] : []))),
  'ransom-payment-date': el((s) =>
    s.facts.ransomPaidAt ? known(at(s.labels.paymentAt, s.facts.ransomPaidAt)) : partial(),
  ),
  'ransom-payment-instructions': el(),
  'reasonable-safeguards': el(),
  'reasons-for-delay': el((s) => {
    if (!blank(s.delayReason)) return known(text(s.delayReason as string));
    const due = s.obligation.dueAt;
    // Without a reason the element is satisfied only by a notice known to be in time.
    if (s.now && (due === null || Date.parse(s.now) <= Date.parse(due))) return known(text(s.labels.noDelay));
    return partial();
  }),
  'reasons-for-supplement': el(),
  'recommended-steps': el(),
  'record-categories-and-count': el((s) => {
    const lines: Line[] = [];
    if (s.facts.dataCategories.length)
      lines.push({ kind: 'list', label: s.labels.dataCategories, value: dataCategories(s) });
    if (s.facts.recordCount !== undefined)
      lines.push({ kind: 'count', label: s.labels.recordCount, value: s.facts.recordCount });
    return { lines, complete: lines.length === 2 };
  }),
  'recurrence-prevention': el(),
  'recurring-incidents': el(),
  remediation: el(),
  'remediation-offered': el(),
  'remedy-procedure': el(),
  // The reporter's title, relationship to the entity and the entity's address come from the responders.
  'reporting-entity-details': el((s) =>
    partial(...entityLines(s), text(s.contact.name, s.labels.contactPerson), text(s.contact.email, s.labels.email)),
  ),
  'representation-document': el(),
  resolution: el(),
  'resolution-authority-information': el(),
  'resolution-time': el(),
  'response-measures': el((s) => narrative(s.facts.measuresTaken)),
  'response-to-individuals': el(),
  'rights-and-remedies': el((s) =>
    known(text(statement(s, 'koreanRights')), ...KR_REMEDY_BODIES.map((a) => agencyLine(a, s))),
  ),
  'root-cause': el(),
  'sample-notice': el(),
  scope: el(),
  'security-defenses': el(),
  'security-freeze-info': el((s) =>
    known(text(statement(s, 'securityFreeze')), ...US_CONSUMER_REPORTING_AGENCIES.map((a) => agencyLine(a, s))),
  ),
  'security-measures': el(),
  'security-program-status': el(),
  'severity-and-impact': el(),
  'steps-for-individuals': el(),
  'subject-categories-and-count': el((s) => {
    const lines: Line[] = [];
    const categories = (s.facts.subjectCategories ?? []).filter((c) => !blank(c));
    if (categories.length) lines.push({ kind: 'list', label: s.labels.subjectCategories, value: categories });
    if (s.audienceCount !== null) lines.push({ kind: 'count', label: s.labels.subjectCount, value: s.audienceCount });
    return { lines, complete: lines.length === 2 };
  }),
  'submission-type': el((s) => (s.obligation.stage ? known(text(s.cat.stages[s.obligation.stage])) : partial())),
  submitter: el((s) => known(...entityLines(s))),
  'supplementary-information': el(),
  'suspected-unlawful-or-malicious': el(),
  'tactics-techniques-procedures': el(),
  'temporary-measures': el(),
  'threat-actor': el(),
  'threat-and-techniques': el(),
  'time-and-place-of-discovery': el((s) => partial(at(s.labels.awareAt, s.facts.awareAt))),
  timing: el(),
  // The entity's toll-free number (and web site): the plan's contact telephone where it has one, else the responders' text.
  'toll-free-contact': el((s) =>
    blank(s.contact.phone) ? partial() : known(text(s.contact.phone as string, s.labels.phone)),
  ),
  // Everyone affected, in every jurisdiction (number-affected counts the obligation's audience).
  'total-number-affected': el((s) =>
    s.facts.affected.length
      ? known({ kind: 'count', label: s.labels.affectedCount, value: totalAffected(s.facts) })
      : partial(),
  ),
  'total-subjects-processed': el(),
  'tracing-leads': el(),
  'unauthorised-person-identity': el(),
  'updated-description': el((s) => narrative(s.facts.nature)),
  'vigilance-advice': el((s) => known(text(statement(s, 'vigilanceAdvice')))),
  'vulnerabilities-exploited': el(),
} satisfies Record<string, ElementDef>;

export type ElementId = keyof typeof ELEMENTS;
export const ELEMENT_IDS = Object.keys(ELEMENTS).sort() as ElementId[];

export function isElementId(id: string): id is ElementId {
  return Object.prototype.hasOwnProperty.call(ELEMENTS, id);
}

/** The responders' text for an element: the locale's own first ("cause@ja"), then the plain id. */
export function contentFor(content: Readonly<Record<string, string>>, id: string, locale: string): string | null {
  for (const key of [`${id}@${locale}`, id]) {
    const v = Object.prototype.hasOwnProperty.call(content, key) ? content[key] : undefined;
    if (typeof v === 'string' && v.trim().length > 0) return v;
  }
  return null;
}

export interface ResolvedElement {
  id: ElementId;
  heading: string;
  lines: Line[];
  pending: boolean;
}

/**
 * One element's section content, from the catalogue and the responders' text. A pending element
 * carries what is known and then the "to follow" sentence: never an empty section.
 */
export function resolveElement(
  id: string,
  src: ElementSource,
  /** `public`: plain-language heading where the catalogue has one (a grouped section keeps the formal one under its group's heading). */
  opts: { public: boolean; content: Readonly<Record<string, string>>; toFollow: string },
): ResolvedElement {
  if (!isElementId(id)) throw new Error(`no content element "${id}" in the catalogue (activities/notices/elements.ts)`);
  const def: ElementDef = ELEMENTS[id];
  const base = def.resolve ? def.resolve(src) : partial();
  const own = contentFor(opts.content, id, src.lang);
  const lines = [...base.lines, ...(own !== null ? [text(own)] : [])];
  const pending = !base.complete && own === null;
  if (pending) lines.push(text(opts.toFollow));
  const words = src.cat.elements[id];
  const heading = src.ortho(
    required(opts.public && words?.plain ? words.plain : words?.heading, src, `the heading of content element "${id}"`),
  );
  return { id, heading, lines, pending };
}

/** Affected people the obligation covers ('*' = everyone); null when no count is recorded yet. */
export function audienceCount(facts: Pick<IncidentFacts, 'affected'>, audience: readonly string[]): number | null {
  if (facts.affected.length === 0) return null;
  if (audience.includes('*')) return totalAffected(facts);
  return facts.affected
    .filter((g) => audience.includes(g.country) || (g.region !== undefined && audience.includes(g.region)))
    .reduce((n, g) => n + g.count, 0);
}
