/**
 * The clock of an investigation task or an action item: reminders before its target, overdue at
 * it, escalation after, on the plan's reminder and escalation settings (as notices, clock.ts).
 * Every step is one ledger entry that says whether its mail went out, failed, or had nobody to go to.
 */
import { condition } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Role } from '../../domain/actor';
import type { Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import type { Recorder } from './ledger';
import { peopleToAlert, type Deadline, type IncidentState } from './state';

const HOUR = 3_600_000;

/** What the reminder and escalation templates are told about the item (see mailContext). */
export interface Subject {
  /** Ledger prefix and payload key: task.* with taskId, action-item.* with itemId. */
  kind: 'task' | 'action-item';
  id: string;
  what: string;
  title: string;
  status: string;
  /** The target in words, e.g. "48 hours after the investigation starts". */
  target: string;
}

export type MailOutcome = { messageId: string } | { error: string } | { skipped: string };

/**
 * The internal templates are written for notices; until templates for tasks exist, the item is
 * described in the notice's fields (its kind as the regime, its title as the basis, its target as
 * the deadline) and also under `item` for a template that knows it.
 */
function mailContext(state: IncidentState, plan: Plan, s: Subject, dueAt: string, extra: Record<string, unknown>) {
  return {
    incident: { id: state.id, title: state.title },
    notice: {
      id: `${s.kind} ${s.id}`.slice(0, 200),
      regime: s.what,
      recipient: 'controller',
      status: s.status,
      citation: s.title,
      deadline: s.target,
    },
    item: { kind: s.kind, id: s.id, title: s.title, status: s.status, target: s.target },
    dueAt,
    legalDeadline: false,
    timeZone: plan.timeZone ?? 'UTC',
    ...extra,
  };
}

/** Mails the people of `role` (in a drill, only participants); the outcome goes into the caller's ledger entry. */
export async function alert(
  state: IncidentState,
  plan: Plan,
  kind: 'reminder' | 'escalation',
  role: Role,
  s: Subject,
  dueAt: string,
  extra: Record<string, unknown>,
): Promise<{ to: string[]; mail: MailOutcome }> {
  const to = peopleToAlert(state, plan, role);
  if (to.length === 0)
    return {
      to,
      mail: {
        skipped: state.drill ? 'no drill participant holds this role' : `the plan names nobody with the role ${role}`,
      },
    };
  try {
    const sent = await bookkeeping.sendInternalMail({
      kind,
      to,
      from: plan.sender,
      locale: 'en',
      context: mailContext(state, plan, s, dueAt, extra),
    });
    return { to, mail: { messageId: sent.messageId } };
  } catch (err) {
    // A mail that cannot go must not stop the clock: the failure is in the ledger instead.
    return { to, mail: { error: (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message } };
  }
}

/** Runs the clock of `d` (its dueAt set) until `done()` or the last escalation step. */
export async function runDeadline(
  state: IncidentState,
  plan: Plan,
  record: Recorder,
  s: Subject,
  owner: Role,
  d: Deadline,
  done: () => boolean,
): Promise<void> {
  if (!d.dueAt) return;
  const dueAt = d.dueAt;
  const due = Date.parse(dueAt);
  const key = s.kind === 'task' ? 'taskId' : 'itemId';
  /** Sleeps until `at` in workflow time; false when the item is done first. */
  async function until(at: number): Promise<boolean> {
    const wait = at - Date.now();
    if (!done() && wait > 0) await condition(done, wait);
    return !done();
  }

  for (const hours of [...plan.reminders.beforeDueHours].sort((a, b) => b - a)) {
    const at = due - hours * HOUR;
    if (at <= Date.now() || d.remindersSent.includes(hours)) continue; // never sent late, never twice
    if (!(await until(at))) return;
    const { to, mail } = await alert(state, plan, 'reminder', owner, s, dueAt, { hoursLeft: hours });
    await record(`${s.kind}.reminded`, SYSTEM_ACTOR, { [key]: s.id, role: owner, hoursLeft: hours, to, mail });
    d.remindersSent.push(hours);
  }
  if (!(await until(due))) return;
  if (!d.overdueAt) {
    await record(`${s.kind}.overdue`, SYSTEM_ACTOR, { [key]: s.id, role: owner, dueAt });
    d.overdueAt = new Date().toISOString();
  }
  for (const step of [...plan.escalation].sort((a, b) => a.afterMissedHours - b.afterMissedHours)) {
    if (d.escalatedTo.includes(step.role)) continue;
    if (!(await until(due + step.afterMissedHours * HOUR))) return;
    const { to, mail } = await alert(state, plan, 'escalation', step.role, s, dueAt, {
      role: step.role,
      hoursOverdue: step.afterMissedHours,
    });
    await record(`${s.kind}.escalated`, SYSTEM_ACTOR, {
      [key]: s.id,
      role: step.role,
      hoursOverdue: step.afterMissedHours,
      to,
      mail,
    });
    d.escalatedTo.push(step.role);
  }
}
