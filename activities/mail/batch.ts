/**
 * One batch of a mass notification, for the per-obligation campaigns and the letter rounds alike:
 * a pool of senders over the batch's people; each message composed, checked by the drill guard
 * and sent; outcomes written in small groups as they come (a crash re-sends at most one group of
 * unrecorded messages, each under the same Message-ID); heartbeats carry the transitions already
 * written, so a retried attempt counts on from them.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DrillGuard } from '../drills/guard';
import { classifySmtpError } from './errors';
import type { Mailer, SendEvidence } from './types';

export interface Transitions {
  sent: number;
  failedPermanent: number;
  failedTemporary: number;
}

/** People (or letters) by delivery state. */
export interface CampaignCounts {
  total: number;
  pending: number;
  sent: number;
  failedTemporary: number;
  failedPermanent: number;
  cancelled: number;
}

/** Counts from `SELECT status, count(*) AS n … GROUP BY status` rows. */
export function countByStatus(rows: readonly { status: string; n: number }[]): CampaignCounts {
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const c = {
    pending: by.pending ?? 0,
    sent: by.sent ?? 0,
    failedTemporary: by['failed-temporary'] ?? 0,
    failedPermanent: by['failed-permanent'] ?? 0,
    cancelled: by.cancelled ?? 0,
  };
  return { total: c.pending + c.sent + c.failedTemporary + c.failedPermanent + c.cancelled, ...c };
}

/** What a batch did, and where the next one starts (rows are taken in recipient id order). */
export interface BatchResult extends Transitions {
  processed: number;
  lastRecipientId: number;
  done: boolean;
}

/** What every message of a batch has; callers keep their own extras (template version, letter). */
export interface BatchMessage {
  subject: string;
  text: string;
  html: string;
}

export type DeliveryOutcome<M> =
  | { status: 'sent'; attempts: number; evidence: SendEvidence; message: M }
  | { status: 'failed-temporary' | 'failed-permanent'; attempts: number; error: string };

export interface Batch<R, M extends BatchMessage> {
  incidentId: string;
  /** Up to `limit` rows after recipient id `after`, in id order. */
  rows: readonly R[];
  cursor: { after: number; limit: number };
  /** The person's id, address, attempts so far and the message's stable Message-ID. */
  recipient(row: R): { id: number; email: string; attempts: number; messageId: string };
  /** The person's message; a throw fails them permanently ("cannot compose: …"). */
  compose(row: R): M;
  from: string;
  replyTo?: string;
  limits: {
    /** A person still failing temporarily after this many attempts is given up as failed-permanent. */
    maxAttempts: number;
    /** Sends per second across the batch; unset = as fast as the pool allows. */
    ratePerSecond?: number;
    /** Senders at once (default 5). */
    concurrency?: number;
  };
  /** Writes a group of outcomes; they count as transitions once written. */
  record(outcomes: { row: R; outcome: DeliveryOutcome<M> }[]): Promise<void>;
}

/** Outcomes are written in groups of this many: the most a crash can re-send. */
const FLUSH_EVERY = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Outside an activity (direct calls in tests and benchmarks) there is no context: nobody listens.
function context(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Sends the batch. Stops early, after writing what it did, when a send fails temporarily (the
 * server or the network is in trouble: the retry policy backs off) or the attempt is cancelled
 * (timed out and retried, or the campaign cancelled: its retry may already be sending to the same
 * people).
 */
export async function sendBatch<R, M extends BatchMessage>(
  deps: { mailer: Mailer; guard?: DrillGuard },
  batch: Batch<R, M>,
): Promise<BatchResult> {
  const ctx = context();
  const done: Transitions = {
    ...{ sent: 0, failedPermanent: 0, failedTemporary: 0 },
    ...(ctx?.info.heartbeatDetails as Transitions | undefined),
  };
  const heartbeat = () => ctx?.heartbeat(done);
  const cancelled = ctx?.cancellationSignal;

  const outcomes: { row: R; outcome: DeliveryOutcome<M> }[] = [];
  // Writes run one after another in the background; senders keep sending meanwhile.
  let writes: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const group = outcomes.splice(0, outcomes.length);
    if (!group.length) return writes;
    writes = writes.then(async () => {
      await batch.record(group);
      for (const { outcome } of group)
        done[
          outcome.status === 'sent'
            ? 'sent'
            : outcome.status === 'failed-permanent'
              ? 'failedPermanent'
              : 'failedTemporary'
        ]++;
      heartbeat();
    });
    return writes;
  };

  let temporaryStop: string | undefined;
  let next = 0;
  const started = Date.now();
  async function sender(): Promise<void> {
    while (!temporaryStop && !cancelled?.aborted && next < batch.rows.length) {
      const i = next++;
      const row = batch.rows[i];
      if (batch.limits.ratePerSecond) {
        const wait = started + (i / batch.limits.ratePerSecond) * 1000 - Date.now();
        if (wait > 0) await sleep(wait);
      }
      const who = batch.recipient(row);
      const attempts = who.attempts + 1;
      const failed = (error: string) =>
        outcomes.push({ row, outcome: { status: 'failed-permanent', attempts, error } });
      let message: M;
      try {
        message = batch.compose(row);
      } catch (err) {
        failed(`cannot compose: ${(err as Error).message}`);
        continue;
      }
      try {
        // A drill's message reaches only its participants; anyone else is refused, never sent to.
        await deps.guard?.check(batch.incidentId, [who.email]);
      } catch (err) {
        failed((err as Error).message);
        continue;
      }
      try {
        const mail = { to: [who.email], subject: message.subject, text: message.text, html: message.html };
        const evidence = await deps.mailer.send({
          ...(deps.guard ? deps.guard.mark(batch.incidentId, mail) : mail),
          from: batch.from,
          ...(batch.replyTo ? { replyTo: batch.replyTo } : {}),
          messageId: who.messageId,
        });
        outcomes.push({ row, outcome: { status: 'sent', attempts, evidence, message } });
      } catch (err) {
        const error = (err as Error).message;
        if (classifySmtpError(err) === 'permanent') failed(error);
        else if (attempts >= batch.limits.maxAttempts) failed(`gave up after ${attempts} attempts: ${error}`);
        else {
          outcomes.push({ row, outcome: { status: 'failed-temporary', attempts, error } });
          temporaryStop = error;
        }
      }
      if (outcomes.length >= FLUSH_EVERY) void flush().catch(() => undefined); // a failed write surfaces below
      // Alive even at a slow pace (the SDK throttles heartbeats); details = transitions already written.
      heartbeat();
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, batch.limits.concurrency ?? 5) }, sender));
  await flush(); // rejects if any write of this batch failed
  if (cancelled?.aborted) throw cancelled.reason;
  if (temporaryStop)
    throw ApplicationFailure.retryable(
      `batch stopped on a temporary failure: ${temporaryStop}`,
      'SmtpTemporaryFailure',
    );
  const { rows, cursor } = batch;
  const last = rows.length ? batch.recipient(rows[rows.length - 1]).id : cursor.after;
  return { ...done, processed: rows.length, lastRecipientId: last, done: rows.length < cursor.limit };
}
