/** The real app (buildApp, real worker on the time-skipping dev server) for the pages' tests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../api/app';
import type { Actor } from '../../domain/actor';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

export const TOKENS = {
  responder: 'tok-ui-responder-000001',
  manager: 'tok-ui-manager-0000001',
  manager2: 'tok-ui-manager-0000002',
  legal: 'tok-ui-legal-000000001',
  auditor: 'tok-ui-auditor-0000001',
  admin: 'tok-ui-admin-000000001',
} as const;

export function tokenMap(): Map<string, Actor> {
  return new Map<string, Actor>([
    [TOKENS.responder, { id: 'rita', role: 'responder' }],
    [TOKENS.manager, { id: 'max', role: 'manager' }],
    [TOKENS.manager2, { id: 'mia', role: 'manager' }],
    [TOKENS.legal, { id: 'lea', role: 'legal' }],
    [TOKENS.auditor, { id: 'aud', role: 'auditor' }],
    [TOKENS.admin, { id: 'ada', role: 'admin' }],
  ]);
}

const FORM = 'application/x-www-form-urlencoded';

export const START = new Date('2026-03-02T09:15:00Z');

export function incidentBody(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    title: 'Stolen laptop with HR export',
    facts: {
      awareAt: '2026-03-02T09:15:00Z',
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 40 }],
      dataCategories: ['name', 'government-id'],
      risk: 'risk',
    },
    ...over,
  };
}

export interface UiEnv {
  env: IncidentEnv;
  app: FastifyInstance;
  tokens: Map<string, Actor>;
  /** Reports an incident through the API (as the responder) and lets its first notices be drafted. */
  report(body: ReturnType<typeof incidentBody>): Promise<void>;
  close(): Promise<void>;
}

export async function setupUi(): Promise<UiEnv> {
  const env = await setupIncidentEnv(START);
  const tokens = tokenMap();
  const app = await buildApp({
    gateway: env.gateway,
    ledger: env.ledger,
    db: env.db,
    tokens,
    now: () => new Date(START.getTime()),
    assess: (f) => assess(f, ruleSet, holidays),
  });
  return {
    env,
    app,
    tokens,
    async report(body) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/incidents',
        headers: { authorization: `Bearer ${TOKENS.responder}` },
        payload: body,
      });
      if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
      await env.harness.sleep(1000);
    },
    async close() {
      await app.close();
      await env.teardown();
    },
  };
}

/** `name=value` pairs of the response's Set-Cookie headers, by name, with their attributes. */
export function setCookies(res: LightMyRequestResponse): Map<string, { value: string; attrs: string[] }> {
  const raw = res.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out = new Map<string, { value: string; attrs: string[] }>();
  for (const c of list) {
    const [pair, ...attrs] = c.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq), { value: decodeURIComponent(pair.slice(eq + 1)), attrs });
  }
  return out;
}

/** The value of the first hidden `_csrf` field in a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in the page');
  return m[1];
}

/** Signs in through the form and returns the session cookie header and the session's CSRF token. */
export async function signIn(app: FastifyInstance, token: string): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/ui/sign-in' });
  const nonce = setCookies(form).get('bre_signin')!.value;
  const res = await app.inject({
    method: 'POST',
    url: '/ui/sign-in',
    headers: { cookie: `bre_signin=${encodeURIComponent(nonce)}`, 'content-type': FORM },
    payload: new URLSearchParams({ token, _csrf: csrfOf(form.body) }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = `bre_session=${encodeURIComponent(setCookies(res).get('bre_session')!.value)}`;
  const page = await app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } });
  return { cookie, csrf: csrfOf(page.body) };
}

/** Submits a form of the pages, as a browser would. */
export function postForm(
  app: FastifyInstance,
  url: string,
  cookie: string | undefined,
  fields: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': FORM, ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}
