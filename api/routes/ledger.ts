import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import { requirePermission } from '../auth';

const ListQuery = z.object({
  incidentId: z.string().min(1).max(64).optional(),
  afterSeq: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export function ledgerRoutes(ledger: Ledger) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const readers = requirePermission('ledger.read');
    r.get('/v1/ledger', { schema: { querystring: ListQuery, tags: ['ledger'] }, preHandler: readers }, async (req) => ({
      entries: await ledger.list(req.query),
    }));
    r.get('/v1/ledger/verify', { schema: { tags: ['ledger'] }, preHandler: readers }, async () => ledger.verify());
  };
}
