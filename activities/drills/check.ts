/** The one check of a drill's definition, used when it is scheduled and again when a run registers. */
import type { Scenario } from '../../domain/drill';
import type { Plan } from '../../domain/plan';
import { loadScenario } from './scenarios';

export interface DrillDefinition {
  planId: string;
  scenarioId: string;
  participants: string[];
  standIn?: string;
}

/** Throws with the reason when the plan or scenario does not load or a participant is not one of the plan's people. */
export function checkDrill(
  d: DrillDefinition,
  plans: (id: string) => Plan,
  scenarios: (planId: string, id: string) => Scenario = loadScenario,
): void {
  const plan = plans(d.planId);
  scenarios(plan.id, d.scenarioId);
  const people = new Set(plan.people.map((p) => p.email.toLowerCase()));
  const strangers = [...d.participants, ...(d.standIn ? [d.standIn] : [])].filter((p) => !people.has(p.toLowerCase()));
  if (strangers.length)
    throw new Error(
      `drill participants must be people of plan "${plan.id}": ${strangers.join(', ')} ${strangers.length > 1 ? 'are' : 'is'} not`,
    );
}
