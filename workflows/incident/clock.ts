/** One notice's clock: reminders before it is due, the missed deadline, and escalation after. */
import { condition } from '@temporalio/workflow';
import { SYSTEM_ACTOR } from '../../domain/actor';
import type { Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import type { Recorder } from './ledger';
import { isSettled, peopleToAlert, type IncidentState, type NoticeState } from './state';

const HOUR = 3_600_000;
type Wake = 'settled' | 'moved' | 'time';

/** What an internal mail about a notice (reminder, escalation) says about it. */
export function noticeMailContext(state: IncidentState, n: NoticeState) {
  return {
    incident: { id: state.id, title: state.title },
    notice: {
      id: n.id,
      regime: n.obligation.regime,
      recipient: n.obligation.recipient,
      status: n.status,
      citation: n.obligation.citation,
      deadline: n.obligation.deadline,
    },
    dueAt: n.clockDueAt,
    legalDeadline: n.legalDeadline,
    timeZone: n.timeZone,
  };
}

export async function runClock(state: IncidentState, plan: Plan, n: NoticeState, record: Recorder): Promise<void> {
  // A chained stage's due time moves when the earlier stage is delivered: start over from the new one.
  while ((await runUntil(state, plan, n, record)) === 'moved');
}

async function runUntil(state: IncidentState, plan: Plan, n: NoticeState, record: Recorder): Promise<Wake> {
  const dueSeen = n.clockDueAt;
  const due = Date.parse(dueSeen);
  const wake = (): Wake | undefined => (isSettled(n) ? 'settled' : n.clockDueAt !== dueSeen ? 'moved' : undefined);
  /** Sleeps until `at` in workflow time unless the notice settles or its due time moves first. */
  async function until(at: number): Promise<Wake> {
    const early = wake();
    if (early) return early;
    const wait = at - Date.now();
    if (wait > 0) await condition(() => wake() !== undefined, wait);
    return wake() ?? 'time';
  }
  /** Sends a reminder or escalation; a failure is recorded and the clock goes on (it must not stop on a mail). */
  const internalMail = async (
    kind: 'reminder' | 'escalation',
    to: string[],
    extra: Record<string, unknown>,
  ): Promise<{ messageId: string | null; error?: string }> => {
    if (state.drill && to.length === 0) {
      // A role no participant plays: the drill's scoring shows who would have been alerted.
      await record(`notice.${kind}-skipped`, SYSTEM_ACTOR, {
        noticeId: n.id,
        reason: 'no drill participant holds this role',
        ...extra,
      });
      return { messageId: null };
    }
    try {
      return await sendInternal(kind, to, extra);
    } catch (err) {
      const error = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
      await record(`notice.${kind}-failed`, SYSTEM_ACTOR, { noticeId: n.id, to, error });
      return { messageId: null, error };
    }
  };
  const sendInternal = (kind: 'reminder' | 'escalation', to: string[], extra: Record<string, unknown>) =>
    bookkeeping.sendInternalMail({
      kind,
      to,
      from: plan.sender,
      locale: 'en',
      context: { ...noticeMailContext(state, n), ...extra },
    });

  for (const hours of [...plan.reminders.beforeDueHours].sort((a, b) => b - a)) {
    const at = due - hours * HOUR;
    // A reminder point already behind us (or already served) is not sent late.
    if (at <= Date.now() || n.remindersSent.includes(hours)) continue;
    const w = await until(at);
    if (w !== 'time') return w;
    const to = plan.reminders.roles.flatMap((r) => peopleToAlert(state, plan, r));
    const sent = await internalMail('reminder', to, { hoursLeft: hours });
    n.remindersSent.push(hours); // served, sent or failed: a reminder is never repeated
    if (sent.messageId)
      await record('notice.reminder-sent', SYSTEM_ACTOR, {
        noticeId: n.id,
        hoursLeft: hours,
        to,
        messageId: sent.messageId,
      });
  }

  const atDue = await until(due);
  if (atDue !== 'time') return atDue;
  if (!n.missedAt) {
    n.missedAt = new Date().toISOString();
    await record(n.legalDeadline ? 'notice.deadline-missed' : 'notice.internal-target-missed', SYSTEM_ACTOR, {
      noticeId: n.id,
      dueAt: n.clockDueAt,
      status: n.status,
      citation: n.obligation.citation,
    });
  }
  for (const step of [...plan.escalation].sort((a, b) => a.afterMissedHours - b.afterMissedHours)) {
    if (n.escalatedTo.includes(step.role)) continue;
    const w = await until(due + step.afterMissedHours * HOUR);
    if (w !== 'time') return w;
    const to = peopleToAlert(state, plan, step.role);
    const sent = await internalMail('escalation', to, { role: step.role, hoursOverdue: step.afterMissedHours });
    n.escalatedTo.push(step.role);
    if (sent.messageId)
      await record('notice.escalated', SYSTEM_ACTOR, {
        noticeId: n.id,
        role: step.role,
        to,
        messageId: sent.messageId,
      });
  }
  return 'settled';
}
