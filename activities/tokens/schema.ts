/**
 * DDL for API tokens (migration 4). Only the SHA-256 of a token is stored: a copy of the database
 * (or a backup) gives nobody a working token. One role per token, as an Actor has one role.
 */
export const TOKEN_SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE api_tokens (
    id          text        PRIMARY KEY CHECK (id ~ '^tok-[0-9a-f]{16}$'),
    token_hash  text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    person_id   text        NOT NULL CHECK (person_id <> ''),
    role        text        NOT NULL CHECK (role IN ('responder', 'manager', 'legal', 'auditor', 'admin')),
    label       text,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    revoked_at  timestamptz,
    revoked_by  text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
  )`,
];
