/** The HTTP API, built in a function so tests drive it with `inject`. */
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Ledger } from '../activities/ledger/ledger';
import { authenticate, tokenChain, type TokenSource } from './auth';
import { installErrorHandler } from './errors';
import type { IncidentGateway } from './gateway';
import { incidentRoutes } from './routes/incidents';
import { ledgerRoutes } from './routes/ledger';
import { recordRoutes } from './routes/record';
import { assessmentRoutes } from './routes/assessments';
import { campaignRoutes } from './routes/campaigns';
import { recipientRoutes } from './routes/recipients';
import { filingRoutes } from './routes/filing';
import { drillRoutes, type DrillRouteDeps } from './routes/drills';
import { retentionRoutes, type RetentionGateway } from './routes/retention';
import { uiRoutes } from './ui';
import { tokenRoutes } from './routes/tokens';
import type { TokenStore } from '../activities/tokens/store';
import type { Queryable } from '../activities/store/db';
import { loadPlan } from '../activities/plans/load';
import type { IncidentFacts } from '../domain/facts';
import type { Assessment } from '../domain/obligation';
import type { TemporalEngine } from '../worker/temporal';
import { z } from 'zod';

export interface AppDeps {
  gateway: IncidentGateway;
  ledger: Ledger;
  /** Tokens besides the hashed store: `API_TOKENS`, the development tokens, or a test's map. */
  tokens: TokenSource;
  /** The hashed token store: asked first, and managed by the /v1/tokens routes (absent: no such routes). */
  tokenStore?: TokenStore;
  assess: (facts: IncidentFacts) => Assessment;
  /** The store recipients are imported into. */
  db: Queryable;
  /** Whether a plan of this id exists and is valid (default: loads it from plans/). */
  planExists?: (planId: string) => boolean;
  logger?: FastifyBaseLogger | boolean;
  newId?: () => string;
  now?: () => Date;
  /** Drill schedules and runs (absent: no drill routes). */
  drills?: DrillRouteDeps;
  /** The retention workflows (deletion of the people's data, litigation hold); absent: no retention routes. */
  retention?: RetentionGateway;
  /** Which Temporal the worker uses, for GET /health. */
  temporalEngine?: TemporalEngine;
  /** Told of every route as it is registered (the route × role test checks its table is complete). */
  onRoute?: (route: RouteOptions) => void;
}

const Health = z.object({
  ok: z.literal(true),
  temporal: z
    .object({
      kind: z.enum(['cluster', 'temporal-dev-server', 'in-process-dev-server']),
      address: z.string(),
      durable: z.boolean().describe('whether running incidents survive a restart of the engine'),
    })
    .nullable(),
});

function defaultIncidentId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `INC-${day}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

export async function buildApp(deps: AppDeps) {
  // Fastify 5 takes a logger instance as loggerInstance, and only options or a boolean as logger.
  const app =
    typeof deps.logger === 'object'
      ? Fastify({ loggerInstance: deps.logger, bodyLimit: 1_048_576 })
      : Fastify({ logger: deps.logger ?? false, bodyLimit: 1_048_576 });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Breach response engine', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  // No token: load balancers and people check it; it says which Temporal runs the incidents.
  app.get('/health', { schema: { response: { 200: Health } } }, async () => ({
    ok: true as const,
    temporal: deps.temporalEngine ?? null,
  }));

  const now = deps.now ?? (() => new Date());
  await app.register(async (secured) => {
    secured.addHook(
      'onRequest',
      authenticate(deps.tokenStore ? tokenChain(deps.tokenStore, deps.tokens) : deps.tokens),
    );
    const planExists =
      deps.planExists ??
      ((planId: string) => {
        try {
          loadPlan(planId);
          return true;
        } catch {
          return false;
        }
      });
    const approverRoles = (planId: string) => loadPlan(planId).approvals.roles;
    await secured.register(
      incidentRoutes(deps.gateway, {
        newId: deps.newId ?? (() => defaultIncidentId(now())),
        now,
        planExists,
        approverRoles,
      }),
    );
    await secured.register(ledgerRoutes(deps.ledger));
    await secured.register(recordRoutes({ ledger: deps.ledger, gateway: deps.gateway, now }));
    await secured.register(assessmentRoutes(deps.assess));
    await secured.register(campaignRoutes(deps.gateway, deps.db));
    await secured.register(recipientRoutes(deps.gateway, deps.db, deps.ledger, now));
    await secured.register(filingRoutes(deps.gateway, deps.db));
    if (deps.drills) await secured.register(drillRoutes(deps.drills));
    if (deps.retention) await secured.register(retentionRoutes(deps.gateway, deps.retention));
    if (deps.tokenStore) await secured.register(tokenRoutes({ store: deps.tokenStore, ledger: deps.ledger, now }));
  });
  // The managers' pages: a signed session cookie after one sign-in with a token, instead of a bearer token.
  await app.register(uiRoutes(deps), { prefix: '/ui' });
  return app;
}
