import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jurisdictionName } from '../../activities/notices/context-builder';
import { IncidentFacts } from '../../domain/facts';
import type { Assessment } from '../../domain/obligation';
import { summarizeByJurisdiction } from '../../domain/obligation-summary';
import { requirePermission } from '../auth';
import { AssessmentBody } from '../schemas/assessment';
import { errorResponses } from '../schemas/common';

/**
 * What-if for compliance staff: which notices would these facts require? No incident is created.
 * Besides the obligations, one line per jurisdiction, soonest first (a multistate breach has dozens).
 */
export function assessmentRoutes(assess: (facts: IncidentFacts) => Assessment) {
  return async (app: FastifyInstance): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/assessments',
      {
        schema: { body: IncidentFacts, response: { 200: AssessmentBody, ...errorResponses }, tags: ['assessments'] },
        preHandler: requirePermission('incident.read'),
      },
      async (req) => {
        const assessment = assess(req.body);
        const byJurisdiction = summarizeByJurisdiction(assessment.obligations, (code) =>
          jurisdictionName(code, 'en'),
        ).map(({ obligations, ...g }) => ({ ...g, obligations: obligations.map((o) => o.id) }));
        return {
          ...assessment,
          conditional: assessment.conditional ?? [],
          upcoming: assessment.upcoming ?? [],
          byJurisdiction,
        };
      },
    );
  };
}
