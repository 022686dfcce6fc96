/**
 * The one place the pages turn an API token into a person and role: through the API's own
 * `authenticate`, with the same sources in the same order, so the pages accept exactly the tokens
 * the API accepts (a revoked token stops working here too).
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor';
import { authenticate, HttpError, tokenChain, type TokenSource } from '../auth';

export interface TokenDeps {
  /** Tokens besides the hashed store (`API_TOKENS`, the development tokens, a test's map). */
  tokens: TokenSource;
  /** The hashed token store, asked first. */
  tokenStore?: TokenSource;
}

/** The person and role of `token`, or undefined when the API would answer 401. */
export async function actorForToken(deps: TokenDeps, token: string): Promise<Actor | undefined> {
  const source = deps.tokenStore ? tokenChain(deps.tokenStore, deps.tokens) : deps.tokens;
  const req = { headers: { authorization: `Bearer ${token}` } } as unknown as FastifyRequest;
  try {
    await authenticate(source)(req);
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 401) return undefined;
    throw err;
  }
  return req.actor;
}
