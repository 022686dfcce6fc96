/** The pages' session, CSRF, escaping and forms, through app.inject on the real app. */
import { seedRecipients } from '../recipients/campaign-fixtures';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionKeys, setSessionCookie, SessionSecretError } from '../../api/ui/session';
import { csrfOf, incidentBody, postForm, setCookies, setupUi, signIn, TOKENS, type UiEnv } from './setup';

describe('pages (inject): session, CSRF, escaping, forms', () => {
  let ui: UiEnv;
  beforeAll(async () => {
    ui = await setupUi();
    await ui.report(incidentBody('INC-ui-session', { title: 'Laptop <img src=x onerror=alert(1)> & "export"' }));
  });
  afterAll(async () => {
    await ui.close();
  });

  it('an unauthenticated page redirects to sign-in, remembering where it was going', async () => {
    const res = await ui.app.inject({ method: 'GET', url: '/ui/incidents/INC-ui-session' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ui/sign-in?next=%2Fui%2Fincidents%2FINC-ui-session');
    const post = await postForm(ui.app, '/ui/incidents/INC-ui-session/containment', undefined, { note: 'x' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/ui/sign-in');
    expect((await ui.app.inject({ method: 'GET', url: '/ui' })).headers.location).toMatch(/^\/ui\/sign-in/);
    // A forged or altered cookie is no session.
    const forged = await ui.app.inject({
      method: 'GET',
      url: '/ui/incidents',
      headers: { cookie: 'bre_session=AAAAAAAAAAAAAAAA.BBBB.CCCCCCCCCCCCCCCCCCCCCC' },
    });
    expect(forged.statusCode).toBe(303);
    expect(setCookies(forged).get('bre_session')?.attrs).toContain('Max-Age=0');
  });

  it('signing in sets a signed session cookie: HttpOnly, SameSite=Strict, scoped to /ui, expiring in 8 hours', async () => {
    const form = await ui.app.inject({ method: 'GET', url: '/ui/sign-in?next=%2Fui%2Fincidents%2FINC-ui-session' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="token">API token</label>');
    expect(form.body).toContain('value="/ui/incidents/INC-ui-session"');
    const nonce = setCookies(form).get('bre_signin')!;
    expect(nonce.attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/ui']));

    const res = await ui.app.inject({
      method: 'POST',
      url: '/ui/sign-in',
      headers: { cookie: `bre_signin=${nonce.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        token: TOKENS.manager,
        _csrf: csrfOf(form.body),
        next: '/ui/incidents/INC-ui-session',
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ui/incidents/INC-ui-session');
    const session = setCookies(res).get('bre_session')!;
    expect(session.attrs).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/ui', `Max-Age=${8 * 3600}`]),
    );
    expect(session.attrs.some((a) => a.startsWith('Expires='))).toBe(true);
    expect(session.attrs).not.toContain('Secure'); // plain http here: a Secure cookie would never come back
    // The cookie is sealed: the token is not readable in it.
    expect(session.value).not.toContain(TOKENS.manager);
    expect(Buffer.from(session.value.replace(/\./g, ''), 'base64url').toString('latin1')).not.toContain('tok-ui');
    expect(setCookies(res).get('bre_signin')?.attrs).toContain('Max-Age=0');

    const page = await ui.app.inject({
      method: 'GET',
      url: '/ui/incidents/INC-ui-session',
      headers: { cookie: `bre_session=${encodeURIComponent(session.value)}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Signed in as max (manager)');
  });

  it('the session cookie is Secure when the page is served over TLS', () => {
    const headers: Record<string, unknown> = {};
    const reply = {
      getHeader: (n: string) => headers[n],
      header: (n: string, v: unknown) => (headers[n] = v),
    } as unknown as FastifyReply;
    setSessionCookie({ protocol: 'https' } as FastifyRequest, reply, 'sealed', 8);
    expect(String((headers['set-cookie'] as string[])[0])).toMatch(/; Secure$/);
  });

  it('a wrong token, or a sign-in form without its CSRF token, signs nobody in', async () => {
    const form = await ui.app.inject({ method: 'GET', url: '/ui/sign-in' });
    const nonce = setCookies(form).get('bre_signin')!.value;
    const headers = { cookie: `bre_signin=${nonce}`, 'content-type': 'application/x-www-form-urlencoded' };
    const wrong = await ui.app.inject({
      method: 'POST',
      url: '/ui/sign-in',
      headers,
      payload: new URLSearchParams({ token: 'tok-nobody-0000000000', _csrf: csrfOf(form.body) }).toString(),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('That token is not valid.');
    expect(setCookies(wrong).has('bre_session')).toBe(false);
    const noCsrf = await ui.app.inject({
      method: 'POST',
      url: '/ui/sign-in',
      headers,
      payload: new URLSearchParams({ token: TOKENS.manager }).toString(),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(setCookies(noCsrf).has('bre_session')).toBe(false);
  });

  it('a form without the session CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
    const { cookie, csrf } = await signIn(ui.app, TOKENS.manager);
    const url = '/ui/incidents/INC-ui-session/containment';
    const without = await postForm(ui.app, url, cookie, { note: 'contained' });
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('did not come from this site');
    const wrong = await postForm(ui.app, url, cookie, { note: 'contained', _csrf: `${csrf.slice(0, -2)}xx` });
    expect(wrong.statusCode).toBe(403);
    // Another session's token is wrong too: CSRF tokens are tied to their session.
    const other = await signIn(ui.app, TOKENS.admin);
    expect((await postForm(ui.app, url, cookie, { note: 'contained', _csrf: other.csrf })).statusCode).toBe(403);
    expect((await ui.env.gateway.status('INC-ui-session')).containedAt).toBeUndefined();

    const ok = await postForm(ui.app, url, cookie, { note: 'contained', _csrf: csrf });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/ui/incidents/INC-ui-session?done=contained');
    expect((await ui.env.gateway.status('INC-ui-session')).containedAt).toBeDefined();
  });

  it('signing out ends the session: the old cookie no longer opens a page', async () => {
    const { cookie, csrf } = await signIn(ui.app, TOKENS.legal);
    expect((await ui.app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } })).statusCode).toBe(200);
    expect((await postForm(ui.app, '/ui/sign-out', cookie, {})).statusCode).toBe(403); // needs its CSRF token too
    const out = await postForm(ui.app, '/ui/sign-out', cookie, { _csrf: csrf });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/ui/sign-in');
    expect(setCookies(out).get('bre_session')?.attrs).toContain('Max-Age=0');
    const after = await ui.app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/ui\/sign-in/);
  });

  it('a token revoked after sign-in ends its session at the next request', async () => {
    ui.tokens.set('tok-ui-temp-00000000001', { id: 'tim', role: 'manager' });
    const { cookie } = await signIn(ui.app, 'tok-ui-temp-00000000001');
    expect((await ui.app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } })).statusCode).toBe(200);
    ui.tokens.delete('tok-ui-temp-00000000001');
    expect((await ui.app.inject({ method: 'GET', url: '/ui/incidents', headers: { cookie } })).statusCode).toBe(303);
  });

  it('sessions expire, and a cookie sealed with another secret is not accepted', () => {
    const keys = sessionKeys('x'.repeat(32));
    const sealed = keys.seal({ sid: 's'.repeat(24), token: 't', exp: 2_000 });
    expect(keys.unseal(sealed, 1_999)).toMatchObject({ token: 't' });
    expect(keys.unseal(sealed, 2_000)).toBeUndefined();
    expect(sessionKeys('y'.repeat(32)).unseal(sealed, 0)).toBeUndefined();
    expect(() => sessionKeys('short')).toThrow(SessionSecretError);
  });

  it('pages escape what they show and send a strict Content-Security-Policy', async () => {
    const { cookie } = await signIn(ui.app, TOKENS.auditor);
    for (const url of ['/ui/incidents', '/ui/incidents/INC-ui-session']) {
      const page = await ui.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).toContain('Laptop &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;export&quot;');
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*script-src 'sha256-/);
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const incident = await ui.app.inject({ method: 'GET', url: '/ui/incidents/INC-ui-session', headers: { cookie } });
    // The notice's HTML is shown only inside a sandboxed frame that may run no script.
    expect(incident.body).toMatch(
      /<iframe class="notice" sandbox="" [^>]*srcdoc="&lt;!DOCTYPE html&gt;|<iframe class="notice" sandbox="" [^>]*srcdoc="&lt;/i,
    );
    expect(incident.body).not.toMatch(/allow-scripts/);
  });

  it('an auditor and a responder see no Approve; an unknown incident is a 404 page', async () => {
    for (const token of [TOKENS.auditor, TOKENS.responder]) {
      const { cookie } = await signIn(ui.app, token);
      const page = await ui.app.inject({ method: 'GET', url: '/ui/incidents/INC-ui-session', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('value="approve"');
      const missing = await ui.app.inject({ method: 'GET', url: '/ui/incidents/INC-nope', headers: { cookie } });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^text\/html/);
    }
    const { cookie, csrf } = await signIn(ui.app, TOKENS.responder);
    const forbidden = await postForm(
      ui.app,
      '/ui/incidents/INC-ui-session/notices/gdpr:authority:DE/decision',
      cookie,
      {
        _csrf: csrf,
        decision: 'approve',
      },
    );
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('needs one of the roles manager, legal; you are responder');
  });

  it('a mass notification shows its counts; pausing a finished one is refused with the reason', async () => {
    await seedRecipients(ui.env.db, 'INC-ui-mass', 15);
    await ui.report(
      incidentBody('INC-ui-mass', {
        facts: { ...incidentBody('x').facts, affected: [{ country: 'DE', count: 15 }], risk: 'high' },
      }),
    );
    const manager = await signIn(ui.app, TOKENS.manager);
    const base = '/ui/incidents/INC-ui-mass/notices/gdpr:individuals:DE';
    const approve = await postForm(ui.app, `${base}/decision`, manager.cookie, {
      _csrf: manager.csrf,
      decision: 'approve',
    });
    expect(approve.statusCode).toBe(303);
    await ui.env.harness.sleep(1000);
    const page = await ui.app.inject({
      method: 'GET',
      url: '/ui/incidents/INC-ui-mass',
      headers: { cookie: manager.cookie },
    });
    // The delivery counts every recipient once (sent, failed or cancelled).
    expect(page.body).toMatch(/<dt>Recipients<\/dt><dd>15 sent, 0 failed, 0 cancelled of 15<\/dd>/);
    expect(page.body).not.toContain('value="pause"'); // finished: nothing to pause
    // Pausing what is finished (or no longer runs) is refused, and the page says why.
    const pause = await postForm(ui.app, `${base}/campaign`, manager.cookie, { _csrf: manager.csrf, action: 'pause' });
    expect([404, 409]).toContain(pause.statusCode);
    expect(pause.headers['content-type']).toMatch(/^text\/html/);
    expect(pause.body).toMatch(/role="alert">[^<]*(mass notification|finished|completed)/);

    const responder = await signIn(ui.app, TOKENS.responder);
    const refused = await postForm(ui.app, `${base}/campaign`, responder.cookie, {
      _csrf: responder.csrf,
      action: 'pause',
    });
    expect(refused.statusCode).toBe(403);
  });
});
