/** incidentWorkflow: the organisation's emergency plan for one incident. Wiring only. */
import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, workflowInfo } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Actor } from '../../domain/actor';
import type { Phase, Plan } from '../../domain/plan';
import { bookkeeping } from './activities';
import { APPROVAL_ESCALATION_PATCH, runApprovalEscalation } from './approval-escalation';
import { runClock } from './clock';
import { installHandlers } from './handlers';
import { createRecorder } from './ledger';
import { drillNudgeSignal } from '../drill/messages';
import type { IncidentInput } from './messages';
import { runNotice, type NoticeContext } from './notice';
import { deliveredTimes, isSettled, mergeObligations, newTask, type IncidentState, type NoticeState } from './state';
import { runActionItem, runTask, scheduleReview } from './tasks';
import { scheduleRetention } from '../retention/start';

/** Tasks assigned at the start of their phase, each on its own clock (incidents before it: tasks are a checklist). */
const TASKS_PATCH = 'tasks-assigned-by-phase';
/** The review scheduled at containment with an invitation, its action items on their own clocks and holding the close. */
const REVIEW_PATCH = 'review-scheduled-at-containment';
/** The retention workflow (deletion of the people's data, litigation hold) started at the close. */
const RETENTION_PATCH = 'retention-on-close';

export interface IncidentOutcome {
  id: string;
  closedAt: string;
  notices: { id: string; status: string; deliveredAt?: string; missedAt?: string }[];
}

export async function incidentWorkflow(input: IncidentInput): Promise<IncidentOutcome> {
  const { incident, facts, planId, drill } = input;
  // A drill incident tells its drill about each step, so the drill's script looks again.
  const parent = drill ? workflowInfo().parent : undefined;
  const record = createRecorder(incident.id, parent ? () => nudge(parent.workflowId) : undefined);
  // The plan's version and tasks are filled in once the plan is loaded (an activity, so it is in history).
  const state: IncidentState = {
    id: incident.id,
    title: incident.title,
    planId,
    planVersion: '',
    phase: 'triage',
    reportedAt: incident.reportedAt,
    reportedBy: incident.reportedBy,
    facts,
    notices: [],
    tasks: [],
    ...(drill ? { drill } : {}),
  };
  const loops: Promise<unknown>[] = [];
  const ctx: NoticeContext = {
    state,
    plan: undefined as unknown as Plan,
    record,
    // A delivered stage restarts the clocks of the stages chained after it.
    onDelivered: async (n) => {
      if (state.notices.some((o) => o.obligation.after === n.id)) await reassess(SYSTEM_ACTOR, `${n.id} delivered`);
    },
  };
  const start = (n: NoticeState) =>
    loops.push(
      Promise.all([
        runNotice(ctx, n),
        runClock(state, ctx.plan, n, record),
        ...(patched(APPROVAL_ESCALATION_PATCH) ? [runApprovalEscalation(state, ctx.plan, n, record)] : []),
      ]),
    );

  // Obligations come from an activity, so the result and its rule-set version live in history.
  async function reassess(actor: Actor | typeof SYSTEM_ACTOR, reason: string) {
    const assessment = await bookkeeping.assessObligations({ facts: state.facts, delivered: deliveredTimes(state) });
    state.ruleSet = assessment.ruleSet;
    const { added, withdrawn } = mergeObligations(state, plan, assessment.obligations);
    await record('obligations.assessed', actor, {
      reason,
      ruleSet: assessment.ruleSet,
      obligations: assessment.obligations.map((o) => ({
        id: o.id,
        clockStart: o.clockStart,
        dueAt: o.dueAt,
        citation: o.citation,
      })),
      added: added.map((n) => n.id),
      withdrawn: withdrawn.map((n) => n.id),
    });
    for (const n of withdrawn) await record('notice.withdrawn', actor, { noticeId: n.id, reason });
    added.forEach(start);
    return { added: added.map((n) => n.id), withdrawn: withdrawn.map((n) => n.id) };
  }

  async function enter(phase: Phase): Promise<void> {
    const from = state.phase;
    state.phase = phase;
    await record('phase.changed', SYSTEM_ACTOR, { from, to: phase });
    const due = state.tasks.filter((t) => t.phase === phase && !t.doneAt);
    if (due.length && patched(TASKS_PATCH))
      for (const t of due) loops.push(runTask({ state, plan, record }, t, Date.now()));
  }

  // Handlers first: a query or update may arrive with the very first workflow task.
  let ready = false;
  let reviewTracked = false;
  installHandlers(ctx, { reassess, ready: () => ready, reviewTracked: () => reviewTracked });
  const plan = (ctx.plan = await bookkeeping.loadPlan({ planId }));
  Object.assign(state, {
    planId: plan.id,
    planVersion: plan.version,
    tasks: plan.phases.investigation.tasks.map(newTask),
  });
  await record('incident.reported', incident.reportedBy, {
    title: incident.title,
    planId: plan.id,
    planVersion: plan.version,
    facts,
    ...(drill ? { drill } : {}),
  });

  // Legal clocks start at awareness, so obligations are assessed before anything else.
  await reassess(SYSTEM_ACTOR, 'initial assessment');
  ready = true;
  await enter('containment');
  await condition(() => state.containedAt !== undefined);
  if (patched(REVIEW_PATCH)) {
    reviewTracked = true;
    loops.push((await scheduleReview({ state, plan, record }, state.containedAt!))());
  }
  await enter('assessment');
  await reassess(SYSTEM_ACTOR, 'assessment after containment');
  await enter('notification');
  await condition(() => state.notices.every(isSettled));
  await enter('investigation');
  // Tasks of the review phase are assigned when it starts and must be done before the close.
  await condition(() => state.tasks.every((t) => t.doneAt || t.phase === 'review'));
  await enter('review');
  if (reviewTracked && state.reviewDueAt) {
    const left = Date.parse(state.reviewDueAt) - Date.now();
    const held = state.review !== undefined || (left > 0 && (await condition(() => state.review !== undefined, left)));
    if (!held) await record('review.overdue', SYSTEM_ACTOR, { reviewDueAt: state.reviewDueAt });
    await condition(() => state.review !== undefined);
    for (const item of state.review!.actionItems) loops.push(runActionItem({ state, plan, record }, item));
  } else {
    state.reviewDueAt = new Date(Date.now() + plan.reviewDueDays * 86_400_000).toISOString();
    if (!(await condition(() => state.review !== undefined, plan.reviewDueDays * 86_400_000))) {
      await record('review.overdue', SYSTEM_ACTOR, { reviewDueAt: state.reviewDueAt });
    }
  }
  await condition(() => state.closeRequested !== undefined);
  state.closedAt = new Date().toISOString();
  if (patched(RETENTION_PATCH)) await scheduleRetention(state.id, state.closedAt, plan, record);
  await enter('closed');
  await Promise.all(loops);
  await condition(allHandlersFinished);
  return {
    id: state.id,
    closedAt: state.closedAt,
    notices: state.notices.map((n) => ({
      id: n.id,
      status: n.status,
      ...(n.delivery ? { deliveredAt: n.delivery.at } : {}),
      ...(n.missedAt ? { missedAt: n.missedAt } : {}),
    })),
  };
}

async function nudge(drillWorkflowId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(drillWorkflowId).signal(drillNudgeSignal);
  } catch {
    // The drill has ended (it scores what happened); the incident goes on recording regardless.
  }
}
