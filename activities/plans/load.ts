import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Plan } from '../../domain/plan';
import { checkPlanWording } from '../notices/plan-wording';
import { createWordingStore, DEFAULT_LOCALES_DIR, DEFAULT_TEMPLATES_DIR, defaultWordingStore } from '../notices/wording';

export const PLANS_DIR = join(__dirname, '..', '..', 'plans');

export class PlanNotFoundError extends Error {
  constructor(readonly planId: string) {
    super(`plan "${planId}" not found under ${PLANS_DIR}`);
    this.name = 'PlanNotFoundError';
  }
}

/**
 * Reads and validates plans/<id>/plan.json, and the plan's own wording where it has any
 * (plans/<id>/locales, plans/<id>/templates); a bad plan names the file and the field.
 */
export function loadPlan(planId: string, dir: string = PLANS_DIR): Plan {
  if (!/^[a-z0-9-]+$/.test(planId)) throw new PlanNotFoundError(planId);
  const path = join(dir, planId, 'plan.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new PlanNotFoundError(planId);
  }
  const parsed = Plan.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (existsSync(join(dir, planId, 'locales')) || existsSync(join(dir, planId, 'templates'))) {
    checkPlanWording(planId, dir === PLANS_DIR ? defaultWordingStore()
      : createWordingStore({ templatesDir: DEFAULT_TEMPLATES_DIR, localesDir: DEFAULT_LOCALES_DIR, plansDir: dir }));
  }
  return parsed.data;
}
