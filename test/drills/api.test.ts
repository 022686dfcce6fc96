/** Drills over HTTP: schedules on the dev server's Schedules, permissions, bad input, reports. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { createDrillScheduler } from '../../api/drill-scheduler';
import { checkDrill } from '../../activities/drills/check';
import { createDrillStore } from '../../activities/drills/store';
import { loadPlan } from '../../activities/plans/load';
import type { Actor } from '../../domain/actor';
import { scoreDrill } from '../../domain/drill-score';
import { DrillTargets } from '../../domain/plan';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const tokens = new Map<string, Actor>([
  ['tok-manager-00000000', { id: 'max', role: 'manager' }],
  ['tok-auditor-00000000', { id: 'ada', role: 'auditor' }],
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
]);
const as = (who: 'manager' | 'auditor' | 'responder') => ({
  authorization: `Bearer tok-${who}-${who === 'responder' ? '0000000' : '00000000'}`,
});

describe('drills over HTTP', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  beforeAll(async () => {
    env = await setupIncidentEnv(new Date('2026-03-01T11:00:00Z'));
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      assess: (f) => assess(f, ruleSet, holidays),
      drills: {
        scheduler: createDrillScheduler(env.harness.client, env.harness.taskQueue),
        runs: createDrillStore(env.db),
        checkDrill: (d) => checkDrill(d, loadPlan),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await env.teardown();
  });

  const body = {
    drillId: 'monthly-us',
    scenarioId: 'misdirected-health-us',
    participants: ['dpo@example.org'],
    schedule: { cron: '0 10 1 * *', timeZone: 'America/New_York' },
  };

  it('a manager schedules a drill; everyone reads it; its next runs are in its time zone', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/v1/drills', headers: as('responder'), payload: body })).statusCode,
    ).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/v1/drills', headers: as('manager'), payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe('/v1/drills/monthly-us');
    // Now is Sun 1 March 06:00 EST: 10:00 EST today = 15:00Z; from April, 10:00 EDT = 14:00Z.
    expect(created.json()).toMatchObject({
      id: 'monthly-us',
      planId: 'default',
      paused: false,
      nextRuns: [
        '2026-03-01T15:00:00.000Z',
        '2026-04-01T14:00:00.000Z',
        '2026-05-01T14:00:00.000Z',
        '2026-06-01T14:00:00.000Z',
        '2026-07-01T14:00:00.000Z',
      ],
    });
    expect(
      (await app.inject({ method: 'POST', url: '/v1/drills', headers: as('manager'), payload: body })).statusCode,
    ).toBe(409);
    const list = await app.inject({ method: 'GET', url: '/v1/drills', headers: as('auditor') });
    expect(list.json().drills.map((d: { id: string }) => d.id)).toEqual(['monthly-us']);
    expect(
      (await app.inject({ method: 'GET', url: '/v1/drills/monthly-us', headers: as('auditor') })).json(),
    ).toMatchObject({ id: 'monthly-us', runs: [] });
  });

  it('pause and unpause say so; an unknown drill is 404; delete removes the schedule', async () => {
    const paused = await app.inject({
      method: 'POST',
      url: '/v1/drills/monthly-us/pause',
      headers: as('manager'),
      payload: { note: 'audit week' },
    });
    expect(paused.json()).toMatchObject({ paused: true, note: 'audit week' });
    expect(
      (
        await app.inject({ method: 'POST', url: '/v1/drills/monthly-us/unpause', headers: as('manager'), payload: {} })
      ).json(),
    ).toMatchObject({ paused: false });
    expect(
      (await app.inject({ method: 'POST', url: '/v1/drills/nope/pause', headers: as('manager'), payload: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/drills/monthly-us', headers: as('auditor') })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/drills/monthly-us', headers: as('manager') })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/v1/drills/monthly-us', headers: as('auditor') })).statusCode).toBe(
      404,
    );
  });

  it('refuses an unknown scenario, a participant outside the plan, a bad time zone and a schedule with both or neither spec', async () => {
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/v1/drills', headers: as('manager'), payload });
    const unknown = await post({ ...body, drillId: 'x1', scenarioId: 'no-such-scenario' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/scenario "no-such-scenario" not found/);
    const stranger = await post({ ...body, drillId: 'x2', participants: ['someone@elsewhere.example'] });
    expect(stranger.json().message).toMatch(/someone@elsewhere.example is not/);
    const tz = await post({ ...body, drillId: 'x3', schedule: { cron: '0 10 1 * *', timeZone: 'Mars/Olympus' } });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().issues[0].path).toBe('body.schedule.timeZone');
    expect((await post({ ...body, drillId: 'x4', schedule: { cron: '0 10 1 * *', everyHours: 24 } })).statusCode).toBe(
      400,
    );
    expect((await post({ ...body, drillId: 'x5', schedule: {} })).statusCode).toBe(400);
  });

  it('the OpenAPI document describes every drill route with its responses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const [path, method, ok] of [
      ['/v1/drills', 'post', '201'],
      ['/v1/drills', 'get', '200'],
      ['/v1/drills/{id}', 'get', '200'],
      ['/v1/drills/{id}/report', 'get', '200'],
      ['/v1/drills/{id}', 'delete', '204'],
    ]) {
      expect(Object.keys(doc.paths[path][method].responses)).toEqual(expect.arrayContaining([ok, '400', '403', '404']));
    }
    expect(JSON.stringify(doc.paths['/v1/drills/{id}/report'])).toContain('text/html');
  });

  it('a real incident cannot take a drill id', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: as('responder'),
      payload: {
        id: 'DRILL-fake-1',
        title: 'x',
        facts: { awareAt: '2026-03-01T10:00:00Z', entity: { country: 'DE' }, risk: 'risk' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: 'body.id', message: expect.stringMatching(/kept for drills/) });
  });

  it('serves a run report as JSON with its verdict, and as a page; a running drill is 409', async () => {
    const runs = createDrillStore(env.db);
    const base = {
      drillId: 'manual',
      planId: 'default',
      scenarioId: 'ransomware-eu',
      participants: ['dpo@example.org'],
      standIn: 'dpo@example.org',
    };
    await runs.register({ ...base, incidentId: 'DRILL-manual-20260301T0900', startedAt: '2026-03-01T09:00:00Z' });
    expect(
      (await app.inject({ method: 'GET', url: '/v1/drills/DRILL-manual-20260301T0900/report', headers: as('auditor') }))
        .statusCode,
    ).toBe(409);
    const at = (h: number) => new Date(Date.parse('2026-03-01T09:00:00Z') + h * 3_600_000).toISOString();
    await runs.saveReport(
      'DRILL-manual-20260301T0900',
      scoreDrill({
        ...base,
        incidentId: 'DRILL-manual-20260301T0900',
        planVersion: loadPlan('default').version,
        startedAt: at(0),
        finishedAt: at(80),
        targets: DrillTargets.parse({}),
        entries: [
          { at: at(0), actor: 'drill:scenario', action: 'incident.reported', payload: {} },
          {
            at: at(0),
            actor: 'system',
            action: 'obligations.assessed',
            payload: { obligations: [{ id: 'gdpr:authority:DE', dueAt: at(72), citation: 'GDPR Art. 33(1)' }] },
          },
          { at: at(77), actor: 'system', action: 'notice.sent', payload: { noticeId: 'gdpr:authority:DE' } },
        ],
      }),
    );
    const json = await app.inject({ method: 'GET', url: '/v1/drills/manual/report', headers: as('auditor') });
    expect(json.json()).toMatchObject({
      incidentId: 'DRILL-manual-20260301T0900',
      missedLegalDeadline: true,
      verdict: ['With this plan and these response times you miss gdpr:authority:DE (GDPR Art. 33(1)) by 5 hours.'],
    });
    const page = await app.inject({
      method: 'GET',
      url: '/v1/drills/DRILL-manual-20260301T0900/report?format=html',
      headers: as('auditor'),
    });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<tr class="miss"><td>gdpr:authority:DE</td>');
    expect(
      (await app.inject({ method: 'GET', url: '/v1/drills/none/report', headers: as('auditor') })).statusCode,
    ).toBe(404);
  });
});
