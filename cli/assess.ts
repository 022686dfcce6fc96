import { readFileSync } from 'node:fs';
import { jurisdictionName } from '../activities/notices/context-builder';
import { byDue, summarizeByJurisdiction } from '../domain/obligation-summary';
import { IncidentFacts } from '../domain/facts';
import type { Assessment } from '../domain/obligation';
import { assess } from '../domain/rules/evaluate';
import type { RuleSet } from '../domain/rules/schema';
import { createHolidayCalendar } from '../activities/rules/holidays';
import { loadRuleSet } from '../activities/rules/load';
import { table } from './table';

export class UsageError extends Error {
  override name = 'UsageError';
}
/** Invalid input: exit code 2, each bad field on stderr. */
export class InvalidInput extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
    this.name = 'InvalidInput';
  }
}

export function readFacts(path: string): IncidentFacts {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InvalidInput([`${path}: ${(err as Error).message}`]);
  }
  const parsed = IncidentFacts.safeParse(json);
  if (!parsed.success)
    throw new InvalidInput(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

export function runAssessment(facts: IncidentFacts, rules: RuleSet = loadRuleSet()): Assessment {
  return assess(facts, rules, createHolidayCalendar());
}

/** Above this many obligations the table is grouped by jurisdiction, with a one-line summary each. */
const GROUP_ABOVE = 10;

export function formatAssessment(a: Assessment): string {
  const groups = summarizeByJurisdiction(a.obligations, (code) => jurisdictionName(code, 'en'));
  const grouped = a.obligations.length > GROUP_ABOVE && groups.length > 1;
  const rows = grouped ? groups.flatMap((g) => g.obligations) : [...a.obligations].sort(byDue);
  const body = rows.map((o) => [
    o.dueAt ? o.dueAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : 'no fixed deadline',
    o.regime,
    o.recipient + (o.stage ? ` (${o.stage})` : ''),
    o.jurisdiction,
    o.deadline.length > 48 ? `${o.deadline.slice(0, 47)}…` : o.deadline,
    o.citation + (o.unverified ? ' [unverified]' : ''),
  ]);
  const head = ['due (UTC)', 'regime', 'recipient', 'where', 'deadline', 'citation'];
  const summary = `${a.obligations.length} obligation${a.obligations.length === 1 ? '' : 's'} (rule set ${a.ruleSet})`;
  if (!a.obligations.length) return `no notification obligations (rule set ${a.ruleSet})\n`;
  const overview = grouped ? `By jurisdiction, soonest first:\n${groups.map((g) => `  ${g.line}`).join('\n')}\n\n` : '';
  return `${overview}${table(head, body)}\n${summary}\n`;
}
