/**
 * Assessment latency over random fact sets with every regime loaded. Baseline, same run: the
 * JSON round trip each activity call does to the same facts anyway.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { IncidentFacts } from '../domain/facts';
import { assess } from '../domain/rules/evaluate';
import { createHolidayCalendar } from '../activities/rules/holidays';
import { loadRuleSet } from '../activities/rules/load';
import { factsArb } from '../test/arbitraries';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timeEach<T>(items: T[], fn: (x: T) => unknown): number[] {
  const out = new Array<number>(items.length);
  for (let i = 0; i < items.length; i++) {
    const t0 = performance.now();
    fn(items[i]);
    out[i] = (performance.now() - t0) * 1000;
  }
  return out.sort((a, b) => a - b);
}

export async function benchAssess(args: string[]): Promise<Record<string, unknown>> {
  const n = Number(args[0] ?? 10_000);
  const rules = loadRuleSet();
  const holidays = createHolidayCalendar();
  const facts = fc.sample(factsArb, { numRuns: n, seed: 20261126 });
  // Warm-up: JIT and the holiday cache (a real worker keeps both warm).
  for (const f of facts.slice(0, 500)) assess(f, rules, holidays);
  const us = timeEach(facts, (f) => assess(f, rules, holidays));
  const base = timeEach(facts, (f) => JSON.parse(JSON.stringify(f)));
  const obligations = facts.reduce((sum, f) => sum + assess(f, rules, holidays).obligations.length, 0);
  const medianUs = percentile(us, 0.5);
  // A multistate breach: residents of every US jurisdiction with a rule file, 2,000 each.
  const regions = rules.regimes.flatMap((r) => r.jurisdiction.regions).filter((r) => r.startsWith('US-'));
  const multistate = IncidentFacts.parse({
    awareAt: '2026-05-22T22:00:00Z',
    determinedAt: '2026-05-22T22:00:00Z',
    entity: { name: 'Example Inc.', country: 'US' },
    affected: regions.map((region) => ({ country: 'US', region, count: 2000 })),
    dataCategories: ['name', 'government-id', 'financial'],
    encrypted: false,
    risk: 'high',
  });
  const multi = timeEach(
    Array.from({ length: 500 }, () => multistate),
    (f) => assess(f, rules, holidays),
  );
  const multiMedianMs = percentile(multi, 0.5) / 1000;
  const baselineMedianUs = percentile(base, 0.5);
  return {
    factSets: n,
    regimes: rules.regimes.length,
    ruleSet: rules.version,
    meanObligationsPerAssessment: +(obligations / n).toFixed(2),
    medianUs: +medianUs.toFixed(2),
    p99Us: +percentile(us, 0.99).toFixed(2),
    maxUs: +us[us.length - 1].toFixed(2),
    baseline: 'JSON round trip of the same facts',
    baselineMedianUs: +baselineMedianUs.toFixed(2),
    ratioToBaseline: +(medianUs / baselineMedianUs).toFixed(2),
    multistate: {
      jurisdictions: regions.length,
      obligations: assess(multistate, rules, holidays).obligations.length,
      medianMs: +multiMedianMs.toFixed(3),
      p99Ms: +(percentile(multi, 0.99) / 1000).toFixed(3),
      targetMedianMs: 2,
      meetsTarget: multiMedianMs < 2,
    },
    targetMedianUs: 200,
    meetsTarget: medianUs < 200,
  };
}
