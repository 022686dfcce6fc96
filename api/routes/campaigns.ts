import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  defaultLetterPreviewer,
  letterParts,
  LetterPreviewError,
  type LetterPreviewer,
} from '../../activities/letters/preview';
import { incidentLetters, noticeLetterProgress } from '../../activities/letters/progress';
import { loadPlan } from '../../activities/plans/load';
import type { Queryable } from '../../activities/store/db';
import type { Plan } from '../../domain/plan';
import { IncidentId } from '../../workflows/incident/messages';
import type { NotifyProgress } from '../../workflows/notify/messages';
import { HttpError, requirePermission } from '../auth';
import { IncidentNotFound, type IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { CampaignProgress, LettersRoundProgress } from '../schemas/notice';
import { IncidentLetters, LetterPreview, LetterPreviewQuery } from '../schemas/recipients';

const Params = z.object({ id: IncidentId, noticeId: z.string().min(1).max(200) });
const ActionParams = Params.extend({ action: z.enum(['pause', 'resume', 'cancel']) });
const LettersActionParams = z.object({ id: IncidentId, action: z.enum(['pause', 'resume', 'cancel']) });

export interface CampaignRouteOptions {
  /** Renders letter previews (default: the repository's templates, as the worker's). */
  previewer?: LetterPreviewer;
  /** Plans by id (default: loaded from plans/). */
  plans?: (planId: string) => Plan;
}

const previewerOf = (opts: CampaignRouteOptions): LetterPreviewer => opts.previewer ?? defaultLetterPreviewer();

/**
 * Mass notification of individuals: progress, and pause / resume / cancel. With letters (one per
 * person across obligations, the default), a notice has no campaign of its own: its progress is
 * read from the store, and people and letters are counted apart from obligations.
 */
export function campaignRoutes(gateway: IncidentGateway, db?: Queryable, opts: CampaignRouteOptions = {}) {
  const plans = opts.plans ?? loadPlan;
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
              : `${req.params.noticeId} is told by letters shared with other obligations: pause, resume or cancel the round with POST /v1/incidents/${req.params.id}/letters/${req.params.action}`,
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

    // The incident's running round of letters (one at a time): its own validators decide, as for a campaign.
    r.post(
      '/v1/incidents/:id/letters/:action',
      {
        schema: {
          params: LettersActionParams,
          response: { 200: LettersRoundProgress, ...errorResponses },
          tags: ['notices'],
        },
        preHandler: requirePermission('campaign.control'),
      },
      async (req) => gateway.controlLetters(req.params.id, req.params.action),
    );

    // The combined letter exactly as a round composes it, for the approvers of its notices.
    r.get(
      '/v1/incidents/:id/letters/preview',
      {
        schema: {
          params: z.object({ id: IncidentId }),
          querystring: LetterPreviewQuery,
          response: {
            200: {
              description: 'the letter; with ?format=text or html, that body alone',
              content: {
                'application/json': { schema: LetterPreview },
                'text/plain': { schema: z.string() },
                'text/html': { schema: z.string() },
              },
            },
            ...errorResponses,
          },
          tags: ['notices'],
        },
        preHandler: requirePermission('incident.read'),
      },
      async (req, reply) => {
        const status = await gateway.status(req.params.id);
        let letter;
        try {
          const parts = letterParts(status, plans(status.planId), req.query.notices);
          letter = previewerOf(opts).preview(parts, req.query.locale);
        } catch (err) {
          if (err instanceof LetterPreviewError) throw new HttpError(err.statusCode, err.message);
          throw err;
        }
        if (req.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(letter.text);
        if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(letter.html);
        return {
          incidentId: status.id,
          notices: letter.notices,
          subject: letter.subject,
          text: letter.text,
          html: letter.html,
          locale: letter.locale,
          requestedLocale: letter.requestedLocale,
          fallback: letter.fallback,
          templateVersion: letter.templateVersion,
          variantHash: letter.variantHash,
          combined: letter.combined,
          checks: letter.checks,
        };
      },
    );
  };
}
