/**
 * The pages' letters: Pause / Resume / Cancel of the running round (the same gateway call and
 * permission as `POST /v1/incidents/:id/letters/:action`, so the round's validators decide), and
 * the preview of a letter as it will be sent (the same composer and parts as
 * `GET /v1/incidents/:id/letters/preview`).
 */
import type { FastifyInstance } from 'fastify';
import { defaultLetterPreviewer, letterParts, LetterPreviewError } from '../../activities/letters/preview';
import { demand, HttpError } from '../auth';
import { UpdateRejected } from '../gateway';
import { LetterPreviewQuery } from '../schemas/recipients';
import { layoutFor, sendPage, viewerOf, type UiContext } from './context';
import { CampaignForm } from './forms';
import { IncidentParams, renderIncident } from './incident-pages';
import { LETTERS_FORM } from './letters-view';

const Done = { pause: 'letters-paused', resume: 'letters-resumed', cancel: 'letters-cancelled' } as const;

export function letterPageRoutes(ctx: UiContext) {
  const { gateway } = ctx.deps;
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/incidents/:id/letters/campaign', async (req, reply) => {
      const actor = viewerOf(req).actor;
      demand('campaign.control', actor.role);
      const { id } = IncidentParams.parse(req.params);
      const { action } = CampaignForm.parse(req.body);
      try {
        await gateway.controlLetters(id, action);
      } catch (err) {
        if (!(err instanceof UpdateRejected)) throw err;
        return renderIncident(ctx, req, reply, await gateway.status(id), {
          status: 409,
          form: { form: LETTERS_FORM, values: {}, error: err.message },
        });
      }
      return reply.redirect(`/ui/incidents/${encodeURIComponent(id)}?done=${Done[action]}#letters-h`, 303);
    });

    app.get('/incidents/:id/letters/preview', async (req, reply) => {
      const v = viewerOf(req);
      demand('incident.read', v.actor.role);
      const { id } = IncidentParams.parse(req.params);
      const q = LetterPreviewQuery.parse(req.query);
      const status = await gateway.status(id);
      let letter;
      try {
        const previewer = ctx.deps.letterPreviewer ?? defaultLetterPreviewer();
        letter = previewer.preview(letterParts(status, ctx.plan(status.planId), q.notices), q.locale);
      } catch (err) {
        if (err instanceof LetterPreviewError) throw new HttpError(err.statusCode, err.message);
        throw err;
      }
      if (q.format === 'text') return reply.type('text/plain; charset=utf-8').send(letter.text);
      if (q.format === 'html') return reply.type('text/html; charset=utf-8').send(letter.html);
      return sendPage(ctx, reply, 200, 'letter-preview', {
        ...layoutFor(v, `Letter for ${letter.notices.join(' + ')}`),
        letter,
        backHref: `/ui/incidents/${encodeURIComponent(id)}`,
      });
    });
  };
}
