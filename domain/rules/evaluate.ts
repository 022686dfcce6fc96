import type { IncidentFacts, Risk } from '../facts';
import type { Assessment, Obligation } from '../obligation';
import { addBusinessDays, addCalendarDays, addHours, addMonths, type HolidayCalendar } from '../deadlines';
import type { ClockStartField, Conditions, RegimeRules, RuleObligation, RuleSet } from './schema';

const RISK_ORDER: Record<Risk, number> = { unlikely: 0, risk: 1, high: 2 };

/** Later clocks fall back to earlier ones where the incident has not recorded them yet. */
const CLOCK_FALLBACK: Record<ClockStartField, ClockStartField[]> = {
  awareAt: [],
  determinedAt: ['awareAt'],
  materialityDeterminedAt: ['awareAt'],
  classifiedMajorAt: ['awareAt'],
  ransomPaidAt: [],
};

interface Unit { jurisdiction: string; count: number }

function clockStart(facts: IncidentFacts, field: ClockStartField): string | undefined {
  for (const f of [field, ...CLOCK_FALLBACK[field]]) {
    const v = facts[f];
    if (v) return new Date(v).toISOString();
  }
  return undefined;
}

/** Affected people inside the regime, summed per country (or per region for sub-national laws). */
function affectedUnits(regime: RegimeRules, facts: IncidentFacts): Unit[] {
  const counts = new Map<string, number>();
  const { countries, regions } = regime.jurisdiction;
  for (const g of facts.affected) {
    const key = g.region && regions.includes(g.region) ? g.region : countries.includes(g.country) ? g.country : undefined;
    if (key) counts.set(key, (counts.get(key) ?? 0) + g.count);
  }
  return [...counts].filter(([, n]) => n > 0).map(([jurisdiction, count]) => ({ jurisdiction, count }));
}

function unitsFor(rule: RuleObligation, regime: RegimeRules, facts: IncidentFacts): Unit[] {
  const units = affectedUnits(regime, facts);
  const established = regime.jurisdiction.countries.includes(facts.entity.country);
  const everyone = facts.affected.reduce((n, g) => n + g.count, 0);
  switch (rule.scope) {
    case 'each-affected':
      return units;
    case 'lead':
      // An established controller answers to its lead authority for everyone it affected.
      return established ? [{ jurisdiction: facts.entity.country, count: everyone }] : units;
    case 'regime': {
      if (!established && units.length === 0) return [];
      const inside = units.reduce((n, u) => n + u.count, 0);
      return [{ jurisdiction: established ? facts.entity.country : units[0].jurisdiction, count: established ? everyone : inside }];
    }
  }
}

function conditionsHold(when: Conditions, facts: IncidentFacts, unit: Unit): boolean {
  if (when.minRisk && RISK_ORDER[facts.risk] < RISK_ORDER[when.minRisk]) return false;
  if (when.unlessEncrypted && facts.encrypted) return false;
  if (when.requiresSignificant && facts.significant !== true) return false;
  if (when.minAffected !== undefined && unit.count < when.minAffected) return false;
  if (when.maxAffected !== undefined && unit.count > when.maxAffected) return false;
  if (when.dataCategoriesAny && !when.dataCategoriesAny.some((c) => facts.dataCategories.includes(c))) return false;
  if (when.sectorsAny && !when.sectorsAny.some((s) => facts.entity.sectors.includes(s))) return false;
  return true;
}

function timeZoneOf(regime: RegimeRules, jurisdiction: string): string {
  const tz = regime.jurisdiction.timeZones;
  return tz[jurisdiction] ?? tz[jurisdiction.slice(0, 2)] ?? regime.jurisdiction.defaultTimeZone;
}

function dueAt(rule: RuleObligation, start: string, timeZone: string, holidays: HolidayCalendar): string | null {
  const c = rule.clock;
  switch (c.unit) {
    case 'hours': return addHours(start, c.amount);
    case 'calendar-days': return addCalendarDays(start, c.amount, timeZone);
    case 'business-days': return addBusinessDays(start, c.amount, timeZone, c.calendar, holidays);
    case 'months': return addMonths(start, c.amount, timeZone);
    case 'none': return null;
  }
}

export function obligationId(regime: string, rule: Pick<RuleObligation, 'key'>, jurisdiction: string): string {
  return `${regime}:${rule.key}:${jurisdiction}`;
}

/** Facts in, obligations out. Deterministic and order-independent: results are sorted by id. */
export function assess(facts: IncidentFacts, ruleSet: RuleSet, holidays: HolidayCalendar): Assessment {
  const obligations: Obligation[] = [];
  for (const regime of ruleSet.regimes) {
    if (regime.appliesToSectors.length && !regime.appliesToSectors.some((s) => facts.entity.sectors.includes(s))) continue;
    for (const rule of regime.obligations) {
      const start = clockStart(facts, rule.clock.start);
      if (!start) continue;
      for (const unit of unitsFor(rule, regime, facts)) {
        if (!conditionsHold(rule.when, facts, unit)) continue;
        obligations.push({
          id: obligationId(regime.regime, rule, unit.jurisdiction),
          regime: regime.regime,
          recipient: rule.recipient,
          ...(rule.stage ? { stage: rule.stage } : {}),
          jurisdiction: unit.jurisdiction,
          clockStart: start,
          dueAt: dueAt(rule, start, timeZoneOf(regime, unit.jurisdiction), holidays),
          deadline: rule.deadline,
          requiredContent: rule.requiredContent,
          citation: rule.citation,
          ...(rule.unverified ? { unverified: true } : {}),
        });
      }
    }
  }
  obligations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ruleSet: ruleSet.version, obligations };
}
