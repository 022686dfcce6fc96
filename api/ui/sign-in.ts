/** Sign in with an API token once (the session cookie carries it from then on), and sign out. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorForToken } from './actor';
import { sendPage, viewerOf, type UiContext } from './context';
import { safeNext, SignInForm } from './forms';
import {
  clearSessionCookie,
  clearSignInCookie,
  newSessionId,
  readCookies,
  setSessionCookie,
  setSignInCookie,
  SIGN_IN_COOKIE,
} from './session';

/** Routes that run without a session (the pages' hook lets them through). */
export const PUBLIC_ROUTE = { public: true } as const;

export function signInRoutes(ctx: UiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    function signInPage(req: FastifyRequest, reply: FastifyReply, status: number, next: string, error?: string) {
      let nonce = readCookies(req)[SIGN_IN_COOKIE];
      if (!nonce || nonce.length < 16 || nonce.length > 64) {
        nonce = newSessionId();
        setSignInCookie(req, reply, nonce);
      }
      return sendPage(ctx, reply, status, 'sign-in', {
        title: 'Sign in',
        csrf: ctx.keys.csrfFor('sign-in', nonce),
        next,
        error,
        hours: ctx.sessionHours,
      });
    }

    app.get('/sign-in', { config: PUBLIC_ROUTE }, async (req, reply) => {
      const { next } = req.query as { next?: string };
      return signInPage(req, reply, 200, safeNext(next));
    });

    app.post('/sign-in', { config: PUBLIC_ROUTE }, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const nonce = readCookies(req)[SIGN_IN_COOKIE];
      const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
      if (!nonce || !ctx.keys.csrfMatches('sign-in', nonce, body._csrf))
        return signInPage(req, reply, 403, next, 'The form has expired or did not come from this site: sign in again.');
      const form = SignInForm.safeParse(body);
      if (!form.success) return signInPage(req, reply, 400, next, form.error.issues[0]?.message ?? 'invalid form');
      const actor = await actorForToken(ctx.deps, form.data.token);
      if (!actor) return signInPage(req, reply, 401, next, 'That token is not valid.');
      const sealed = ctx.keys.seal({
        sid: newSessionId(),
        token: form.data.token,
        exp: Date.now() + ctx.sessionHours * 3_600_000,
      });
      setSessionCookie(req, reply, sealed, ctx.sessionHours);
      clearSignInCookie(req, reply);
      req.log.info({ actor: actor.id, role: actor.role }, 'signed in to the pages');
      return reply.redirect(next, 303);
    });

    app.post('/sign-out', async (req, reply) => {
      const v = viewerOf(req); // the pages' hook has checked the CSRF token
      ctx.signedOut.add(v.session.sid, v.session.exp);
      clearSessionCookie(req, reply);
      return reply.redirect('/ui/sign-in', 303);
    });
  };
}
