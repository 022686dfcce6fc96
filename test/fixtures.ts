import { IncidentFacts, type IncidentFactsInput } from '../domain/facts';
import { loadRuleSet } from '../activities/rules/load';
import { createHolidayCalendar } from '../activities/rules/holidays';

export const ruleSet = loadRuleSet();
export const holidays = createHolidayCalendar();

/** A German controller, 1,200 people in Germany and France, contact data, risk to them. */
export function facts(over: Partial<IncidentFactsInput> = {}): IncidentFacts {
  return IncidentFacts.parse({
    awareAt: '2026-03-02T09:15:00Z',
    entity: { name: 'Beispiel GmbH', country: 'DE', sectors: [] },
    affected: [
      { country: 'DE', count: 1000 },
      { country: 'FR', count: 200 },
    ],
    dataCategories: ['name', 'contact'],
    encrypted: false,
    risk: 'risk',
    ...over,
  });
}
