import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../domain/actor';

declare module 'fastify' {
  interface FastifyRequest { actor?: Actor }
}

export type TokenMap = Map<string, Actor>;

export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) { super(message); }
}

/** Bearer token → person and role. Every route but the docs needs one. */
export function authenticate(tokens: TokenMap) {
  return async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = m ? tokens.get(m[1]) : undefined;
    if (!actor) throw new HttpError(401, m ? 'unknown bearer token' : 'missing bearer token (Authorization: Bearer <token>)');
    req.actor = actor;
  };
}

export function requireRole(...roles: Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const actor = req.actor;
    if (!actor || !roles.includes(actor.role)) {
      throw new HttpError(403, `this needs one of the roles ${roles.join(', ')}; you are ${actor?.role ?? 'anonymous'}`);
    }
  };
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'not authenticated');
  return req.actor;
}
