/**
 * Obligations grouped by jurisdiction, soonest first, one line each: how a multistate breach with
 * fifty notices stays readable ("Ohio: residents within 45 days — due 16 May 2026").
 */
import type { Obligation } from './obligation';

export interface JurisdictionSummary {
  jurisdiction: string;
  name: string;
  soonestDueAt: string | null;
  obligations: Obligation[];
  line: string;
}

/** Soonest due first, obligations without a fixed deadline last; ties by id. */
export const byDue = (a: Obligation, b: Obligation) =>
  (a.dueAt ?? '~') < (b.dueAt ?? '~')
    ? -1
    : (a.dueAt ?? '~') > (b.dueAt ?? '~')
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** "16 May 2026" in UTC; the table beside it gives the exact instant. */
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function what(o: Obligation): string {
  const who = o.recipientName ?? o.key ?? o.recipient;
  return o.dueAt ? `${who} due ${day(o.dueAt)}` : `${who} without a fixed deadline`;
}

export function summarizeByJurisdiction(
  obligations: readonly Obligation[],
  nameOf: (code: string) => string = (c) => c,
): JurisdictionSummary[] {
  const groups = new Map<string, Obligation[]>();
  for (const o of [...obligations].sort(byDue)) groups.set(o.jurisdiction, [...(groups.get(o.jurisdiction) ?? []), o]);
  return [...groups]
    .map(([jurisdiction, list]) => {
      const name = nameOf(jurisdiction);
      return {
        jurisdiction,
        name,
        soonestDueAt: list[0].dueAt,
        obligations: list,
        line: `${name}: ${list.map(what).join('; ')}`,
      };
    })
    .sort((a, b) =>
      (a.soonestDueAt ?? '~') < (b.soonestDueAt ?? '~')
        ? -1
        : (a.soonestDueAt ?? '~') > (b.soonestDueAt ?? '~')
          ? 1
          : a.jurisdiction.localeCompare(b.jurisdiction),
    );
}
