/**
 * API tokens: create (the secret is answered once), list, revoke. Admins only (`tokens.manage`).
 * Each creation and revocation is in the ledger, under the pseudo-incident `system:tokens` (not a
 * valid incident id, so no incident's record or the register picks it up): who did it, which token
 * id, for whom and with which role; never the token or its hash.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ledger } from '../../activities/ledger/ledger';
import type { TokenRecord, TokenStore } from '../../activities/tokens/store';
import { actorOf, HttpError, requirePermission } from '../auth';
import { errorResponses } from '../schemas/common';
import { CreatedToken, NewToken, TokenId, TokenList, TokenRecord as TokenRecordBody } from '../schemas/tokens';

/** The ledger's incident id for token administration. */
export const TOKENS_LEDGER_ID = 'system:tokens';

export interface TokenRouteDeps {
  store: TokenStore;
  ledger: Ledger;
  now: () => Date;
}

const ledgerPayload = (t: TokenRecord) => ({
  tokenId: t.id,
  personId: t.personId,
  role: t.role,
  ...(t.label ? { label: t.label } : {}),
});

export function tokenRoutes({ store, ledger, now }: TokenRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = requirePermission('tokens.manage');
    r.post(
      '/v1/tokens',
      {
        schema: { body: NewToken, response: { 201: CreatedToken, ...errorResponses }, tags: ['tokens'] },
        preHandler: manage,
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { token, record } = await store.create(req.body, actor.id, now());
        try {
          await ledger.append({
            eventId: `${TOKENS_LEDGER_ID}:${record.id}:created`,
            incidentId: TOKENS_LEDGER_ID,
            at: record.createdAt,
            actor: actor.id,
            action: 'token.created',
            payload: { ...ledgerPayload(record), byRole: actor.role },
          });
        } catch (err) {
          // A token the ledger does not know of never works: it was not handed out yet.
          await store.discard(record.id);
          throw err;
        }
        return reply
          .code(201)
          .header('location', `/v1/tokens/${record.id}`)
          .header('cache-control', 'no-store')
          .send({ ...record, token });
      },
    );
    r.get(
      '/v1/tokens',
      { schema: { response: { 200: TokenList, ...errorResponses }, tags: ['tokens'] }, preHandler: manage },
      async () => ({ tokens: await store.list() }),
    );
    r.delete(
      '/v1/tokens/:id',
      {
        schema: {
          params: z.object({ id: TokenId }),
          response: { 200: TokenRecordBody, ...errorResponses },
          tags: ['tokens'],
        },
        preHandler: manage,
      },
      async (req) => {
        const actor = actorOf(req);
        const result = await store.revoke(req.params.id, actor.id, now());
        if (result.outcome === 'unknown') throw new HttpError(404, `no token ${req.params.id}`);
        const t = result.token;
        // Appended again on a repeat (the event id makes it a no-op): a revocation whose first
        // append failed is recorded by the retry.
        await ledger.append({
          eventId: `${TOKENS_LEDGER_ID}:${t.id}:revoked`,
          incidentId: TOKENS_LEDGER_ID,
          at: t.revokedAt!,
          actor: t.revokedBy!,
          action: 'token.revoked',
          payload: ledgerPayload(t),
        });
        if (result.outcome === 'already-revoked')
          throw new HttpError(409, `token ${t.id} was already revoked at ${t.revokedAt} by ${t.revokedBy}`);
        return t;
      },
    );
  };
}
