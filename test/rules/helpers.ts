/** Worked-case helpers: assess facts against one regime's rule file only. */
import { IncidentFacts, type IncidentFactsInput } from '../../domain/facts';
import type { Assessment, Obligation } from '../../domain/obligation';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';

export function regime(id: string) {
  const r = ruleSet.regimes.find((x) => x.regime === id);
  if (!r) throw new Error(`no rules/${id}.json loaded`);
  return r;
}

/** Obligations of one regime for the given facts (parsed with the real schema, defaults applied). */
export function obligationsOf(id: string, facts: IncidentFactsInput, delivered: Record<string, string> = {}): Obligation[] {
  return assess(IncidentFacts.parse(facts), { version: 'test', regimes: [regime(id)] }, { holidays, delivered }).obligations;
}

export function byId(obligations: Obligation[]): Record<string, Obligation> {
  return Object.fromEntries(obligations.map((o) => [o.id, o]));
}

/** The whole assessment (obligations, conditional obligations, upcoming rules) over several regimes. */
export function assessmentOf(
  ids: string[],
  facts: IncidentFactsInput,
  delivered: Record<string, string> = {},
): Assessment {
  return assess(IncidentFacts.parse(facts), { version: 'test', regimes: ids.map(regime) }, { holidays, delivered });
}
