/** Drills: schedules (create, list, describe, pause, trigger, delete) and run reports. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { drillReportHtml, drillVerdict } from '../../activities/drills/report-html';
import type { DrillStore } from '../../activities/drills/store';
import { isDrillIncident } from '../../domain/drill';
import { DrillReport } from '../../domain/drill-score';
import { errorResponses } from '../schemas/common';
import { HttpError, requirePermission } from '../auth';
import { CreateDrill, DrillSummary, type DrillScheduler } from '../drill-scheduler';
import { DrillId } from '../../workflows/drill/messages';

export interface DrillRouteDeps {
  scheduler: DrillScheduler;
  runs: DrillStore;
  /** Validates the plan, scenario and participants before a schedule is made (throws with the reason). */
  checkDrill(input: { planId: string; scenarioId: string; participants: string[]; standIn?: string }): void;
}

const IdParams = z.object({ id: DrillId });
const NoteBody = z
  .object({ note: z.string().max(500).optional() })
  .strict()
  .default({});
const RunSummary = z.object({
  incidentId: z.string(),
  drillId: z.string(),
  planId: z.string(),
  scenarioId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  missedLegalDeadline: z.boolean().nullable(),
  verdict: z.array(z.string()),
});
const Detail = DrillSummary.extend({ runs: z.array(RunSummary) });

export function drillRoutes(deps: DrillRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = requirePermission('drill.manage');
    const read = requirePermission('drill.read');
    const runsOf = async (drillId: string) =>
      (await deps.runs.list({ drillId })).map((run) => ({
        incidentId: run.incidentId,
        drillId: run.drillId,
        planId: run.planId,
        scenarioId: run.scenarioId,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        missedLegalDeadline: run.report?.missedLegalDeadline ?? null,
        verdict: run.report ? drillVerdict(run.report) : [],
      }));

    r.post(
      '/v1/drills',
      {
        schema: { body: CreateDrill, response: { 201: DrillSummary, ...errorResponses }, tags: ['drills'] },
        preHandler: manage,
      },
      async (req, reply) => {
        try {
          deps.checkDrill(req.body);
        } catch (err) {
          throw new HttpError(400, (err as Error).message);
        }
        const created = await deps.scheduler.create(req.body);
        return reply.code(201).header('location', `/v1/drills/${created.id}`).send(created);
      },
    );
    r.get(
      '/v1/drills',
      {
        schema: { response: { 200: z.object({ drills: z.array(DrillSummary) }), ...errorResponses }, tags: ['drills'] },
        preHandler: read,
      },
      async () => ({
        drills: await deps.scheduler.list(),
      }),
    );
    r.get(
      '/v1/drills/:id',
      {
        schema: { params: IdParams, response: { 200: Detail, ...errorResponses }, tags: ['drills'] },
        preHandler: read,
      },
      async (req) => ({
        ...(await deps.scheduler.describe(req.params.id)),
        runs: await runsOf(req.params.id),
      }),
    );
    r.post(
      '/v1/drills/:id/pause',
      {
        schema: {
          params: IdParams,
          body: NoteBody,
          response: { 200: DrillSummary, ...errorResponses },
          tags: ['drills'],
        },
        preHandler: manage,
      },
      async (req) => deps.scheduler.pause(req.params.id, req.body.note),
    );
    r.post(
      '/v1/drills/:id/unpause',
      {
        schema: {
          params: IdParams,
          body: NoteBody,
          response: { 200: DrillSummary, ...errorResponses },
          tags: ['drills'],
        },
        preHandler: manage,
      },
      async (req) => deps.scheduler.unpause(req.params.id, req.body.note),
    );
    r.post(
      '/v1/drills/:id/trigger',
      {
        schema: { params: IdParams, response: { 202: DrillSummary, ...errorResponses }, tags: ['drills'] },
        preHandler: manage,
      },
      async (req, reply) => reply.code(202).send(await deps.scheduler.trigger(req.params.id)),
    );
    r.delete(
      '/v1/drills/:id',
      {
        schema: { params: IdParams, response: { 204: z.null(), ...errorResponses }, tags: ['drills'] },
        preHandler: manage,
      },
      async (req, reply) => {
        await deps.scheduler.remove(req.params.id);
        return reply.code(204).send(null);
      },
    );

    // A run's report by its incident id (DRILL-...), or the latest scored run of a drill by the drill's id.
    const ReportParams = z.object({ id: z.string().min(1).max(64) });
    const ReportQuery = z.object({ format: z.enum(['json', 'html']).optional() });
    const Report = DrillReport.extend({ verdict: z.array(z.string()) });
    const response = {
      200: {
        description: 'the scored run; with ?format=html (or Accept: text/html) the same as a readable page',
        content: { 'application/json': { schema: Report }, 'text/html': { schema: z.string() } },
      },
      ...errorResponses,
    };
    r.get(
      '/v1/drills/:id/report',
      { schema: { params: ReportParams, querystring: ReportQuery, response, tags: ['drills'] }, preHandler: read },
      async (req, reply) => {
        const id = req.params.id;
        const run = isDrillIncident(id)
          ? await deps.runs.get(id)
          : (await deps.runs.list({ drillId: id })).find((x) => x.report);
        if (!run) throw new HttpError(404, `no drill run "${id}"`);
        if (!run.report)
          throw new HttpError(409, `drill run ${run.incidentId} is still running; its report comes when it ends`);
        const html =
          req.query.format === 'html' || (!req.query.format && (req.headers.accept ?? '').includes('text/html'));
        if (html) return reply.type('text/html; charset=utf-8').send(drillReportHtml(run.report));
        return reply.type('application/json; charset=utf-8').send({ ...run.report, verdict: drillVerdict(run.report) });
      },
    );
  };
}
