/** The API's only door to Temporal: start an incident, read its status, send it updates. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import type { ClientLike } from '../test/harness/types';
import type { IncidentStatus } from '../workflows/incident/state';
import { statusQuery, type IncidentInput } from '../workflows/incident/messages';

export class IncidentNotFound extends Error { override name = 'IncidentNotFound'; }
/** The workflow refused the update (validator or handler): the message says why. */
export class UpdateRejected extends Error { override name = 'UpdateRejected'; }

interface UpdateDef<Ret, Args extends unknown[]> { name: string; __args?: Args; __ret?: Ret }

export function createGateway(client: ClientLike, taskQueue: string) {
  const handle = (id: string) => client.workflow.getHandle(id);

  async function status(id: string): Promise<IncidentStatus> {
    try {
      return await handle(id).query(statusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || (err as Error).name === 'WorkflowNotFoundError') throw new IncidentNotFound(`no incident "${id}"`);
      throw err;
    }
  }

  return {
    status,

    /** Workflow id = incident id, so a repeated report of the same incident is the same incident. */
    async report(input: IncidentInput): Promise<{ created: boolean }> {
      try {
        await client.workflow.start('incidentWorkflow', { workflowId: input.incident.id, taskQueue, args: [input] });
        return { created: true };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError || (err as Error).name === 'WorkflowExecutionAlreadyStartedError') return { created: false };
        throw err;
      }
    },

    async update<Ret, Args extends [unknown]>(id: string, def: UpdateDef<Ret, Args>, arg: Args[0]): Promise<Ret> {
      await status(id); // 404 before anything else
      try {
        return await handle(id).executeUpdate(def.name, { args: [arg] }) as Ret;
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError || (err as Error).name === 'WorkflowUpdateFailedError') {
          const cause = (err as { cause?: Error }).cause;
          throw new UpdateRejected(cause?.message ?? (err as Error).message);
        }
        throw err;
      }
    },
  };
}
export type IncidentGateway = ReturnType<typeof createGateway>;
