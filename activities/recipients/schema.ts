/**
 * DDL for mass notification (migration 2). Recipient PII lives only here, never in workflow
 * history: workflows hold incident and notice ids, counts and cursors.
 *
 * - `recipients`: the affected people of an incident, imported from CSV; one row per address.
 * - `deliveries`: one row per (notice, recipient) with its state and evidence. `sent` and
 *   `failed-permanent` and `cancelled` are final; `pending` and `failed-temporary` are not.
 */
export const DELIVERY_STATES = ['pending', 'sent', 'failed-temporary', 'failed-permanent', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const RECIPIENT_SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE recipients (
    id          bigserial   PRIMARY KEY,
    incident_id text        NOT NULL,
    email       text        NOT NULL,
    name        text,
    locale      text        NOT NULL DEFAULT 'en',
    country     text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region      text        CHECK (region IS NULL OR region ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
    source_line integer,
    imported_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (incident_id, email)
  )`,
  `CREATE TABLE deliveries (
    incident_id      text        NOT NULL,
    notice_id        text        NOT NULL,
    recipient_id     bigint      NOT NULL REFERENCES recipients(id),
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed-temporary', 'failed-permanent', 'cancelled')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    message_id       text,
    smtp_response    text,
    sent_at          timestamptz,
    template_version text,
    locale           text,
    content_hash     text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, notice_id, recipient_id)
  )`,
  // The next batch is "open deliveries after the cursor, in recipient order": an ordered index scan.
  `CREATE INDEX deliveries_open ON deliveries (incident_id, notice_id, recipient_id)
     WHERE status IN ('pending', 'failed-temporary')`,
];
