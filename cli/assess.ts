import { readFileSync } from 'node:fs';
import { jurisdictionName } from '../activities/notices/context-builder';
import { byDue, summarizeByJurisdiction } from '../domain/obligation-summary';
import { IncidentFacts } from '../domain/facts';
import type { Assessment, Obligation } from '../domain/obligation';
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

const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
/** "2026-12-01 17:30 America/New_York": the recipient's wall clock beside UTC. */
const local = (o: Obligation) =>
  o.dueAtLocal && o.timeZone ? `${o.dueAtLocal.slice(0, 16).replace('T', ' ')} ${o.timeZone}` : '';
const who = (o: { recipient: string; recipientName?: string; stage?: string }) =>
  (o.recipientName ?? o.recipient) + (o.stage ? ` (${o.stage})` : '');

export function formatAssessment(a: Assessment): string {
  const groups = summarizeByJurisdiction(a.obligations, (code) => jurisdictionName(code, 'en'));
  const grouped = a.obligations.length > GROUP_ABOVE && groups.length > 1;
  const rows = grouped ? groups.flatMap((g) => g.obligations) : [...a.obligations].sort(byDue);
  const body = rows.map((o) => [
    o.dueAt ? utc(o.dueAt) : 'no fixed deadline',
    local(o),
    o.regime,
    who(o),
    o.jurisdiction,
    o.deadline.length > 48 ? `${o.deadline.slice(0, 47)}…` : o.deadline,
    o.citation + (o.unverified ? ' [unverified]' : ''),
  ]);
  const head = ['due (UTC)', "due (recipient's time)", 'regime', 'recipient', 'where', 'deadline', 'citation'];
  const summary = `${a.obligations.length} obligation${a.obligations.length === 1 ? '' : 's'} (rule set ${a.ruleSet})`;
  const readings = rows.filter((o) => o.reading).map((o) => `  ${o.id}: ${o.reading}`);
  const conditional = (a.conditional ?? []).map(
    (c) => `  ${c.id} to ${who(c)}: only if ${c.trigger} (record ${c.fact}); then ${c.deadline} [${c.citation}]`,
  );
  const upcoming = (a.upcoming ?? []).map(
    (u) =>
      `  ${u.regime}:${u.key}:${u.jurisdiction} to ${u.recipientName ?? u.recipient}: from ${u.inForceFrom}, ${u.deadline} [${u.citation}]`,
  );
  const extra = [
    readings.length ? `\nReadings taken where the law is unclear:\n${readings.join('\n')}` : '',
    conditional.length ? `\nConditional (no clock until the event is recorded):\n${conditional.join('\n')}` : '',
    upcoming.length ? `\nNot yet in force, taking effect within a year:\n${upcoming.join('\n')}` : '',
  ].join('');
  if (!a.obligations.length)
    return `no notification obligations (rule set ${a.ruleSet})\n${extra ? `${extra.slice(1)}\n` : ''}`;
  const overview = grouped ? `By jurisdiction, soonest first:\n${groups.map((g) => `  ${g.line}`).join('\n')}\n\n` : '';
  return `${overview}${table(head, body)}\n${summary}\n${extra ? `${extra}\n` : ''}`;
}
