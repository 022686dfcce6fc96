/**
 * A plan's own wording (plans/<plan>/locales/<locale>.json, plans/<plan>/templates/wording/<regime>.json,
 * plans/<plan>/templates/layouts/<layout>/<part>.hbs), checked as a whole when the plan is loaded:
 * every file must validate merged over the repository's, every rule obligation must still have
 * its words in every locale, and every layout must compile. What the notices then say is checked
 * per draft by the required-content check, so an override cannot drop an element the law requires.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../rules/load';
import { deriveKinds } from './kinds';
import { createEnvironment } from './render-helpers';
import { defaultWordingStore, LAYOUT_PARTS, type WordingStore } from './wording';

const dirs = (p: string): string[] =>
  existsSync(p)
    ? readdirSync(p, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
const files = (p: string, ext: string): string[] =>
  existsSync(p)
    ? readdirSync(p)
        .filter((f) => f.endsWith(ext))
        .map((f) => f.slice(0, -ext.length))
    : [];

/** Throws, naming the file and the field, when the plan's own wording is not usable. */
export function checkPlanWording(plan: string, store: WordingStore = defaultWordingStore()): void {
  const root = path.join(store.dirs.plansDir, plan);
  const w = store.forPlan(plan);
  for (const locale of w.locales()) w.catalogue(locale);
  const rules = loadRuleSet();
  for (const regime of files(path.join(root, 'templates', 'wording'), '.json')) {
    if (regime.startsWith('_')) continue;
    const r = rules.regimes.find((x) => x.regime === regime);
    if (!r)
      throw new Error(
        `${path.join(root, 'templates', 'wording', `${regime}.json`)}: no rules/${regime}.json for this wording`,
      );
    for (const o of r.obligations) w.kind(regime, o.key, o.recipient);
  }
  const kinds = deriveKinds(rules, w);
  const env = createEnvironment();
  const layouts = new Set([...dirs(path.join(root, 'templates', 'layouts')), ...kinds.map((k) => k.layout)]);
  for (const name of layouts) {
    for (const part of LAYOUT_PARTS) {
      const { file, source } = w.layout(name, part);
      env.compileChecked(source, part, file);
    }
  }
}
