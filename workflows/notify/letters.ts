/**
 * One letter per person across an incident's individuals obligations: the incident's notices join
 * here once approved, and rounds of letters (notifyRecipients in letters mode) run one at a time.
 * A person's letter goes once every obligation covering them is approved; a notice is delivered
 * when every person it covers has had their letter. A new round starts whenever the set of
 * approved or still-unapproved obligations changes while a notice waits.
 *
 * Workflow code: state lives in workflow memory, one coordinator per incident, rebuilt on replay.
 */
import { condition, executeChild } from '@temporalio/workflow';
import type { LetterNoticeOutcome, LetterNoticeRef } from '../../activities/letters/campaign';
import { lettersRoundWorkflowId, type LettersRound, type LettersSummary } from './messages';
import { notifyRecipients } from './workflow';

export type LetterNotice = LettersRound['parts'][number];

export type LetterResult =
  | { ok: true; round: string; outcome: LetterNoticeOutcome; rounds: string[] }
  | { ok: false; round: string; error: string };

export interface LetterDeps {
  /** The incident's state object: one coordinator per incident. */
  owner: object;
  incidentId: string;
  /** Individuals obligations still to be told that are not approved (not withdrawn, not joined here). */
  unapproved(): LetterNoticeRef[];
  /** Whether an obligation that joined is still owed (a withdrawn one is left out of later rounds). */
  owed(noticeId: string): boolean;
  from: string;
  replyTo?: string;
  options: { batchSize?: number; ratePerSecond?: number; maxAttempts?: number };
  /** Records a round (ledger). */
  onRound(
    round: string,
    what: { ready: string[]; blocked: string[]; summary?: LettersSummary; error?: string },
  ): Promise<void>;
}

interface Coordinator {
  ready: Map<string, LetterNotice>;
  waiting: Set<string>;
  results: Map<string, LetterResult>;
  roundsOf: Map<string, string[]>;
  busy: boolean;
  lastKey: string;
  rounds: number;
}

const coordinators = new WeakMap<object, Coordinator>();

function failureMessage(err: unknown): string {
  const cause = (err as { cause?: { message?: string } }).cause;
  return cause?.message ?? (err as Error).message ?? String(err);
}

/** Waits until every person the notice covers has had their letter (or the round failed). */
export async function sendByLetter(deps: LetterDeps, notice: LetterNotice): Promise<LetterResult> {
  let c = coordinators.get(deps.owner);
  if (!c) {
    c = {
      ready: new Map(),
      waiting: new Set(),
      results: new Map(),
      roundsOf: new Map(),
      busy: false,
      lastKey: '',
      rounds: 0,
    };
    coordinators.set(deps.owner, c);
  }
  const co = c;
  co.ready.set(notice.noticeId, notice);
  co.waiting.add(notice.noticeId);
  co.results.delete(notice.noticeId);
  const blocked = () => deps.unapproved().filter((n) => !co.ready.has(n.noticeId));
  const approved = () => [...co.ready.values()].filter((p) => deps.owed(p.noticeId));
  const key = () =>
    JSON.stringify([
      approved()
        .map((p) => p.noticeId)
        .sort(),
      blocked()
        .map((n) => n.noticeId)
        .sort(),
    ]);

  while (co.waiting.has(notice.noticeId)) {
    await condition(() => !co.busy && (!co.waiting.has(notice.noticeId) || key() !== co.lastKey));
    if (!co.waiting.has(notice.noticeId)) break;
    co.busy = true;
    const parts = approved();
    const blocking = blocked();
    const round = lettersRoundWorkflowId(deps.incidentId, ++co.rounds);
    co.lastKey = key();
    const ids = { ready: parts.map((p) => p.noticeId), blocked: blocking.map((b) => b.noticeId) };
    try {
      const summary = await executeChild(notifyRecipients, {
        workflowId: round,
        args: [
          {
            incidentId: deps.incidentId,
            noticeId: round,
            audience: [],
            // Unused in letters mode; the first notice stands in so the input keeps its shape.
            notice: { kind: parts[0].kind, from: deps.from, request: parts[0].request },
            letters: { parts, blocked: blocking, from: deps.from, ...(deps.replyTo ? { replyTo: deps.replyTo } : {}) },
            ...deps.options,
          },
        ],
      });
      await deps.onRound(round, { ...ids, ...(summary.letters ? { summary: summary.letters } : {}) });
      for (const o of summary.letters?.obligations ?? []) {
        co.roundsOf.set(o.noticeId, [...(co.roundsOf.get(o.noticeId) ?? []), round]);
        if (co.waiting.has(o.noticeId) && o.waiting === 0 && o.open === 0) {
          co.results.set(o.noticeId, { ok: true, round, outcome: o, rounds: co.roundsOf.get(o.noticeId)! });
          co.waiting.delete(o.noticeId);
        }
      }
    } catch (err) {
      // The round itself failed (not a person: those end in the store): every waiting notice is told.
      const error = failureMessage(err);
      await deps.onRound(round, { ...ids, error });
      for (const id of co.waiting) co.results.set(id, { ok: false, round, error });
      co.waiting.clear();
    } finally {
      co.busy = false;
    }
  }
  return co.results.get(notice.noticeId)!;
}
