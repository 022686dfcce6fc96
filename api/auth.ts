import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../domain/actor';
import { check, Permissions, type Action, type PermissionContext } from '../domain/permissions';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export type TokenMap = Map<string, Actor>;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bearer token → person and role. Every route but the docs needs one. */
export function authenticate(tokens: TokenMap) {
  return async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m ? tokens.get(m[1]) : undefined;
    if (!actor)
      throw new HttpError(401, m ? 'unknown bearer token' : 'missing bearer token (Authorization: Bearer <token>)');
    req.actor = actor;
  };
}

/**
 * The route's action from the permission table. Actions whose roles depend on the incident (its
 * plan's approvers, a task's role) are checked again with that context by `requireIncidentPermission`.
 */
export function requirePermission(action: Action) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (Permissions[action].roles === 'plan' || Permissions[action].roles === 'task') return;
    demand(action, actorOf(req).role);
  };
}

/** Throws a 403 naming the roles that may, when `role` may not do `action` here. */
export function demand(action: Action, role: Role, ctx: PermissionContext = {}): void {
  const verdict = check(action, role, ctx);
  if (!verdict.ok) throw new HttpError(403, verdict.reason);
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'not authenticated');
  return req.actor;
}
