import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegimeRules, type RuleSet } from '../../domain/rules/schema';

export class RuleFileError extends Error {
  constructor(readonly file: string, readonly issues: string[]) {
    super(`${file}: ${issues.join('; ')}`);
    this.name = 'RuleFileError';
  }
}

export const RULES_DIR = join(__dirname, '..', '..', 'rules');

/**
 * Loads and validates every `rules/*.json`. The rule-set version is a hash of the files' bytes,
 * so an assessment records exactly which rules decided it.
 */
export function loadRuleSet(dir: string = RULES_DIR): RuleSet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const hash = createHash('sha256');
  const regimes = files.map((f) => {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    hash.update(f).update('\0').update(text).update('\0');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new RuleFileError(path, [`not valid JSON: ${(e as Error).message}`]);
    }
    const parsed = RegimeRules.safeParse(json);
    if (!parsed.success) {
      throw new RuleFileError(path, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
    }
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const r of regimes) {
    if (seen.has(r.regime)) throw new RuleFileError(dir, [`regime "${r.regime}" defined twice`]);
    seen.add(r.regime);
  }
  return { version: `rules-${hash.digest('hex').slice(0, 12)}`, regimes };
}
