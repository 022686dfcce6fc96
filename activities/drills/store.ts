/** Drill runs in the store: who takes part, and the scored report once the drill is over. */
import type { Queryable } from '../store/db';
import type { DrillReport } from '../../domain/drill-score';

export interface DrillRun {
  incidentId: string;
  drillId: string;
  planId: string;
  scenarioId: string;
  participants: string[];
  standIn: string;
  startedAt: string;
  finishedAt: string | null;
  report: DrillReport | null;
}

interface Row {
  incident_id: string;
  drill_id: string;
  plan_id: string;
  scenario_id: string;
  participants: string[] | string;
  stand_in: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  report: DrillReport | string | null;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: Date | string) => new Date(v).toISOString();

function fromRow(r: Row): DrillRun {
  return {
    incidentId: r.incident_id,
    drillId: r.drill_id,
    planId: r.plan_id,
    scenarioId: r.scenario_id,
    participants: json(r.participants),
    standIn: r.stand_in,
    startedAt: iso(r.started_at),
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
    report: r.report ? json(r.report) : null,
  };
}

export function createDrillStore(db: Queryable) {
  return {
    /** Idempotent: a retried registration of the same run changes nothing. */
    async register(run: Omit<DrillRun, 'finishedAt' | 'report'>): Promise<void> {
      await db.query(
        `INSERT INTO drill_runs (incident_id, drill_id, plan_id, scenario_id, participants, stand_in, started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (incident_id) DO NOTHING`,
        [
          run.incidentId,
          run.drillId,
          run.planId,
          run.scenarioId,
          JSON.stringify(run.participants),
          run.standIn,
          run.startedAt,
        ],
      );
    },
    async get(incidentId: string): Promise<DrillRun | undefined> {
      const { rows } = await db.query<Row>('SELECT * FROM drill_runs WHERE incident_id = $1', [incidentId]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async saveReport(incidentId: string, report: DrillReport): Promise<void> {
      await db.query('UPDATE drill_runs SET report = $2, finished_at = $3 WHERE incident_id = $1', [
        incidentId,
        JSON.stringify(report),
        report.finishedAt,
      ]);
    },
    /** Runs, newest first, of one drill or of every drill of a plan. */
    async list(filter: { drillId?: string; planId?: string }, limit = 50): Promise<DrillRun[]> {
      const { rows } = await db.query<Row>(
        `SELECT * FROM drill_runs WHERE ($1::text IS NULL OR drill_id = $1) AND ($2::text IS NULL OR plan_id = $2)
         ORDER BY started_at DESC LIMIT $3`,
        [filter.drillId ?? null, filter.planId ?? null, limit],
      );
      return rows.map(fromRow);
    },
  };
}
export type DrillStore = ReturnType<typeof createDrillStore>;
