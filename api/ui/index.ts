/**
 * The managers' pages under /ui: server-rendered (handlebars), a signed session cookie after one
 * sign-in with an API token, a CSRF token on every form. They read and change incidents through the
 * same gateway, permission table and workflow updates as the API, so the same validators decide.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { HttpError } from '../auth';
import { IncidentNotFound } from '../gateway';
import { actorForToken } from './actor';
import { defaultPlans, sendPage, setViewer, viewerOf, type UiContext, type UiDeps } from './context';
import { installFormParser } from './forms';
import { incidentActionRoutes } from './incident-actions';
import { incidentPageRoutes } from './incident-pages';
import { letterPageRoutes } from './letter-actions';
import { recordPageRoutes } from './record-pages';
import {
  DEFAULT_SESSION_HOURS,
  clearSessionCookie,
  readCookies,
  SESSION_COOKIE,
  sessionKeys,
  SignedOut,
} from './session';
import { signInRoutes } from './sign-in';
import { CONTENT_SECURITY_POLICY, createViews } from './views';

export type { UiDeps } from './context';

/** Register with `{ prefix: '/ui' }`. */
export function uiRoutes(deps: UiDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const secret = deps.sessionSecret ?? process.env.SESSION_SECRET;
    const keys = sessionKeys(secret === '' ? undefined : secret);
    if (keys.ephemeral)
      app.log.warn('SESSION_SECRET not set: page sessions use a random secret and end when the process restarts');
    const ctx: UiContext = {
      deps,
      views: createViews(),
      keys,
      signedOut: new SignedOut(),
      sessionHours: deps.sessionHours ?? DEFAULT_SESSION_HOURS,
      plan: deps.plans ?? defaultPlans,
    };

    installFormParser(app);

    app.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
      return payload;
    });

    // Every page but sign-in needs a session; the token in it is checked again on each request.
    app.addHook('onRequest', async (req, reply) => {
      if (isPublic(req)) return;
      const sealed = readCookies(req)[SESSION_COOKIE];
      const session = sealed ? keys.unseal(sealed, Date.now()) : undefined;
      const actor =
        session && !ctx.signedOut.has(session.sid, Date.now()) ? await actorForToken(deps, session.token) : undefined;
      if (!session || !actor) {
        if (sealed) clearSessionCookie(req, reply);
        const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
        return reply.redirect(`/ui/sign-in${next}`, 303);
      }
      setViewer(req, { actor, session, csrf: keys.csrfFor('session', session.sid) });
    });

    // Every form carries the session's CSRF token (SameSite=Strict is the second line, not the only one).
    app.addHook('preHandler', async (req, reply) => {
      if (req.method !== 'POST' || isPublic(req)) return;
      const given = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!keys.csrfMatches('session', viewerOf(req).session.sid, given))
        return messagePage(
          ctx,
          reply,
          403,
          'Forbidden',
          'The form has expired or did not come from this site: reload the page and try again.',
        );
    });

    app.setErrorHandler((err: FastifyError, req, reply) => errorPage(ctx, err, req, reply));
    app.setNotFoundHandler((_req, reply) => messagePage(ctx, reply, 404, 'Not found', 'There is no such page.'));

    app.get('/', async (_req, reply) => reply.redirect('/ui/incidents', 303));
    await app.register(signInRoutes(ctx));
    await app.register(incidentPageRoutes(ctx));
    await app.register(incidentActionRoutes(ctx));
    await app.register(letterPageRoutes(ctx));
    await app.register(recordPageRoutes(ctx));
  };
}

const isPublic = (req: FastifyRequest): boolean =>
  (req.routeOptions.config as { public?: boolean } | undefined)?.public === true;

function messagePage(ctx: UiContext, reply: FastifyReply, status: number, heading: string, message: string) {
  return sendPage(ctx, reply, status, 'message', { title: heading, heading, message, alert: status >= 400 });
}

function errorPage(ctx: UiContext, err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError && err.statusCode === 401) return reply.redirect('/ui/sign-in', 303);
  if (err instanceof HttpError)
    return messagePage(
      ctx,
      reply,
      err.statusCode,
      err.statusCode === 403 ? 'Not allowed' : 'Cannot do that',
      err.message,
    );
  if (err instanceof IncidentNotFound) return messagePage(ctx, reply, 404, 'Not found', err.message);
  if (err instanceof ZodError)
    return messagePage(
      ctx,
      reply,
      400,
      'Invalid form',
      err.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '),
    );
  if (err.statusCode && err.statusCode < 500)
    return messagePage(ctx, reply, err.statusCode, 'Cannot do that', err.message);
  req.log.error({ err }, 'page failed');
  return messagePage(ctx, reply, 500, 'Something went wrong', 'The page failed; the server log says why.');
}
