import type { FastifyInstance } from 'fastify';
import { DRILL_PREFIX, isDrillIncident } from '../../domain/drill';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentFacts } from '../../domain/facts';
import { ItemId } from '../../domain/review';
import {
  AcceptActionItemArgs,
  CloseArgs,
  CompleteActionItemArgs,
  CompleteTaskArgs,
  ConfirmContainmentArgs,
  DecideNoticeArgs,
  IncidentId,
  RecordFilingArgs,
  ReviewBody,
  UpdateFactsArgs,
  acceptActionItemUpdate,
  closeUpdate,
  completeActionItemUpdate,
  completeTaskUpdate,
  confirmContainmentUpdate,
  decideNoticeUpdate,
  recordFilingUpdate,
  recordReviewUpdate,
  updateFactsUpdate,
} from '../../workflows/incident/messages';
import type { Role } from '../../domain/actor';
import { actorOf, demand, HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { Ack, errorResponses } from '../schemas/common';
import { FactsChange, IncidentStatusBody, leanStatus, Notice, Reported } from '../schemas/incident';

const ReportBody = z
  .object({
    id: IncidentId.refine((id) => !isDrillIncident(id), `the "${DRILL_PREFIX}" prefix is kept for drills`)
      .optional()
      .describe('Your incident id; repeating a report with the same id returns the same incident'),
    title: z.string().min(1).max(300),
    facts: IncidentFacts,
    planId: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('default'),
  })
  .strict();

const IdParams = z.object({ id: IncidentId });
const NoticeParams = IdParams.extend({ noticeId: z.string().min(1).max(200) });
const TaskParams = IdParams.extend({ taskId: z.string().min(1).max(100) });
const ItemParams = IdParams.extend({ itemId: ItemId });
const NoticeQuery = z.object({
  format: z
    .enum(['json', 'text', 'html'])
    .default('json')
    .describe("json: the notice with its whole draft; text or html: the draft's body alone"),
});

/** What an update of the incident answers: an acknowledgement, or the workflow's refusal (409). */
const acked = { 200: Ack, ...errorResponses };

export interface IncidentRouteOptions {
  newId: () => string;
  now: () => Date;
  planExists: (planId: string) => boolean;
  /** The approver roles of a plan, for the notice.decide permission. */
  approverRoles: (planId: string) => readonly Role[];
}

export function incidentRoutes(gateway: IncidentGateway, opts: IncidentRouteOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const everyone = requirePermission('incident.read');

    r.post(
      '/v1/incidents',
      {
        schema: {
          body: ReportBody,
          response: { 200: Reported, 201: Reported, ...errorResponses },
          tags: ['incidents'],
        },
        preHandler: requirePermission('incident.report'),
      },
      async (req, reply) => {
        // An incident must not start on a plan that is not there: it would fail at once.
        if (!opts.planExists(req.body.planId))
          throw new HttpError(400, `no plan "${req.body.planId}" (plans/<id>/plan.json)`);
        const id = req.body.id ?? opts.newId();
        const { created } = await gateway.report({
          incident: { id, title: req.body.title, reportedBy: actorOf(req), reportedAt: opts.now().toISOString() },
          facts: req.body.facts,
          planId: req.body.planId,
        });
        const incident = leanStatus(await gateway.status(id));
        return reply
          .code(created ? 201 : 200)
          .header('location', `/v1/incidents/${id}`)
          .send({ created, incident });
      },
    );

    // The status carries each draft as a summary; the notice route below has the text, HTML and fields.
    r.get(
      '/v1/incidents/:id',
      {
        schema: { params: IdParams, response: { 200: IncidentStatusBody, ...errorResponses }, tags: ['incidents'] },
        preHandler: everyone,
      },
      async (req) => leanStatus(await gateway.status(req.params.id)),
    );

    r.get(
      '/v1/incidents/:id/notices/:noticeId',
      {
        schema: {
          params: NoticeParams,
          querystring: NoticeQuery,
          tags: ['notices'],
          response: {
            200: {
              description: "the notice with its whole draft; with ?format=text or html, the draft's body alone",
              content: {
                'application/json': { schema: Notice },
                'text/plain': { schema: z.string() },
                'text/html': { schema: z.string() },
              },
            },
            ...errorResponses,
          },
        },
        preHandler: everyone,
      },
      async (req, reply) => {
        const status = await gateway.status(req.params.id);
        const n = status.notices.find((x) => x.id === req.params.noticeId);
        if (!n) throw new HttpError(404, `no notice "${req.params.noticeId}" on incident ${req.params.id}`);
        if (req.query.format === 'json') return reply.type('application/json; charset=utf-8').send(n);
        if (!n.draft)
          throw new HttpError(
            409,
            `notice ${n.id} has no draft yet (${n.status}${n.draftError ? `: ${n.draftError}` : ''})`,
          );
        return req.query.format === 'html'
          ? reply.type('text/html; charset=utf-8').send(n.draft.html)
          : reply.type('text/plain; charset=utf-8').send(n.draft.text);
      },
    );

    r.post(
      '/v1/incidents/:id/facts',
      {
        schema: {
          params: IdParams,
          body: UpdateFactsArgs.omit({ actor: true }).strict(),
          response: { 200: FactsChange, ...errorResponses },
          tags: ['incidents'],
        },
        preHandler: requirePermission('facts.update'),
      },
      async (req) => gateway.update(req.params.id, updateFactsUpdate, { ...req.body, actor: actorOf(req) }),
    );

    r.post(
      '/v1/incidents/:id/containment',
      {
        schema: {
          params: IdParams,
          body: ConfirmContainmentArgs.omit({ actor: true }).strict(),
          response: acked,
          tags: ['incidents'],
        },
        preHandler: requirePermission('containment.confirm'),
      },
      async (req) => gateway.update(req.params.id, confirmContainmentUpdate, { ...req.body, actor: actorOf(req) }),
    );

    r.post(
      '/v1/incidents/:id/notices/:noticeId/decision',
      {
        schema: {
          params: NoticeParams,
          body: DecideNoticeArgs.omit({ actor: true, noticeId: true }).strict(),
          response: acked,
          tags: ['notices'],
        },
        preHandler: requirePermission('notice.decide'),
      },
      async (req) =>
        gateway.update(
          req.params.id,
          decideNoticeUpdate,
          { ...req.body, noticeId: req.params.noticeId, actor: actorOf(req) },
          (s) => demand('notice.decide', actorOf(req).role, { approverRoles: opts.approverRoles(s.planId) }),
        ),
    );

    r.post(
      '/v1/incidents/:id/notices/:noticeId/filing',
      {
        schema: {
          params: NoticeParams,
          body: RecordFilingArgs.omit({ actor: true, noticeId: true }).strict(),
          response: acked,
          tags: ['notices'],
        },
        preHandler: requirePermission('notice.file'),
      },
      async (req) =>
        gateway.update(req.params.id, recordFilingUpdate, {
          ...req.body,
          noticeId: req.params.noticeId,
          actor: actorOf(req),
        }),
    );

    r.post(
      '/v1/incidents/:id/tasks/:taskId/complete',
      {
        schema: {
          params: TaskParams,
          body: CompleteTaskArgs.omit({ actor: true, taskId: true }).strict(),
          response: acked,
          tags: ['incidents'],
        },
        preHandler: requirePermission('task.complete'),
      },
      async (req) =>
        gateway.update(
          req.params.id,
          completeTaskUpdate,
          { ...req.body, taskId: req.params.taskId, actor: actorOf(req) },
          (s) => {
            const task = s.tasks.find((t) => t.id === req.params.taskId);
            if (task) demand('task.complete', actorOf(req).role, { taskRole: task.role });
          },
        ),
    );

    r.post(
      '/v1/incidents/:id/review',
      {
        schema: { params: IdParams, body: ReviewBody, response: acked, tags: ['incidents'] },
        preHandler: requirePermission('review.record'),
      },
      async (req) => {
        // `summary` is the former name of whatHappened.
        const { summary, ...review } = req.body;
        return gateway.update(req.params.id, recordReviewUpdate, {
          ...review,
          whatHappened: review.whatHappened ?? summary,
          actor: actorOf(req),
        });
      },
    );

    // Who may complete depends on the item's owner: an unknown item goes on to the workflow, which says so.
    r.post(
      '/v1/incidents/:id/action-items/:itemId/complete',
      {
        schema: {
          params: ItemParams,
          body: CompleteActionItemArgs.omit({ actor: true, itemId: true }).strict(),
          response: acked,
          tags: ['incidents'],
        },
        preHandler: everyone,
      },
      async (req) =>
        gateway.update(
          req.params.id,
          completeActionItemUpdate,
          { ...req.body, itemId: req.params.itemId, actor: actorOf(req) },
          (s) => {
            const item = s.review?.actionItems.find((i) => i.id === req.params.itemId);
            if (item) demand('action-item.complete', actorOf(req).role, { ownerRole: item.owner.role });
          },
        ),
    );

    r.post(
      '/v1/incidents/:id/action-items/:itemId/accept',
      {
        schema: {
          params: ItemParams,
          body: AcceptActionItemArgs.omit({ actor: true, itemId: true }).strict(),
          response: acked,
          tags: ['incidents'],
        },
        preHandler: requirePermission('action-item.accept'),
      },
      async (req) =>
        gateway.update(req.params.id, acceptActionItemUpdate, {
          ...req.body,
          itemId: req.params.itemId,
          actor: actorOf(req),
        }),
    );

    r.post(
      '/v1/incidents/:id/close',
      {
        schema: {
          params: IdParams,
          body: CloseArgs.omit({ actor: true }).strict(),
          response: acked,
          tags: ['incidents'],
        },
        preHandler: requirePermission('incident.close'),
      },
      async (req) => gateway.update(req.params.id, closeUpdate, { ...req.body, actor: actorOf(req) }),
    );
  };
}
