/**
 * DDL for letters (migration 5): one letter per person per incident, however many obligations
 * cover them. No personal data here: people are ids into `recipients`.
 *
 * - `letters`: one row per letter a person is sent. `seq` 1 is the letter; 2 and on are
 *   supplementary letters, each carrying only obligations the earlier ones did not
 *   (`covered_before`). `notice_ids` are the obligations (notice ids) the letter satisfies, sorted.
 *   The evidence of the message (Message-ID, SMTP reply, content hash) is written here and, for
 *   each obligation it satisfies, on that obligation's row in `deliveries` (`letter_seq` says
 *   which letter), so every obligation's evidence points to the same message.
 * - `coverage_decisions`: a manager's decision about a person no obligation covers (told under
 *   an obligation anyway, or told nothing), recorded in the ledger too.
 */
export const LETTER_STATES = ['pending', 'sent', 'failed-temporary', 'failed-permanent', 'cancelled'] as const;

export const LETTER_SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE letters (
    incident_id      text        NOT NULL,
    recipient_id     bigint      NOT NULL,
    seq              integer     NOT NULL CHECK (seq >= 1),
    notice_ids       text[]      NOT NULL CHECK (cardinality(notice_ids) >= 1),
    covered_before   text[]      NOT NULL DEFAULT '{}',
    round            text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed-temporary', 'failed-permanent', 'cancelled')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    message_id       text,
    smtp_response    text,
    sent_at          timestamptz,
    template_version text,
    variant_hash     text,
    locale           text,
    content_hash     text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, recipient_id, seq)
  )`,
  // A round's next batch: its open letters after the cursor, in recipient order.
  `CREATE INDEX letters_open ON letters (incident_id, round, recipient_id)
     WHERE status IN ('pending', 'failed-temporary')`,
  `ALTER TABLE deliveries ADD COLUMN letter_seq integer`,
  `CREATE TABLE coverage_decisions (
    incident_id  text        NOT NULL,
    recipient_id bigint      NOT NULL,
    decision     text        NOT NULL CHECK (decision IN ('notify', 'do-not-notify')),
    notice_id    text,
    decided_by   text        NOT NULL,
    reason       text        NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, recipient_id),
    CHECK ((decision = 'notify') = (notice_id IS NOT NULL))
  )`,
];
