/** One line per ledger entry for the record's timeline: what the step was, in a few words. */
import { num, object, objects, str, strings, type Payload } from './payload';
import { OUTSIDE_PREFIX } from './outside';

type Describe = (p: Payload) => string;

const on = (p: Payload) => str(p, 'noticeId') ?? '?';
const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
const opt = (label: string, v: string | null) => (v ? ` (${label}: ${v})` : '');

const DESCRIPTIONS: Record<string, Describe> = {
  'incident.reported': (p) => `Incident reported: ${str(p, 'title') ?? ''}; plan ${str(p, 'planId') ?? '?'}`,
  'obligations.assessed': (p) =>
    `Obligations assessed (${str(p, 'reason') ?? ''}): ${list(objects(p, 'obligations').map((o) => str(o, 'id') ?? '?'))}`,
  'phase.changed': (p) => `Phase ${str(p, 'from') ?? '?'} → ${str(p, 'to') ?? '?'}`,
  'facts.updated': (p) => `Facts changed: ${list(strings(p, 'changed'))}${opt('reason', str(p, 'reason'))}`,
  'containment.confirmed': (p) => `Containment confirmed${opt('note', str(p, 'note'))}`,
  'notice.drafted': (p) => `Notice ${on(p)} drafted, content hash ${(str(p, 'contentHash') ?? '').slice(0, 12)}…`,
  'notice.draft-failed': (p) => `Drafting notice ${on(p)} failed: ${str(p, 'error') ?? ''}`,
  'notice.approved': (p) =>
    `Notice ${on(p)} approved (${num(p, 'approvals') ?? '?'} of ${num(p, 'needed') ?? '?'})${opt('reasons for delay', str(p, 'delayReason'))}`,
  'notice.rejected': (p) => `Notice ${on(p)} rejected${opt('reason', str(p, 'reason'))}`,
  'notice.sent': (p) =>
    `Notice ${on(p)} sent to ${str(p, 'to') ?? '?'}, Message-ID ${str(p, 'messageId') ?? '?'}${p.late === true ? ' (late)' : ''}`,
  'notice.send-failed': (p) => `Sending notice ${on(p)} failed: ${str(p, 'error') ?? ''}`,
  'notice.awaiting-filing': (p) =>
    `Notice ${on(p)} approved; awaiting filing (${str(object(p, 'channel') ?? {}, 'kind') ?? '?'})`,
  'notice.filed': (p) =>
    `Notice ${on(p)} filed, reference ${str(p, 'reference') ?? '?'}, at ${str(p, 'filedAt') ?? '?'}${p.late === true ? ' (late)' : ''}`,
  'notice.withdrawn': (p) => `Notice ${on(p)} withdrawn${opt('reason', str(p, 'reason'))}`,
  'notice.reminder-sent': (p) => `Reminder for ${on(p)}: ${num(p, 'hoursLeft') ?? '?'} h left`,
  'notice.deadline-missed': (p) => `Legal deadline of ${on(p)} missed (due ${str(p, 'dueAt') ?? '?'})`,
  'notice.internal-target-missed': (p) => `Internal target of ${on(p)} missed (due ${str(p, 'dueAt') ?? '?'})`,
  'notice.escalated': (p) => `Notice ${on(p)} escalated to ${str(p, 'role') ?? '?'}`,
  'notice.mass-notification-started': (p) => `Mass notification for ${on(p)} started`,
  'notice.mass-notification-completed': (p) =>
    `Mass notification for ${on(p)} completed: ${num(p, 'sent') ?? 0} of ${num(p, 'total') ?? 0} sent, ${num(p, 'failedPermanent') ?? 0} failed`,
  'notice.mass-notification-failed': (p) => `Mass notification for ${on(p)} failed: ${str(p, 'error') ?? ''}`,
  'notice.no-recipients': (p) => `No recipients imported for ${on(p)}: to be delivered another way`,
  'task.assigned': (p) =>
    `Task ${str(p, 'taskId') ?? '?'} assigned to ${str(p, 'role') ?? '?'}, due ${str(p, 'dueAt') ?? '?'}`,
  'task.completed': (p) => `Task ${str(p, 'taskId') ?? '?'} completed${p.late === true ? ' (late)' : ''}`,
  'task.overdue': (p) => `Task ${str(p, 'taskId') ?? '?'} overdue`,
  'review.scheduled': (p) => `Review scheduled ${str(p, 'start') ?? '?'}`,
  'review.recorded': (p) => `Review recorded: ${objects(p, 'actionItems').length} action item(s)`,
  'review.overdue': () => 'Review overdue',
  'action-item.completed': (p) => `Action item ${str(p, 'itemId') ?? '?'} completed`,
  'action-item.accepted': (p) =>
    `Action item ${str(p, 'itemId') ?? '?'} accepted as open${opt('reason', str(p, 'reason'))}`,
  'incident.close-requested': (p) => `Close requested${opt('reason', str(p, 'reason'))}`,
  'recipients.imported': () => 'Affected people imported',
  'recipients.import-failed': (p) => `Import of affected people failed: ${str(p, 'reason') ?? ''}`,
  'retention.scheduled': (p) => `Deletion of personal data scheduled for ${str(p, 'dueAt') ?? '?'}`,
  'retention.held': (p) => `Deletion held${opt('reason', str(p, 'reason'))}`,
  'retention.released': () => 'Deletion hold released',
  'retention.destroyed': () => 'Personal data destroyed; certificate recorded',
};

export function summarize(action: string, p: Payload): string {
  if (action.startsWith(OUTSIDE_PREFIX)) {
    const note = str(p, 'note') ?? str(p, 'reason') ?? str(p, 'description');
    return `Outside the engine: ${action.slice(OUTSIDE_PREFIX.length)}${note ? ` — ${note}` : ''}`;
  }
  const d = DESCRIPTIONS[action];
  return d ? d(p) : action;
}
