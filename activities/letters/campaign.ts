/**
 * Letters to the affected people: one per person per incident, satisfying every obligation that
 * covers them (composed in compose.ts), and a supplementary letter when an obligation is added
 * after their letter went. A round is one run of the notifyRecipients workflow in letters mode,
 * over the obligations approved so far. Workflows see only ids, cursors and counts.
 */
import type { DrillGuard } from '../drills/guard';
import type { Mailer, SendEvidence } from '../mail';
import { countByStatus, sendBatch } from '../mail/batch';
import type { NoticeRenderer } from '../notices';
import type { BatchResult, CampaignCounts } from '../recipients/campaign';
import { messageIdFor } from '../recipients/campaign';
import { audiencePairs } from '../recipients/coverage';
import type { Db } from '../store/db';
import { createLetterComposer, partsKey, type ComposedLetter, type LetterPart } from './compose';

/** An individuals obligation and whose people it covers (country or region codes, or '*'). */
export interface LetterNoticeRef {
  noticeId: string;
  audience: string[];
}

export interface LetterRoundKey {
  incidentId: string;
  /** The round's id (its workflow id). */
  round: string;
}

export interface PrepareLettersInput extends LetterRoundKey {
  /** Approved obligations: their letters can go. */
  ready: LetterNoticeRef[];
  /** Obligations not yet approved: a person any of them covers waits for its approval. */
  blocked: LetterNoticeRef[];
  /** People are prepared in windows of ids (short activities, flat memory): those after this id, at most `limit`. */
  afterRecipientId?: number;
  limit?: number;
}

export interface LetterRoundCounts extends CampaignCounts {
  /** People written to in this round (one letter each): `total`, said as what it is. */
  people: number;
  /** Letters that satisfy more than one obligation. */
  combined: number;
  /** Letters to people who had an earlier letter (only what is new). */
  supplementary: number;
}

/** Per obligation, across every round so far: people it covers and what happened to their letters. */
export interface LetterNoticeOutcome {
  noticeId: string;
  /** People the obligation covers (its audience, and people a manager added to it). */
  covered: number;
  sent: number;
  failedPermanent: number;
  cancelled: number;
  /** Letters still open (pending or failing temporarily). */
  open: number;
  /** Covered people with no letter yet: waiting for another obligation's approval. */
  waiting: number;
  /** Letters carrying it, and of those how many also satisfy another obligation, and supplementary ones. */
  letters: number;
  combined: number;
  supplementary: number;
  /** One message's evidence (the first sent), as a sample for the record. */
  sample: { messageId: string; contentHash: string } | null;
}

export interface LetterBatchInput extends LetterRoundKey {
  afterRecipientId: number;
  limit: number;
  /** Every approved obligation's notice (a supplementary letter reads what the earlier ones said). */
  parts: LetterPart[];
  from: string;
  replyTo?: string;
  ratePerSecond?: number;
  maxAttempts: number;
  concurrency?: number;
}

interface Row {
  recipient_id: number;
  seq: number;
  notice_ids: string[];
  covered_before: string[];
  attempts: number;
  email: string;
  locale: string;
}
interface Outcome {
  recipientId: number;
  seq: number;
  status: 'sent' | 'failed-temporary' | 'failed-permanent';
  attempts: number;
  error?: string;
  evidence?: SendEvidence;
  letter?: ComposedLetter;
}

/** Audiences flattened to (notice, code) pairs: SQL matches them against each person's country and region. */
function flatten(refs: { ref: LetterNoticeRef; ready: boolean }[]) {
  const { notice, code } = audiencePairs(refs.map((r) => r.ref));
  const ready = refs.flatMap((r) => r.ref.audience.map(() => r.ready));
  return { notice, code, ready };
}

/**
 * (person, obligation) pairs: the obligation's audience covers the person's country or region,
 * or a manager decided to tell a person no obligation covers under it. $1 incident, $2–$4 the
 * flattened audiences.
 */
const PAIRS = `aud AS (SELECT * FROM unnest($2::text[], $3::text[], $4::boolean[]) AS a(notice_id, code, ready)),
  pairs AS (
    SELECT r.id AS recipient_id, a.notice_id, a.ready
      FROM recipients r JOIN aud a ON a.code = '*' OR a.code = r.country OR a.code = r.region
     WHERE r.incident_id = $1 AND r.id > $6 AND r.id <= $7
    UNION
    SELECT d.recipient_id, d.notice_id, a.ready
      FROM coverage_decisions d JOIN (SELECT DISTINCT notice_id, ready FROM aud) a ON a.notice_id = d.notice_id
     WHERE d.incident_id = $1 AND d.decision = 'notify' AND d.recipient_id > $6 AND d.recipient_id <= $7
  )`;
/** Every id: $6 and $7 bound the people a statement looks at. */
const ALL_IDS = [0, Number.MAX_SAFE_INTEGER] as const;

export function createLetterCampaigns(db: Db, deps: { mailer: Mailer; renderer: NoticeRenderer; guard?: DrillGuard }) {
  const composer = createLetterComposer(deps.renderer);

  async function record(key: LetterRoundKey, outcomes: Outcome[], notices: string[]): Promise<void> {
    if (!outcomes.length) return;
    const col = <T>(f: (o: Outcome) => T) => outcomes.map(f);
    // One statement: the letter's state and evidence, and the same evidence on each obligation it satisfies.
    await db.query(
      `WITH v AS (
         SELECT * FROM unnest($2::bigint[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
                              $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS v(recipient_id, seq, status, attempts, error, message_id, response, sent_at, template_version,
                variant_hash, locale, content_hash)
       ), l AS (
         UPDATE letters l SET status = v.status, attempts = v.attempts, last_error = v.error, message_id = v.message_id,
           smtp_response = v.response, sent_at = v.sent_at, template_version = v.template_version,
           variant_hash = v.variant_hash, locale = v.locale, content_hash = v.content_hash, updated_at = now()
         FROM v WHERE l.incident_id = $1 AND l.recipient_id = v.recipient_id AND l.seq = v.seq AND l.status <> 'sent'
         RETURNING l.recipient_id
       )
       UPDATE deliveries d SET status = v.status, attempts = v.attempts, last_error = v.error, message_id = v.message_id,
         smtp_response = v.response, sent_at = v.sent_at, template_version = v.template_version, locale = v.locale,
         content_hash = v.content_hash, updated_at = now()
       FROM v, unnest($14::text[]) AS o(notice_id)
       WHERE d.incident_id = $1 AND d.notice_id = o.notice_id AND d.recipient_id = v.recipient_id AND d.letter_seq = v.seq
         AND d.status <> 'sent'`,
      [
        key.incidentId,
        col((o) => o.recipientId),
        col((o) => o.seq),
        col((o) => o.status),
        col((o) => o.attempts),
        col((o) => o.error ?? null),
        col((o) => o.evidence?.messageId ?? null),
        col((o) => o.evidence?.response ?? null),
        col((o) => o.evidence?.sentAt ?? null),
        col((o) => o.letter?.templateVersion ?? null),
        col((o) => o.letter?.variantHash ?? null),
        col((o) => o.letter?.locale ?? null),
        col((o) => o.evidence?.contentHash ?? null),
        // The round's obligations: the evidence rows are found by their primary key, not by a scan of the incident's.
        notices,
      ],
    );
  }

  async function letterCounts({ incidentId, round }: LetterRoundKey): Promise<LetterRoundCounts> {
    const { rows } = await db.query<{ status: string; n: number; combined: number; supplementary: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE cardinality(notice_ids) > 1)::int AS combined,
              count(*) FILTER (WHERE seq > 1)::int AS supplementary
         FROM letters WHERE incident_id = $1 AND round = $2 GROUP BY status`,
      [incidentId, round],
    );
    const c = countByStatus(rows);
    return {
      ...c,
      people: c.total,
      combined: rows.reduce((s, r) => s + Number(r.combined), 0),
      supplementary: rows.reduce((s, r) => s + Number(r.supplementary), 0),
    };
  }

  return {
    letterCounts,

    /**
     * Creates this round's letters, idempotently: for each person whose every covering obligation
     * is approved, one letter with the obligations no earlier letter of theirs satisfied. A person
     * an unapproved obligation covers waits for it; a person every letter already covers gets nothing.
     */
    async prepareLetters(
      input: PrepareLettersInput,
    ): Promise<LetterRoundCounts & { lastRecipientId: number; done: boolean }> {
      const after = input.afterRecipientId ?? 0;
      const { rows: window } = await db.query<{ last: number | null; n: number }>(
        `SELECT max(id) AS last, count(*)::int AS n FROM (
           SELECT id FROM recipients WHERE incident_id = $1 AND id > $2 ORDER BY id LIMIT $3) w`,
        [input.incidentId, after, input.limit ?? Number.MAX_SAFE_INTEGER],
      );
      const last = window[0]?.last === null || window[0]?.last === undefined ? after : Number(window[0].last);
      const done = input.limit === undefined || Number(window[0]?.n ?? 0) < input.limit;
      // The last window reaches past every id, so people imported meanwhile are not missed.
      const upTo = done ? Number.MAX_SAFE_INTEGER : last;
      const a = flatten([
        ...input.ready.map((ref) => ({ ref, ready: true })),
        ...input.blocked.map((ref) => ({ ref, ready: false })),
      ]);
      await db.query(
        `WITH ${PAIRS},
         cov AS (SELECT recipient_id, array_agg(DISTINCT notice_id) AS notices, bool_and(ready) AS all_ready
                   FROM pairs GROUP BY recipient_id)
         INSERT INTO letters (incident_id, recipient_id, seq, notice_ids, covered_before, round)
         SELECT $1, c.recipient_id, coalesce(p.last_seq, 0) + 1,
                ARRAY(SELECT x FROM unnest(c.notices) x WHERE NOT x = ANY(coalesce(p.covered, '{}')) ORDER BY x),
                ARRAY(SELECT y FROM unnest(coalesce(p.covered, '{}')) y ORDER BY y), $5
           FROM cov c
           -- Each person's earlier letters, looked up by key: a join over the incident's letters would
           -- also walk the rows this statement inserts, which grows with the window (quadratic).
           LEFT JOIN LATERAL (
             SELECT max(l.seq) AS last_seq, array_agg(DISTINCT n) AS covered
               FROM letters l, unnest(l.notice_ids) n WHERE l.incident_id = $1 AND l.recipient_id = c.recipient_id
           ) p ON true
          WHERE c.all_ready AND NOT (c.notices <@ coalesce(p.covered, '{}'))
         ON CONFLICT DO NOTHING`,
        [input.incidentId, a.notice, a.code, a.ready, input.round, after, upTo],
      );
      // Each obligation's own evidence row, pointing at the letter that satisfies it.
      await db.query(
        `INSERT INTO deliveries (incident_id, notice_id, recipient_id, letter_seq)
         SELECT l.incident_id, n, l.recipient_id, l.seq FROM letters l, unnest(l.notice_ids) n
          WHERE l.incident_id = $1 AND l.round = $2 AND l.recipient_id > $3 AND l.recipient_id <= $4
         ON CONFLICT DO NOTHING`,
        [input.incidentId, input.round, after, upTo],
      );
      // Fresh statistics for the round's queries: the embedded store runs no autovacuum, and plans made
      // for empty tables (hash joins over every row of the incident) cost ~100 ms per evidence write.
      if (done) for (const table of ['letters', 'deliveries']) await db.query(`ANALYZE ${table}`);
      return { ...(await letterCounts(input)), lastRecipientId: last, done };
    },

    /** Cancelling a round settles its letters not yet sent, and their obligations' rows, as `cancelled`. */
    async cancelLetters(key: LetterRoundKey): Promise<LetterRoundCounts> {
      await db.query(
        `WITH c AS (
           UPDATE letters SET status = 'cancelled', updated_at = now()
            WHERE incident_id = $1 AND round = $2 AND status IN ('pending', 'failed-temporary')
           RETURNING recipient_id, seq
         )
         UPDATE deliveries d SET status = 'cancelled', updated_at = now()
           FROM c WHERE d.incident_id = $1 AND d.recipient_id = c.recipient_id AND d.letter_seq = c.seq`,
        [key.incidentId, key.round],
      );
      return letterCounts(key);
    },

    /** Per obligation, across all rounds: people covered, letters and their states, people still waiting. */
    async letterOutcomes({
      incidentId,
      notices,
    }: {
      incidentId: string;
      notices: LetterNoticeRef[];
    }): Promise<LetterNoticeOutcome[]> {
      const a = flatten(notices.map((ref) => ({ ref, ready: true })));
      const { rows } = await db.query<{
        notice_id: string;
        covered: number;
        sent: number;
        failed: number;
        cancelled: number;
        open: number;
        letters: number;
        combined: number;
        supplementary: number;
        message_id: string | null;
        content_hash: string | null;
      }>(
        `WITH ${PAIRS},
         covered AS (SELECT notice_id, count(DISTINCT recipient_id)::int AS n FROM pairs GROUP BY notice_id),
         ev AS (
           SELECT d.notice_id,
                  count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE d.status = 'failed-permanent')::int AS failed,
                  count(*) FILTER (WHERE d.status = 'cancelled')::int AS cancelled,
                  count(*) FILTER (WHERE d.status IN ('pending', 'failed-temporary'))::int AS open,
                  count(*)::int AS letters,
                  count(*) FILTER (WHERE cardinality(l.notice_ids) > 1)::int AS combined,
                  count(*) FILTER (WHERE l.seq > 1)::int AS supplementary,
                  min(d.message_id) FILTER (WHERE d.status = 'sent') AS message_id
             FROM deliveries d JOIN letters l ON l.incident_id = d.incident_id AND l.recipient_id = d.recipient_id
                                          AND l.seq = d.letter_seq
            WHERE d.incident_id = $1 AND d.notice_id = ANY($5::text[])
            GROUP BY d.notice_id
         )
         SELECT o.nid AS notice_id, coalesce(c.n, 0) AS covered, coalesce(ev.sent, 0) AS sent, coalesce(ev.failed, 0) AS failed,
                coalesce(ev.cancelled, 0) AS cancelled, coalesce(ev.open, 0) AS open, coalesce(ev.letters, 0) AS letters,
                coalesce(ev.combined, 0) AS combined, coalesce(ev.supplementary, 0) AS supplementary, ev.message_id,
                (SELECT x.content_hash FROM deliveries x
                  WHERE x.incident_id = $1 AND x.notice_id = o.nid AND x.message_id = ev.message_id LIMIT 1) AS content_hash
           FROM unnest($5::text[]) AS o(nid) LEFT JOIN covered c ON c.notice_id = o.nid LEFT JOIN ev ON ev.notice_id = o.nid`,
        [incidentId, a.notice, a.code, a.ready, notices.map((n) => n.noticeId), ...ALL_IDS],
      );
      return rows.map((r) => ({
        noticeId: r.notice_id,
        covered: Number(r.covered),
        sent: Number(r.sent),
        failedPermanent: Number(r.failed),
        cancelled: Number(r.cancelled),
        open: Number(r.open),
        waiting: Math.max(0, Number(r.covered) - Number(r.letters)),
        letters: Number(r.letters),
        combined: Number(r.combined),
        supplementary: Number(r.supplementary),
        sample: r.message_id && r.content_hash ? { messageId: r.message_id, contentHash: r.content_hash } : null,
      }));
    },

    async sendLetterBatch(input: LetterBatchInput): Promise<BatchResult> {
      const key = { incidentId: input.incidentId, round: input.round };
      const { rows } = await db.query<Row>(
        `SELECT l.recipient_id, l.seq, l.notice_ids, l.covered_before, l.attempts, r.email, r.locale
           FROM letters l JOIN recipients r ON r.id = l.recipient_id
          WHERE l.incident_id = $1 AND l.round = $2 AND l.status IN ('pending', 'failed-temporary') AND l.recipient_id > $3
          ORDER BY l.recipient_id LIMIT $4`,
        [input.incidentId, input.round, input.afterRecipientId, input.limit],
      );
      const byId = new Map(input.parts.map((p) => [p.noticeId, p]));
      const noticeIds = [...byId.keys()];
      // The same for the whole round: each variant (obligations × earlier ones × locale) is rendered once.
      const variants = partsKey(input.parts);
      const letterFor = (row: Row): ComposedLetter => {
        const pick = (ids: string[]) =>
          ids.map((id) => {
            const p = byId.get(id);
            if (!p) throw new Error(`no approved notice ${id} in this round`);
            return p;
          });
        return composer.compose(pick(row.notice_ids), pick(row.covered_before), row.locale, variants);
      };

      return sendBatch(deps, {
        incidentId: input.incidentId,
        rows,
        cursor: { after: input.afterRecipientId, limit: input.limit },
        recipient: (row) => ({
          id: Number(row.recipient_id),
          email: row.email,
          attempts: row.attempts,
          // One Message-ID per person and letter: a resend after a crash is the same message.
          messageId: messageIdFor(
            { incidentId: input.incidentId, noticeId: `letter-${Number(row.seq)}` },
            Number(row.recipient_id),
            input.from,
          ),
        }),
        compose: letterFor,
        from: input.from,
        replyTo: input.replyTo,
        limits: input,
        record: (group) =>
          record(
            key,
            group.map(({ row, outcome }) => ({
              recipientId: Number(row.recipient_id),
              seq: Number(row.seq),
              status: outcome.status,
              attempts: outcome.attempts,
              ...(outcome.status === 'sent'
                ? { evidence: outcome.evidence, letter: outcome.message }
                : { error: outcome.error }),
            })),
            noticeIds,
          ),
      });
    },
  };
}
export type LetterCampaigns = ReturnType<typeof createLetterCampaigns>;
