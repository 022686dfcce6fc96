/**
 * Why no notice was given, where none was (GDPR Art. 33(5): the controller documents every breach,
 * including the reasons for not notifying). The organisation's own recorded reasons come first
 * (`ledger record --action no-notice-reason --payload '{"reason": "…"}'`); the rest are read from
 * the facts the last assessment was made on.
 */
import { OUTSIDE_PREFIX } from './outside';
import type { FactsSummary } from './schema';

export const NO_NOTICE_ACTION = `${OUTSIDE_PREFIX}no-notice-reason`;

export interface NoNoticeInput {
  summary: FactsSummary;
  ruleSet: string | null;
  /** Obligations of the last assessment. */
  applied: { id: string; legalDueAt: string | null }[];
  delivered: number;
  withdrawn: { id: string; reason: string | null }[];
  /** Reasons people recorded, already phrased with who and when. */
  recorded: string[];
}

export function noNoticeReasons(i: NoNoticeInput): string[] {
  if (i.delivered > 0) return [];
  const reasons = [...i.recorded];
  if (i.applied.length === 0) {
    const s = i.summary;
    reasons.push(
      `No rule of ${i.ruleSet ? `rule set ${i.ruleSet}` : 'the rule set'} required a notice for the facts as assessed.`,
    );
    if (s.risk === 'unlikely')
      reasons.push(
        'Risk assessed as unlikely to result in a risk to the rights and freedoms of people: below the threshold for notifying the authority (e.g. GDPR Art. 33(1)) and the people affected.',
      );
    if (s.encrypted)
      reasons.push(
        'The data was encrypted: the encryption exception applies (e.g. GDPR Art. 34(3)(a) and the US state safe harbours).',
      );
    if (s.peopleAffected === 0) reasons.push('No affected people were recorded.');
    if (s.risk !== 'unlikely' && !s.encrypted && s.peopleAffected !== 0)
      reasons.push(
        'Below the thresholds of the regimes for these jurisdictions, sectors and data categories (no risk-of-harm, encryption or size exception recorded).',
      );
  } else {
    const due = i.applied.map((o) => `${o.id}${o.legalDueAt ? ` (legal due ${o.legalDueAt})` : ''}`).join(', ');
    reasons.push(`Notices are required but none has been delivered yet: ${due}.`);
  }
  for (const w of i.withdrawn)
    reasons.push(`${w.id} was withdrawn as no longer required${w.reason ? ` (${w.reason})` : ''}.`);
  return reasons;
}
