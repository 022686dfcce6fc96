/**
 * The pages' forms: each calls the same gateway update as its API route, with the same permission
 * check, so the workflow's validators decide. A refusal shows the workflow's reason on the page with
 * what was typed; a success redirects (303) back to the incident.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { confirmContainmentUpdate, completeTaskUpdate, decideNoticeUpdate } from '../../workflows/incident/messages';
import { demand } from '../auth';
import { UpdateRejected } from '../gateway';
import { viewerOf, type UiContext } from './context';
import { CampaignForm, ContainmentForm, DecisionForm, TaskForm, typedValues } from './forms';
import { IncidentParams, renderIncident, type Done } from './incident-pages';
import { noticeAnchor } from './view-models';

const NoticeParams = IncidentParams.extend({ noticeId: z.string().min(1).max(200) });
const TaskParams = IncidentParams.extend({ taskId: z.string().min(1).max(100) });

const backTo = (reply: FastifyReply, id: string, done: Done, anchor?: string) =>
  reply.redirect(`/ui/incidents/${encodeURIComponent(id)}?done=${done}${anchor ? `#${anchor}` : ''}`, 303);

export function incidentActionRoutes(ctx: UiContext) {
  const { gateway } = ctx.deps;

  /** Runs the update; a refusal re-renders the incident with the form as typed and the workflow's reason. */
  async function attempt(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { id: string; fields: readonly string[] },
    run: () => Promise<unknown>,
    onDone: () => FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await run();
    } catch (err) {
      if (!(err instanceof UpdateRejected)) throw err;
      const values = typedValues(req.body, form.fields);
      return renderIncident(ctx, req, reply, await gateway.status(id), {
        status: 409,
        form: { form: form.id, values, error: err.message },
      });
    }
    return onDone();
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.post('/incidents/:id/notices/:noticeId/decision', async (req, reply) => {
      const actor = viewerOf(req).actor;
      const { id, noticeId } = NoticeParams.parse(req.params);
      const f = DecisionForm.parse(req.body);
      return attempt(
        req,
        reply,
        id,
        { id: `decide:${noticeId}`, fields: ['reason', 'delayReason'] },
        () =>
          gateway.update(
            id,
            decideNoticeUpdate,
            {
              actor,
              noticeId,
              decision: f.decision,
              ...(f.reason ? { reason: f.reason } : {}),
              ...(f.delayReason ? { delayReason: f.delayReason } : {}),
              ...(f.contentHash ? { contentHash: f.contentHash } : {}),
            },
            (s) => demand('notice.decide', actor.role, { approverRoles: ctx.plan(s.planId).approvals.roles }),
          ),
        () => backTo(reply, id, f.decision === 'approve' ? 'approved' : 'rejected', noticeAnchor(noticeId)),
      );
    });

    app.post('/incidents/:id/containment', async (req, reply) => {
      const actor = viewerOf(req).actor;
      demand('containment.confirm', actor.role);
      const { id } = IncidentParams.parse(req.params);
      const f = ContainmentForm.parse(req.body);
      return attempt(
        req,
        reply,
        id,
        { id: 'containment', fields: ['note'] },
        () => gateway.update(id, confirmContainmentUpdate, { actor, ...(f.note ? { note: f.note } : {}) }),
        () => backTo(reply, id, 'contained'),
      );
    });

    app.post('/incidents/:id/tasks/:taskId/complete', async (req, reply) => {
      const actor = viewerOf(req).actor;
      const { id, taskId } = TaskParams.parse(req.params);
      const f = TaskForm.parse(req.body);
      return attempt(
        req,
        reply,
        id,
        { id: `task:${taskId}`, fields: ['notes'] },
        () =>
          gateway.update(id, completeTaskUpdate, { actor, taskId, ...(f.notes ? { notes: f.notes } : {}) }, (s) => {
            const task = s.tasks.find((t) => t.id === taskId);
            if (task) demand('task.complete', actor.role, { taskRole: task.role });
          }),
        () => backTo(reply, id, 'task-completed'),
      );
    });

    app.post('/incidents/:id/notices/:noticeId/campaign', async (req, reply) => {
      const actor = viewerOf(req).actor;
      demand('campaign.control', actor.role);
      const { id, noticeId } = NoticeParams.parse(req.params);
      const { action } = CampaignForm.parse(req.body);
      const done = ({ pause: 'paused', resume: 'resumed', cancel: 'cancelled' } as const)[action];
      return attempt(
        req,
        reply,
        id,
        { id: `campaign:${noticeId}`, fields: [] },
        () => gateway.controlCampaign(id, noticeId, action),
        () => backTo(reply, id, done, noticeAnchor(noticeId)),
      );
    });
  };
}
