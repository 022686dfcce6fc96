/** What the pages' routes share: the dependencies, the views, the session keys and the viewer. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ledger } from '../../activities/ledger/ledger';
import type { LetterPreviewer } from '../../activities/letters/preview';
import { loadPlan } from '../../activities/plans/load';
import type { Actor } from '../../domain/actor';
import { check } from '../../domain/permissions';
import type { Plan } from '../../domain/plan';
import type { Queryable } from '../../activities/store/db';
import { HttpError } from '../auth';
import type { IncidentGateway } from '../gateway';
import type { TokenDeps } from './actor';
import type { SessionData, SessionKeys, SignedOut } from './session';
import type { LayoutModel, Views } from './views';

export interface UiDeps extends TokenDeps {
  gateway: IncidentGateway;
  ledger: Ledger;
  /** Default: SESSION_SECRET, else a random secret per process. */
  sessionSecret?: string;
  /** How long a session lasts (default 8 hours). */
  sessionHours?: number;
  /** Plans by id (default: loaded from plans/). */
  plans?: (planId: string) => Plan;
  /** The store: letters' counts and variants (absent: the letters panel shows the round alone). */
  db?: Queryable;
  /** Renders letter previews (default: the repository's templates). */
  letterPreviewer?: LetterPreviewer;
}

export interface UiContext {
  deps: UiDeps;
  views: Views;
  keys: SessionKeys;
  signedOut: SignedOut;
  sessionHours: number;
  plan: (planId: string) => Plan;
}

export interface Viewer {
  actor: Actor;
  session: SessionData;
  csrf: string;
}

const viewers = new WeakMap<FastifyRequest, Viewer>();

export function setViewer(req: FastifyRequest, v: Viewer): void {
  viewers.set(req, v);
  req.actor = v.actor;
}

/** The signed-in viewer (the pages' hook has checked the session before any route but sign-in runs). */
export function viewerOf(req: FastifyRequest): Viewer {
  const v = viewers.get(req);
  if (!v) throw new HttpError(401, 'not signed in');
  return v;
}

export function layoutFor(v: Viewer, title: string, flash?: string): LayoutModel {
  return {
    title,
    flash,
    viewer: { id: v.actor.id, role: v.actor.role, csrf: v.csrf, mayReadRecords: check('record.read', v.actor.role).ok },
  };
}

export function sendPage(
  ctx: UiContext,
  reply: FastifyReply,
  status: number,
  view: string,
  model: LayoutModel & Record<string, unknown>,
): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(ctx.views.render(view, model));
}

export const defaultPlans = (planId: string): Plan => loadPlan(planId);
