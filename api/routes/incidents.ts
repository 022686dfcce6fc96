import type { FastifyInstance } from 'fastify';
import { DRILL_PREFIX, isDrillIncident } from '../../domain/drill';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentFacts } from '../../domain/facts';
import { ItemId } from '../../domain/review';
import {
  AcceptActionItemArgs, CloseArgs, CompleteActionItemArgs, CompleteTaskArgs, ConfirmContainmentArgs, DecideNoticeArgs,
  IncidentId, RecordFilingArgs, ReviewBody, UpdateFactsArgs, acceptActionItemUpdate, closeUpdate, completeActionItemUpdate,
  completeTaskUpdate, confirmContainmentUpdate, decideNoticeUpdate, recordFilingUpdate, recordReviewUpdate, updateFactsUpdate,
} from '../../workflows/incident/messages';
import type { Role } from '../../domain/actor';
import { actorOf, demand, HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';

const ReportBody = z.object({
  id: IncidentId.refine((id) => !isDrillIncident(id), `the "${DRILL_PREFIX}" prefix is kept for drills`).optional()
    .describe('Your incident id; repeating a report with the same id returns the same incident'),
  title: z.string().min(1).max(300),
  facts: IncidentFacts,
  planId: z.string().regex(/^[a-z0-9-]+$/).default('default'),
}).strict();

const IdParams = z.object({ id: IncidentId });
const NoticeParams = IdParams.extend({ noticeId: z.string().min(1).max(200) });
const TaskParams = IdParams.extend({ taskId: z.string().min(1).max(100) });
const ItemParams = IdParams.extend({ itemId: ItemId });

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

    r.post('/v1/incidents', { schema: { body: ReportBody, tags: ['incidents'] }, preHandler: requirePermission('incident.report') }, async (req, reply) => {
      // An incident must not start on a plan that is not there: it would fail at once.
      if (!opts.planExists(req.body.planId)) throw new HttpError(400, `no plan "${req.body.planId}" (plans/<id>/plan.json)`);
      const id = req.body.id ?? opts.newId();
      const { created } = await gateway.report({
        incident: { id, title: req.body.title, reportedBy: actorOf(req), reportedAt: opts.now().toISOString() },
        facts: req.body.facts, planId: req.body.planId,
      });
      const status = await gateway.status(id);
      return reply.code(created ? 201 : 200).header('location', `/v1/incidents/${id}`).send({ created, incident: status });
    });

    r.get('/v1/incidents/:id', { schema: { params: IdParams, tags: ['incidents'] }, preHandler: everyone }, async (req) =>
      gateway.status(req.params.id));

    r.post('/v1/incidents/:id/facts', { schema: { params: IdParams, body: UpdateFactsArgs.omit({ actor: true }).strict(), tags: ['incidents'] }, preHandler: requirePermission('facts.update') },
      async (req) => gateway.update(req.params.id, updateFactsUpdate, { ...req.body, actor: actorOf(req) }));

    r.post('/v1/incidents/:id/containment', { schema: { params: IdParams, body: ConfirmContainmentArgs.omit({ actor: true }).strict(), tags: ['incidents'] }, preHandler: requirePermission('containment.confirm') },
      async (req) => gateway.update(req.params.id, confirmContainmentUpdate, { ...req.body, actor: actorOf(req) }));

    r.post('/v1/incidents/:id/notices/:noticeId/decision', { schema: { params: NoticeParams, body: DecideNoticeArgs.omit({ actor: true, noticeId: true }).strict(), tags: ['notices'] }, preHandler: requirePermission('notice.decide') },
      async (req) =>
        gateway.update(req.params.id, decideNoticeUpdate, { ...req.body, noticeId: req.params.noticeId, actor: actorOf(req) }, (s) =>
          demand('notice.decide', actorOf(req).role, { approverRoles: opts.approverRoles(s.planId) })));

    r.post('/v1/incidents/:id/notices/:noticeId/filing', { schema: { params: NoticeParams, body: RecordFilingArgs.omit({ actor: true, noticeId: true }).strict(), tags: ['notices'] }, preHandler: requirePermission('notice.file') },
      async (req) => gateway.update(req.params.id, recordFilingUpdate, { ...req.body, noticeId: req.params.noticeId, actor: actorOf(req) }));

    r.post('/v1/incidents/:id/tasks/:taskId/complete', { schema: { params: TaskParams, body: CompleteTaskArgs.omit({ actor: true, taskId: true }).strict(), tags: ['incidents'] }, preHandler: requirePermission('task.complete') },
      async (req) =>
        gateway.update(req.params.id, completeTaskUpdate, { ...req.body, taskId: req.params.taskId, actor: actorOf(req) }, (s) => {
          const task = s.tasks.find((t) => t.id === req.params.taskId);
          if (task) demand('task.complete', actorOf(req).role, { taskRole: task.role });
        }));

    r.post('/v1/incidents/:id/review', { schema: { params: IdParams, body: ReviewBody, tags: ['incidents'] }, preHandler: requirePermission('review.record') },
      async (req) => {
        // `summary` is the former name of whatHappened.
        const { summary, ...review } = req.body;
        return gateway.update(req.params.id, recordReviewUpdate, { ...review, whatHappened: review.whatHappened ?? summary, actor: actorOf(req) });
      });

    // Who may complete depends on the item's owner: an unknown item goes on to the workflow, which says so.
    r.post('/v1/incidents/:id/action-items/:itemId/complete', { schema: { params: ItemParams, body: CompleteActionItemArgs.omit({ actor: true, itemId: true }).strict(), tags: ['incidents'] }, preHandler: everyone },
      async (req) =>
        gateway.update(req.params.id, completeActionItemUpdate, { ...req.body, itemId: req.params.itemId, actor: actorOf(req) }, (s) => {
          const item = s.review?.actionItems.find((i) => i.id === req.params.itemId);
          if (item) demand('action-item.complete', actorOf(req).role, { ownerRole: item.owner.role });
        }));

    r.post('/v1/incidents/:id/action-items/:itemId/accept', { schema: { params: ItemParams, body: AcceptActionItemArgs.omit({ actor: true, itemId: true }).strict(), tags: ['incidents'] }, preHandler: requirePermission('action-item.accept') },
      async (req) => gateway.update(req.params.id, acceptActionItemUpdate, { ...req.body, itemId: req.params.itemId, actor: actorOf(req) }));

    r.post('/v1/incidents/:id/close', { schema: { params: IdParams, body: CloseArgs.omit({ actor: true }).strict(), tags: ['incidents'] }, preHandler: requirePermission('incident.close') },
      async (req) => gateway.update(req.params.id, closeUpdate, { ...req.body, actor: actorOf(req) }));
  };
}
