import type { RuleSet } from '../domain/rules/schema';
import { table } from './table';

/** Regimes, versions, citations and the points still marked unverified. */
export function formatRules(rules: RuleSet): string {
  const rows = rules.regimes.map((r) => [
    r.regime,
    r.lastChecked,
    String(r.obligations.length),
    String(r.obligations.filter((o) => o.unverified).length),
    [...new Set(r.obligations.map((o) => o.citation))].join('; '),
  ]);
  const unverified = rules.regimes.flatMap((r) =>
    r.obligations.filter((o) => o.unverified).map((o) => `  ${r.regime}:${o.key}: ${o.note ?? '(no note)'}`),
  );
  return (
    `rule set ${rules.version}\n${table(['regime', 'checked', 'rules', 'unverified', 'citations'], rows)}\n` +
    (unverified.length ? `\nunverified points:\n${unverified.join('\n')}\n` : '')
  );
}
