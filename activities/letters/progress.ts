/** Letters as the API shows them: people and letters counted apart from the obligations they satisfy. */
import { countByStatus, type CampaignCounts } from '../mail/batch';
import type { Queryable } from '../store/db';

export interface IncidentLetters {
  incidentId: string;
  /** People written to at least once. */
  people: number;
  /** Letters, by state; `combined` satisfy several obligations, `supplementary` follow an earlier letter. */
  letters: CampaignCounts & { combined: number; supplementary: number };
  rounds: number;
  /** Per obligation: people whose letter satisfies it, and how those letters stand. */
  obligations: (CampaignCounts & { noticeId: string; combined: number; supplementary: number })[];
}

export async function incidentLetters(db: Queryable, incidentId: string): Promise<IncidentLetters> {
  const [{ rows: letters }, { rows: per }, { rows: totals }] = await Promise.all([
    db.query<{ status: string; n: number; combined: number; supplementary: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE cardinality(notice_ids) > 1)::int AS combined,
              count(*) FILTER (WHERE seq > 1)::int AS supplementary
         FROM letters WHERE incident_id = $1 GROUP BY status`,
      [incidentId],
    ),
    db.query<{ notice_id: string; status: string; n: number; combined: number; supplementary: number }>(
      `SELECT d.notice_id, d.status, count(*)::int AS n,
              count(*) FILTER (WHERE cardinality(l.notice_ids) > 1)::int AS combined,
              count(*) FILTER (WHERE l.seq > 1)::int AS supplementary
         FROM deliveries d JOIN letters l ON l.incident_id = d.incident_id AND l.recipient_id = d.recipient_id
                                      AND l.seq = d.letter_seq
        WHERE d.incident_id = $1 GROUP BY d.notice_id, d.status ORDER BY d.notice_id`,
      [incidentId],
    ),
    db.query<{ people: number; rounds: number }>(
      `SELECT count(DISTINCT recipient_id)::int AS people, count(DISTINCT round)::int AS rounds
         FROM letters WHERE incident_id = $1`,
      [incidentId],
    ),
  ]);
  const sum = (rows: { combined: number; supplementary: number }[], k: 'combined' | 'supplementary') =>
    rows.reduce((s, r) => s + Number(r[k]), 0);
  const notices = [...new Set(per.map((r) => r.notice_id))];
  return {
    incidentId,
    people: Number(totals[0]?.people ?? 0),
    letters: {
      ...countByStatus(letters),
      combined: sum(letters, 'combined'),
      supplementary: sum(letters, 'supplementary'),
    },
    rounds: Number(totals[0]?.rounds ?? 0),
    obligations: notices.map((noticeId) => {
      const rows = per.filter((r) => r.notice_id === noticeId);
      return {
        noticeId,
        ...countByStatus(rows),
        combined: sum(rows, 'combined'),
        supplementary: sum(rows, 'supplementary'),
      };
    }),
  };
}

/** One obligation's letters, for the per-notice progress route; null when it was not told by letter. */
export async function noticeLetterProgress(
  db: Queryable,
  incidentId: string,
  noticeId: string,
): Promise<(CampaignCounts & { startedAt: string; rounds: number; combined: number; supplementary: number }) | null> {
  const { rows } = await db.query<{
    status: string;
    n: number;
    started: Date;
    rounds: number;
    combined: number;
    supplementary: number;
  }>(
    `SELECT d.status, count(*)::int AS n, min(l.created_at) AS started, count(DISTINCT l.round)::int AS rounds,
            count(*) FILTER (WHERE cardinality(l.notice_ids) > 1)::int AS combined,
            count(*) FILTER (WHERE l.seq > 1)::int AS supplementary
       FROM deliveries d JOIN letters l ON l.incident_id = d.incident_id AND l.recipient_id = d.recipient_id
                                    AND l.seq = d.letter_seq
      WHERE d.incident_id = $1 AND d.notice_id = $2 GROUP BY d.status`,
    [incidentId, noticeId],
  );
  if (!rows.length) return null;
  const started = rows.map((r) => new Date(r.started).getTime()).reduce((a, b) => Math.min(a, b));
  return {
    ...countByStatus(rows),
    startedAt: new Date(started).toISOString(),
    rounds: Math.max(...rows.map((r) => Number(r.rounds))),
    combined: rows.reduce((s, r) => s + Number(r.combined), 0),
    supplementary: rows.reduce((s, r) => s + Number(r.supplementary), 0),
  };
}

/** What a filing package says of an obligation told by letter: people and letters, apart from the obligation. */
export interface NoticeLetterFiling {
  /** People this obligation covers who have a letter (whatever its state). */
  peopleCovered: number;
  /** People whose letter satisfying this obligation was sent. */
  peopleTold: number;
  /** Letters sent that satisfy this obligation (one per person told). */
  lettersSent: number;
  /** Of those, letters that satisfy other obligations too. */
  combined: number;
  /** Of those, supplementary letters (the person had an earlier letter for other obligations). */
  supplementary: number;
  /** Other obligations the combined letters also satisfied (notice ids, sorted). */
  combinedWith: string[];
}

/** An obligation's people and letters, for its filing package; null when it was not told by letter. */
export async function noticeLetterFiling(
  db: Queryable,
  incidentId: string,
  noticeId: string,
): Promise<NoticeLetterFiling | null> {
  const { rows } = await db.query<{
    people: number;
    told: number;
    sent: number;
    combined: number;
    supplementary: number;
    combined_with: string[] | null;
  }>(
    `SELECT count(DISTINCT d.recipient_id)::int AS people,
            count(DISTINCT d.recipient_id) FILTER (WHERE l.status = 'sent')::int AS told,
            count(*) FILTER (WHERE l.status = 'sent')::int AS sent,
            count(*) FILTER (WHERE l.status = 'sent' AND cardinality(l.notice_ids) > 1)::int AS combined,
            count(*) FILTER (WHERE l.status = 'sent' AND l.seq > 1)::int AS supplementary,
            (SELECT array_agg(DISTINCT o ORDER BY o) FROM letters l2, unnest(l2.notice_ids) AS o
              WHERE l2.incident_id = $1 AND l2.status = 'sent' AND $2 = ANY(l2.notice_ids) AND o <> $2) AS combined_with
       FROM deliveries d JOIN letters l ON l.incident_id = d.incident_id AND l.recipient_id = d.recipient_id
                                    AND l.seq = d.letter_seq
      WHERE d.incident_id = $1 AND d.notice_id = $2`,
    [incidentId, noticeId],
  );
  const r = rows[0];
  if (!r || Number(r.people) === 0) return null;
  return {
    peopleCovered: Number(r.people),
    peopleTold: Number(r.told),
    lettersSent: Number(r.sent),
    combined: Number(r.combined),
    supplementary: Number(r.supplementary),
    combinedWith: r.combined_with ?? [],
  };
}
