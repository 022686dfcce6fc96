import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import { HttpError, requirePermission } from '../auth';
import { errorResponses } from '../schemas/common';
import { LedgerList, VerifyResult } from '../schemas/ledger';

const ListQuery = z.object({
  incidentId: z.string().min(1).max(64).optional(),
  afterSeq: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

const VerifyQuery = z.object({ incidentId: z.string().min(1).max(64).optional() });

export function ledgerRoutes(ledger: Ledger) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const readers = requirePermission('ledger.read');
    r.get(
      '/v1/ledger',
      {
        schema: { querystring: ListQuery, response: { 200: LedgerList, ...errorResponses }, tags: ['ledger'] },
        preHandler: readers,
      },
      async (req) => ({
        entries: await ledger.list(req.query),
      }),
    );
    r.get(
      '/v1/ledger/verify',
      {
        schema: { querystring: VerifyQuery, response: { 200: VerifyResult, ...errorResponses }, tags: ['ledger'] },
        preHandler: readers,
      },
      // With incidentId: that incident's entries where they sit in the chain (count = its entries).
      async (req) => {
        const { incidentId } = req.query;
        if (!incidentId) return ledger.verify();
        const result = await ledger.verifyIncident(incidentId);
        if (result.ok && result.count === 0) throw new HttpError(404, `no ledger entries for incident "${incidentId}"`);
        return result;
      },
    );
  };
}
