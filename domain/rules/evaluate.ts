import { totalAffected, type IncidentFacts, type Risk } from '../facts';
import type { Assessment, Obligation } from '../obligation';
import {
  addBusinessDays, addCalendarDays, addHours, addMonths, fromLocal, isWeekend, iso, toLocal, type HolidayCalendar, type LocalDate,
} from '../deadlines';
import type { Clock, ClockStartField, Conditions, RegimeRules, RuleObligation, RuleSet } from './schema';

const RISK_ORDER: Record<Risk, number> = { unlikely: 0, risk: 1, high: 2 };

/** Later clocks fall back to earlier ones where the incident has not recorded them yet. */
const CLOCK_FALLBACK: Record<ClockStartField, ClockStartField[]> = {
  awareAt: [],
  determinedAt: ['awareAt'],
  materialityDeterminedAt: ['awareAt'],
  classifiedMajorAt: ['awareAt'],
  ransomPaidAt: [],
};

/** What the engine knows beyond the facts: when earlier stages were actually delivered. */
export interface AssessContext {
  holidays: HolidayCalendar;
  /** Delivery time per obligation id; chained stages count from it instead of the earlier due time. */
  delivered?: Record<string, string>;
}

/** One jurisdiction an obligation is owed in; `audience` = whose people it covers (['*'] = everyone affected). */
interface Unit { jurisdiction: string; count: number; audience: string[] }

function factClock(facts: IncidentFacts, field: ClockStartField): string | undefined {
  for (const f of [field, ...CLOCK_FALLBACK[field]]) {
    const v = facts[f];
    if (v) return new Date(v).toISOString();
  }
  return undefined;
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
  return [...counts].filter(([, n]) => n > 0).map(([jurisdiction, count]) => ({ jurisdiction, count, audience: [jurisdiction] }))
    .sort((a, b) => (a.jurisdiction < b.jurisdiction ? -1 : 1));
}

function unitsFor(rule: RuleObligation, regime: RegimeRules, facts: IncidentFacts, units: Unit[]): Unit[] {
  const established = regime.jurisdiction.countries.includes(facts.entity.country) && regime.jurisdiction.regions.length === 0;
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
      return [established
        ? { jurisdiction: facts.entity.country, count: everyone, audience: ['*'] }
        : { jurisdiction: units[0].jurisdiction, count: inside, audience: units.map((u) => u.jurisdiction) }];
    case 'entity':
      return [{ jurisdiction: regime.jurisdiction.entityJurisdiction ?? facts.entity.country, count: everyone, audience: ['*'] }];
  }
}

function holds(when: Conditions, facts: IncidentFacts, unit: Unit, total: number): boolean {
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
  if (when.anyOf && !when.anyOf.some((c) => holds(c, facts, unit, total))) return false;
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

/** DORA: a deadline on a weekend or holiday moves to a set local time on the next working day. */
function rollForward(due: string, timeZone: string, calendar: string, to: string, holidays: HolidayCalendar): string {
  let d: LocalDate = toLocal(Date.parse(due), timeZone);
  const off = (x: LocalDate) => isWeekend(x) || holidays.isHoliday(calendar, x);
  if (!off(d)) return due;
  while (off(d)) d = toLocal(Date.UTC(d.year, d.month - 1, d.day + 1, 12), 'UTC');
  const [hour, minute] = to.split(':').map(Number);
  return iso(fromLocal({ ...d, hour, minute, second: 0, ms: 0 }, timeZone));
}

function computeDue(clock: Clock, start: string, facts: IncidentFacts, timeZone: string, holidays: HolidayCalendar): string | null {
  const from = clock.anchor === 'end-of-calendar-year' ? endOfCalendarYear(start, timeZone) : start;
  let due: string | null;
  switch (clock.unit) {
    case 'hours': due = addHours(from, clock.amount); break;
    case 'calendar-days': due = addCalendarDays(from, clock.amount, timeZone); break;
    case 'business-days': due = addBusinessDays(from, clock.amount, timeZone, clock.calendar, holidays); break;
    case 'months': due = addMonths(from, clock.amount, timeZone); break;
    case 'none': due = null; break;
  }
  if (clock.noLaterThan) {
    const backstopStart = factClock(facts, clock.noLaterThan.start);
    if (backstopStart) {
      const backstop = addHours(backstopStart, clock.noLaterThan.hours);
      if (due === null || Date.parse(backstop) < Date.parse(due)) due = backstop;
    }
  }
  if (due && clock.rollForward) due = rollForward(due, timeZone, clock.rollForward.calendar, clock.rollForward.to, holidays);
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

/** Facts in, obligations out. Deterministic and order-independent: results are sorted by id. */
export function assess(facts: IncidentFacts, ruleSet: RuleSet, ctx: AssessContext | HolidayCalendar): Assessment {
  const { holidays, delivered = {} } = 'isHoliday' in ctx ? { holidays: ctx } : ctx;
  const obligations: Obligation[] = [];
  for (const regime of ruleSet.regimes) {
    if (regime.appliesToSectors.length && !regime.appliesToSectors.some((s) => facts.entity.sectors.includes(s))) continue;
    const units = affectedUnits(regime, facts);
    const total = units.reduce((n, u) => n + u.count, 0);
    const emitted = new Map<string, Obligation>();
    for (const rule of regime.obligations) {
      for (const unit of unitsFor(rule, regime, facts, units)) {
        if (!holds(rule.when, facts, unit, total)) continue;
        let start: string | undefined;
        let after: string | undefined;
        let counts = true;
        if (rule.clock.after) {
          after = obligationId(regime.regime, rule.clock.after, unit.jurisdiction);
          const earlier = emitted.get(after);
          if (!earlier) continue; // a later stage exists only with its earlier stage
          ({ start, counts } = chainStart(earlier, delivered[after]));
        } else {
          start = factClock(facts, rule.clock.start);
          if (!start) continue;
        }
        const tz = timeZoneOf(regime, unit.jurisdiction);
        const o: Obligation = {
          id: obligationId(regime.regime, rule.key, unit.jurisdiction),
          regime: regime.regime,
          key: rule.key,
          recipient: rule.recipient,
          ...(rule.stage ? { stage: rule.stage } : {}),
          jurisdiction: unit.jurisdiction,
          audience: unit.audience,
          clockStart: start,
          dueAt: counts ? computeDue(rule.clock, start, facts, tz, holidays) : null,
          deadline: rule.deadline,
          requiredContent: rule.requiredContent,
          citation: rule.citation,
          ...(rule.unverified ? { unverified: true } : {}),
          ...(after ? { after } : {}),
        };
        emitted.set(o.id, o);
        obligations.push(o);
      }
    }
  }
  obligations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ruleSet: ruleSet.version, obligations };
}
