/**
 * Every route × every role, from one table. Allowed roles are not refused (401/403; a 404 or 409
 * for an id that does not exist or a state that does not fit is fine), every other role gets 403,
 * a request without a token 401. The app's routes are collected as they are registered, and a
 * route missing from the table fails the test: a new route must say who may call it.
 *
 * The pages (/ui) go by session instead of token: each role signs in through the form once; a page
 * without a session answers 303 to /ui/sign-in, a wrong role gets the 403 page, and every form
 * POST needs the session's `_csrf` (403 without it, whatever the role).
 */
import type { FastifyInstance } from 'fastify';
import { checkDrill } from '../../activities/drills/check';
import { createDrillStore } from '../../activities/drills/store';
import { loadPlan } from '../../activities/plans/load';
import { createTokenStore } from '../../activities/tokens/store';
import { buildApp } from '../../api/app';
import { createDrillScheduler } from '../../api/drill-scheduler';
import { createRetentionGateway } from '../../api/routes/retention';
import { Role, type Actor } from '../../domain/actor';
import { assess } from '../../domain/rules/evaluate';
import { holidays, ruleSet } from '../fixtures';
import { csrfOf, postForm, setCookies, signIn } from '../ui/setup';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const tokenOf = (role: Role) => `route-roles-${role}-token`;
const tokens = new Map<string, Actor>(Role.options.map((role) => [tokenOf(role), { id: `${role}-1`, role }]));

const everyone = Role.options;
const actors = ['responder', 'manager', 'legal', 'admin'] as const;
const PUBLIC = 'public' as const;

/** The incident most routes act on: a GDPR authority notice (approvers manager and legal, the default plan). */
const INC = '/v1/incidents/INC-roles';
const NOTICE = `${INC}/notices/gdpr:authority:DE`;
/** An incident in review, whose review has one action item owned by legal. */
const REVIEWED = '/v1/incidents/INC-roles-review';
const ITEM = `${REVIEWED}/action-items/ai-legal`;
const SHA = 'ab'.repeat(32);

const facts = {
  awareAt: '2026-03-02T09:15:00Z',
  entity: { name: 'Beispiel GmbH', country: 'DE' },
  affected: [{ country: 'DE', count: 40 }],
  dataCategories: ['name', 'government-id'],
  risk: 'risk',
};

interface RouteRow {
  method: 'GET' | 'POST' | 'DELETE';
  /** The route as registered. */
  route: string;
  /** Who may call it; `public` needs no token. */
  roles: readonly Role[] | typeof PUBLIC;
  /** A request that passes validation, so the answer is about the role. */
  url: string;
  payload?: unknown;
  contentType?: string;
  /** A page's form fields (sent url-encoded with the session's `_csrf`). */
  form?: Record<string, string>;
  /** Sign in afresh for each request: the request ends the session (allowed: the session is refused after). */
  freshSession?: boolean;
  /** Answers that also count as "not refused" for an allowed role (a PDF without Chromium: 503). */
  alsoFine?: number[];
}

const UI_INC = '/ui/incidents/INC-roles';
const UI_NOTICE = `${UI_INC}/notices/${encodeURIComponent('gdpr:authority:DE')}`;
const RECORD_READERS = ['manager', 'legal', 'auditor', 'admin'] as const;

const ROUTES: RouteRow[] = [
  { method: 'GET', route: '/health', roles: PUBLIC, url: '/health' },
  { method: 'GET', route: '/healthz', roles: PUBLIC, url: '/healthz' },
  { method: 'GET', route: '/openapi.json', roles: PUBLIC, url: '/openapi.json' },

  {
    method: 'POST',
    route: '/v1/incidents',
    roles: actors,
    url: '/v1/incidents',
    payload: { id: 'INC-roles', title: 'Route roles', facts },
  },
  { method: 'GET', route: '/v1/incidents/:id', roles: everyone, url: INC },
  { method: 'GET', route: '/v1/incidents/:id/notices/:noticeId', roles: everyone, url: NOTICE },
  {
    method: 'POST',
    route: '/v1/incidents/:id/facts',
    roles: actors,
    url: `${INC}/facts`,
    payload: { facts: { affected: facts.affected }, reason: 'route roles' },
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/containment',
    roles: ['responder', 'manager', 'admin'],
    url: `${INC}/containment`,
    payload: {},
  },
  // The plan's approvers (default plan: manager, legal); admin is not one.
  {
    method: 'POST',
    route: '/v1/incidents/:id/notices/:noticeId/decision',
    roles: ['manager', 'legal'],
    url: `${NOTICE}/decision`,
    payload: { decision: 'reject', reason: 'route roles' },
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/notices/:noticeId/filing',
    roles: actors,
    url: `${NOTICE}/filing`,
    payload: { reference: 'REF-1' },
  },
  {
    method: 'GET',
    route: '/v1/incidents/:id/notices/:noticeId/filing-package',
    roles: everyone,
    url: `${NOTICE}/filing-package`,
  },
  // The task's own role (root-cause: responder), manager, admin.
  {
    method: 'POST',
    route: '/v1/incidents/:id/tasks/:taskId/complete',
    roles: ['responder', 'manager', 'admin'],
    url: `${INC}/tasks/root-cause/complete`,
    payload: { notes: 'route roles' },
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/review',
    roles: ['manager', 'legal', 'admin'],
    url: `${REVIEWED}/review`,
    payload: { whatHappened: 'again' },
  },
  // The item owner's role (legal), manager, admin.
  {
    method: 'POST',
    route: '/v1/incidents/:id/action-items/:itemId/complete',
    roles: ['manager', 'legal', 'admin'],
    url: `${ITEM}/complete`,
    payload: { evidence: [{ label: 'done', sha256: SHA }] },
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/action-items/:itemId/accept',
    roles: ['manager', 'admin'],
    url: `${ITEM}/accept`,
    payload: { reason: 'risk taken' },
  },
  { method: 'POST', route: '/v1/incidents/:id/close', roles: ['manager', 'admin'], url: `${INC}/close`, payload: {} },
  {
    method: 'POST',
    route: '/v1/incidents/:id/recipients',
    roles: actors,
    url: `${INC}/recipients`,
    payload: 'email,country\n',
    contentType: 'text/csv',
  },
  { method: 'GET', route: '/v1/incidents/:id/notices/:noticeId/progress', roles: everyone, url: `${NOTICE}/progress` },
  {
    method: 'POST',
    route: '/v1/incidents/:id/notices/:noticeId/campaign/:action',
    roles: ['manager', 'legal', 'admin'],
    url: `${NOTICE}/campaign/pause`,
  },
  // Affected people no obligation covers; combined letters (one decision for several individuals notices).
  {
    method: 'GET',
    route: '/v1/incidents/:id/recipients/coverage',
    roles: actors,
    url: `${INC}/recipients/coverage`,
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/recipients/uncovered/decision',
    roles: ['manager', 'legal', 'admin'],
    url: `${INC}/recipients/uncovered/decision`,
    payload: { recipientIds: [1], decision: 'do-not-notify', reason: 'route roles' },
  },
  { method: 'GET', route: '/v1/incidents/:id/letters', roles: everyone, url: `${INC}/letters` },
  // The plan's approvers, as for a single notice.
  {
    method: 'POST',
    route: '/v1/incidents/:id/letters/decision',
    roles: ['manager', 'legal'],
    url: `${INC}/letters/decision`,
    payload: { noticeIds: ['gdpr:authority:DE'], decision: 'reject', reason: 'route roles' },
  },
  // The running round of letters (none here: 404 for those allowed), and a letter's preview (not told by letter: 400).
  {
    method: 'POST',
    route: '/v1/incidents/:id/letters/:action',
    roles: ['manager', 'legal', 'admin'],
    url: `${INC}/letters/pause`,
  },
  {
    method: 'GET',
    route: '/v1/incidents/:id/letters/preview',
    roles: everyone,
    url: `${INC}/letters/preview?notices=gdpr:authority:DE&locale=de`,
  },
  { method: 'POST', route: '/v1/assessments', roles: everyone, url: '/v1/assessments', payload: facts },

  { method: 'GET', route: '/v1/ledger', roles: ['manager', 'legal', 'auditor', 'admin'], url: '/v1/ledger?limit=1' },
  {
    method: 'GET',
    route: '/v1/ledger/verify',
    roles: ['manager', 'legal', 'auditor', 'admin'],
    url: '/v1/ledger/verify',
  },

  // The accountability record, the breach register, steps done outside the engine.
  {
    method: 'GET',
    route: '/v1/incidents/:id/record',
    roles: ['manager', 'legal', 'auditor', 'admin'],
    url: `${INC}/record?format=json`,
  },
  {
    method: 'GET',
    route: '/v1/register',
    roles: ['manager', 'legal', 'auditor', 'admin'],
    url: '/v1/register?format=json',
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/ledger-entries',
    roles: actors,
    url: `${INC}/ledger-entries`,
    payload: { action: 'phone call to the regulator' },
  },

  // Retention of the people's data after the close (the incident is open: nothing to hold yet).
  { method: 'GET', route: '/v1/incidents/:id/retention', roles: everyone, url: `${INC}/retention` },
  {
    method: 'POST',
    route: '/v1/incidents/:id/retention/hold',
    roles: ['manager', 'admin'],
    url: `${INC}/retention/hold`,
    payload: { reason: 'litigation' },
  },
  {
    method: 'POST',
    route: '/v1/incidents/:id/retention/release',
    roles: ['manager', 'admin'],
    url: `${INC}/retention/release`,
    payload: { reason: 'settled' },
  },

  {
    method: 'POST',
    route: '/v1/drills',
    roles: ['manager', 'admin'],
    url: '/v1/drills',
    payload: {
      drillId: 'roles-drill',
      scenarioId: 'misdirected-health-us',
      participants: ['dpo@example.org'],
      schedule: { cron: '0 10 1 * *', timeZone: 'UTC' },
      paused: true,
    },
  },
  { method: 'GET', route: '/v1/drills', roles: everyone, url: '/v1/drills' },
  { method: 'GET', route: '/v1/drills/:id', roles: everyone, url: '/v1/drills/roles-drill' },
  { method: 'GET', route: '/v1/drills/:id/report', roles: everyone, url: '/v1/drills/roles-drill/report' },
  // A drill that does not exist: triggering a real one would run it.
  {
    method: 'POST',
    route: '/v1/drills/:id/pause',
    roles: ['manager', 'admin'],
    url: '/v1/drills/no-such-drill/pause',
    payload: {},
  },
  {
    method: 'POST',
    route: '/v1/drills/:id/unpause',
    roles: ['manager', 'admin'],
    url: '/v1/drills/no-such-drill/unpause',
    payload: {},
  },
  {
    method: 'POST',
    route: '/v1/drills/:id/trigger',
    roles: ['manager', 'admin'],
    url: '/v1/drills/no-such-drill/trigger',
  },
  { method: 'DELETE', route: '/v1/drills/:id', roles: ['manager', 'admin'], url: '/v1/drills/no-such-drill' },

  {
    method: 'POST',
    route: '/v1/tokens',
    roles: ['admin'],
    url: '/v1/tokens',
    payload: { personId: 'new-person', role: 'auditor' },
  },
  { method: 'GET', route: '/v1/tokens', roles: ['admin'], url: '/v1/tokens' },
  { method: 'DELETE', route: '/v1/tokens/:id', roles: ['admin'], url: '/v1/tokens/tok-0123456789abcdef' },

  // The pages (readme-ui's route list), by session: sign-in is public, checked in its own test below.
  { method: 'GET', route: '/ui/sign-in', roles: PUBLIC, url: '/ui/sign-in' },
  { method: 'POST', route: '/ui/sign-in', roles: PUBLIC, url: '/ui/sign-in' },
  { method: 'POST', route: '/ui/sign-out', roles: everyone, url: '/ui/sign-out', form: {}, freshSession: true },
  { method: 'GET', route: '/ui', roles: everyone, url: '/ui' },
  { method: 'GET', route: '/ui/incidents', roles: everyone, url: '/ui/incidents' },
  { method: 'GET', route: '/ui/incidents/:id', roles: everyone, url: UI_INC },
  {
    method: 'POST',
    route: '/ui/incidents/:id/notices/:noticeId/decision',
    roles: ['manager', 'legal'],
    url: `${UI_NOTICE}/decision`,
    form: { decision: 'reject', reason: 'route roles' },
  },
  {
    method: 'POST',
    route: '/ui/incidents/:id/containment',
    roles: ['responder', 'manager', 'admin'],
    url: `${UI_INC}/containment`,
    form: { note: 'route roles' },
  },
  {
    method: 'POST',
    route: '/ui/incidents/:id/tasks/:taskId/complete',
    roles: ['responder', 'manager', 'admin'],
    url: `${UI_INC}/tasks/root-cause/complete`,
    form: { notes: 'route roles' },
  },
  {
    method: 'POST',
    route: '/ui/incidents/:id/notices/:noticeId/campaign',
    roles: ['manager', 'legal', 'admin'],
    url: `${UI_NOTICE}/campaign`,
    form: { action: 'pause' },
  },
  {
    method: 'POST',
    route: '/ui/incidents/:id/letters/campaign',
    roles: ['manager', 'legal', 'admin'],
    url: `${UI_INC}/letters/campaign`,
    form: { action: 'pause' },
  },
  {
    method: 'GET',
    route: '/ui/incidents/:id/letters/preview',
    roles: everyone,
    url: `${UI_INC}/letters/preview?notices=gdpr:authority:DE&locale=de`,
  },
  { method: 'GET', route: '/ui/incidents/:id/record', roles: RECORD_READERS, url: `${UI_INC}/record` },
  // Chromium is pointed nowhere for this row: the role is checked before any PDF is made (503 without Chromium).
  {
    method: 'GET',
    route: '/ui/incidents/:id/record.pdf',
    roles: RECORD_READERS,
    url: `${UI_INC}/record.pdf`,
    alsoFine: [503],
  },
  { method: 'GET', route: '/ui/register', roles: RECORD_READERS, url: '/ui/register' },
  { method: 'GET', route: '/ui/register.csv', roles: RECORD_READERS, url: '/ui/register.csv' },
];

const isPage = (row: RouteRow) => row.route.startsWith('/ui');

describe('route × role table', () => {
  let env: IncidentEnv;
  let app: FastifyInstance;
  const registered: string[] = [];

  /** Each role's page session (cookie and CSRF token), signed in through the form. */
  const sessions = new Map<Role, { cookie: string; csrf: string }>();

  const signedIn = async (cookie: string) =>
    (await app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } })).statusCode === 200;

  async function sendPage(row: RouteRow, role?: Role, opts: { csrf?: boolean } = {}) {
    const session = role ? (row.freshSession ? await signIn(app, tokenOf(role)) : sessions.get(role)!) : undefined;
    if (row.method === 'GET')
      return app.inject({ method: 'GET', url: row.url, headers: session ? { cookie: session.cookie } : {} });
    const fields = { ...row.form, ...(session && opts.csrf !== false ? { _csrf: session.csrf } : {}) };
    const res = await postForm(app, row.url, session?.cookie, fields);
    // Signing out answers with the sign-in page too: what tells it apart is that the session is over.
    if (row.freshSession && session && res.statusCode === 303 && !(await signedIn(session.cookie)))
      return { ...res, statusCode: 200, headers: { ...res.headers, location: undefined } };
    return res;
  }

  const send = (row: RouteRow, role?: Role) =>
    isPage(row)
      ? sendPage(row, role)
      : app.inject({
          method: row.method,
          url: row.url,
          headers: {
            ...(role ? { authorization: `Bearer ${tokenOf(role)}` } : {}),
            ...(row.contentType ? { 'content-type': row.contentType } : {}),
          },
          ...(row.payload !== undefined ? { payload: row.payload as string } : {}),
        });

  beforeAll(async () => {
    env = await setupIncidentEnv();
    app = await buildApp({
      gateway: env.gateway,
      ledger: env.ledger,
      db: env.db,
      tokens,
      tokenStore: createTokenStore(env.db),
      retention: createRetentionGateway(env.harness.client),
      now: () => new Date('2026-03-02T09:20:00Z'),
      assess: (f) => assess(f, ruleSet, holidays),
      drills: {
        scheduler: createDrillScheduler(env.harness.client, env.harness.taskQueue),
        runs: createDrillStore(env.db),
        checkDrill: (d) => checkDrill(d, loadPlan),
      },
      onRoute: (r) => {
        for (const m of [r.method].flat()) if (m !== 'HEAD') registered.push(`${m} ${r.url}`);
      },
    });
    const as = (role: Role) => ({ authorization: `Bearer ${tokenOf(role)}` });
    const post = (url: string, payload: unknown, role: Role = 'responder') =>
      app.inject({ method: 'POST', url, headers: as(role), payload: payload as object });

    // The incident with an authority notice awaiting approval.
    expect((await post('/v1/incidents', { id: 'INC-roles', title: 'Route roles', facts })).statusCode).toBe(201);
    // An incident without a notification duty, taken to its review, which names one action item for legal.
    expect(
      (
        await post('/v1/incidents', {
          id: 'INC-roles-review',
          title: 'Route roles (review)',
          facts: { ...facts, affected: [{ country: 'DE', count: 5 }], dataCategories: ['name'], risk: 'unlikely' },
        })
      ).statusCode,
    ).toBe(201);
    await env.harness.sleep(1000);
    expect((await post(`${REVIEWED}/containment`, {})).statusCode).toBe(200);
    await env.harness.sleep(1000);
    for (const task of ['root-cause', 'scope-confirmed', 'evidence-preserved'])
      expect((await post(`${REVIEWED}/tasks/${task}/complete`, { notes: 'done' })).statusCode).toBe(200);
    await env.harness.sleep(1000);
    const review = await post(
      `${REVIEWED}/review`,
      {
        whatHappened: 'A share kept everyone-read.',
        actionItems: [
          { id: 'ai-legal', title: 'Update the policy', owner: { role: 'legal' }, dueAt: '2026-06-01T00:00:00Z' },
        ],
      },
      'manager',
    );
    expect(review.statusCode).toBe(200);
    for (const role of Role.options) sessions.set(role, await signIn(app, tokenOf(role)));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.teardown();
  });

  it('lists every registered route, pages included, and no route that is not there', () => {
    const listed = ROUTES.map((r) => `${r.method} ${r.route}`);
    const missing = registered.filter((r) => !listed.includes(r));
    expect(missing).toEqual([]);
    expect(listed.filter((r) => !registered.includes(r))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('signs in through the form with any known token; a wrong token is 401, a form without its CSRF token 403', async () => {
    const attempt = async (token: string, withCsrf = true) => {
      const form = await app.inject({ method: 'GET', url: '/ui/sign-in' });
      const nonce = setCookies(form).get('bre_signin')!.value;
      return postForm(app, '/ui/sign-in', `bre_signin=${encodeURIComponent(nonce)}`, {
        token,
        ...(withCsrf ? { _csrf: csrfOf(form.body) } : {}),
      });
    };
    for (const role of Role.options) {
      const res = await attempt(tokenOf(role));
      expect([role, res.statusCode, setCookies(res).has('bre_session')]).toEqual([role, 303, true]);
    }
    expect((await attempt('not-a-known-token')).statusCode).toBe(401);
    expect((await attempt(tokenOf('admin'), false)).statusCode).toBe(403);
  });

  it.each(
    ROUTES.filter((r) => isPage(r) && r.method === 'POST' && r.roles !== PUBLIC).map((r) => [r.route, r] as const),
  )('POST %s without the session’s CSRF token is 403 for every role', async (_name, row) => {
    const seen: Record<string, number> = {};
    for (const role of Role.options) seen[role] = (await sendPage(row, role, { csrf: false })).statusCode;
    expect(seen).toEqual(Object.fromEntries(Role.options.map((r) => [r, 403])));
  });

  it.each(ROUTES.filter((r) => isPage(r)).map((r) => [`${r.method} ${r.route}`, r] as const))(
    'page %s: 303 to sign-in without a session, 403 page for a wrong role',
    async (_name, row) => {
      if (row.route === '/ui/sign-in' && row.method === 'POST') return; // the sign-in test above
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      const chromium = process.env.CHROMIUM_PATH;
      if (row.alsoFine) process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      try {
        for (const role of Role.options) {
          const res = await sendPage(row, role);
          const allowed = row.roles === PUBLIC || row.roles.includes(role);
          const toSignIn = res.statusCode === 303 && String(res.headers.location).startsWith('/ui/sign-in');
          const fine =
            res.statusCode !== 401 &&
            res.statusCode !== 403 &&
            !toSignIn &&
            (res.statusCode < 500 || (row.alsoFine ?? []).includes(res.statusCode));
          expected[role] = allowed ? 'allowed' : '403 page';
          outcomes[role] = allowed
            ? fine
              ? 'allowed'
              : `${res.statusCode} ${res.headers.location ?? ''}`
            : res.statusCode === 403 && /text\/html/.test(String(res.headers['content-type']))
              ? '403 page'
              : `${res.statusCode}`;
        }
        const none = await sendPage(row);
        expected.none = row.roles === PUBLIC ? '200' : '303 /ui/sign-in';
        outcomes.none =
          row.roles === PUBLIC
            ? String(none.statusCode)
            : `${none.statusCode} ${String(none.headers.location).split('?')[0]}`;
      } finally {
        if (row.alsoFine) {
          if (chromium === undefined) delete process.env.CHROMIUM_PATH;
          else process.env.CHROMIUM_PATH = chromium;
        }
      }
      expect(outcomes).toEqual(expected);
    },
  );

  it.each(ROUTES.filter((r) => !isPage(r)).map((r) => [`${r.method} ${r.route}`, r] as const))(
    '%s',
    async (_name, row) => {
      const outcomes: Record<string, number> = {};
      for (const role of Role.options) outcomes[role] = (await send(row, role)).statusCode;
      outcomes.none = (await send(row)).statusCode;

      const expected: Record<string, string> = {};
      const seen: Record<string, string> = {};
      for (const role of Role.options) {
        const allowed = row.roles === PUBLIC || row.roles.includes(role);
        const code = outcomes[role];
        expected[role] = allowed ? 'allowed' : '403';
        // Allowed: not refused, and not a server error (a 404/409 for a missing drill or a wrong state is fine).
        seen[role] = allowed ? (code !== 401 && code !== 403 && code < 500 ? 'allowed' : String(code)) : String(code);
      }
      expected.none = row.roles === PUBLIC ? '200' : '401';
      seen.none = String(outcomes.none);
      expect(seen).toEqual(expected);
    },
  );
});
