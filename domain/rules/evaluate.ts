import { totalAffected, type IncidentFacts, type Risk } from '../facts';
import type { Assessment, ConditionalObligation, Obligation, UpcomingRule } from '../obligation';
import {
  addBusinessDays,
  addCalendarDays,
  addHours,
  addMonths,
  fromLocal,
  iso,
  localIso,
  rollForwardToWorkingDay,
  toLocal,
  type HolidayCalendar,
} from '../deadlines';
import type { Clock, ClockStartField, Conditions, Flag, RegimeRules, RuleObligation, RuleSet } from './schema';

const RISK_ORDER: Record<Risk, number> = { unlikely: 0, risk: 1, high: 2 };
const DAY = 86_400_000;

/** Later clocks fall back to earlier ones where the incident has not recorded them yet. */
const CLOCK_FALLBACK: Record<ClockStartField, ClockStartField[]> = {
  awareAt: [],
  determinedAt: ['awareAt'],
  materialityDeterminedAt: ['awareAt'],
  classifiedMajorAt: ['awareAt'],
  ransomPaidAt: [],
  // Until the organisation records its assessment, counting from awareness is the earlier reading.
  assessedNotifiableAt: ['awareAt'],
  // Events that make a conditional obligation apply, or end an open-ended clock: no stand-in.
  handlingEndedAt: [],
  omittedInformationAvailableAt: [],
  reportRequestedAt: [],
  newInformationAt: [],
  authorityRequiredNoticeAt: [],
};

/** What the engine knows beyond the facts: when earlier stages were actually delivered. */
export interface AssessContext {
  holidays: HolidayCalendar;
  /** Delivery time per obligation id; chained stages count from it instead of the earlier due time. */
  delivered?: Record<string, string>;
}

/** One jurisdiction an obligation is owed in; `audience` = whose people it covers (['*'] = everyone affected). */
interface Unit {
  jurisdiction: string;
  count: number;
  audience: string[];
}

function factClock(facts: IncidentFacts, field: ClockStartField): string | undefined {
  for (const f of [field, ...CLOCK_FALLBACK[field]]) {
    const v = facts[f];
    if (v) return new Date(v).toISOString();
  }
  return undefined;
}

/**
 * The yes/no facts as rules read them: true, false, or undefined (not stated). A fact that implies
 * another is honoured: a recorded classification as major is a major incident (DORA), outside access is
 * a malicious act (APPI).
 */
function flagsOf(facts: IncidentFacts): Record<Flag, boolean | undefined> {
  return {
    significant: facts.significant,
    major: facts.classifiedMajorAt ? true : facts.significant,
    maliciousAct: facts.externalAccess === true ? true : facts.maliciousAct,
    externalAccess: facts.externalAccess,
    substantialIncident: facts.substantialIncident,
    criticalInfrastructure: facts.criticalInfrastructure,
    largeScale: facts.largeScale,
    vulnerableSubjects: facts.vulnerableSubjects,
    secrecyProtectedData: facts.secrecyProtectedData,
    smallProcessingAgent: facts.entity.smallProcessingAgent,
  };
}

/** Affected people inside the regime, summed per country, or per region for state-level counting. */
function affectedUnits(regime: RegimeRules, facts: IncidentFacts): Unit[] {
  const counts = new Map<string, number>();
  const { countries, regions, unitLevel } = regime.jurisdiction;
  for (const g of facts.affected) {
    let key: string | undefined;
    if (regions.length) key = g.region && regions.includes(g.region) ? g.region : undefined;
    else if (countries.includes(g.country)) key = unitLevel === 'region' && g.region ? g.region : g.country;
    if (key) counts.set(key, (counts.get(key) ?? 0) + g.count);
  }
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([jurisdiction, count]) => ({ jurisdiction, count, audience: [jurisdiction] }))
    .sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1));
}

function unitsFor(rule: RuleObligation, regime: RegimeRules, facts: IncidentFacts, units: Unit[]): Unit[] {
  const established =
    regime.jurisdiction.countries.includes(facts.entity.country) && regime.jurisdiction.regions.length === 0;
  const everyone = totalAffected(facts);
  const inside = units.reduce((n, u) => n + u.count, 0);
  switch (rule.scope) {
    case 'each-affected':
      return units;
    case 'lead':
      // An established controller answers to its lead authority for everyone it affected.
      return established ? [{ jurisdiction: facts.entity.country, count: everyone, audience: ['*'] }] : units;
    case 'regime':
      if (!established && units.length === 0) return [];
      return [
        established
          ? { jurisdiction: facts.entity.country, count: everyone, audience: ['*'] }
          : { jurisdiction: units[0].jurisdiction, count: inside, audience: units.map((u) => u.jurisdiction) },
      ];
    case 'entity':
      return [
        {
          jurisdiction: regime.jurisdiction.entityJurisdiction ?? facts.entity.country,
          count: everyone,
          audience: ['*'],
        },
      ];
  }
}

interface Judge {
  facts: IncidentFacts;
  flags: Record<Flag, boolean | undefined>;
  unit: Unit;
  total: number;
}

function holds(when: Conditions, j: Judge): boolean {
  const { facts, flags, unit, total } = j;
  if (when.minRisk && RISK_ORDER[facts.risk] < RISK_ORDER[when.minRisk]) return false;
  if (when.maxRisk && RISK_ORDER[facts.risk] > RISK_ORDER[when.maxRisk]) return false;
  if (when.unlessEncrypted && facts.encrypted) return false;
  if (when.requiresSignificant && facts.significant !== true) return false;
  if (when.minAffected !== undefined && unit.count < when.minAffected) return false;
  if (when.maxAffected !== undefined && unit.count > when.maxAffected) return false;
  if (when.minTotalAffected !== undefined && total < when.minTotalAffected) return false;
  if (when.maxTotalAffected !== undefined && total > when.maxTotalAffected) return false;
  if (when.dataCategoriesAny && !when.dataCategoriesAny.some((c) => facts.dataCategories.includes(c))) return false;
  if (when.sectorsAny && !when.sectorsAny.some((s) => facts.entity.sectors.includes(s))) return false;
  if (when.sectorsNone && when.sectorsNone.some((s) => facts.entity.sectors.includes(s))) return false;
  if (when.flagsTrue && !when.flagsTrue.every((f) => flags[f] === true)) return false;
  if (when.flagsNotFalse && !when.flagsNotFalse.every((f) => flags[f] !== false)) return false;
  if (when.flagsFalse && !when.flagsFalse.every((f) => flags[f] === false)) return false;
  if (when.anyOf && !when.anyOf.some((c) => holds(c, j))) return false;
  if (when.noneOf && when.noneOf.some((c) => holds(c, j))) return false;
  return true;
}

function timeZoneOf(regime: RegimeRules, jurisdiction: string): string {
  const tz = regime.jurisdiction.timeZones;
  return tz[jurisdiction] ?? tz[jurisdiction.slice(0, 2)] ?? regime.jurisdiction.defaultTimeZone;
}

function endOfCalendarYear(start: string, timeZone: string): string {
  const { year } = toLocal(Date.parse(start), timeZone);
  return iso(fromLocal({ year, month: 12, day: 31, hour: 23, minute: 59, second: 59, ms: 999 }, timeZone));
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD (for in-force dates). */
function localDate(instant: string, timeZone: string): string {
  const l = toLocal(Date.parse(instant), timeZone);
  return `${String(l.year).padStart(4, '0')}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

function countFrom(clock: Clock, amount: number, from: string, timeZone: string, holidays: HolidayCalendar) {
  const cutoff = clock.cutoff?.time;
  switch (clock.unit) {
    case 'hours':
      return addHours(from, amount);
    case 'calendar-days':
      return addCalendarDays(from, amount, timeZone, cutoff);
    case 'business-days':
      return addBusinessDays(from, amount, timeZone, clock.calendar, holidays, cutoff);
    case 'months':
      return addMonths(from, amount, timeZone);
    case 'none':
      return null;
  }
}

function computeDue(
  clock: Clock,
  start: string,
  j: Judge,
  jurisdiction: string,
  timeZone: string,
  holidays: HolidayCalendar,
): string | null {
  const from = clock.anchor === 'end-of-calendar-year' ? endOfCalendarYear(start, timeZone) : start;
  const base = clock.unit === 'none' ? 0 : clock.amount;
  const amount = clock.amountWhen?.find((a) => holds(a.when, j))?.amount ?? base;
  let due = countFrom(clock, amount, from, timeZone, holidays);
  if (clock.noLaterThan) {
    const backstopStart = factClock(j.facts, clock.noLaterThan.start);
    if (backstopStart) {
      const backstop = addHours(backstopStart, clock.noLaterThan.hours);
      // A backstop already behind the clock's own start does not apply (DORA RTS Art. 5(1)(a):
      // classified major more than 24 h after awareness, 4 h from the classification).
      if (Date.parse(backstop) >= Date.parse(start) && (due === null || Date.parse(backstop) < Date.parse(due)))
        due = backstop;
    }
  }
  if (due && clock.untilHandlingEnds && j.facts.handlingEndedAt) {
    const ended = new Date(j.facts.handlingEndedAt).toISOString();
    if (Date.parse(ended) > Date.parse(due)) due = countFrom(clock, amount, ended, timeZone, holidays);
  }
  if (due && clock.rollForward && !(clock.rollForward.unless && holds(clock.rollForward.unless, j)))
    due = rollForwardToWorkingDay(
      due,
      timeZone,
      clock.rollForward.calendar ?? jurisdiction.slice(0, 2),
      clock.rollForward.to,
      holidays,
    );
  return due;
}

/**
 * A later stage counts from the earlier stage's delivery, else from its due time; when the earlier
 * stage has neither (no number in the law, not yet delivered), the later one has no number yet.
 */
function chainStart(earlier: Obligation, deliveredAt: string | undefined): { start: string; counts: boolean } {
  if (deliveredAt) return { start: new Date(deliveredAt).toISOString(), counts: true };
  if (earlier.dueAt) return { start: earlier.dueAt, counts: true };
  return { start: earlier.clockStart, counts: false };
}

export function obligationId(regime: string, key: string, jurisdiction: string): string {
  return `${regime}:${key}:${jurisdiction}`;
}

/** One rule for one jurisdiction whose conditions hold, waiting for its earlier stage if it has one. */
interface Candidate {
  regime: RegimeRules;
  rule: RuleObligation;
  unit: Unit;
  judge: Judge;
}

/** The earlier stage a rule follows: same regime and jurisdiction, or (regime:key) another regime's notice. */
function earlierOf(c: Candidate, emitted: Map<string, Obligation>): Obligation | undefined {
  const after = c.rule.clock.after!;
  const [regime, key] = after.includes(':') ? after.split(':') : [c.regime.regime, after];
  const same = emitted.get(obligationId(regime, key, c.unit.jurisdiction));
  if (same || regime === c.regime.regime) return same;
  // Across laws the earlier notice may be owed in a wider jurisdiction (HHS for the whole US).
  const prefix = `${regime}:${key}:`;
  const others = [...emitted.values()].filter((o) => o.id.startsWith(prefix)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return others.find((o) => c.unit.jurisdiction.startsWith(o.jurisdiction)) ?? others[0];
}

/** Facts in, obligations out. Deterministic and order-independent: results are sorted by id. */
export function assess(facts: IncidentFacts, ruleSet: RuleSet, ctx: AssessContext | HolidayCalendar): Assessment {
  const { holidays, delivered = {} } = 'isHoliday' in ctx ? { holidays: ctx } : ctx;
  const flags = flagsOf(facts);
  const awareAt = new Date(facts.awareAt).toISOString();
  const yearLater = new Date(Date.parse(awareAt) + 365 * DAY).toISOString();
  const candidates: Candidate[] = [];
  const upcoming: UpcomingRule[] = [];
  for (const regime of ruleSet.regimes) {
    if (regime.appliesToSectors.length && !regime.appliesToSectors.some((s) => facts.entity.sectors.includes(s)))
      continue;
    const units = affectedUnits(regime, facts);
    const total = units.reduce((n, u) => n + u.count, 0);
    const zone = regime.jurisdiction.defaultTimeZone;
    const awareDay = localDate(awareAt, zone);
    for (const rule of regime.obligations) {
      if (rule.inForceUntil && awareDay > rule.inForceUntil) continue;
      const notYet = rule.inForceFrom !== undefined && awareDay < rule.inForceFrom;
      if (notYet && rule.inForceFrom! > localDate(yearLater, zone)) continue;
      for (const unit of unitsFor(rule, regime, facts, units)) {
        const judge = { facts, flags, unit, total };
        if (!holds(rule.when, judge)) continue;
        if (notYet) {
          upcoming.push({
            regime: regime.regime,
            key: rule.key,
            recipient: rule.recipient,
            ...recipientNameOf(regime, rule),
            jurisdiction: unit.jurisdiction,
            inForceFrom: rule.inForceFrom!,
            deadline: rule.deadline,
            citation: rule.citation,
          });
          continue;
        }
        candidates.push({ regime, rule, unit, judge });
      }
    }
  }

  // Stages resolve in rounds: a stage is placed once the notice it follows is (across laws too);
  // one whose earlier notice never arises does not arise either.
  const emitted = new Map<string, Obligation>();
  const conditional: ConditionalObligation[] = [];
  let pending = candidates;
  for (let progress = true; progress && pending.length; ) {
    progress = false;
    const waiting: Candidate[] = [];
    for (const c of pending) {
      const earlier = c.rule.clock.after ? earlierOf(c, emitted) : undefined;
      if (c.rule.clock.after && !earlier) {
        waiting.push(c);
        continue;
      }
      progress = true;
      place(c, earlier);
    }
    pending = waiting;
  }

  function place(c: Candidate, earlier: Obligation | undefined): void {
    const { regime, rule, unit, judge } = c;
    const id = obligationId(regime.regime, rule.key, unit.jurisdiction);
    if (rule.conditional && !factClock(facts, rule.conditional.fact)) {
      conditional.push({
        id,
        regime: regime.regime,
        key: rule.key,
        recipient: rule.recipient,
        ...recipientNameOf(regime, rule),
        ...(rule.stage ? { stage: rule.stage } : {}),
        jurisdiction: unit.jurisdiction,
        trigger: rule.conditional.trigger,
        fact: rule.conditional.fact,
        deadline: rule.deadline,
        citation: rule.citation,
        ...(rule.unverified ? { unverified: true } : {}),
      });
      return;
    }
    let start: string | undefined;
    let counts = true;
    if (earlier && !rule.clock.countFromStart) {
      ({ start, counts } = chainStart(earlier, delivered[earlier.id]));
    } else {
      start = factClock(facts, rule.clock.start);
      // Counted from its own event, which is not recorded yet: it exists, with no number so far.
      if (!start && earlier) ({ start, counts } = { start: earlier.clockStart, counts: false });
      if (!start) return;
    }
    const tz = rule.clock.cutoff?.timeZone ?? timeZoneOf(regime, unit.jurisdiction);
    const dueAt = counts ? computeDue(rule.clock, start, judge, unit.jurisdiction, tz, holidays) : null;
    const o: Obligation = {
      id,
      regime: regime.regime,
      key: rule.key,
      recipient: rule.recipient,
      ...recipientNameOf(regime, rule),
      ...(rule.stage ? { stage: rule.stage } : {}),
      jurisdiction: unit.jurisdiction,
      audience: unit.audience,
      clockStart: start,
      dueAt,
      timeZone: tz,
      dueAtLocal: dueAt ? localIso(dueAt, tz) : null,
      deadline: rule.deadline,
      ...(rule.reading ? { reading: rule.reading } : {}),
      requiredContent: rule.requiredContent,
      citation: rule.citation,
      ...(rule.unverified ? { unverified: true } : {}),
      ...(earlier ? { after: earlier.id } : {}),
    };
    emitted.set(o.id, o);
  }

  const obligations = [...emitted.values()].sort(byId);
  return {
    ruleSet: ruleSet.version,
    obligations,
    conditional: conditional.sort(byId),
    upcoming: upcoming.sort((a, b) =>
      a.inForceFrom !== b.inForceFrom
        ? a.inForceFrom < b.inForceFrom
          ? -1
          : 1
        : `${a.regime}:${a.key}:${a.jurisdiction}` < `${b.regime}:${b.key}:${b.jurisdiction}`
          ? -1
          : 1,
    ),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function recipientNameOf(regime: RegimeRules, rule: RuleObligation): { recipientName?: string } {
  const name = rule.recipientName ?? regime.recipientNames?.[rule.recipient];
  return name ? { recipientName: name } : {};
}
