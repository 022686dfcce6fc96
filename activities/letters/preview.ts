/**
 * What an approver reads before approving individuals notices told by letter: the letter variants
 * each notice is part of (which obligations cover the same people, in which language), and each
 * variant rendered by the same composer, from the same parts, as the round that sends it.
 *
 * The parts are built as the incident workflow builds them when a notice joins the letters
 * (workflows/incident/notice.ts, notifyByLetter). The one difference is the letter's date: a round
 * dates it at the notice's approval, a preview at the incident's clock now (the same day, the same
 * bytes: the notice date is a date, not a time).
 */
import type { Plan } from '../../domain/plan';
import type { IncidentStatus, NoticeState } from '../../workflows/incident/state';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR, type NoticeRenderer } from '../notices';
import { audiencePairs, COVERED_PAIRS } from '../recipients/coverage';
import type { Queryable } from '../store/db';
import { createLetterComposer, partsKey, type ComposedLetter, type LetterPart } from './compose';

/** Individuals notices told by letter (the recipients channel), whatever their state but withdrawn. */
export function letterNotices(status: IncidentStatus): NoticeState[] {
  return status.notices.filter(
    (n) => n.obligation.recipient === 'individuals' && n.channel.kind === 'recipients' && n.status !== 'withdrawn',
  );
}

export class LetterPreviewError extends Error {
  override name = 'LetterPreviewError';
  constructor(
    readonly statusCode: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** One notice's letter part, as the incident workflow hands it to a round once approved. */
export function letterPart(status: IncidentStatus, plan: Plan, n: NoticeState, now: string): LetterPart {
  if (!n.draft) throw new LetterPreviewError(409, `notice ${n.id} has no draft yet (${n.status})`);
  return {
    noticeId: n.id,
    kind: n.draft.kind,
    request: {
      incident: { id: status.id, title: status.title },
      now,
      facts: status.facts,
      obligation: n.obligation,
      contact: plan.contact,
      timeZone: n.timeZone,
      ...(n.delayReason ? { delayReason: n.delayReason } : {}),
      plan: plan.id,
    },
  };
}

/** The parts of the letter combining `noticeIds` (each an individuals notice of the incident told by letter). */
export function letterParts(status: IncidentStatus, plan: Plan, noticeIds: readonly string[]): LetterPart[] {
  const byId = new Map(letterNotices(status).map((n) => [n.id, n]));
  return [...new Set(noticeIds)].sort().map((id) => {
    const n = byId.get(id);
    if (!n) {
      const other = status.notices.some((x) => x.id === id);
      throw new LetterPreviewError(
        other ? 400 : 404,
        other ? `notice ${id} is not told by letter` : `no notice "${id}" on incident ${status.id}`,
      );
    }
    return letterPart(status, plan, n, status.now);
  });
}

/** Renders letters as a round does (the composer, its cache keyed by the set of parts). */
export function createLetterPreviewer(renderer: NoticeRenderer) {
  const composer = createLetterComposer(renderer, { cacheSize: 64 });
  return {
    preview(parts: LetterPart[], locale: string): ComposedLetter {
      return composer.compose(parts, [], locale, partsKey(parts));
    },
  };
}
export type LetterPreviewer = ReturnType<typeof createLetterPreviewer>;

let shared: LetterPreviewer | undefined;
/** One previewer per process over the repository's templates (the worker's default renderer). */
export function defaultLetterPreviewer(): LetterPreviewer {
  return (shared ??= createLetterPreviewer(createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR })));
}

export interface LetterVariant {
  /** The obligations the letter satisfies (notice ids, sorted). */
  noticeIds: string[];
  /** The people's language. */
  locale: string;
  /** People who get this variant. */
  people: number;
  combined: boolean;
}

/**
 * The variants the incident's people will get (or got): each person's set of covering
 * obligations and their language, counted. Matched as the import's coverage matches them
 * (audience codes, and managers' decisions for people no audience covers).
 */
export async function letterVariants(
  db: Queryable,
  incidentId: string,
  obligations: readonly { noticeId: string; audience: readonly string[] }[],
): Promise<LetterVariant[]> {
  const { notice, code } = audiencePairs(obligations);
  const { rows } = await db.query<{ notice_ids: string[]; locale: string; n: number }>(
    `WITH ${COVERED_PAIRS},
     per AS (SELECT recipient_id, array_agg(DISTINCT notice_id ORDER BY notice_id) AS notice_ids
               FROM pairs GROUP BY recipient_id)
     SELECT p.notice_ids, r.locale, count(*)::int AS n
       FROM per p JOIN recipients r ON r.id = p.recipient_id
      GROUP BY p.notice_ids, r.locale ORDER BY cardinality(p.notice_ids) DESC, p.notice_ids, r.locale`,
    [incidentId, notice, code],
  );
  return rows.map((r) => ({
    noticeIds: r.notice_ids,
    locale: r.locale,
    people: Number(r.n),
    combined: r.notice_ids.length > 1,
  }));
}
