import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { buildApp } from '../../api/app';
import { assess } from '../../domain/rules/evaluate';
import type { Actor } from '../../domain/actor';
import { holidays, ruleSet } from '../fixtures';
import { seedRecipients } from '../recipients/campaign-fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const tokens = new Map<string, Actor>([
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
  ['tok-manager-00000000', { id: 'max', role: 'manager' }],
]);
const RESPONDER = { authorization: 'Bearer tok-responder-0000000' };
const MANAGER = { authorization: 'Bearer tok-manager-00000000' };

describe('mass notification over HTTP', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  beforeEach(async () => {
    env = await setupIncidentEnv();
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      assess: (f) => assess(f, ruleSet, holidays),
    });
  });
  afterEach(async () => {
    await app.close();
    await env.teardown();
  });

  it('imports recipients from CSV: bad rows reported by line, unknown incident 404, missing column 400', async () => {
    const csv =
      'email,name,locale,country,region\nana@example.net,Ana,pt-BR,BR,\nbo@example.net,Bo,en,US,US-CA\nnot-an-address,X,en,DE,\nchen@example.net,陈,zh-CN,CN,\n';
    const post = (id: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/incidents/${id}/recipients`,
        headers: { ...RESPONDER, 'content-type': 'text/csv' },
        payload,
      });
    expect((await post('INC-none', csv)).statusCode).toBe(404);
    await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: {
        id: 'INC-csv',
        title: 'Leak',
        facts: {
          awareAt: '2026-03-02T09:15:00Z',
          entity: { country: 'DE' },
          affected: [{ country: 'DE', count: 3 }],
          risk: 'high',
        },
      },
    });
    const res = await post('INC-csv', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      imported: 3,
      rejected: 1,
      errors: [expect.objectContaining({ line: 4, field: 'email' })],
      byCountry: { BR: 1, CN: 1, US: 1 },
    });
    const missing = await post('INC-csv', 'name,country\nAna,BR\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/email/);

    // Both imports are in the ledger: who, the file's SHA-256, the counts and the rejected lines, and no one's address.
    const entries = (await env.ledger.list({ incidentId: 'INC-csv' })).filter((e) =>
      e.action.startsWith('recipients.'),
    );
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['recipients.imported', 'rita'],
      ['recipients.import-failed', 'rita'],
    ]);
    expect(entries[0].payload).toMatchObject({
      role: 'responder',
      file: { sha256: createHash('sha256').update(csv).digest('hex'), bytes: Buffer.byteLength(csv) },
      imported: 3,
      rejected: 1,
      rejectedLines: [4],
      byCountry: { BR: 1, CN: 1, US: 1 },
    });
    expect(entries[1].payload).toMatchObject({ code: 'missing-column', storedBefore: 0 });
    expect(JSON.stringify(entries)).not.toMatch(/example\.net|not-an-address/);
    expect(await env.ledger.verify()).toMatchObject({ ok: true });
  });

  it('shows progress of the campaign an approval started, and refuses to pause a finished one', async () => {
    await seedRecipients(env.db, 'INC-http-mass', 15);
    await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: {
        id: 'INC-http-mass',
        title: 'Leak',
        facts: {
          awareAt: '2026-03-02T09:15:00Z',
          entity: { country: 'DE' },
          affected: [{ country: 'DE', count: 15 }],
          risk: 'high',
        },
      },
    });
    const progressUrl = '/v1/incidents/INC-http-mass/notices/gdpr:individuals:DE/progress';
    expect((await app.inject({ method: 'GET', url: progressUrl, headers: RESPONDER })).statusCode).toBe(404);
    await env.harness.sleep(1000);
    const approve = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-http-mass/notices/gdpr:individuals:DE/decision',
      headers: MANAGER,
      payload: { decision: 'approve' },
    });
    expect(approve.statusCode).toBe(200);
    await env.harness.sleep(1000);
    const progress = await app.inject({ method: 'GET', url: progressUrl, headers: RESPONDER });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({ total: 15, sent: 15, pending: 0, finished: true });
    const pause = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-http-mass/notices/gdpr:individuals:DE/campaign/pause',
      headers: MANAGER,
    });
    expect(pause.statusCode).toBe(409);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/incidents/INC-http-mass/notices/gdpr:individuals:DE/campaign/pause',
          headers: RESPONDER,
        })
      ).statusCode,
    ).toBe(403);
  });
});
