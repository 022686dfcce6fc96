/** Hashed API tokens: the store, the admin routes, the order of token sources, and the CLI. */
import type { FastifyInstance } from 'fastify';
import { createLedger, type Ledger } from '../../activities/ledger/ledger';
import type { Db } from '../../activities/store/db';
import { createTokenStore, hashToken, type TokenStore } from '../../activities/tokens/store';
import { buildApp } from '../../api/app';
import { tokenChain } from '../../api/auth';
import type { IncidentGateway } from '../../api/gateway';
import { TOKENS_LEDGER_ID } from '../../api/routes/tokens';
import { run } from '../../cli/main';
import type { Actor } from '../../domain/actor';
import { openTestDatabase } from '../store/template';

const ADMIN_ENV = 'env-admin-token-0000';
const envTokens = new Map<string, Actor>([
  [ADMIN_ENV, { id: 'ada', role: 'admin' }],
  ['env-manager-token-000', { id: 'max', role: 'manager' }],
]);
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('token store', () => {
  let db: Db;
  let store: TokenStore;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = createTokenStore(db);
  });
  afterAll(() => db.close());

  it('keeps only the SHA-256 of a random base64url token, bound to a person and role', async () => {
    const { token, record } = await store.create({ personId: 'lea', role: 'legal' }, 'ada', new Date());
    expect(token).toMatch(/^bre_[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM api_tokens WHERE id = $1', [record.id]);
    expect(rows[0].token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(await store.resolve(token)).toEqual({ id: 'lea', role: 'legal' });
    expect(await store.resolve(`${token}x`)).toBeUndefined();
    const second = await store.create({ personId: 'lea', role: 'legal' }, 'ada', new Date());
    expect(second.token).not.toBe(token);
  });

  it('a revoked token resolves to nobody at once; a second revocation says when the first was', async () => {
    const { token, record } = await store.create({ personId: 'rita', role: 'responder' }, 'ada', new Date());
    const at = new Date('2026-03-02T10:00:00Z');
    expect(await store.revoke(record.id, 'ada', at)).toMatchObject({
      outcome: 'revoked',
      token: { revokedAt: at.toISOString(), revokedBy: 'ada' },
    });
    expect(await store.resolve(token)).toBeUndefined();
    expect(await store.revoke(record.id, 'bob', new Date())).toMatchObject({
      outcome: 'already-revoked',
      token: { revokedBy: 'ada' },
    });
    expect(await store.revoke('tok-0000000000000000', 'ada', new Date())).toEqual({ outcome: 'unknown' });
  });

  it('the chain asks the hashed store first, then API_TOKENS, then the development tokens', async () => {
    const { token } = await store.create({ personId: 'stored', role: 'auditor' }, 'ada', new Date());
    const env = new Map<string, Actor>([
      [token, { id: 'from-env', role: 'admin' }],
      ['env-only-token-000000', { id: 'from-env', role: 'manager' }],
    ]);
    const dev = new Map<string, Actor>([
      ['env-only-token-000000', { id: 'dev-manager', role: 'manager' }],
      ['dev-legal-0000', { id: 'dev-legal', role: 'legal' }],
    ]);
    const chain = tokenChain(store, env, dev);
    expect(await chain.resolve(token)).toEqual({ id: 'stored', role: 'auditor' });
    expect(await chain.resolve('env-only-token-000000')).toEqual({ id: 'from-env', role: 'manager' });
    expect(await chain.resolve('dev-legal-0000')).toEqual({ id: 'dev-legal', role: 'legal' });
    expect(await chain.resolve('nobody')).toBeUndefined();
  });
});

describe('token routes', () => {
  let db: Db;
  let ledger: Ledger;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDatabase();
    ledger = createLedger(db);
    app = await buildApp({
      // The token routes never reach Temporal.
      gateway: {} as IncidentGateway,
      ledger,
      db,
      assess: () => {
        throw new Error('not used');
      },
      tokens: envTokens,
      tokenStore: createTokenStore(db),
      now: () => new Date('2026-03-02T09:00:00Z'),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const create = (body: unknown, token = ADMIN_ENV) =>
    app.inject({ method: 'POST', url: '/v1/tokens', headers: bearer(token), payload: body as object });

  it('creates (the token shown once), lists without secrets, revokes with immediate effect, all in the ledger', async () => {
    const created = await create({ personId: 'lea@example.org', role: 'legal', label: 'DPO laptop' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(created.json()).toMatchObject({
      personId: 'lea@example.org',
      role: 'legal',
      createdBy: 'ada',
      createdAt: '2026-03-02T09:00:00.000Z',
      revokedAt: null,
    });

    // The new token works, as its person and role.
    const asLea = await app.inject({ method: 'GET', url: '/v1/tokens', headers: bearer(token) });
    expect(asLea.statusCode).toBe(403); // legal may not manage tokens: authenticated, not allowed
    expect(asLea.json().message).toMatch(/you are legal/);

    const listed = await app.inject({ method: 'GET', url: '/v1/tokens', headers: bearer(ADMIN_ENV) });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().tokens).toEqual([
      expect.objectContaining({ id, personId: 'lea@example.org', role: 'legal', label: 'DPO laptop', revokedAt: null }),
    ]);
    expect(listed.body).not.toContain(token);
    expect(listed.body).not.toContain(hashToken(token));

    const revoked = await app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: bearer(ADMIN_ENV) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, revokedBy: 'ada', revokedAt: '2026-03-02T09:00:00.000Z' });
    const after = await app.inject({ method: 'GET', url: '/v1/tokens', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/revoked/);

    const again = await app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: bearer(ADMIN_ENV) });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already revoked at 2026-03-02T09:00:00.000Z by ada/);
    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/tokens/tok-0123456789abcdef', headers: bearer(ADMIN_ENV) }))
        .statusCode,
    ).toBe(404);

    const entries = await ledger.list({ incidentId: TOKENS_LEDGER_ID });
    expect(entries.map((e) => [e.action, e.actor, e.payload])).toEqual([
      [
        'token.created',
        'ada',
        { tokenId: id, personId: 'lea@example.org', role: 'legal', label: 'DPO laptop', byRole: 'admin' },
      ],
      ['token.revoked', 'ada', { tokenId: id, personId: 'lea@example.org', role: 'legal', label: 'DPO laptop' }],
    ]);
    const raw = JSON.stringify(await ledger.list());
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(hashToken(token));
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('only admins manage tokens; bad bodies are 400 with the field', async () => {
    expect((await create({ personId: 'x', role: 'admin' }, 'env-manager-token-000')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/v1/tokens' })).statusCode).toBe(401);
    const bad = await create({ personId: 'x', role: 'overlord' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toMatch(/role/);
    expect((await create({ personId: '', role: 'auditor' })).statusCode).toBe(400);
  });

  it('a hashed-store token is asked first; API_TOKENS still work', async () => {
    const { token } = (await create({ personId: 'aud', role: 'auditor' })).json<{ token: string }>();
    // The auditor may read the ledger but not manage tokens.
    expect((await app.inject({ method: 'GET', url: '/v1/ledger/verify', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/v1/ledger/verify', headers: bearer('env-manager-token-000') }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/v1/ledger/verify', headers: bearer('bre_not-a-real-token') }))
        .statusCode,
    ).toBe(401);
  });

  describe('cli tokens', () => {
    let api: string;
    const out: string[] = [];
    const cli = async (...args: string[]) => {
      out.length = 0;
      const code = await run(['tokens', ...args, '--api', api, '--token', ADMIN_ENV], (s) => out.push(s));
      return { code, stdout: out.join('') };
    };
    beforeAll(async () => {
      api = await app.listen({ port: 0, host: '127.0.0.1' });
    });

    it('create prints the token once; list shows it without the secret; revoke ends it', async () => {
      const created = await cli('create', '--person', 'cli-user', '--role', 'responder');
      expect(created.code).toBe(0);
      const [token, line] = created.stdout.split('\n');
      expect(token).toMatch(/^bre_/);
      const id = /token (tok-[0-9a-f]{16}) for cli-user \(responder\)/.exec(line)?.[1];
      expect(id).toBeDefined();

      const listed = await cli('list');
      expect(listed.stdout).toMatch(new RegExp(`${id}\\s+cli-user\\s+responder`));
      expect(listed.stdout).not.toContain(token);

      expect((await fetch(`${api}/v1/ledger/verify`, { headers: bearer(token) })).status).toBe(403);
      const revoked = await cli('revoke', '--id', id!);
      expect(revoked.stdout).toMatch(new RegExp(`revoked ${id} \\(cli-user, responder\\)`));
      expect((await fetch(`${api}/v1/ledger/verify`, { headers: bearer(token) })).status).toBe(401);
      await expect(cli('revoke', '--id', id!)).rejects.toThrow(/409 token .* already revoked/);
      await expect(cli('create', '--person', 'x', '--role', 'king')).rejects.toThrow(/--role must be one of/);
    });
  });
});
