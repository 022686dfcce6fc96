import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importRecipients, RecipientImportError } from '../../activities/recipients/import';
import type { Queryable } from '../../activities/store/db';
import { IncidentId } from '../../workflows/incident/messages';
import { HttpError, requirePermission } from '../auth';
import type { IncidentGateway } from '../gateway';

const Params = z.object({ id: IncidentId });

/**
 * The affected people of an incident, as CSV (email,name,locale,country,region), streamed into
 * the store: the body is never held in memory whole, and addresses never enter a workflow.
 */
export function recipientRoutes(gateway: IncidentGateway, db: Queryable) {
  return async (app: FastifyInstance): Promise<void> => {
    // The raw request stream goes to the importer; no size limit beyond the importer's own per-record one.
    app.addContentTypeParser('text/csv', { bodyLimit: 10 * 1024 ** 3 }, (_req, payload, done) => done(null, payload));
    app.withTypeProvider<ZodTypeProvider>().post('/v1/incidents/:id/recipients', {
      schema: { params: Params, tags: ['recipients'], consumes: ['text/csv'] },
      preHandler: requirePermission('recipients.import'),
    }, async (req) => {
      await gateway.status(req.params.id); // 404 for an unknown incident, before reading the body
      try {
        return await importRecipients(db, req.params.id, req.body as NodeJS.ReadableStream);
      } catch (err) {
        if (err instanceof RecipientImportError) throw new HttpError(400, `${err.message}${err.line ? ` (line ${err.line})` : ''}`);
        throw err;
      }
    });
  };
}
