/** The API's only door to Temporal: start an incident, read its status, send it updates. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { ClientLike } from '../test/harness/types';
import type { IncidentStatus } from '../workflows/incident/state';
import { statusQuery, type IncidentInput } from '../workflows/incident/messages';
import { campaignWorkflowId, progressQuery, type NotifyProgress } from '../workflows/notify/messages';

export class IncidentNotFound extends Error { override name = 'IncidentNotFound'; }
/** The workflow refused the update (validator or handler): the message says why. */
export class UpdateRejected extends Error { override name = 'UpdateRejected'; }

interface UpdateDef<Ret, Args extends unknown[]> { name: string; __args?: Args; __ret?: Ret }

/** The SDK's error classes, or errors of the same name (the workflow simulator's, in tests). */
function isError(err: unknown, type: { name: string; prototype: Error }): boolean {
  return err instanceof (type as unknown as new () => Error) || (err as Error)?.name === type.name;
}

export function createGateway(client: ClientLike, taskQueue: string) {
  const handle = (id: string) => client.workflow.getHandle(id);

  /** Runs a query; a workflow that does not exist is IncidentNotFound with the given message. */
  async function query<T>(workflowId: string, def: Parameters<ReturnType<typeof handle>['query']>[0], notFound: string): Promise<T> {
    try {
      return await handle(workflowId).query(def) as T;
    } catch (err) {
      if (isError(err, WorkflowNotFoundError)) throw new IncidentNotFound(notFound);
      throw err;
    }
  }

  const status = (id: string) => query<IncidentStatus>(id, statusQuery, `no incident "${id}"`);
  const campaignProgress = (id: string, noticeId: string) => query<NotifyProgress>(campaignWorkflowId(id, noticeId), progressQuery,
    `no mass notification for notice "${noticeId}" of incident "${id}" (it starts when the notice is approved)`);

  /** Runs an update on a workflow, turning its refusal into UpdateRejected. */
  async function execute<Ret>(workflowId: string, name: string, args: unknown[]): Promise<Ret> {
    try {
      return await handle(workflowId).executeUpdate(name, { args: args as [unknown] }) as Ret;
    } catch (err) {
      if (isError(err, WorkflowUpdateFailedError)) {
        const cause = (err as { cause?: Error }).cause;
        throw new UpdateRejected(cause?.message ?? (err as Error).message);
      }
      // It exists (its status was read) but no longer runs: a closed incident, a finished campaign.
      if (isError(err, WorkflowNotFoundError)) throw new UpdateRejected(`${workflowId} has already completed`);
      throw err;
    }
  }

  return {
    status,
    campaignProgress,

    /** pause, resume or cancel a running mass notification. */
    async controlCampaign(id: string, noticeId: string, action: 'pause' | 'resume' | 'cancel'): Promise<NotifyProgress> {
      await campaignProgress(id, noticeId);
      return execute<NotifyProgress>(campaignWorkflowId(id, noticeId), action, []);
    },

    /** Workflow id = incident id, so a repeated report of the same incident is the same incident. */
    async report(input: IncidentInput): Promise<{ created: boolean }> {
      try {
        await client.workflow.start('incidentWorkflow', { workflowId: input.incident.id, taskQueue, args: [input] });
        return { created: true };
      } catch (err) {
        if (isError(err, WorkflowExecutionAlreadyStartedError)) return { created: false };
        throw err;
      }
    },

    async update<Ret, Args extends [unknown]>(id: string, def: UpdateDef<Ret, Args>, arg: Args[0]): Promise<Ret> {
      await status(id); // 404 before anything else
      return execute<Ret>(id, def.name, [arg]);
    },
  };
}
export type IncidentGateway = ReturnType<typeof createGateway>;
