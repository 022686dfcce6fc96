import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentLetters, noticeLetterProgress } from '../../activities/letters/progress';
import type { Queryable } from '../../activities/store/db';
import { IncidentId } from '../../workflows/incident/messages';
import type { NotifyProgress } from '../../workflows/notify/messages';
import { HttpError, requirePermission } from '../auth';
import { IncidentNotFound, type IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { CampaignProgress } from '../schemas/notice';
import { IncidentLetters } from '../schemas/recipients';

const Params = z.object({ id: IncidentId, noticeId: z.string().min(1).max(200) });
const ActionParams = Params.extend({ action: z.enum(['pause', 'resume', 'cancel']) });

/**
 * Mass notification of individuals: progress, and pause / resume / cancel. With letters (one per
 * person across obligations, the default), a notice has no campaign of its own: its progress is
 * read from the store, and people and letters are counted apart from obligations.
 */
export function campaignRoutes(gateway: IncidentGateway, db?: Queryable) {
  /** A notice told by letter: its letters' states from the store, in the campaign's shape. */
  async function byLetter(id: string, noticeId: string): Promise<NotifyProgress | null> {
    const p = db ? await noticeLetterProgress(db, id, noticeId) : null;
    if (!p) return null;
    const open = p.pending + p.failedTemporary;
    return {
      total: p.total,
      pending: open,
      sent: p.sent,
      failedPermanent: p.failedPermanent,
      failedTemporary: p.failedTemporary,
      cancelled: p.cancelled,
      cursor: 0,
      pass: 1,
      batches: 0,
      runs: p.rounds,
      startedAt: p.startedAt,
      paused: false,
      cancelRequested: false,
      rate: 0,
      eta: null,
      finished: open === 0,
      letters: { people: p.total, combined: p.combined, supplementary: p.supplementary, obligations: 1 },
    };
  }

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/v1/incidents/:id/notices/:noticeId/progress',
      {
        schema: { params: Params, response: { 200: CampaignProgress, ...errorResponses }, tags: ['notices'] },
        preHandler: requirePermission('incident.read'),
      },
      async (req) => {
        try {
          return await gateway.campaignProgress(req.params.id, req.params.noticeId);
        } catch (err) {
          const letters = err instanceof IncidentNotFound ? await byLetter(req.params.id, req.params.noticeId) : null;
          if (letters) return letters;
          throw err;
        }
      },
    );

    r.post(
      '/v1/incidents/:id/notices/:noticeId/campaign/:action',
      {
        schema: { params: ActionParams, response: { 200: CampaignProgress, ...errorResponses }, tags: ['notices'] },
        preHandler: requirePermission('campaign.control'),
      },
      async (req) => {
        try {
          return await gateway.controlCampaign(req.params.id, req.params.noticeId, req.params.action);
        } catch (err) {
          const letters = err instanceof IncidentNotFound ? await byLetter(req.params.id, req.params.noticeId) : null;
          if (!letters) throw err;
          // Letters go in rounds shared by several notices: one notice cannot pause them on its own.
          throw new HttpError(
            409,
            letters.finished
              ? `the letters for ${req.params.noticeId} are all settled`
              : `${req.params.noticeId} is told by letters shared with other obligations; a round cannot be paused per notice`,
          );
        }
      },
    );

    r.get(
      '/v1/incidents/:id/letters',
      {
        schema: {
          params: z.object({ id: IncidentId }),
          response: { 200: IncidentLetters, ...errorResponses },
          tags: ['notices'],
        },
        preHandler: requirePermission('incident.read'),
      },
      async (req) => {
        await gateway.status(req.params.id); // 404 for an unknown incident
        if (!db) throw new HttpError(404, 'letters are not available without the store');
        return incidentLetters(db, req.params.id);
      },
    );
  };
}
