/** Helpers for the record tests: a store with a ledger, synthetic incidents, and tampering as an attacker would. */
import { LEDGER_APPEND_ONLY_TRIGGER } from '../../activities/ledger/schema';
import { createLedger, type Ledger, type LedgerEntry } from '../../activities/ledger/ledger';
import type { Db } from '../../activities/store/db';
import { openTestDatabase } from '../store/template';

/** What an attacker with DDL rights does: switch the append-only trigger off, edit, switch it back. */
export async function tamper(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.query(`ALTER TABLE ledger_entries DISABLE TRIGGER ${LEDGER_APPEND_ONLY_TRIGGER}`);
  try {
    await db.query(sql, params);
  } finally {
    await db.query(`ALTER TABLE ledger_entries ENABLE TRIGGER ${LEDGER_APPEND_ONLY_TRIGGER}`);
  }
}

export async function openLedger(): Promise<{ db: Db; ledger: Ledger }> {
  const db = await openTestDatabase();
  return { db, ledger: createLedger(db) };
}

let n = 0;
/** Appends steps of an incident as the workflow would record them (actor "system" unless given). */
export async function appendSteps(
  ledger: Ledger,
  incidentId: string,
  steps: { action: string; at: string; actor?: string; payload?: Record<string, unknown> }[],
): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for (const s of steps) {
    n += 1;
    out.push(
      await ledger.append({
        eventId: `${incidentId}:test:${n}`,
        incidentId,
        at: s.at,
        actor: s.actor ?? 'system',
        action: s.action,
        payload: s.payload ?? {},
      }),
    );
  }
  return out;
}

/** A small incident that no law required notifying: risk unlikely, one assessment with no obligations. */
export function unnotifiedIncident(title: string, awareAt = '2026-03-01T08:00:00.000Z') {
  return [
    {
      action: 'incident.reported',
      at: awareAt,
      actor: 'rita',
      payload: {
        role: 'responder',
        title,
        planId: 'default',
        planVersion: '2026-11-26',
        facts: {
          awareAt,
          entity: { name: 'Beispiel GmbH', country: 'DE', sectors: [] },
          affected: [{ country: 'DE', count: 5 }],
          dataCategories: ['name'],
          encrypted: false,
          risk: 'unlikely',
          nature: 'A mail with five names went to the wrong colleague.',
        },
      },
    },
    {
      action: 'obligations.assessed',
      at: awareAt,
      payload: { reason: 'initial assessment', ruleSet: 'rules@test', obligations: [], added: [], withdrawn: [] },
    },
    { action: 'phase.changed', at: awareAt, payload: { from: 'triage', to: 'containment' } },
  ];
}
