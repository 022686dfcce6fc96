/**
 * notifyRecipients: one notice to every recipient in its audience, in batches from the store.
 * History holds counts and a cursor only, and the run continues as new before it grows large.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  cancelUpdate,
  pauseUpdate,
  progressQuery,
  resumeUpdate,
  type LettersSummary,
  type NotifyInput,
  type NotifyProgress,
  type NotifyState,
  type NotifySummary,
} from './messages';

const store = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const sender = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  // SMTP 4xx and dropped connections back off and come back; each recipient's own attempts are capped in the store.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Batches per run before continuing as new, so history stays small whatever the count. */
const BATCHES_PER_RUN = 100;
/** People per letters-preparation activity. */
const PREPARE_WINDOW = 5000;

export async function notifyRecipients(input: NotifyInput): Promise<NotifySummary> {
  const key = { incidentId: input.incidentId, noticeId: input.noticeId };
  // Letters mode: the round is named by noticeId; its letters are one per person across obligations.
  const letters = input.letters;
  const round = { incidentId: input.incidentId, round: input.noticeId };
  const batchSize = input.batchSize ?? 500;
  const maxAttempts = input.maxAttempts ?? 5;
  // Counts start at zero and come from the store once the campaign is prepared; handlers are set
  // before the first await, so a pause or cancel sent right after the start is never refused.
  const s: NotifyState = input.carried
    ? { ...input.carried, runs: input.carried.runs + 1 }
    : {
        total: 0,
        pending: 0,
        sent: 0,
        failedPermanent: 0,
        failedTemporary: 0,
        cancelled: 0,
        cursor: 0,
        pass: 1,
        batches: 0,
        runs: 1,
        startedAt: new Date().toISOString(),
        paused: input.startPaused === true,
        cancelRequested: false,
      };
  let finished = false;

  const progress = (): NotifyProgress => {
    // Between passes the store's exact count stands; during a pass it is estimated from the batches.
    const pending = Math.max(0, s.total - s.sent - s.failedPermanent - s.cancelled);
    const elapsed = (Date.now() - Date.parse(s.startedAt)) / 1000;
    const rate = elapsed > 0 ? s.sent / elapsed : 0;
    const eta =
      !finished && !s.paused && rate > 0 ? new Date(Date.now() + (pending / rate) * 1000).toISOString() : null;
    return { ...s, pending, rate: Math.round(rate * 100) / 100, eta, finished };
  };
  const open = () => {
    if (finished || s.cancelRequested)
      throw ApplicationFailure.nonRetryable('the campaign is finished or being cancelled', 'UpdateRejected');
  };
  setHandler(progressQuery, progress);
  setHandler(
    pauseUpdate,
    () => {
      s.paused = true;
      return progress();
    },
    {
      validator: () => {
        open();
        if (s.paused) throw ApplicationFailure.nonRetryable('already paused', 'UpdateRejected');
      },
    },
  );
  setHandler(
    resumeUpdate,
    () => {
      s.paused = false;
      return progress();
    },
    {
      validator: () => {
        open();
        if (!s.paused) throw ApplicationFailure.nonRetryable('not paused', 'UpdateRejected');
      },
    },
  );
  setHandler(
    cancelUpdate,
    () => {
      s.cancelRequested = true;
      return progress();
    },
    { validator: open },
  );
  const counted = (c: Awaited<ReturnType<Activities['letterCounts']>>) => {
    const { people, combined, supplementary, ...counts } = c;
    return { ...counts, letters: { people, combined, supplementary, obligations: letters!.parts.length } };
  };
  if (!input.carried && letters) {
    const ready = letters.parts.map(({ noticeId, audience }) => ({ noticeId, audience }));
    // In windows of people, so each activity is short and its memory flat however many there are.
    for (let after = 0; ;) {
      const { lastRecipientId, done, ...c } = await store.prepareLetters({
        ...round,
        ready,
        blocked: letters.blocked,
        afterRecipientId: after,
        limit: PREPARE_WINDOW,
      });
      Object.assign(s, counted(c));
      if (done) break;
      after = lastRecipientId;
    }
  } else if (!input.carried) Object.assign(s, await store.prepareCampaign({ ...key, audience: input.audience }));

  for (let batchesThisRun = 0; ; batchesThisRun++) {
    await condition(() => !s.paused || s.cancelRequested);
    if (s.cancelRequested) break;
    if (batchesThisRun >= (input.batchesPerRun ?? BATCHES_PER_RUN) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof notifyRecipients>({ ...input, carried: s });
    }
    const pace = input.ratePerSecond ? { ratePerSecond: input.ratePerSecond } : {};
    const r = letters
      ? await sender.sendLetterBatch({
          ...round,
          afterRecipientId: s.cursor,
          limit: batchSize,
          parts: letters.parts.map(({ noticeId, kind, request }) => ({ noticeId, kind, request })),
          from: letters.from,
          ...(letters.replyTo ? { replyTo: letters.replyTo } : {}),
          maxAttempts,
          ...pace,
        })
      : await sender.sendRecipientBatch({
          ...key,
          afterRecipientId: s.cursor,
          limit: batchSize,
          notice: input.notice,
          maxAttempts,
          ...pace,
        });
    s.batches++;
    s.cursor = r.lastRecipientId;
    s.sent += r.sent;
    s.failedPermanent += r.failedPermanent;
    if (!r.done) continue;
    // End of a pass: the store has the exact counts; anyone failing temporarily gets another pass.
    Object.assign(s, letters ? counted(await store.letterCounts(round)) : await store.campaignCounts(key));
    if (s.failedTemporary === 0 && s.pending === 0) break;
    s.pass++;
    s.cursor = 0;
    await sleep(Math.min(60_000 * 2 ** (s.pass - 2), 3_600_000));
  }

  if (s.cancelRequested)
    Object.assign(s, letters ? counted(await store.cancelLetters(round)) : await store.cancelCampaign(key));
  // Each obligation's people and letters across every round so far: the incident settles its notices from them.
  let lettersSummary: LettersSummary | undefined;
  if (letters) {
    const notices = letters.parts.map(({ noticeId, audience }) => ({ noticeId, audience }));
    lettersSummary = {
      people: s.letters?.people ?? 0,
      letters: s.total,
      combined: s.letters?.combined ?? 0,
      supplementary: s.letters?.supplementary ?? 0,
      obligations: await store.letterOutcomes({ incidentId: input.incidentId, notices }),
    };
  }
  finished = true;
  await condition(allHandlersFinished);
  return {
    total: s.total,
    sent: s.sent,
    failedPermanent: s.failedPermanent,
    cancelled: s.cancelled,
    startedAt: s.startedAt,
    finishedAt: new Date().toISOString(),
    runs: s.runs,
    ...(lettersSummary ? { letters: lettersSummary } : {}),
  };
}
