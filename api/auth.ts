import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../domain/actor';
import { check, Permissions, type Action, type PermissionContext } from '../domain/permissions';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export type TokenMap = Map<string, Actor>;

/** Something that knows which person and role a bearer token stands for (the hashed store, a map). */
export interface TokenResolver {
  resolve(token: string): Promise<Actor | undefined> | Actor | undefined;
}

/** What the app authenticates against: a resolver, or a plain map (tests, `API_TOKENS`). */
export type TokenSource = TokenMap | TokenResolver;

function asResolver(source: TokenSource): TokenResolver {
  return source instanceof Map ? { resolve: (t) => source.get(t) } : source;
}

/**
 * Asks each source in turn; the first that knows the token decides. The engine's order: the hashed
 * store, then `API_TOKENS`, then the development tokens (cli/start.ts).
 */
export function tokenChain(...sources: TokenSource[]): TokenResolver {
  const resolvers = sources.map(asResolver);
  return {
    async resolve(token) {
      for (const r of resolvers) {
        const actor = await r.resolve(token);
        if (actor) return actor;
      }
      return undefined;
    },
  };
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bearer token → person and role. Every route but the docs needs one. */
export function authenticate(tokens: TokenSource) {
  const resolver = asResolver(tokens);
  return async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m ? await resolver.resolve(m[1]) : undefined;
    if (!actor)
      throw new HttpError(
        401,
        m ? 'unknown or revoked bearer token' : 'missing bearer token (Authorization: Bearer <token>)',
      );
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
