/** The retention routes: status, litigation hold and release, through the app with the real workflows. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { IncidentFacts } from '../../domain/facts';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { closeIncident, DAY, sendLetters, setupRetentionEnv, type RetentionEnv } from './setup';

const tokens = new Map<string, Actor>([
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
  ['tok-manager-00000000', { id: 'max', role: 'manager' }],
  ['tok-auditor-00000000', { id: 'aud', role: 'auditor' }],
]);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const RESPONDER = as('tok-responder-0000000');
const MANAGER = as('tok-manager-00000000');
const AUDITOR = as('tok-auditor-00000000');

describe('retention API', () => {
  let env: RetentionEnv;
  let app: FastifyInstance;
  beforeAll(async () => {
    env = await setupRetentionEnv();
    app = await buildApp({
      gateway: env.gateway,
      retention: env.retention,
      ledger: env.ledger,
      db: env.db,
      tokens,
      assess: (f) => assess(f, ruleSet, holidays),
    });
  });
  afterAll(async () => {
    await app.close();
    await env.teardown();
  });

  it('shows the clock, holds with a reason, releases, and refuses what it must', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/v1/incidents/INC-nope/retention', headers: AUDITOR })).statusCode,
    ).toBe(404);
    await sendLetters(env, 'INC-api-ret', 2);
    await closeIncident(env, 'INC-api-ret');

    const got = await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-ret/retention', headers: AUDITOR });
    expect(got.statusCode).toBe(200);
    const status = got.json();
    expect(status).toMatchObject({
      phase: 'scheduled',
      workflowId: 'INC-api-ret/retention',
      hold: null,
      certificate: null,
    });
    expect(Date.parse(status.dueAt) - Date.parse(status.closedAt)).toBe(90 * DAY);

    const url = '/v1/incidents/INC-api-ret/retention/hold';
    expect((await app.inject({ method: 'POST', url, headers: RESPONDER, payload: { reason: 'x' } })).statusCode).toBe(
      403,
    );
    const bad = await app.inject({ method: 'POST', url, headers: MANAGER, payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([expect.objectContaining({ path: 'body.reason' })]);
    const held = await app.inject({
      method: 'POST',
      url,
      headers: MANAGER,
      payload: { reason: 'Regulator inquiry 2026/17' },
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({
      phase: 'held',
      hold: { by: 'max', role: 'manager', reason: 'Regulator inquiry 2026/17' },
    });
    const twice = await app.inject({ method: 'POST', url, headers: MANAGER, payload: { reason: 'again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/already held/);

    await env.harness.sleep(120 * DAY);
    const released = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-ret/retention/release',
      headers: MANAGER,
      payload: {},
    });
    expect(released.statusCode).toBe(200);
    expect(Date.parse(released.json().dueAt)).toBe((await env.harness.now()) + 90 * DAY);
    await env.harness.sleep(90 * DAY + 60_000);
    const destroyed = (
      await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-ret/retention', headers: AUDITOR })
    ).json();
    expect(destroyed).toMatchObject({ phase: 'destroyed', certificate: { counts: { people: 2, files: 2 } } });
  }, 120_000);

  it('an open incident has no retention yet: status says so, a hold is refused', async () => {
    await env.gateway.report({
      incident: {
        id: 'INC-api-open',
        title: 'Open',
        reportedBy: { id: 'rita', role: 'responder' },
        reportedAt: new Date(await env.harness.now()).toISOString(),
      },
      facts: IncidentFacts.parse({
        awareAt: new Date(await env.harness.now()).toISOString(),
        entity: { name: 'Beispiel GmbH', country: 'DE' },
        affected: [{ country: 'DE', count: 3 }],
        dataCategories: ['name'],
        risk: 'unlikely',
      }),
      planId: 'default',
    });
    await env.harness.sleep(1000);
    const got = await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-open/retention', headers: AUDITOR });
    expect(got.json()).toEqual({ incidentId: 'INC-api-open', phase: 'not-scheduled' });
    const hold = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-open/retention/hold',
      headers: MANAGER,
      payload: { reason: 'early' },
    });
    expect(hold.statusCode).toBe(409);
    expect(hold.json().message).toMatch(/not closed yet/);
  }, 60_000);
});
