/**
 * A notice awaiting approval: at the plan's shares of the time from its draft to its due time
 * (`approvals.escalateAt`, default 50 % and 80 %), the next role of the plan's escalation chain is
 * mailed, the first share going to the chain's first role, the second to its second, and so on
 * (the last role takes any further shares). Each is one `notice.approval-escalated` entry saying
 * whether its mail went out, failed, or had nobody to go to. It stops for good once the notice is
 * approved, rejected or delivered. A missed deadline is escalated by the notice's clock (clock.ts).
 */
import { condition } from '@temporalio/workflow';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { DEFAULT_APPROVAL_ESCALATION, type Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import { noticeMailContext } from './clock';
import type { Recorder } from './ledger';
import { currentApprovals, isApproved, isSettled, peopleToAlert, type IncidentState, type NoticeState } from './state';

/** Incidents started before approvals were escalated replay without it. */
export const APPROVAL_ESCALATION_PATCH = 'approval-escalation';

const HOUR = 3_600_000;

/** Approved, rejected, or past approval: nothing is left to escalate. */
function decided(n: NoticeState): boolean {
  return (
    isSettled(n) ||
    isApproved(n) ||
    n.decisions.some((d) => d.decision === 'reject') ||
    n.status === 'sending' ||
    n.status === 'awaiting-filing' ||
    n.status === 'send-failed'
  );
}

export async function runApprovalEscalation(
  state: IncidentState,
  plan: Plan,
  n: NoticeState,
  record: Recorder,
): Promise<void> {
  // A plan kept in history from before this setting has none: the defaults apply.
  const shares = [...(plan.approvals.escalateAt ?? DEFAULT_APPROVAL_ESCALATION)].sort((a, b) => a - b);
  const chain = [...plan.escalation].sort((a, b) => a.afterMissedHours - b.afterMissedHours);
  if (shares.length === 0 || chain.length === 0) return;

  // The wait starts with the first draft awaiting approval; a redraft (new facts) does not restart it.
  await condition(() => decided(n) || (n.status === 'awaiting-approval' && n.draft !== undefined));
  if (decided(n)) return;
  const draftedAt = Date.now();

  for (const [i, share] of shares.entries()) {
    const role = chain[Math.min(i, chain.length - 1)].role;
    // A chained stage's due time can move: the instant is computed again from the new one.
    for (;;) {
      const dueSeen = n.clockDueAt;
      const due = Date.parse(dueSeen);
      const at = draftedAt + share * (due - draftedAt);
      // A point already behind (a notice drafted late, a due time moved earlier) is not sent late.
      if (at <= Date.now()) break;
      await condition(() => decided(n) || n.clockDueAt !== dueSeen, at - Date.now());
      if (decided(n)) return;
      if (n.clockDueAt !== dueSeen) continue;
      // Being redrafted or failed to draft at this instant: there is no text to approve, so no one to chase.
      if (n.status === 'awaiting-approval') await escalate(state, plan, n, record, { share, role, draftedAt });
      break;
    }
  }
}

async function escalate(
  state: IncidentState,
  plan: Plan,
  n: NoticeState,
  record: Recorder,
  { share, role, draftedAt }: { share: number; role: Plan['escalation'][number]['role']; draftedAt: number },
): Promise<void> {
  // In a drill only its participants (the send activity checks the same list).
  const to = peopleToAlert(state, plan, role);
  const approval = {
    percentElapsed: Math.round(share * 1000) / 10,
    draftedAt: new Date(draftedAt).toISOString(),
    hoursLeft: Math.max(0, Math.round((Date.parse(n.clockDueAt) - Date.now()) / (HOUR / 10)) / 10),
    approvalsHave: currentApprovals(n).length,
    approvalsNeeded: n.requiredApprovals,
  };
  let mail: { messageId: string } | { error: string } | { skipped: string };
  if (to.length === 0) {
    mail = {
      skipped: state.drill ? 'no drill participant holds this role' : `the plan names nobody with the role ${role}`,
    };
  } else {
    try {
      const sent = await bookkeeping.sendInternalMail({
        kind: 'escalation',
        to,
        from: plan.sender,
        locale: 'en',
        context: {
          ...noticeMailContext(state, n),
          role,
          hoursOverdue: 0,
          approval,
        },
      });
      mail = { messageId: sent.messageId };
    } catch (err) {
      // A mail that cannot go must not stop the notice: the failure is in the ledger instead.
      mail = { error: (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message };
    }
  }
  await record('notice.approval-escalated', SYSTEM_ACTOR, {
    noticeId: n.id,
    threshold: share,
    role,
    to,
    mail,
    dueAt: n.clockDueAt,
    draftedAt: approval.draftedAt,
    approvals: approval.approvalsHave,
    needed: approval.approvalsNeeded,
  });
}
