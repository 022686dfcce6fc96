/**
 * Investigation tasks, the lessons-learned review and its action items, as the main loop runs them:
 * a task is assigned when its phase starts and runs on its own clock; the review is scheduled at
 * containment and its invitees get a calendar invitation; each action item runs on its own clock.
 */
import { SYSTEM_ACTOR } from '../../domain/actor';
import { reviewSettings, type Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import { alert, runDeadline, type MailOutcome, type Subject } from './deadline';
import type { Recorder } from './ledger';
import { peopleToAlert, type ActionItem, type IncidentState, type Task } from './state';

const HOUR = 3_600_000;

export interface TrackContext {
  state: IncidentState;
  plan: Plan;
  record: Recorder;
}

const taskSubject = (t: Task): Subject => ({
  kind: 'task',
  id: t.id,
  what: 'investigation task',
  title: t.title,
  status: t.doneAt ? 'done' : 'assigned',
  target:
    `${t.targetHours} hours after the ${t.phase} phase starts${t.expects ? `; evidence expected: ${t.expects}` : ''}`.slice(
      0,
      2000,
    ),
});

/** Assigns a task whose phase has started (due `targetHours` from `phaseStart`) and runs its clock. */
export async function runTask({ state, plan, record }: TrackContext, t: Task, phaseStart: number): Promise<void> {
  if (t.doneAt) return; // done before its phase: nothing to assign
  const dueAt = new Date(phaseStart + t.targetHours * HOUR).toISOString();
  const s = taskSubject(t);
  // The assignment mail is the reminder template with the whole target left.
  const { to, mail } = await alert(state, plan, 'reminder', t.role, s, dueAt, { hoursLeft: t.targetHours });
  await record('task.assigned', SYSTEM_ACTOR, {
    taskId: t.id,
    role: t.role,
    phase: t.phase,
    dueAt,
    ...(t.expects ? { expects: t.expects } : {}),
    to,
    mail,
  });
  Object.assign(t, { assignedAt: new Date(phaseStart).toISOString(), dueAt });
  await runDeadline(state, plan, record, s, t.role, t, () => t.doneAt !== undefined);
}

export async function runActionItem({ state, plan, record }: TrackContext, item: ActionItem): Promise<void> {
  const s: Subject = {
    kind: 'action-item',
    id: item.id,
    what: 'action item',
    title: item.title,
    status: item.status,
    target: `${item.priority} priority, owner ${item.owner.role}`,
  };
  await runDeadline(state, plan, record, s, item.owner.role, item, () => item.status !== 'open');
}

/**
 * Schedules the review (an activity: business days need the holiday calendar) and records it; the
 * invitation goes out beside the main loop, which it must not hold up.
 */
export async function scheduleReview(
  { state, plan, record }: TrackContext,
  containedAt: string,
): Promise<() => Promise<void>> {
  const settings = reviewSettings(plan);
  const timeZone = plan.timeZone ?? 'UTC';
  const slot = await bookkeeping.reviewSlot({
    after: containedAt,
    businessDays: settings.dueBusinessDays,
    timeZone,
    startHour: settings.startHour,
    durationMinutes: settings.durationMinutes,
    ...(plan.holidayCalendar ? { holidayCalendar: plan.holidayCalendar } : {}),
  });
  const to = [...new Set(settings.invitees.flatMap((r) => peopleToAlert(state, plan, r)))];
  await record('review.scheduled', SYSTEM_ACTOR, {
    start: slot.start,
    end: slot.end,
    timeZone,
    businessDays: settings.dueBusinessDays,
    invitees: settings.invitees,
    to,
  });
  Object.assign(state, { reviewSlot: slot, reviewDueAt: slot.end });

  return async () => {
    let mail: MailOutcome & { uid?: string };
    if (to.length === 0) {
      mail = {
        skipped: state.drill
          ? 'no drill participant holds an invited role'
          : 'the plan names nobody with an invited role',
      };
    } else {
      try {
        const sent = await bookkeeping.sendReviewInvitation({
          incident: { id: state.id, title: state.title },
          from: plan.sender,
          to,
          organizer: { name: plan.contact.name, email: plan.sender },
          start: slot.start,
          end: slot.end,
          locale: 'en',
          context: {
            incident: { id: state.id, title: state.title },
            notice: {
              id: 'review',
              regime: 'lessons-learned review',
              recipient: 'controller',
              status: 'scheduled',
              citation: plan.name,
              deadline: `${settings.dueBusinessDays} business days after containment`,
            },
            dueAt: slot.start,
            legalDeadline: false,
            timeZone,
            hoursLeft: Math.max(0, Math.round((Date.parse(slot.start) - Date.now()) / HOUR)),
          },
        });
        mail = { messageId: sent.messageId, uid: sent.uid };
      } catch (err) {
        mail = { error: (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message };
      }
    }
    await record('review.invited', SYSTEM_ACTOR, { start: slot.start, to, mail });
  };
}
