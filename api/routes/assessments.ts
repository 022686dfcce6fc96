import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IncidentFacts } from '../../domain/facts';
import type { Assessment } from '../../domain/obligation';
import { requirePermission } from '../auth';

/** What-if for compliance staff: which notices would these facts require? No incident is created. */
export function assessmentRoutes(assess: (facts: IncidentFacts) => Assessment) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().post('/v1/assessments', {
      schema: { body: IncidentFacts, tags: ['assessments'] },
      preHandler: requirePermission('incident.read'),
    }, async (req) => assess(req.body));
  };
}
