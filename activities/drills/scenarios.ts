/** Drill scenarios: plans/<plan>/scenarios/<id>.json, validated at load (a bad file names file and field). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario } from '../../domain/drill';
import { PLANS_DIR } from '../plans/load';

export class ScenarioNotFoundError extends Error {
  constructor(
    readonly planId: string,
    readonly scenarioId: string,
  ) {
    super(`scenario "${scenarioId}" not found for plan "${planId}" (plans/${planId}/scenarios/${scenarioId}.json)`);
    this.name = 'ScenarioNotFoundError';
  }
}

export function loadScenario(planId: string, scenarioId: string, dir: string = PLANS_DIR): Scenario {
  if (!/^[a-z0-9-]+$/.test(planId) || !/^[a-z0-9-]+$/.test(scenarioId))
    throw new ScenarioNotFoundError(planId, scenarioId);
  const path = join(dir, planId, 'scenarios', `${scenarioId}.json`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScenarioNotFoundError(planId, scenarioId);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  if (parsed.data.id !== scenarioId) throw new Error(`${path}: id: "${parsed.data.id}" does not match the file name`);
  return parsed.data;
}

/** Every scenario of a plan, validated (one bad file fails the lot, naming it). */
export function listScenarios(planId: string, dir: string = PLANS_DIR): Scenario[] {
  let files: string[];
  try {
    files = readdirSync(join(dir, planId, 'scenarios'))
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => loadScenario(planId, f.slice(0, -'.json'.length), dir));
}
