import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentId } from '../../workflows/incident/messages';
import { requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { CampaignProgress } from '../schemas/notice';

const Params = z.object({ id: IncidentId, noticeId: z.string().min(1).max(200) });
const ActionParams = Params.extend({ action: z.enum(['pause', 'resume', 'cancel']) });

/** Mass notification of individuals: progress, and pause / resume / cancel. */
export function campaignRoutes(gateway: IncidentGateway) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/incidents/:id/notices/:noticeId/progress',
      {
        schema: { params: Params, response: { 200: CampaignProgress, ...errorResponses }, tags: ['notices'] },
        preHandler: requirePermission('incident.read'),
      },
      async (req) => gateway.campaignProgress(req.params.id, req.params.noticeId),
    );

    r.post(
      '/v1/incidents/:id/notices/:noticeId/campaign/:action',
      {
        schema: { params: ActionParams, response: { 200: CampaignProgress, ...errorResponses }, tags: ['notices'] },
        preHandler: requirePermission('campaign.control'),
      },
      async (req) => gateway.controlCampaign(req.params.id, req.params.noticeId, req.params.action),
    );
  };
}
