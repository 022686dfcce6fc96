/** Retention of an incident's personal data: its status, and the litigation hold. */
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentId } from '../../workflows/incident/messages';
import {
  holdRetentionUpdate,
  releaseRetentionUpdate,
  retentionStatusQuery,
  retentionWorkflowId,
  type HoldArgs,
  type ReleaseArgs,
  type RetentionStatus,
} from '../../workflows/retention/messages';
import { actorOf, requirePermission } from '../auth';
import { UpdateRejected, type IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { RetentionStatusBody } from '../schemas/retention';

/** The API's door to the retention workflows. */
export function createRetentionGateway(client: Client) {
  const handle = (incidentId: string) => client.workflow.getHandle(retentionWorkflowId(incidentId));
  return {
    /** null while there is no retention workflow (the incident is still open). */
    async status(incidentId: string): Promise<RetentionStatus | null> {
      try {
        return await handle(incidentId).query(retentionStatusQuery);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      }
    },
    async hold(incidentId: string, args: HoldArgs): Promise<RetentionStatus> {
      return this.execute(incidentId, 'hold', args);
    },
    async release(incidentId: string, args: ReleaseArgs): Promise<RetentionStatus> {
      return this.execute(incidentId, 'release', args);
    },
    async execute(
      incidentId: string,
      what: 'hold' | 'release',
      args: HoldArgs | ReleaseArgs,
    ): Promise<RetentionStatus> {
      try {
        return what === 'hold'
          ? await handle(incidentId).executeUpdate(holdRetentionUpdate, { args: [args as HoldArgs] })
          : await handle(incidentId).executeUpdate(releaseRetentionUpdate, { args: [args] });
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) throw new UpdateRejected(err.cause?.message ?? err.message);
        if (err instanceof WorkflowNotFoundError)
          throw new UpdateRejected(`the retention of incident ${incidentId} has already completed`);
        throw err;
      }
    },
  };
}
export type RetentionGateway = ReturnType<typeof createRetentionGateway>;

const IdParams = z.object({ id: IncidentId });
const HoldBody = z.object({ reason: z.string().trim().min(1).max(5000).describe('why the deletion is held') }).strict();
const ReleaseBody = z
  .object({ reason: z.string().trim().min(1).max(5000).optional() })
  .strict()
  .default({});

export function retentionRoutes(incidents: IncidentGateway, retention: RetentionGateway) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const response = { 200: RetentionStatusBody, ...errorResponses };

    /** The retention workflow of an incident that exists (404 otherwise) and is closed (409 otherwise). */
    async function scheduled(id: string): Promise<void> {
      await incidents.status(id);
      if (!(await retention.status(id)))
        throw new UpdateRejected(`incident ${id} is not closed yet: its retention starts when it closes`);
    }

    r.get(
      '/v1/incidents/:id/retention',
      { schema: { params: IdParams, response, tags: ['retention'] }, preHandler: requirePermission('incident.read') },
      async (req) => {
        await incidents.status(req.params.id); // 404 for an unknown incident
        return (
          (await retention.status(req.params.id)) ?? { incidentId: req.params.id, phase: 'not-scheduled' as const }
        );
      },
    );

    r.post(
      '/v1/incidents/:id/retention/hold',
      {
        schema: { params: IdParams, body: HoldBody, response, tags: ['retention'] },
        preHandler: requirePermission('retention.hold'),
      },
      async (req) => {
        await scheduled(req.params.id);
        return retention.hold(req.params.id, { actor: actorOf(req), reason: req.body.reason });
      },
    );

    r.post(
      '/v1/incidents/:id/retention/release',
      {
        schema: { params: IdParams, body: ReleaseBody, response, tags: ['retention'] },
        preHandler: requirePermission('retention.hold'),
      },
      async (req) => {
        await scheduled(req.params.id);
        return retention.release(req.params.id, {
          actor: actorOf(req),
          ...(req.body.reason ? { reason: req.body.reason } : {}),
        });
      },
    );
  };
}
