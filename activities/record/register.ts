/**
 * The breach register: one row per incident, notified or not (GDPR Art. 33(5) and its equivalents),
 * drills excluded. Each row is read from the incident's record, so the register and the record never
 * disagree.
 */
import { isDrillIncident } from '../../domain/drill';
import type { Ledger } from '../ledger/ledger';
import { buildIncidentRecord, type IncidentRecordDeps } from './incident-record';
import { BreachRegister, type IncidentRecord, type RegisterRow } from './schema';

export interface BreachRegisterDeps extends IncidentRecordDeps {
  ledger: Pick<Ledger, 'list' | 'verifyIncident' | 'incidentIds'>;
}

export async function buildBreachRegister(deps: BreachRegisterDeps): Promise<BreachRegister> {
  const now = (deps.now ?? (() => new Date()))();
  const ids = (await deps.ledger.incidentIds()).filter((id) => !isDrillIncident(id));
  const rows: RegisterRow[] = [];
  for (const id of ids) rows.push(registerRow(await buildIncidentRecord({ ...deps, now: () => now }, id)));
  return BreachRegister.parse({ generatedAt: now.toISOString(), rows });
}

export function registerRow(r: IncidentRecord): RegisterRow {
  const s = r.summary;
  return {
    incidentId: r.incidentId,
    title: r.title,
    phase: r.phase,
    awareAt: r.dates.awareAt,
    reportedAt: r.dates.reportedAt,
    containedAt: r.dates.containedAt,
    closedAt: r.dates.closedAt,
    nature: s.nature,
    dataCategories: s.dataCategories,
    subjectCategories: s.subjectCategories,
    peopleAffected: s.peopleAffected,
    recordsAffected: s.recordsAffected,
    countries: s.countries,
    risk: s.risk,
    encrypted: s.encrypted,
    consequences: s.consequences,
    measures: s.measures,
    notified: r.notices.some((n) => n.delivery !== null),
    obligations: r.obligations.map((o) => ({
      id: o.id,
      recipient: o.recipient,
      legalDueAt: o.legalDueAt,
      deliveredAt: o.deliveredAt,
      outcome: o.outcome,
      reason: o.reason,
    })),
    noNoticeReasons: r.noNoticeReasons,
    chainOk: r.chain.ok,
  };
}

const COLUMNS: [string, (r: RegisterRow) => string][] = [
  ['incident', (r) => r.incidentId],
  ['title', (r) => r.title ?? ''],
  ['phase', (r) => r.phase ?? ''],
  ['aware at', (r) => r.awareAt ?? ''],
  ['reported at', (r) => r.reportedAt ?? ''],
  ['contained at', (r) => r.containedAt ?? ''],
  ['closed at', (r) => r.closedAt ?? ''],
  ['nature', (r) => r.nature ?? ''],
  ['data categories', (r) => r.dataCategories.join('; ')],
  ['categories of people', (r) => r.subjectCategories.join('; ')],
  ['people affected (approx.)', (r) => (r.peopleAffected ?? '').toString()],
  ['records affected (approx.)', (r) => (r.recordsAffected ?? '').toString()],
  ['countries', (r) => r.countries.join('; ')],
  ['risk', (r) => r.risk ?? ''],
  ['encrypted', (r) => (r.encrypted === null ? '' : r.encrypted ? 'yes' : 'no')],
  ['likely consequences', (r) => r.consequences ?? ''],
  ['measures taken', (r) => r.measures ?? ''],
  ['notified', (r) => (r.notified ? 'yes' : 'no')],
  [
    'obligations (outcome)',
    (r) =>
      r.obligations
        .map(
          (o) =>
            `${o.id}: ${o.outcome}${o.deliveredAt ? ` ${o.deliveredAt}` : ''}${o.legalDueAt ? ` (due ${o.legalDueAt})` : ''}${o.reason ? ` - ${o.reason}` : ''}`,
        )
        .join('; '),
  ],
  ['why no notice', (r) => r.noNoticeReasons.join(' ')],
  ['ledger chain intact', (r) => (r.chainOk ? 'yes' : 'NO')],
];

/**
 * RFC 4180: CRLF line ends, every field quoted, quotes doubled. A cell a spreadsheet would read as a
 * formula (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function breachRegisterCsv(register: BreachRegister): string {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(',')];
  for (const row of register.rows) lines.push(COLUMNS.map(([, f]) => csvCell(f(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
