/** One notice from draft to delivery: render, wait for approvals, send or await a filing. */
import { condition, executeChild, patched } from '@temporalio/workflow';
import { notifyRecipients } from '../notify/workflow';
import { sendByLetter } from '../notify/letters';
import type { NotifySummary } from '../notify/messages';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { combinesLetters, type Plan } from '../../domain/plan';
import { bookkeeping, delivery } from './activities';
import type { Recorder } from './ledger';
import { isApproved, isSettled, currentApprovals, type IncidentState, type NoticeState } from './state';

export interface NoticeContext {
  state: IncidentState;
  plan: Plan;
  record: Recorder;
  onDelivered(n: NoticeState): Promise<void>;
}

/** Individuals are told by one letter per person across obligations (incidents before it: one campaign per notice). */
const LETTERS_PATCH = 'one-letter-per-person';

function failureMessage(err: unknown): string {
  // Activity failures carry the activity's own error as `cause`.
  const cause = (err as { cause?: { message?: string } }).cause;
  return cause?.message ?? (err as Error).message ?? String(err);
}

export async function draftNotice({ state, plan, record }: NoticeContext, n: NoticeState): Promise<void> {
  n.stale = false;
  n.status = 'drafting';
  try {
    const draft = await bookkeeping.draftNotice({
      incident: { id: state.id, title: state.title },
      now: new Date().toISOString(),
      facts: state.facts,
      obligation: n.obligation,
      contact: plan.contact,
      ...((n.channel.kind === 'email' || n.channel.kind === 'portal') && n.channel.name
        ? { authorityName: n.channel.name }
        : {}),
      locale: n.locale,
      timeZone: n.timeZone,
      ...(n.delayReason ? { delayReason: n.delayReason } : {}),
      // The plan's own wording (plans/<plan>/templates, plans/<plan>/locales) applies to its notices.
      plan: plan.id,
    });
    // Recorded before it can be approved, so the ledger never shows an approval of an unrecorded draft.
    await record('notice.drafted', SYSTEM_ACTOR, {
      noticeId: n.id,
      contentHash: draft.contentHash,
      templateVersion: draft.templateVersion,
      locale: draft.locale,
      localeFallback: draft.fallback,
      subject: draft.subject,
      pending: draft.pending,
    });
    n.draft = draft;
    n.draftError = undefined;
    n.status = 'awaiting-approval';
  } catch (err) {
    n.status = 'draft-failed';
    n.draftError = failureMessage(err);
    await record('notice.draft-failed', SYSTEM_ACTOR, { noticeId: n.id, error: n.draftError });
  }
}

async function deliver({ state, plan, record, onDelivered }: NoticeContext, n: NoticeState): Promise<void> {
  const draft = n.draft;
  if (!draft) throw new Error(`notice ${n.id} has no draft`);
  const approvers = currentApprovals(n).map((d) => d.by);
  if (n.channel.kind === 'recipients') {
    if (combinesLetters(plan) && patched(LETTERS_PATCH))
      return notifyByLetter({ state, plan, record, onDelivered }, n, approvers);
    return notifyAffected({ state, plan, record, onDelivered }, n, n.channel.campaignId, approvers);
  }
  if (n.channel.kind !== 'email') {
    n.status = 'awaiting-filing';
    await record('notice.awaiting-filing', SYSTEM_ACTOR, {
      noticeId: n.id,
      channel: n.channel,
      approvers,
      contentHash: draft.contentHash,
    });
    return;
  }
  n.status = 'sending';
  try {
    const evidence = await delivery.sendNotice({
      incidentId: state.id,
      noticeId: n.id,
      from: plan.sender,
      to: [n.channel.to],
      replyTo: plan.contact.email,
      subject: draft.subject,
      text: draft.text,
      html: draft.html,
    });
    // Workflow time is the record's time; the transport's own timestamp is kept as evidence.
    n.delivery = {
      at: new Date().toISOString(),
      by: SYSTEM_ACTOR,
      channel: `email:${n.channel.to}`,
      reference: evidence.messageId,
      evidence: {
        messageId: evidence.messageId,
        response: evidence.response,
        contentHash: evidence.contentHash,
        transport: evidence.transport,
        transportSentAt: evidence.sentAt,
        templateVersion: draft.templateVersion,
      },
    };
    n.status = 'sent';
    const late = Date.parse(n.delivery.at) >= Date.parse(n.clockDueAt);
    await record('notice.sent', SYSTEM_ACTOR, {
      noticeId: n.id,
      approvers,
      late,
      ...(n.delayReason ? { delayReason: n.delayReason } : {}),
      ...n.delivery.evidence,
      to: n.channel.to,
    });
    await onDelivered(n);
  } catch (err) {
    n.status = 'send-failed';
    n.failure = failureMessage(err);
    await record('notice.send-failed', SYSTEM_ACTOR, { noticeId: n.id, error: n.failure });
  }
}

/** Individuals are told through the notifyRecipients child workflow; history keeps only its counts. */
/** The notice as the affected people are told it: rendered later in each person's own language. */
function massNoticeRequest(state: IncidentState, plan: Plan, n: NoticeState) {
  return {
    incident: { id: state.id, title: state.title },
    now: new Date().toISOString(),
    facts: state.facts,
    obligation: n.obligation,
    contact: plan.contact,
    timeZone: n.timeZone,
    ...(n.delayReason ? { delayReason: n.delayReason } : {}),
    plan: plan.id,
  };
}

async function notifyAffected(
  ctx: NoticeContext,
  n: NoticeState,
  campaignId: string,
  approvers: string[],
): Promise<void> {
  const { state, plan, record, onDelivered } = ctx;
  n.status = 'sending';
  await record('notice.mass-notification-started', SYSTEM_ACTOR, {
    noticeId: n.id,
    campaignId,
    approvers,
    audience: n.obligation.audience,
  });
  let summary: NotifySummary;
  try {
    summary = await executeChild(notifyRecipients, {
      workflowId: campaignId,
      args: [
        {
          incidentId: state.id,
          noticeId: n.id,
          audience: n.obligation.audience,
          notice: {
            kind: n.draft!.kind,
            from: plan.sender,
            replyTo: plan.contact.email,
            request: massNoticeRequest(state, plan, n),
          },
          ...plan.massNotification,
        },
      ],
    });
  } catch (err) {
    // The campaign itself failed (not a recipient: those end in the store). Recorded, never swallowed;
    // the notice can be redrafted by new facts or recorded as delivered by other means.
    n.status = 'send-failed';
    n.failure = failureMessage(err);
    await record('notice.mass-notification-failed', SYSTEM_ACTOR, { noticeId: n.id, campaignId, error: n.failure });
    return;
  }
  const recipients = {
    total: summary.total,
    sent: summary.sent,
    failedPermanent: summary.failedPermanent,
    cancelled: summary.cancelled,
  };
  if (summary.total === 0) {
    // Nobody imported for this audience: the notice must reach people another way (e.g. a public communication).
    n.status = 'awaiting-filing';
    await record('notice.no-recipients', SYSTEM_ACTOR, { noticeId: n.id, campaignId, audience: n.obligation.audience });
    return;
  }
  n.delivery = {
    at: new Date().toISOString(),
    by: SYSTEM_ACTOR,
    channel: 'mass-mail',
    reference: campaignId,
    recipients,
  };
  n.status = 'sent';
  await record('notice.mass-notification-completed', SYSTEM_ACTOR, {
    noticeId: n.id,
    campaignId,
    ...recipients,
    late: Date.parse(n.delivery.at) >= Date.parse(n.clockDueAt),
  });
  await onDelivered(n);
}

/**
 * Individuals told by letter: the notice joins the incident's letters (workflows/notify/letters.ts)
 * and is delivered once every person it covers has had the one letter that satisfies it, alone or
 * combined with the other obligations covering them (which may wait for their own approval).
 */
async function notifyByLetter(ctx: NoticeContext, n: NoticeState, approvers: string[]): Promise<void> {
  const { state, plan, record, onDelivered } = ctx;
  n.status = 'sending';
  await record('notice.mass-notification-started', SYSTEM_ACTOR, {
    noticeId: n.id,
    mode: 'letters',
    approvers,
    audience: n.obligation.audience,
    contentHash: n.draft!.contentHash,
  });
  const individuals = (o: NoticeState) => o.obligation.recipient === 'individuals' && o.channel.kind === 'recipients';
  const result = await sendByLetter(
    {
      owner: state,
      incidentId: state.id,
      unapproved: () =>
        state.notices
          // A notice between its approval and joining (status 'sending') still holds its people back.
          .filter((o) => individuals(o) && o.status !== 'withdrawn' && !isSettled(o))
          .map((o) => ({ noticeId: o.id, audience: o.obligation.audience })),
      owed: (id) => state.notices.some((o) => o.id === id && o.status !== 'withdrawn'),
      from: plan.sender,
      replyTo: plan.contact.email,
      options: plan.massNotification,
      onRound: (round, what) =>
        record(what.error ? 'letters.round-failed' : 'letters.round-completed', SYSTEM_ACTOR, { round, ...what }),
    },
    {
      noticeId: n.id,
      kind: n.draft!.kind,
      audience: n.obligation.audience,
      // The notice as approved: later rounds (supplementary letters) say what this one said.
      request: massNoticeRequest(state, plan, n),
    },
  );
  if (!result.ok) {
    n.status = 'send-failed';
    n.failure = result.error;
    await record('notice.mass-notification-failed', SYSTEM_ACTOR, {
      noticeId: n.id,
      campaignId: result.round,
      error: n.failure,
    });
    return;
  }
  const o = result.outcome;
  if (o.covered === 0) {
    n.status = 'awaiting-filing';
    await record('notice.no-recipients', SYSTEM_ACTOR, {
      noticeId: n.id,
      campaignId: result.round,
      audience: n.obligation.audience,
    });
    return;
  }
  const recipients = { total: o.covered, sent: o.sent, failedPermanent: o.failedPermanent, cancelled: o.cancelled };
  n.delivery = {
    at: new Date().toISOString(),
    by: SYSTEM_ACTOR,
    channel: 'letters',
    reference: result.rounds.join(' '),
    recipients,
  };
  n.status = 'sent';
  await record('notice.mass-notification-completed', SYSTEM_ACTOR, {
    noticeId: n.id,
    campaignId: result.round,
    rounds: result.rounds,
    ...recipients,
    // People and letters apart from obligations: a combined letter counts for each obligation it satisfies.
    people: o.covered,
    letters: o.letters,
    combinedLetters: o.combined,
    supplementaryLetters: o.supplementary,
    evidenceSample: o.sample,
    late: Date.parse(n.delivery.at) >= Date.parse(n.clockDueAt),
  });
  await onDelivered(n);
}

/** Runs until the notice is delivered, filed or withdrawn; a change of facts redrafts it. */
export async function runNotice(ctx: NoticeContext, n: NoticeState): Promise<void> {
  while (!isSettled(n)) {
    if (n.status === 'drafting' || n.stale) await draftNotice(ctx, n);
    if (n.status === 'draft-failed') {
      await condition(() => n.stale || isSettled(n));
      continue;
    }
    if (n.status === 'awaiting-approval') {
      await condition(() => isApproved(n) || n.stale || isSettled(n));
      if (isSettled(n) || n.stale) continue;
      await deliver(ctx, n);
    }
    if (n.status === 'awaiting-filing' || n.status === 'send-failed') {
      await condition(() => isSettled(n) || n.stale);
    }
  }
}
