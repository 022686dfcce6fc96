/**
 * DDL for retention (migration 6): what stays of a person once their data has done its job.
 *
 * - `recipients` gains `address_hash` (HMAC-SHA256 of the address under the incident's salt),
 *   `erased_at` (name and address replaced by the hash, in one statement per batch) and
 *   `files_erased_at` (their outbox copies deleted). A CHECK makes "half a person" impossible:
 *   a row is either whole (address, no hash) or erased (no name, no address, a hash).
 * - `retention_salts`: one random salt per incident, kept so an auditor holding an address can
 *   check it was among the people told (the salt lives in the store, never in the ledger).
 * - `retention_erased_files`: each outbox file destroyed, with the SHA-256 of its bytes, written
 *   before the file is unlinked so a crash in between is finished by the next attempt.
 */
export const RETENTION_SCHEMA_STATEMENTS: readonly string[] = [
  `ALTER TABLE recipients ALTER COLUMN email DROP NOT NULL`,
  `ALTER TABLE recipients ADD COLUMN address_hash text`,
  `ALTER TABLE recipients ADD COLUMN erased_at timestamptz`,
  `ALTER TABLE recipients ADD COLUMN files_erased_at timestamptz`,
  `ALTER TABLE recipients ADD CONSTRAINT recipients_whole_or_erased CHECK (
     (erased_at IS NULL AND email IS NOT NULL AND address_hash IS NULL)
     OR (erased_at IS NOT NULL AND email IS NULL AND name IS NULL AND address_hash IS NOT NULL))`,
  `CREATE INDEX recipients_to_erase ON recipients (incident_id, id) WHERE erased_at IS NULL`,
  `CREATE INDEX recipients_files_to_erase ON recipients (incident_id, id) WHERE files_erased_at IS NULL`,
  `CREATE TABLE retention_salts (
    incident_id text        PRIMARY KEY,
    salt        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE retention_erased_files (
    incident_id  text        NOT NULL,
    file_name    text        NOT NULL,
    recipient_id bigint      NOT NULL,
    content_hash text        NOT NULL,
    bytes        bigint      NOT NULL,
    erased_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, file_name)
  )`,
];
