/** One notice's clock: reminders before it is due, the missed deadline, and escalation after. */
import { condition } from '@temporalio/workflow';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { peopleWithRole, type Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import type { Recorder } from './ledger';
import { isSettled, type IncidentState, type NoticeState } from './state';

const HOUR = 3_600_000;

/** Waits until `at` (virtual workflow time) or until the notice settles; true if it settled. */
async function settledBefore(n: NoticeState, at: number): Promise<boolean> {
  const wait = at - Date.now();
  if (isSettled(n)) return true;
  if (wait <= 0) return false;
  return condition(() => isSettled(n), wait);
}

export async function runClock(state: IncidentState, plan: Plan, n: NoticeState, record: Recorder): Promise<void> {
  const due = Date.parse(n.clockDueAt);
  const internalMail = (kind: 'reminder' | 'escalation', to: string[], extra: Record<string, unknown>) =>
    bookkeeping.sendInternalMail({
      kind, to, from: plan.sender, locale: 'en',
      context: {
        incident: { id: state.id, title: state.title }, notice: { id: n.id, regime: n.obligation.regime, recipient: n.obligation.recipient, status: n.status, citation: n.obligation.citation, deadline: n.obligation.deadline },
        dueAt: n.clockDueAt, legalDeadline: n.legalDeadline, timeZone: n.timeZone, ...extra,
      },
    });

  const reminders = [...plan.reminders.beforeDueHours].sort((a, b) => b - a);
  for (const hours of reminders) {
    const at = due - hours * HOUR;
    if (at <= Date.now()) continue; // a reminder point already behind us is not sent late
    if (await settledBefore(n, at)) return;
    const to = plan.reminders.roles.flatMap((r) => peopleWithRole(plan, r));
    const evidence = await internalMail('reminder', to, { hoursLeft: hours });
    n.remindersSent.push(hours);
    await record('notice.reminder-sent', SYSTEM_ACTOR, { noticeId: n.id, hoursLeft: hours, to, messageId: evidence.messageId });
  }

  if (await settledBefore(n, due)) return;
  n.missedAt = new Date().toISOString();
  await record(n.legalDeadline ? 'notice.deadline-missed' : 'notice.internal-target-missed', SYSTEM_ACTOR, {
    noticeId: n.id, dueAt: n.clockDueAt, status: n.status, citation: n.obligation.citation,
  });

  for (const step of [...plan.escalation].sort((a, b) => a.afterMissedHours - b.afterMissedHours)) {
    if (await settledBefore(n, due + step.afterMissedHours * HOUR)) return;
    const to = peopleWithRole(plan, step.role);
    const evidence = await internalMail('escalation', to, { role: step.role, hoursOverdue: step.afterMissedHours });
    n.escalatedTo.push(step.role);
    await record('notice.escalated', SYSTEM_ACTOR, { noticeId: n.id, role: step.role, to, messageId: evidence.messageId });
  }
}
