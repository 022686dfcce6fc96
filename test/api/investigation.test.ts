/** The investigation and review routes: tasks with evidence, the review, action items (complete, accept). */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const tokens = new Map<string, Actor>([
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
  ['tok-manager-00000000', { id: 'max', role: 'manager' }],
  ['tok-legal-0000000000', { id: 'lea', role: 'legal' }],
  ['tok-auditor-00000000', { id: 'aud', role: 'auditor' }],
]);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const RESPONDER = as('tok-responder-0000000');
const MANAGER = as('tok-manager-00000000');
const LEGAL = as('tok-legal-0000000000');
const AUDITOR = as('tok-auditor-00000000');
const SHA = 'ab'.repeat(32);
const ID = 'INC-api-inv';

describe('HTTP API: investigation and review', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
    app.inject({
      method: 'POST',
      url: `/v1/incidents/${ID}${url}`,
      headers,
      payload: payload as Record<string, unknown>,
    });

  beforeEach(async () => {
    env = await setupIncidentEnv();
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      now: () => new Date('2026-03-02T09:20:00Z'),
      assess: (f) => assess(f, ruleSet, holidays),
    });
    // No notification duty: containment leads straight to the investigation.
    const created = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: {
        id: ID,
        title: 'Readable share',
        facts: {
          awareAt: '2026-03-02T09:15:00Z',
          entity: { name: 'Beispiel GmbH', country: 'DE' },
          affected: [{ country: 'DE', count: 5 }],
          dataCategories: ['name'],
          risk: 'unlikely',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    await env.harness.sleep(1000);
    expect((await post('/containment', RESPONDER, { note: 'fixed' })).statusCode).toBe(200);
    await env.harness.sleep(1000);
  });
  afterEach(async () => {
    await app.close();
    await env.teardown();
  });

  it('completes tasks with evidence references (400 on a bad sha256, 403 for another role), then records the review and settles its action items', async () => {
    const bad = await post('/tasks/root-cause/complete', RESPONDER, {
      evidence: [{ label: 'RCA', sha256: 'not-a-hash' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^body\.evidence/) })]),
    );
    expect((await post('/tasks/root-cause/complete', LEGAL, { notes: 'x' })).statusCode).toBe(403);
    for (const task of ['root-cause', 'scope-confirmed', 'evidence-preserved']) {
      const res = await post(`/tasks/${task}/complete`, RESPONDER, {
        notes: 'see report',
        evidence: [{ label: `${task} report`, sha256: SHA, uri: 'https://dms.example/doc/1' }],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true });
    }
    await env.harness.sleep(1000);

    expect((await post('/review', RESPONDER, { whatHappened: 'x' })).statusCode).toBe(403);
    const badFinding = await post('/review', MANAGER, {
      whatHappened: 'x',
      findings: [{ personId: 'Rita Muster', followUp: 'training' }],
    });
    expect(badFinding.statusCode).toBe(400);
    // `summary` is still taken for whatHappened.
    const review = await post('/review', MANAGER, {
      summary: 'A share kept everyone-read after a migration.',
      rootCauses: ['no permission review after migrations'],
      findings: [{ role: 'responder', personId: 'emp-4711', followUp: 'training' }],
      actionItems: [
        {
          id: 'scan',
          title: 'Weekly permission scan',
          owner: { role: 'responder' },
          dueAt: '2026-04-01T00:00:00Z',
          priority: 'high',
        },
        { id: 'dlp', title: 'DLP tool', owner: { role: 'manager' }, dueAt: '2026-09-01T00:00:00Z' },
      ],
    });
    expect(review.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: `/v1/incidents/${ID}`, headers: AUDITOR })).json().review,
    ).toMatchObject({
      whatHappened: 'A share kept everyone-read after a migration.',
      actionItems: [
        { id: 'scan', status: 'open' },
        { id: 'dlp', priority: 'medium' },
      ],
    });

    expect((await post('/close', MANAGER)).statusCode).toBe(409);
    expect(
      (await post('/action-items/scan/complete', RESPONDER, { evidence: [{ label: 'job', sha256: 'zz' }] })).statusCode,
    ).toBe(400);
    expect(
      (await post('/action-items/scan/complete', LEGAL, { evidence: [{ label: 'job', sha256: SHA }] })).statusCode,
    ).toBe(403);
    expect(
      (await post('/action-items/scan/complete', AUDITOR, { evidence: [{ label: 'job', sha256: SHA }] })).statusCode,
    ).toBe(403);
    expect(
      (await post('/action-items/scan/complete', RESPONDER, { evidence: [{ label: 'scan job', sha256: SHA }] }))
        .statusCode,
    ).toBe(200);
    expect((await post('/action-items/dlp/accept', RESPONDER, { reason: 'later' })).statusCode).toBe(403);
    expect((await post('/action-items/dlp/accept', MANAGER, {})).statusCode).toBe(400);
    expect((await post('/action-items/nope/accept', MANAGER, { reason: 'x' })).statusCode).toBe(409);
    expect((await post('/action-items/dlp/accept', MANAGER, { reason: 'no budget this year' })).statusCode).toBe(200);
    expect((await post('/close', MANAGER, { reason: 'lessons learned' })).statusCode).toBe(200);
  });
});
