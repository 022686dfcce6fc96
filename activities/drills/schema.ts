/**
 * DDL for drills (migration 3): one row per drill run. The participants are the only addresses a
 * drill incident's messages may go to; the send activities read them from here, not from the
 * workflow, so no workflow input can widen them.
 */
export const DRILL_SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE drill_runs (
    incident_id  text        PRIMARY KEY CHECK (incident_id LIKE 'DRILL-%'),
    drill_id     text        NOT NULL,
    plan_id      text        NOT NULL,
    scenario_id  text        NOT NULL,
    participants jsonb       NOT NULL,
    stand_in     text        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    report       jsonb
  )`,
  `CREATE INDEX drill_runs_plan ON drill_runs (plan_id, started_at)`,
];
