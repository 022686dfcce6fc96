/**
 * The accountability exports (the incident record as JSON, HTML or PDF; the breach register as JSON
 * or CSV) and steps done outside the engine, recorded into the same ledger chain.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import { renderIncidentRecordHtml } from '../../activities/record/html';
import { buildIncidentRecord, RecordNotFound, type IncidentRecordDeps } from '../../activities/record/incident-record';
import { recordOutsideStep, OutsideStepInput } from '../../activities/record/outside';
import { ChromiumUnavailable, renderPdf as chromiumPdf } from '../../activities/record/pdf';
import { breachRegisterCsv, buildBreachRegister } from '../../activities/record/register';
import { actorOf, HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { ErrorBody, errorResponses } from '../schemas/common';
import {
  BreachRegister,
  IncidentRecord,
  OutsideStepBody,
  RecordQuery,
  RecordedStep,
  RegisterQuery,
} from '../schemas/record';

export interface RecordRouteDeps {
  ledger: Ledger;
  gateway: Pick<IncidentGateway, 'status'>;
  now: () => Date;
  /** HTML to PDF (default: headless Chromium). */
  renderPdf?: (html: string) => Promise<Buffer>;
}

const Params = z.object({ id: z.string().min(1).max(64) });
const unavailable = { 503: ErrorBody.describe('no Chromium installed to render the PDF') };

export function recordRoutes(deps: RecordRouteDeps) {
  const renderPdf = deps.renderPdf ?? chromiumPdf;
  const recordDeps: IncidentRecordDeps = {
    ledger: deps.ledger,
    // Regime, recipient and the law's words for each obligation, while the engine can still describe it.
    obligations: async (id) => (await deps.gateway.status(id)).notices.map((n) => n.obligation),
    now: deps.now,
  };

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const readers = requirePermission('record.read');

    r.get(
      '/v1/incidents/:id/record',
      {
        schema: {
          params: Params,
          querystring: RecordQuery,
          response: {
            200: {
              description:
                'everything the incident produced, from the ledger, with the chain check of its entries; ?format=html a printable page, ?format=pdf the same page as PDF',
              content: {
                'application/json': { schema: IncidentRecord },
                'text/html': { schema: z.string() },
                'application/pdf': { schema: z.string().describe('binary') },
              },
            },
            ...errorResponses,
            ...unavailable,
          },
          tags: ['record'],
        },
        preHandler: readers,
      },
      async (req, reply) => {
        const id = req.params.id;
        let record: IncidentRecord;
        try {
          record = await buildIncidentRecord(recordDeps, id);
        } catch (err) {
          if (err instanceof RecordNotFound) throw new HttpError(404, `no incident "${id}": ${err.message}`);
          throw err;
        }
        if (req.query.format === 'json') return reply.type('application/json; charset=utf-8').send(record);
        const html = renderIncidentRecordHtml(record);
        if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').send(html);
        let pdf: Buffer;
        try {
          pdf = await renderPdf(html);
        } catch (err) {
          if (err instanceof ChromiumUnavailable) throw new HttpError(503, err.message);
          throw err;
        }
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename="incident-record-${id.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
          )
          .send(pdf as unknown as string); // bytes: the declared PDF schema is only for the OpenAPI document
      },
    );

    r.get(
      '/v1/register',
      {
        schema: {
          querystring: RegisterQuery,
          response: {
            200: {
              description:
                'the breach register: one row per incident, drills excluded, notified or not; ?format=csv as CSV',
              content: { 'application/json': { schema: BreachRegister }, 'text/csv': { schema: z.string() } },
            },
            ...errorResponses,
          },
          tags: ['record'],
        },
        preHandler: readers,
      },
      async (req, reply) => {
        // From the ledger alone: one query to the engine per incident would make the register slow.
        const register = await buildBreachRegister({ ledger: deps.ledger, now: deps.now });
        if (req.query.format === 'json') return reply.type('application/json; charset=utf-8').send(register);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="breach-register.csv"')
          .send(breachRegisterCsv(register));
      },
    );

    r.post(
      '/v1/incidents/:id/ledger-entries',
      {
        schema: {
          params: Params,
          body: OutsideStepBody,
          response: { 201: RecordedStep, ...errorResponses },
          tags: ['ledger'],
          description:
            'records a step done outside the engine (a call to the regulator, a letter posted) in the same chain, with your identity; the action is stored as "external.<action>"',
        },
        preHandler: requirePermission('ledger.record'),
      },
      async (req, reply) => {
        const incidentId = req.params.id;
        // Known: the ledger has its entries, or the engine can describe it (it has just been reported).
        const known = (await deps.ledger.list({ incidentId, limit: 1 })).length > 0;
        if (!known) await deps.gateway.status(incidentId); // IncidentNotFound: 404
        const step = OutsideStepInput.parse(req.body);
        const entry = await recordOutsideStep(deps.ledger, {
          incidentId,
          actor: actorOf(req),
          at: deps.now(),
          ...step,
        });
        return reply.code(201).send({ entry });
      },
    );
  };
}
