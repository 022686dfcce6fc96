/** Starting an incident's retention at its close: a child that outlives the incident (ABANDON). */
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { retentionSettings, type Plan } from '../../domain/plan';
import type { Recorder } from '../incident/ledger';
import { retentionWorkflowId } from './messages';
import { retentionWorkflow } from './workflow';

const DAY = 86_400_000;

export async function scheduleRetention(incidentId: string, closedAt: string, plan: Plan, record: Recorder) {
  const policy = retentionSettings(plan);
  const workflowId = retentionWorkflowId(incidentId);
  const at = (days: number) => new Date(Date.parse(closedAt) + days * DAY).toISOString();
  try {
    await startChild(retentionWorkflow, {
      workflowId,
      // The incident's workflow ends at its close; its retention runs on for months.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{ incidentId, closedAt, policy }],
    });
  } catch (err) {
    // Recorded, never swallowed silently: the close still happens, and the ledger says deletion was not scheduled.
    await record('retention.schedule-failed', SYSTEM_ACTOR, { workflowId, error: (err as Error).message });
    return;
  }
  await record('retention.scheduled', SYSTEM_ACTOR, {
    workflowId,
    ...policy,
    dueAt: at(policy.recipientDataDays),
    outboxDueAt: at(policy.outboxDays),
  });
}
