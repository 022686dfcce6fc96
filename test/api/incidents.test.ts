import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';

const tokens = new Map<string, Actor>([
  ['tok-responder-0000000', { id: 'rita', role: 'responder' }],
  ['tok-manager-00000000', { id: 'max', role: 'manager' }],
  ['tok-legal-0000000000', { id: 'lea', role: 'legal' }],
  ['tok-auditor-00000000', { id: 'aud', role: 'auditor' }],
  ['tok-admin-000000000000', { id: 'ada', role: 'admin' }],
]);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const RESPONDER = as('tok-responder-0000000');
const MANAGER = as('tok-manager-00000000');
const LEGAL = as('tok-legal-0000000000');
const AUDITOR = as('tok-auditor-00000000');
const ADMIN = as('tok-admin-000000000000');

const body = (over: Record<string, unknown> = {}) => ({
  id: 'INC-api-1',
  title: 'Stolen laptop with HR export',
  facts: {
    awareAt: '2026-03-02T09:15:00Z',
    entity: { name: 'Beispiel GmbH', country: 'DE' },
    affected: [{ country: 'DE', count: 40 }],
    dataCategories: ['name', 'government-id'],
    risk: 'risk',
  },
  ...over,
});

/** An engine and the API on it; `close` stops both. */
async function startApi(): Promise<{ env: IncidentEnv; app: FastifyInstance; close(): Promise<void> }> {
  const env = await setupIncidentEnv();
  const app = await buildApp({
    gateway: env.gateway,
    ledger: env.ledger,
    db: env.db,
    tokens,
    now: () => new Date('2026-03-02T09:20:00Z'),
    assess: (f) => assess(f, ruleSet, holidays),
  });
  return {
    env,
    app,
    async close() {
      await app.close();
      await env.teardown();
    },
  };
}

describe('HTTP API', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ env, app, close } = await startApi());
  });
  afterEach(() => close());

  it('reports an incident (201), returns the same one on a repeat (200), and shows its obligations', async () => {
    const first = await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() });
    expect(first.statusCode).toBe(201);
    expect(first.headers.location).toBe('/v1/incidents/INC-api-1');
    const again = await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, incident: { id: 'INC-api-1' } });

    await env.harness.sleep(1000);
    const got = await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-1', headers: AUDITOR });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      id: 'INC-api-1',
      phase: 'containment',
      notices: [{ id: 'gdpr:authority:DE', clockDueAt: '2026-03-05T09:15:00.000Z', status: 'awaiting-approval' }],
      pendingApprovals: [{ noticeId: 'gdpr:authority:DE', approvalsNeeded: 2 }],
    });
  });

  it('the status carries drafts as summaries; the notice route gives the whole draft, or its text or HTML alone', async () => {
    const url = '/v1/incidents/INC-api-1';
    expect(
      (await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() })).statusCode,
    ).toBe(201);
    await env.harness.sleep(1000);
    const summaryKeys = [
      'contentHash',
      'fallback',
      'kind',
      'locale',
      'pending',
      'renderedAt',
      'subject',
      'templateVersion',
    ];
    // A repeated report answers with the same lean status as the GET.
    const again = (
      await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() })
    ).json();
    expect(Object.keys(again.incident.notices[0].draft).sort()).toEqual(summaryKeys);
    const status = (await app.inject({ method: 'GET', url, headers: AUDITOR })).json();
    const draft = status.notices[0].draft;
    expect(Object.keys(draft).sort()).toEqual(summaryKeys);
    expect(draft).toMatchObject({
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      templateVersion: expect.any(String),
      locale: 'de',
      subject: expect.any(String),
      pending: expect.any(Array),
    });
    expect(JSON.stringify(status)).not.toMatch(/<html|"text":|"fields":/);
    expect(status.pendingApprovals[0].contentHash).toBe(draft.contentHash);

    const notice = await app.inject({ method: 'GET', url: `${url}/notices/gdpr:authority:DE`, headers: AUDITOR });
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toMatch(/^application\/json/);
    const full = notice.json();
    expect(full).toMatchObject({
      id: 'gdpr:authority:DE',
      status: 'awaiting-approval',
      clockDueAt: status.notices[0].clockDueAt,
    });
    expect(full.draft).toMatchObject({
      ...draft,
      text: expect.stringContaining('Beispiel GmbH'),
      html: expect.stringContaining('<html'),
    });
    expect(full.draft.fields.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['nature', 'contact-point']),
    );

    const text = await app.inject({
      method: 'GET',
      url: `${url}/notices/gdpr:authority:DE?format=text`,
      headers: AUDITOR,
    });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toBe(full.draft.text);
    const html = await app.inject({
      method: 'GET',
      url: `${url}/notices/gdpr:authority:DE?format=html`,
      headers: AUDITOR,
    });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toBe(full.draft.html);

    // Errors share one body: { error, message, issues? }.
    const errors = await Promise.all([
      app.inject({ method: 'GET', url: `${url}/notices/gdpr:authority:DE?format=pdf`, headers: AUDITOR }),
      app.inject({ method: 'GET', url: `${url}/notices/gdpr:authority:DE` }),
      app.inject({ method: 'GET', url: `${url}/notices/nope`, headers: AUDITOR }),
      app.inject({ method: 'GET', url: '/v1/incidents/INC-nope/notices/gdpr:authority:DE', headers: AUDITOR }),
      app.inject({ method: 'GET', url: '/v1/ledger', headers: RESPONDER }),
      app.inject({
        method: 'POST',
        url: `${url}/notices/gdpr:authority:DE/decision`,
        headers: MANAGER,
        payload: { decision: 'approve', contentHash: 'stale' },
      }),
    ]);
    expect(errors.map((r) => r.statusCode)).toEqual([400, 401, 404, 404, 403, 409]);
    for (const r of errors) {
      expect(r.json()).toEqual({
        error: expect.any(String),
        message: expect.any(String),
        ...(r.statusCode === 400 ? { issues: expect.any(Array) } : {}),
      });
    }
    expect(errors[2].json().message).toBe('no notice "nope" on incident INC-api-1');
  });

  it('two approvals send the notice; a refused update is a 409 with the reason; the ledger verifies', async () => {
    await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() });
    await env.harness.sleep(1000);
    const url = '/v1/incidents/INC-api-1/notices/gdpr:authority:DE/decision';
    const noReason = await app.inject({ method: 'POST', url, headers: MANAGER, payload: { decision: 'reject' } });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().message).toMatch(/needs a reason/);
    expect(
      (await app.inject({ method: 'POST', url, headers: MANAGER, payload: { decision: 'approve' } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'POST', url, headers: LEGAL, payload: { decision: 'approve' } })).statusCode,
    ).toBe(200);
    await env.harness.sleep(1000);
    const status = (await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-1', headers: AUDITOR })).json();
    expect(status.notices[0].status).toBe('sent');

    const ledger = (
      await app.inject({ method: 'GET', url: '/v1/ledger?incidentId=INC-api-1', headers: AUDITOR })
    ).json();
    const approvals = ledger.entries.filter((e: { action: string }) => e.action === 'notice.approved');
    expect(approvals.map((e: { actor: string }) => e.actor)).toEqual(['max', 'lea']);
    const verify = (await app.inject({ method: 'GET', url: '/v1/ledger/verify', headers: AUDITOR })).json();
    expect(verify).toMatchObject({ ok: true });
  });

  it('facts updates are validated field by field before they reach the workflow', async () => {
    await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-1/facts',
      headers: RESPONDER,
      payload: { facts: { risk: 'catastrophic', affected: [{ country: 'de', count: 1 }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.facts.risk', 'body.facts.affected.0.country']),
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-1/facts',
      headers: RESPONDER,
      payload: { facts: { risk: 'high' }, reason: 'passport scans confirmed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ added: ['gdpr:individuals:DE'] });
  });

  it('a portal authority gets a filing package and the notice waits for the filing reference', async () => {
    const facts = {
      ...body().facts,
      entity: { name: 'Sample Ltd', country: 'IE' },
      affected: [{ country: 'IE', count: 40 }],
    };
    await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: body({ id: 'INC-portal', facts }),
    });
    await env.harness.sleep(1000);
    const url = '/v1/incidents/INC-portal/notices/gdpr:authority:IE';
    for (const who of [MANAGER, LEGAL])
      expect(
        (await app.inject({ method: 'POST', url: `${url}/decision`, headers: who, payload: { decision: 'approve' } }))
          .statusCode,
      ).toBe(200);
    await env.harness.sleep(1000);
    const pkg = await app.inject({ method: 'GET', url: `${url}/filing-package`, headers: AUDITOR });
    expect(pkg.statusCode).toBe(200);
    const json = pkg.json();
    expect(json).toMatchObject({
      status: 'awaiting-filing',
      authority: { kind: 'portal', name: 'Data Protection Commission', url: expect.stringMatching(/^https:/) },
    });
    expect(json.approvals.map((a: { by: string }) => a.by)).toEqual(['max', 'lea']);
    expect(json.fields.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining([
        'nature',
        'subject-categories-and-count',
        'record-categories-and-count',
        'contact-point',
        'likely-consequences',
        'measures',
      ]),
    );
    const html = await app.inject({ method: 'GET', url: `${url}/filing-package?format=html`, headers: AUDITOR });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('<html');
    const filed = await app.inject({
      method: 'POST',
      url: `${url}/filing`,
      headers: RESPONDER,
      payload: { reference: 'DPC-BN-2026-0042' },
    });
    expect(filed.statusCode).toBe(200);
    const status = (await app.inject({ method: 'GET', url: '/v1/incidents/INC-portal', headers: AUDITOR })).json();
    expect(status.notices[0]).toMatchObject({
      status: 'filed',
      delivery: { reference: 'DPC-BN-2026-0042', by: 'rita' },
    });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/v1/incidents/INC-portal/notices/nope/filing-package',
          headers: AUDITOR,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('the filing package lists only the approvals that count: none voided by a rejection, one per person', async () => {
    const facts = {
      ...body().facts,
      entity: { name: 'Sample Ltd', country: 'IE' },
      affected: [{ country: 'IE', count: 40 }],
    };
    await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: body({ id: 'INC-voided', facts }),
    });
    await env.harness.sleep(1000);
    const url = '/v1/incidents/INC-voided/notices/gdpr:authority:IE';
    const decide = (who: Record<string, string>, payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: `${url}/decision`, headers: who, payload });
    expect((await decide(MANAGER, { decision: 'approve' })).statusCode).toBe(200);
    expect(
      (await decide(LEGAL, { decision: 'reject', reason: 'the number of records is not yet confirmed' })).statusCode,
    ).toBe(200);
    // The rejection voids max's first approval: he approves again, then lea.
    expect((await decide(MANAGER, { decision: 'approve' })).statusCode).toBe(200);
    expect((await decide(LEGAL, { decision: 'approve' })).statusCode).toBe(200);
    await env.harness.sleep(1000);
    const pkg = (await app.inject({ method: 'GET', url: `${url}/filing-package`, headers: AUDITOR })).json();
    expect(pkg.status).toBe('awaiting-filing');
    expect(pkg.approvals.map((a: { by: string }) => a.by)).toEqual(['max', 'lea']);
  });

  it('wrong role is a 403, no token a 401', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/v1/incidents', headers: AUDITOR, payload: body() })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/v1/incidents', payload: body() })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/incidents', headers: as('nope-nope-nope-nope'), payload: body() }))
        .statusCode,
    ).toBe(401);
    await app.inject({ method: 'POST', url: '/v1/incidents', headers: RESPONDER, payload: body() });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-1/notices/gdpr:authority:DE/decision',
      headers: RESPONDER,
      payload: { decision: 'approve' },
    });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/v1/ledger', headers: RESPONDER })).statusCode).toBe(403);
    // The API and the workflow read one permission table: an admin is not one of this plan's approvers.
    const admin = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-api-1/notices/gdpr:authority:DE/decision',
      headers: ADMIN,
      payload: { decision: 'approve' },
    });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().message).toBe(
      'approve or reject a notice needs one of the roles manager, legal; you are admin',
    );
  });
});

describe('HTTP API: requests that change nothing (one engine for them all)', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await startApi());
  });
  afterAll(() => close());

  it('a bad body gets a 400 that lists each bad field with its path', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: body({
        facts: {
          awareAt: 'yesterday',
          entity: { country: 'Germany' },
          affected: [{ country: 'DE', count: -1 }],
          risk: 'severe',
        },
      }),
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().issues as { path: string; message: string }[]).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.facts.awareAt',
        'body.facts.entity.country',
        'body.facts.affected.0.count',
        'body.facts.risk',
      ]),
    );
    for (const issue of res.json().issues) expect(issue.message).toEqual(expect.any(String));
    // Nothing was started by the bad request.
    expect((await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-1', headers: AUDITOR })).statusCode).toBe(
      404,
    );
  });

  it('an unknown plan is a 400 and starts nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents',
      headers: RESPONDER,
      payload: body({ planId: 'no-such-plan' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/no plan "no-such-plan"/);
    expect((await app.inject({ method: 'GET', url: '/v1/incidents/INC-api-1', headers: AUDITOR })).statusCode).toBe(
      404,
    );
  });

  it('an unknown incident is a 404, on reads and on updates', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/incidents/INC-nope', headers: AUDITOR })).statusCode).toBe(404);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/incidents/INC-nope/containment',
      headers: RESPONDER,
      payload: {},
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/INC-nope/);
  });

  it('answers a what-if assessment without creating an incident', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: AUDITOR,
      payload: { ...body().facts, risk: 'high' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ruleSet: ruleSet.version,
      obligations: expect.arrayContaining([
        expect.objectContaining({ id: 'gdpr:authority:DE', dueAt: '2026-03-05T09:15:00.000Z' }),
      ]),
    });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/assessments',
      headers: AUDITOR,
      payload: { risk: 'high' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.awareAt', 'body.entity']),
    );
    expect((await app.inject({ method: 'GET', url: '/v1/ledger', headers: AUDITOR })).json().entries).toEqual([]);
  });

  it('serves an OpenAPI document in which every route declares its responses, errors with one schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/incidents',
        '/v1/incidents/{id}',
        '/v1/incidents/{id}/notices/{noticeId}',
        '/v1/ledger/verify',
      ]),
    );
    const schemaOf = (r: { content?: Record<string, { schema: unknown }> }) => r.content?.['application/json']?.schema;
    const withoutDescription = (s: unknown) => {
      const { description: _d, ...rest } = (s ?? {}) as Record<string, unknown>;
      return rest;
    };
    const errorSchema = withoutDescription(schemaOf(doc.paths['/v1/incidents/{id}'].get.responses['404']));
    expect(errorSchema).toMatchObject({
      properties: { error: {}, message: {}, issues: {} },
      required: ['error', 'message'],
    });
    for (const [path, operations] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/v1/'))) {
      for (const [method, op] of Object.entries(operations)) {
        const codes = Object.keys(op.responses);
        expect([`${method} ${path}`, codes.some((c) => /^2\d\d$/.test(c) && schemaOf(op.responses[c]))]).toEqual([
          `${method} ${path}`,
          true,
        ]);
        for (const code of ['400', '401', '403', '404', '409']) {
          expect([`${method} ${path} ${code}`, withoutDescription(schemaOf(op.responses[code]))]).toEqual([
            `${method} ${path} ${code}`,
            errorSchema,
          ]);
        }
      }
    }
    // Every schema is inline: no reference to a component the document lacks.
    expect(res.body).not.toContain('$ref');
  });
});
