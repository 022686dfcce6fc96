import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noticeLetterFiling } from '../../activities/letters/progress';
import type { Queryable } from '../../activities/store/db';
import { IncidentId } from '../../workflows/incident/messages';
import { currentApprovals } from '../../workflows/incident/state';
import { HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { FilingPackage } from '../schemas/notice';

const Params = z.object({ id: IncidentId, noticeId: z.string().min(1).max(200) });
const Query = z.object({ format: z.enum(['json', 'html']).default('json') });

/**
 * The filing package of a notice: for an authority that takes reports through a portal, the
 * required fields as data (to type or paste in) and the full notice as HTML, both exactly as
 * approved (same content hash). For individuals told by letter, the people and letters that
 * satisfied the obligation, counted apart from it (from the store).
 */
export function filingRoutes(gateway: IncidentGateway, db?: Queryable) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/incidents/:id/notices/:noticeId/filing-package',
      {
        schema: {
          params: Params,
          querystring: Query,
          tags: ['notices'],
          response: {
            200: {
              description: 'the filing package; with ?format=html, the notice as HTML',
              content: { 'application/json': { schema: FilingPackage }, 'text/html': { schema: z.string() } },
            },
            ...errorResponses,
          },
        },
        preHandler: requirePermission('incident.read'),
      },
      async (req, reply) => {
        const status = await gateway.status(req.params.id);
        const n = status.notices.find((x) => x.id === req.params.noticeId);
        if (!n) throw new HttpError(404, `no notice "${req.params.noticeId}" on incident ${req.params.id}`);
        if (!n.draft)
          throw new HttpError(
            409,
            `notice ${n.id} has no draft yet (${n.status}${n.draftError ? `: ${n.draftError}` : ''})`,
          );
        if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(n.draft.html);
        return {
          incidentId: status.id,
          noticeId: n.id,
          status: n.status,
          regime: n.obligation.regime,
          recipient: n.obligation.recipient,
          ...(n.obligation.stage ? { stage: n.obligation.stage } : {}),
          citation: n.obligation.citation,
          deadline: n.obligation.deadline,
          dueAt: n.obligation.dueAt,
          clockDueAt: n.clockDueAt,
          authority: n.channel.kind === 'portal' || n.channel.kind === 'email' ? n.channel : null,
          // The approvals that count, as the workflow counts them: of this content, after its last rejection, one per person.
          approvals: currentApprovals(n).map((d) => ({ by: d.by, role: d.role, at: d.at })),
          subject: n.draft.subject,
          locale: n.draft.locale,
          templateVersion: n.draft.templateVersion,
          contentHash: n.draft.contentHash,
          pending: n.draft.pending,
          fields: n.draft.fields,
          text: n.draft.text,
          ...(n.obligation.recipient === 'individuals' && db
            ? { letters: await noticeLetterFiling(db, status.id, n.id) }
            : {}),
        };
      },
    );
  };
}
