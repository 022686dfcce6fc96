/**
 * API tokens in the store, hashed. A token is 32 random bytes, base64url, with a `bre_` prefix so
 * secret scanners and people recognise it; it is returned once, when created, and only its SHA-256
 * is kept. Every request looks its hash up, so a revocation takes effect on the next request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Actor, Role } from '../../domain/actor';
import type { Queryable } from '../store/db';

export const TOKEN_PREFIX = 'bre_';
const TOKEN_BYTES = 32;

export const TokenId = z.string().regex(/^tok-[0-9a-f]{16}$/, 'a token id: tok- and 16 hex digits');

export const NewToken = z
  .object({
    personId: Actor.shape.id,
    role: Role,
    /** What the token is for ("CI deploy", "Max's laptop"); shown in lists. */
    label: z.string().min(1).max(200).optional(),
  })
  .strict();
export type NewToken = z.infer<typeof NewToken>;

/** A stored token as lists show it: never the token, never its hash. */
export const TokenRecord = z.object({
  id: TokenId,
  personId: z.string(),
  role: Role,
  label: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type TokenRecord = z.infer<typeof TokenRecord>;

interface Row {
  id: string;
  person_id: string;
  role: string;
  label: string | null;
  created_at: Date | string;
  created_by: string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const COLUMNS = 'id, person_id, role, label, created_at, created_by, revoked_at, revoked_by';

function fromRow(r: Row): TokenRecord {
  return {
    id: r.id,
    personId: r.person_id,
    role: Role.parse(r.role),
    label: r.label,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    revokedBy: r.revoked_by,
  };
}

/** Lowercase hex SHA-256 of the token's UTF-8 bytes: what the store keeps and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

export type RevokeResult =
  | { outcome: 'revoked'; token: TokenRecord }
  | { outcome: 'already-revoked'; token: TokenRecord }
  | { outcome: 'unknown' };

export function createTokenStore(db: Queryable) {
  return {
    /** A new token for a person and role; the secret is in the result and nowhere else. */
    async create(input: NewToken, by: string, at: Date): Promise<{ token: string; record: TokenRecord }> {
      const { personId, role, label } = NewToken.parse(input);
      const token = newTokenSecret();
      const id = `tok-${randomBytes(8).toString('hex')}`;
      const { rows } = await db.query<Row>(
        `INSERT INTO api_tokens (id, token_hash, person_id, role, label, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [id, hashToken(token), personId, role, label ?? null, at.toISOString(), by],
      );
      return { token, record: fromRow(rows[0]) };
    },

    /** Every token, newest first, revoked ones included (they are part of the record). */
    async list(): Promise<TokenRecord[]> {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`);
      return rows.map(fromRow);
    },

    async get(id: string): Promise<TokenRecord | undefined> {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },

    /** Revokes once: a second revocation changes nothing and says when the first was. */
    async revoke(id: string, by: string, at: Date): Promise<RevokeResult> {
      const { rows } = await db.query<Row>(
        `UPDATE api_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
        [id, at.toISOString(), by],
      );
      if (rows[0]) return { outcome: 'revoked', token: fromRow(rows[0]) };
      const existing = await this.get(id);
      return existing ? { outcome: 'already-revoked', token: existing } : { outcome: 'unknown' };
    },

    /** Removes a token that was never handed out (its creation could not be recorded). */
    async discard(id: string): Promise<void> {
      await db.query('DELETE FROM api_tokens WHERE id = $1', [id]);
    },

    /** The person and role of a live token; undefined for an unknown or revoked one. */
    async resolve(token: string): Promise<Actor | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const { rows } = await db.query<{ person_id: string; role: string }>(
        'SELECT person_id, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [hashToken(token)],
      );
      return rows[0] ? { id: rows[0].person_id, role: Role.parse(rows[0].role) } : undefined;
    },
  };
}
export type TokenStore = ReturnType<typeof createTokenStore>;
