/** The incident record (its own printable page, and as PDF) and the breach register, for record readers. */
import type { FastifyInstance } from 'fastify';
import { renderIncidentRecordHtml } from '../../activities/record/html';
import { buildIncidentRecord, RecordNotFound, type IncidentRecordDeps } from '../../activities/record/incident-record';
import { ChromiumUnavailable, renderPdf } from '../../activities/record/pdf';
import { breachRegisterCsv, buildBreachRegister } from '../../activities/record/register';
import { demand, HttpError } from '../auth';
import { layoutFor, sendPage, viewerOf, type UiContext } from './context';
import { IncidentParams } from './incident-pages';
import { optionalTime } from './time';

export function recordPageRoutes(ctx: UiContext) {
  const { ledger, gateway } = ctx.deps;
  const recordDeps: IncidentRecordDeps = {
    ledger,
    obligations: async (id) => (await gateway.status(id)).notices.map((n) => n.obligation),
  };

  async function recordHtml(id: string): Promise<string> {
    try {
      return renderIncidentRecordHtml(await buildIncidentRecord(recordDeps, id));
    } catch (err) {
      if (err instanceof RecordNotFound) throw new HttpError(404, `no incident "${id}": ${err.message}`);
      throw err;
    }
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/incidents/:id/record', async (req, reply) => {
      demand('record.read', viewerOf(req).actor.role);
      const { id } = IncidentParams.parse(req.params);
      const base = `/ui/incidents/${encodeURIComponent(id)}`;
      // The record's own page (the API's and the PDF's), with a way back to the pages.
      const nav =
        `<p style="margin:0 0 1rem"><a href="${base}">← Back to the incident</a> · ` +
        `<a href="${base}/record.pdf">PDF</a> · <a href="/ui/register">Breach register</a></p>`;
      const html = (await recordHtml(id)).replace(/<body([^>]*)>/, (m) => `${m}\n${nav}`);
      return reply.type('text/html; charset=utf-8').send(html);
    });

    app.get('/incidents/:id/record.pdf', async (req, reply) => {
      demand('record.read', viewerOf(req).actor.role);
      const { id } = IncidentParams.parse(req.params);
      let pdf: Buffer;
      try {
        pdf = await renderPdf(await recordHtml(id));
      } catch (err) {
        if (err instanceof ChromiumUnavailable) throw new HttpError(503, err.message);
        throw err;
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="incident-record-${id}.pdf"`)
        .send(pdf);
    });

    app.get('/register', async (req, reply) => {
      const v = viewerOf(req);
      demand('record.read', v.actor.role);
      const register = await buildBreachRegister({ ledger });
      const rows = register.rows.map((r) => ({
        ...r,
        href: `/ui/incidents/${encodeURIComponent(r.incidentId)}`,
        recordHref: `/ui/incidents/${encodeURIComponent(r.incidentId)}/record`,
        aware: optionalTime(r.awareAt ?? undefined),
        obligations: r.obligations.map((o) => ({ ...o, bad: o.outcome === 'late' || o.outcome === 'overdue' })),
      }));
      return sendPage(ctx, reply, 200, 'register', {
        ...layoutFor(v, 'Breach register'),
        generatedAt: optionalTime(register.generatedAt),
        rows,
      });
    });

    app.get('/register.csv', async (req, reply) => {
      demand('record.read', viewerOf(req).actor.role);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="breach-register.csv"')
        .send(breachRegisterCsv(await buildBreachRegister({ ledger })));
    });
  };
}
