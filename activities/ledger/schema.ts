/**
 * DDL for the accountability ledger (applied by migration 1 in activities/store/migrate.ts).
 *
 * Column names are a contract: auditors query this table directly. See ./README.md.
 */
export const LEDGER_TABLE = 'ledger_entries';
export const LEDGER_APPEND_ONLY_TRIGGER = 'ledger_entries_append_only';
export const LEDGER_NO_TRUNCATE_TRIGGER = 'ledger_entries_no_truncate';

export const LEDGER_SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE ledger_entries (
    seq         bigint      PRIMARY KEY CHECK (seq >= 1),
    event_id    text        NOT NULL UNIQUE CHECK (event_id <> ''),
    incident_id text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    payload     jsonb       NOT NULL,
    prev_hash   text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
  )`,
  `CREATE INDEX ledger_entries_incident_seq_idx ON ledger_entries (incident_id, seq)`,
  `CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     RAISE EXCEPTION 'ledger_entries is append-only: % refused', TG_OP
       USING HINT = 'Ledger rows can only be inserted. See activities/ledger/README.md.';
   END
   $fn$`,
  `CREATE TRIGGER ${LEDGER_APPEND_ONLY_TRIGGER} BEFORE UPDATE OR DELETE ON ledger_entries
     FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change()`,
  `CREATE TRIGGER ${LEDGER_NO_TRUNCATE_TRIGGER} BEFORE TRUNCATE ON ledger_entries
     FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change()`,
  `COMMENT ON TABLE ledger_entries IS 'Tamper-evident, append-only accountability ledger. hash = sha256(canonical JSON of the row); prev_hash = hash of seq-1. See activities/ledger/README.md.'`,
];
