/** The incidents page and one incident's page. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { check } from '../../domain/permissions';
import type { Plan } from '../../domain/plan';
import { IncidentId } from '../../workflows/incident/messages';
import type { IncidentStatus } from '../../workflows/incident/state';
import { demand } from '../auth';
import { IncidentNotFound } from '../gateway';
import { layoutFor, sendPage, viewerOf, type UiContext } from './context';
import { listIncidentIds } from './incident-list';
import { lettersOfIncident } from './letters-view';
import {
  campaignView,
  incidentPage,
  incidentRow,
  orderIncidents,
  pendingFor,
  type CampaignView,
  type FormState,
} from './view-models';

export const IncidentParams = z.object({ id: IncidentId });
const ListQuery = z.object({ drills: z.enum(['0', '1']).optional() });
const PageQuery = z.object({ done: z.string().max(40).optional() });

/** What a successful form says on the page it leads back to (a fixed list: nothing from the URL is echoed). */
export const DONE_MESSAGES = {
  approved: 'Approved.',
  rejected: 'Rejected: the notice goes back to draft with your reason.',
  contained: 'Containment confirmed.',
  'task-completed': 'Task completed.',
  paused: 'Mass notification paused.',
  resumed: 'Mass notification resumed.',
  cancelled: 'Mass notification cancelled.',
  'letters-paused': 'Round of letters paused.',
  'letters-resumed': 'Round of letters resumed.',
  'letters-cancelled': 'Round of letters cancelled.',
} as const;
export type Done = keyof typeof DONE_MESSAGES;

const STATUS_BATCH = 20;

/** Reads statuses a batch at a time (a page of 200 incidents is 200 queries). */
async function statuses(ctx: UiContext, ids: string[]): Promise<{ ok: IncidentStatus[]; unreadable: string[] }> {
  const ok: IncidentStatus[] = [];
  const unreadable: string[] = [];
  for (let i = 0; i < ids.length; i += STATUS_BATCH) {
    const batch = ids.slice(i, i + STATUS_BATCH);
    const got = await Promise.allSettled(batch.map((id) => ctx.deps.gateway.status(id)));
    got.forEach((g, j) => (g.status === 'fulfilled' ? ok.push(g.value) : unreadable.push(batch[j])));
  }
  return { ok, unreadable };
}

export function planFor(ctx: UiContext, cache: Map<string, Plan>, planId: string): Plan {
  let plan = cache.get(planId);
  if (!plan) {
    plan = ctx.plan(planId);
    cache.set(planId, plan);
  }
  return plan;
}

/** The incident's page; `form` and `error` when the workflow refused what was submitted. */
export async function renderIncident(
  ctx: UiContext,
  req: FastifyRequest,
  reply: FastifyReply,
  s: IncidentStatus,
  opts: { status?: number; form?: FormState; flash?: string; error?: string } = {},
): Promise<FastifyReply> {
  const v = viewerOf(req);
  const plan = ctx.plan(s.planId);
  const role = v.actor.role;
  const campaigns = new Map<string, CampaignView>();
  for (const n of s.notices) {
    if (n.channel.kind !== 'recipients' || ['drafting', 'draft-failed', 'awaiting-approval'].includes(n.status))
      continue;
    try {
      const p = await ctx.deps.gateway.campaignProgress(s.id, n.id);
      campaigns.set(
        n.id,
        campaignView(
          s.id,
          n.id,
          p,
          check('campaign.control', role).ok,
          opts.form?.form === `campaign:${n.id}` ? opts.form.error : undefined,
        ),
      );
    } catch (err) {
      if (!(err instanceof IncidentNotFound)) throw err; // not started (no recipients yet)
    }
  }
  const ledger = check('ledger.read', role).ok ? await ctx.deps.ledger.list({ incidentId: s.id }) : undefined;
  const page = incidentPage(s, v.actor, plan, { form: opts.form, campaigns, ledger });
  // Individuals told by letter: the round's progress and controls, and each notice's letter variants.
  const letters = await lettersOfIncident(ctx, s, plan, role, opts.form);
  const incident = letters
    ? { ...page, notices: page.notices.map((n) => ({ ...n, letterVariants: letters.variants.get(n.noticeId) })) }
    : page;
  return sendPage(ctx, reply, opts.status ?? 200, 'incident', {
    ...layoutFor(v, `${s.id} ${s.title}`, opts.flash),
    incident,
    letters: letters?.panel,
    error: opts.error,
    mayReadRecord: check('record.read', role).ok,
    recordHref: `/ui/incidents/${encodeURIComponent(s.id)}/record`,
  });
}

export function incidentPageRoutes(ctx: UiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/incidents', async (req, reply) => {
      const v = viewerOf(req);
      demand('incident.read', v.actor.role);
      const q = ListQuery.parse(req.query);
      const drills = q.drills === '1';
      const { ok, unreadable } = await statuses(ctx, await listIncidentIds(ctx.deps.ledger, { drills }));
      const plans = new Map<string, Plan>();
      const rows = ok.map((s) => incidentRow(s, planFor(ctx, plans, s.planId)));
      const approvals = ok
        .filter((s) => s.phase !== 'closed')
        .flatMap((s) => pendingFor(v.actor, s, planFor(ctx, plans, s.planId)))
        .sort((a, b) => Date.parse(a.due.iso) - Date.parse(b.due.iso));
      return sendPage(ctx, reply, 200, 'incidents', {
        ...layoutFor(v, 'Incidents'),
        approvals,
        incidents: orderIncidents(rows),
        drills,
        unreadable,
      });
    });

    app.get('/incidents/:id', async (req, reply) => {
      const v = viewerOf(req);
      demand('incident.read', v.actor.role);
      const { id } = IncidentParams.parse(req.params);
      const { done } = PageQuery.parse(req.query);
      const flash = done && done in DONE_MESSAGES ? DONE_MESSAGES[done as Done] : undefined;
      return renderIncident(ctx, req, reply, await ctx.deps.gateway.status(id), { flash });
    });
  };
}
