/**
 * What a scripted participant would do next, read from the incident's status. Pure: the script
 * decides when (each role's response time); this decides what, through the same updates as people.
 */
import type { Role } from '../../domain/actor';
import { check } from '../../domain/permissions';
import type { Plan } from '../../domain/plan';
import type { ScriptedUpdate } from '../../activities/drills';
import type { DrillView } from './view';

export interface ScriptedAction {
  /** Identifies the thing to be done: the same key across looks, a new one when it changes (a new draft). */
  key: string;
  /**
   * When the role's response time starts counting (default: `key`): the first time it was asked for this, even if the
   * thing has changed since (an approver who read a draft approves its amended version without a new wait).
   */
  since?: string;
  role: Role;
  update: ScriptedUpdate;
  /** The update's argument, built when the action is taken (a late approval needs its reason then). */
  arg(now: number): Record<string, unknown>;
}

export const scriptActor = (role: Role) => ({ id: `drill:${role}`, role });

/** The first scripted role allowed to do an action, in the order given. */
function firstAllowed(
  roles: readonly Role[],
  action: Parameters<typeof check>[0],
  prefer: readonly Role[],
): Role | undefined {
  return prefer.find((r) => roles.includes(r) && check(action, r, {}).ok);
}

export function pendingActions(
  view: DrillView,
  plan: Plan,
  roles: readonly Role[],
  opts: { containmentScripted: boolean },
): ScriptedAction[] {
  const actions: ScriptedAction[] = [];
  const managerial: Role[] = ['manager', 'legal', 'admin', 'responder'];
  if (view.phase === 'closed') return actions;

  if (!view.containedAt && view.phase === 'containment' && !opts.containmentScripted) {
    const role = firstAllowed(roles, 'containment.confirm', ['responder', 'manager', 'admin']);
    if (role)
      actions.push({
        key: 'containment',
        role,
        update: 'confirmContainment',
        arg: () => ({ actor: scriptActor(role), note: 'Drill: containment confirmed by the script' }),
      });
  }

  for (const n of view.notices) {
    if (n.status === 'awaiting-approval' && n.contentHash && !n.stale) {
      const hash = n.contentHash;
      const approvedBy = new Set(
        n.decisions.filter((d) => d.decision === 'approve' && d.contentHash === hash).map((d) => d.by),
      );
      if (approvedBy.size >= n.requiredApprovals) continue;
      for (const role of plan.approvals.roles.filter((r) => roles.includes(r))) {
        const actor = scriptActor(role);
        if (approvedBy.has(actor.id)) continue;
        actions.push({
          key: `approve:${n.id}:${hash}:${role}`,
          since: `approve:${n.id}:${role}`,
          role,
          update: 'decideNotice',
          arg: (now) => ({
            actor,
            noticeId: n.id,
            decision: 'approve',
            contentHash: hash,
            // After the deadline an approval must give the reasons for the delay, which the notice then states.
            ...(now >= Date.parse(n.clockDueAt) && !n.delayReason
              ? { delayReason: 'The response took longer than the deadline allowed (drill).' }
              : {}),
          }),
        });
      }
    }
    if (n.status === 'awaiting-filing' || n.status === 'send-failed') {
      const role = firstAllowed(roles, 'notice.file', ['legal', 'manager', 'admin', 'responder']);
      if (role)
        actions.push({
          key: `file:${n.id}`,
          role,
          update: 'recordFiling',
          arg: () => ({ actor: scriptActor(role), noticeId: n.id, reference: `DRILL-${n.id}`, channel: 'drill' }),
        });
    }
  }

  if (view.phase === 'investigation') {
    for (const t of view.tasks.filter((x) => !x.done && roles.includes(x.role))) {
      actions.push({
        key: `task:${t.id}`,
        role: t.role,
        update: 'completeTask',
        arg: () => ({ actor: scriptActor(t.role), taskId: t.id, notes: 'Drill: completed by the script' }),
      });
    }
  }
  if (view.phase === 'review' && !view.reviewRecorded) {
    const role = firstAllowed(roles, 'review.record', managerial);
    if (role)
      actions.push({
        key: 'review',
        role,
        update: 'recordReview',
        arg: () => ({
          actor: scriptActor(role),
          whatHappened: 'Drill review recorded by the script; the drill report has the timeline and findings.',
        }),
      });
  }
  // A script cannot do the work an action item asks for: a manager it plays accepts the item as open, saying so.
  const accepting = firstAllowed(roles, 'action-item.accept', ['manager', 'admin']);
  for (const item of view.openActionItems) {
    if (accepting && roles.includes(item.role)) {
      actions.push({
        key: `accept:${item.id}`,
        role: accepting,
        update: 'acceptActionItem',
        arg: () => ({
          actor: scriptActor(accepting),
          itemId: item.id,
          reason: 'Drill: the script cannot carry out action items; accepted as open for the drill only',
        }),
      });
    }
  }
  if (view.reviewRecorded && !view.closeRequested && (view.openActionItems.length === 0 || !accepting)) {
    const role = firstAllowed(roles, 'incident.close', managerial);
    if (role)
      actions.push({
        key: 'close',
        role,
        update: 'close',
        arg: () => ({ actor: scriptActor(role), reason: 'Drill complete' }),
      });
  }
  return actions;
}
