import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import { importRecipients, RecipientImportError, type ImportReport } from '../../activities/recipients/import';
import type { Queryable } from '../../activities/store/db';
import { IncidentId } from '../../workflows/incident/messages';
import { actorOf, HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';
import { errorResponses } from '../schemas/common';
import { ImportReport as ImportReportBody } from '../schemas/recipients';

const Params = z.object({ id: IncidentId });

/** The file as it streams past: its SHA-256 and size, for the ledger. */
function fingerprinted(input: AsyncIterable<string | Uint8Array>) {
  const hash = createHash('sha256');
  let bytes = 0;
  async function* stream(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(b);
      bytes += b.length;
      yield b;
    }
  }
  return { stream: stream(), file: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/** What the ledger keeps of an import: counts and line numbers, never a person's data. */
function summary(r: ImportReport) {
  const { lines, records, imported, inserted, updated, duplicatesMerged, rejected, byCountry, ignoredColumns } = r;
  const rejectedLines = [...new Set(r.errors.map((e) => e.line))];
  return {
    lines,
    records,
    imported,
    inserted,
    updated,
    duplicatesMerged,
    rejected,
    rejectedLines,
    byCountry,
    ignoredColumns,
  };
}

/**
 * The affected people of an incident, as CSV (email,name,locale,country,region), streamed into
 * the store: the body is never held in memory whole, and addresses never enter a workflow. Each
 * import, and each import that stops part-way, is recorded in the ledger: who, the file's SHA-256,
 * the counts and the rejected lines.
 */
export function recipientRoutes(gateway: IncidentGateway, db: Queryable, ledger: Ledger, now: () => Date) {
  return async (app: FastifyInstance): Promise<void> => {
    // The raw request stream goes to the importer; no size limit beyond the importer's own per-record one.
    app.addContentTypeParser('text/csv', { bodyLimit: 10 * 1024 ** 3 }, (_req, payload, done) => done(null, payload));
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/incidents/:id/recipients',
      {
        schema: {
          params: Params,
          response: { 200: ImportReportBody, ...errorResponses },
          tags: ['recipients'],
          consumes: ['text/csv'],
        },
        preHandler: requirePermission('recipients.import'),
      },
      async (req) => {
        const incidentId = req.params.id;
        await gateway.status(incidentId); // 404 for an unknown incident, before reading the body
        const actor = actorOf(req);
        const record = (action: string, payload: Record<string, unknown>) =>
          ledger.append({
            eventId: `${incidentId}:recipients:${randomUUID()}`,
            incidentId,
            at: now().toISOString(),
            actor: actor.id,
            action,
            payload: { role: actor.role, ...payload },
          });
        const body = fingerprinted(req.body as AsyncIterable<Uint8Array>);
        try {
          const report = await importRecipients(db, incidentId, body.stream);
          await record('recipients.imported', { file: body.file(), ...summary(report) });
          return report;
        } catch (err) {
          if (err instanceof RecipientImportError) {
            // A syntax error stops the import part-way: what was stored before the bad line is recorded too.
            await record('recipients.import-failed', {
              read: body.file(),
              code: err.code,
              reason: err.message,
              line: err.line ?? null,
              storedBefore: err.progress?.imported ?? 0,
            });
            throw new HttpError(400, `${err.message}${err.line ? ` (line ${err.line})` : ''}`);
          }
          throw err;
        }
      },
    );
  };
}
