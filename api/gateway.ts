/** The API's only door to Temporal: start an incident, read its status, send it updates. */
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import type { IncidentStatus } from '../workflows/incident/state';
import type { incidentWorkflow } from '../workflows/incident/workflow';
import { statusQuery, type IncidentInput } from '../workflows/incident/messages';
import {
  campaignWorkflowId,
  cancelUpdate,
  lettersRoundWorkflowId,
  pauseUpdate,
  progressQuery,
  resumeUpdate,
  type NotifyProgress,
} from '../workflows/notify/messages';

export class IncidentNotFound extends Error {
  override name = 'IncidentNotFound';
}
/** The workflow refused the update (validator or handler): the message says why. */
export class UpdateRejected extends Error {
  override name = 'UpdateRejected';
}

const campaignControls = { pause: pauseUpdate, resume: resumeUpdate, cancel: cancelUpdate } as const;

export function createGateway(client: Client, taskQueue: string) {
  const handle = (id: string) => client.workflow.getHandle(id);

  /** Runs a query; a workflow that does not exist is IncidentNotFound with the given message. */
  async function query<T>(workflowId: string, def: QueryDefinition<T, []>, notFound: string): Promise<T> {
    try {
      return await handle(workflowId).query(def);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new IncidentNotFound(notFound);
      throw err;
    }
  }

  const status = (id: string) => query<IncidentStatus>(id, statusQuery, `no incident "${id}"`);
  const campaignProgress = (id: string, noticeId: string) =>
    query<NotifyProgress>(
      campaignWorkflowId(id, noticeId),
      progressQuery,
      `no mass notification for notice "${noticeId}" of incident "${id}" (it starts when the notice is approved)`,
    );

  /** Runs an update on a workflow, turning its refusal into UpdateRejected. */
  async function execute<Ret, Args extends unknown[]>(
    workflowId: string,
    def: UpdateDefinition<Ret, Args>,
    args: Args,
  ): Promise<Ret> {
    try {
      // The SDK's overloads split no-argument updates from the rest; both go through one call here.
      return await handle(workflowId).executeUpdate(def as unknown as UpdateDefinition<Ret, [unknown]>, {
        args: args as unknown as [unknown],
      });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw new UpdateRejected(err.cause?.message ?? err.message);
      // It exists (its status was read) but no longer runs: a closed incident, a finished campaign.
      if (err instanceof WorkflowNotFoundError) throw new UpdateRejected(`${workflowId} has already completed`);
      throw err;
    }
  }

  /**
   * The incident's latest round of letters (`<incident>/letters/<n>`, one at a time, numbered from
   * 1): found by asking for each round in turn, a handful per incident. Null before the first.
   */
  async function latestLettersRound(
    id: string,
  ): Promise<{ workflowId: string; round: number; running: boolean } | null> {
    let latest: { workflowId: string; round: number; running: boolean } | null = null;
    for (let n = 1; ; n++) {
      const workflowId = lettersRoundWorkflowId(id, n);
      try {
        const d = await handle(workflowId).describe();
        latest = { workflowId, round: n, running: d.status.name === 'RUNNING' };
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return latest;
        throw err;
      }
    }
  }

  /** The latest round's progress (the running one, else the last that ran); IncidentNotFound before the first. */
  async function lettersRoundProgress(id: string): Promise<NotifyProgress & { round: string; running: boolean }> {
    await status(id); // 404 for an unknown incident
    const latest = await latestLettersRound(id);
    if (!latest) throw new IncidentNotFound(`no round of letters for incident "${id}" yet (one starts at an approval)`);
    const p = await query<NotifyProgress>(latest.workflowId, progressQuery, `no round ${latest.workflowId}`);
    return { ...p, round: latest.workflowId, running: latest.running };
  }

  return {
    status,
    campaignProgress,
    lettersRoundProgress,

    /**
     * pause, resume or cancel the running round of letters; the round's own validators decide
     * (already paused, not paused, finished). Later rounds start unpaused: a pause holds one round.
     */
    async controlLetters(
      id: string,
      action: keyof typeof campaignControls,
    ): Promise<NotifyProgress & { round: string; running: boolean }> {
      const current = await lettersRoundProgress(id);
      if (!current.running)
        throw new UpdateRejected(`no round of letters is running (the last, ${current.round}, has finished)`);
      const p = await execute(current.round, campaignControls[action], []);
      return { ...p, round: current.round, running: true };
    },

    /** pause, resume or cancel a running mass notification. */
    async controlCampaign(
      id: string,
      noticeId: string,
      action: keyof typeof campaignControls,
    ): Promise<NotifyProgress> {
      await campaignProgress(id, noticeId);
      return execute(campaignWorkflowId(id, noticeId), campaignControls[action], []);
    },

    /** Workflow id = incident id, so a repeated report of the same incident is the same incident. */
    async report(input: IncidentInput): Promise<{ created: boolean }> {
      try {
        await client.workflow.start<typeof incidentWorkflow>('incidentWorkflow', {
          workflowId: input.incident.id,
          taskQueue,
          args: [input],
        });
        return { created: true };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return { created: false };
        throw err;
      }
    },

    /** `precheck` sees the status read for the 404 (e.g. a permission that depends on the plan) and may throw. */
    async update<Ret, Arg>(
      id: string,
      def: UpdateDefinition<Ret, [Arg]>,
      arg: Arg,
      precheck?: (s: IncidentStatus) => void,
    ): Promise<Ret> {
      const current = await status(id); // 404 before anything else
      precheck?.(current);
      return execute(id, def, [arg]);
    },
  };
}
export type IncidentGateway = ReturnType<typeof createGateway>;
