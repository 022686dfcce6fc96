/**
 * Which obligations cover which of an incident's people: each person is matched to every
 * individuals obligation whose audience (country or region codes, or '*') covers their country or
 * region, or that a manager put them under. People no obligation covers are listed apart: they
 * are told nothing unless a manager decides otherwise (coverage_decisions, and the ledger).
 * Counted in SQL, so memory stays flat however many people there are.
 */
import type { Queryable } from '../store/db';

export interface CoverageObligation {
  noticeId: string;
  audience: string[];
}

export interface UncoveredPerson {
  recipientId: number;
  /** The CSV line it was imported from (null when written otherwise). */
  line: number | null;
  email: string;
  country: string;
  region: string | null;
  /** A manager's decision about them, if any. */
  decision: { decision: 'notify' | 'do-not-notify'; noticeId: string | null; by: string; reason: string } | null;
}

export interface CoverageReport {
  /** People imported for the incident. */
  people: number;
  /** People at least one obligation covers: each gets one letter. */
  covered: number;
  /** People covered by more than one obligation: their letter combines them. */
  coveredByMoreThanOne: number;
  /** People per obligation. */
  byObligation: { noticeId: string; people: number }[];
  /** People by how many obligations cover them ("1", "2", ...). */
  byObligationCount: Record<string, number>;
  /** People no obligation covers. */
  uncovered: number;
  /** Up to `limit` of them, in import order. */
  uncoveredPeople: UncoveredPerson[];
  uncoveredOmitted: number;
}

export const DEFAULT_UNCOVERED_LIMIT = 1000;

/** Obligations' audiences as parallel (notice, code) arrays, for SQL's unnest. */
export function audiencePairs(obligations: readonly { noticeId: string; audience: readonly string[] }[]) {
  const notice: string[] = [];
  const code: string[] = [];
  for (const o of obligations)
    for (const c of o.audience) {
      notice.push(o.noticeId);
      code.push(c.trim().toUpperCase());
    }
  return { notice, code };
}

/**
 * CTEs `aud` and `pairs`: (person, obligation) for every person an obligation's audience covers
 * (their country or region, or '*'), and every person a manager put under an obligation.
 * $1 incident, $2 and $3 the audiencePairs.
 */
export const COVERED_PAIRS = `aud AS (SELECT * FROM unnest($2::text[], $3::text[]) AS a(notice_id, code)),
  pairs AS (
    SELECT r.id AS recipient_id, a.notice_id FROM recipients r
      JOIN aud a ON a.code = '*' OR a.code = r.country OR a.code = r.region
     WHERE r.incident_id = $1
    UNION
    SELECT d.recipient_id, d.notice_id FROM coverage_decisions d
     WHERE d.incident_id = $1 AND d.decision = 'notify' AND d.notice_id = ANY($2::text[])
  )`;

export async function coverageReport(
  db: Queryable,
  incidentId: string,
  obligations: readonly CoverageObligation[],
  opts: { limit?: number } = {},
): Promise<CoverageReport> {
  const limit = opts.limit ?? DEFAULT_UNCOVERED_LIMIT;
  const { notice, code } = audiencePairs(obligations);
  const pairs = COVERED_PAIRS;
  const params = [incidentId, notice, code];
  const [{ rows: per }, { rows: counts }, { rows: people }] = await Promise.all([
    db.query<{ notice_id: string; n: number }>(
      `WITH ${pairs} SELECT notice_id, count(DISTINCT recipient_id)::int AS n FROM pairs GROUP BY notice_id`,
      params,
    ),
    db.query<{ k: number; n: number }>(
      `WITH ${pairs}, per AS (SELECT recipient_id, count(DISTINCT notice_id)::int AS k FROM pairs GROUP BY recipient_id)
       SELECT k, count(*)::int AS n FROM per GROUP BY k`,
      params,
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM recipients WHERE incident_id = $1', [incidentId]),
  ]);
  const { rows: uncovered } = await db.query<{
    id: number;
    source_line: number | null;
    email: string;
    country: string;
    region: string | null;
    decision: string | null;
    notice_id: string | null;
    decided_by: string | null;
    reason: string | null;
  }>(
    `WITH ${pairs}
     SELECT r.id, r.source_line, r.email, r.country, r.region, d.decision, d.notice_id, d.decided_by, d.reason
       FROM recipients r LEFT JOIN coverage_decisions d ON d.incident_id = r.incident_id AND d.recipient_id = r.id
      WHERE r.incident_id = $1 AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.recipient_id = r.id)
      ORDER BY r.id LIMIT $4`,
    [...params, limit + 1],
  );
  const byCount = Object.fromEntries(counts.map((c) => [String(c.k), Number(c.n)]));
  const covered = Object.values(byCount).reduce((s, n) => s + n, 0);
  const total = Number(people[0]?.n ?? 0);
  const seen = new Map(per.map((p) => [p.notice_id, Number(p.n)]));
  return {
    people: total,
    covered,
    coveredByMoreThanOne: covered - (byCount['1'] ?? 0),
    byObligation: obligations.map((o) => ({ noticeId: o.noticeId, people: seen.get(o.noticeId) ?? 0 })),
    byObligationCount: byCount,
    uncovered: total - covered,
    uncoveredPeople: uncovered.slice(0, limit).map((u) => ({
      recipientId: Number(u.id),
      line: u.source_line === null ? null : Number(u.source_line),
      email: u.email,
      country: u.country,
      region: u.region,
      decision: u.decision
        ? {
            decision: u.decision as 'notify' | 'do-not-notify',
            noticeId: u.notice_id,
            by: u.decided_by ?? '',
            reason: u.reason ?? '',
          }
        : null,
    })),
    uncoveredOmitted: Math.max(0, total - covered - limit),
  };
}

/**
 * A manager's decision about people no obligation covers: tell them under an obligation, or tell
 * them nothing. Only people no obligation covers can be decided on; returns how many were.
 */
export async function decideUncovered(
  db: Queryable,
  incidentId: string,
  input: {
    recipientIds: number[];
    decision: 'notify' | 'do-not-notify';
    noticeId?: string;
    by: string;
    reason: string;
    obligations: readonly CoverageObligation[];
  },
): Promise<{ decided: number; notUncovered: number[] }> {
  const { notice, code } = audiencePairs(input.obligations);
  const { rows } = await db.query<{ id: number }>(
    `WITH aud AS (SELECT * FROM unnest($2::text[], $3::text[]) AS a(notice_id, code))
     SELECT r.id FROM recipients r
      WHERE r.incident_id = $1 AND r.id = ANY($4::bigint[])
        AND NOT EXISTS (SELECT 1 FROM aud a WHERE a.code = '*' OR a.code = r.country OR a.code = r.region)`,
    [incidentId, notice, code, input.recipientIds],
  );
  const ids = rows.map((r) => Number(r.id));
  if (ids.length)
    await db.query(
      `INSERT INTO coverage_decisions (incident_id, recipient_id, decision, notice_id, decided_by, reason)
       SELECT $1, id, $3, $4, $5, $6 FROM unnest($2::bigint[]) AS id
       ON CONFLICT (incident_id, recipient_id) DO UPDATE SET decision = EXCLUDED.decision,
         notice_id = EXCLUDED.notice_id, decided_by = EXCLUDED.decided_by, reason = EXCLUDED.reason, decided_at = now()`,
      [
        incidentId,
        ids,
        input.decision,
        input.decision === 'notify' ? (input.noticeId ?? null) : null,
        input.by,
        input.reason,
      ],
    );
  const set = new Set(ids);
  return { decided: ids.length, notUncovered: input.recipientIds.filter((id) => !set.has(id)) };
}
