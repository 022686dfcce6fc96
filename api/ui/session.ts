/**
 * The pages' session: a cookie sealed with AES-256-GCM (authenticated encryption: it is signed and
 * cannot be read or altered without the secret), holding the API token the person signed in with,
 * a session id and an expiry. The token is checked again on every request, so a revoked token or a
 * changed role takes effect at once. CSRF tokens are an HMAC of the session id: tied to the session,
 * nothing stored. The secret comes from SESSION_SECRET, else a random one per process (sessions then
 * end when the process restarts).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const SESSION_COOKIE = 'bre_session';
/** Before sign-in: a nonce that the sign-in form's CSRF token is bound to (against login CSRF). */
export const SIGN_IN_COOKIE = 'bre_signin';
export const COOKIE_PATH = '/ui';
export const DEFAULT_SESSION_HOURS = 8;
const SIGN_IN_NONCE_SECONDS = 3600;

const Sealed = z.object({ sid: z.string().min(16), token: z.string().min(1), exp: z.number().int() });
export type SessionData = z.infer<typeof Sealed>;

export class SessionSecretError extends Error {
  override name = 'SessionSecretError';
}

export interface SessionKeys {
  seal: (data: SessionData) => string;
  unseal: (value: string, nowMs: number) => SessionData | undefined;
  csrfFor: (purpose: 'session' | 'sign-in', id: string) => string;
  csrfMatches: (purpose: 'session' | 'sign-in', id: string, given: unknown) => boolean;
  /** Whether the secret was generated for this process (no SESSION_SECRET). */
  ephemeral: boolean;
}

/** `secret`: SESSION_SECRET (at least 32 characters), or undefined for a random per-process secret. */
export function sessionKeys(secret: string | undefined): SessionKeys {
  if (secret !== undefined && secret.length < 32)
    throw new SessionSecretError('SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  const ikm = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', ikm, 'breach-response-engine/ui', info, 32));
  const encKey = derive('session-cookie');
  const csrfKey = derive('csrf');

  const csrfFor = (purpose: string, id: string) =>
    createHmac('sha256', csrfKey).update(`${purpose}:${id}`).digest('base64url');

  return {
    ephemeral: secret === undefined,
    seal(data) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
      return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    unseal(value, nowMs) {
      const parts = value.split('.');
      if (parts.length !== 3) return undefined;
      try {
        const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
        if (iv.length !== 12 || tag.length !== 16) return undefined;
        const decipher = createDecipheriv('aes-256-gcm', encKey, iv);
        decipher.setAuthTag(tag);
        const json = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        const data = Sealed.safeParse(JSON.parse(json));
        return data.success && data.data.exp > nowMs ? data.data : undefined;
      } catch {
        return undefined; // altered, or sealed with another secret
      }
    },
    csrfFor,
    csrfMatches(purpose, id, given) {
      if (typeof given !== 'string') return false;
      const want = Buffer.from(csrfFor(purpose, id));
      const got = Buffer.from(given);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}

export const newSessionId = (): string => randomBytes(18).toString('base64url');

/** The request's cookies (no dependency: the pages read two cookies of their own). */
export function readCookies(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** Secure only over TLS (directly, or behind a proxy Fastify trusts): a cookie marked Secure is not sent over plain http. */
function cookieHeader(req: FastifyRequest, name: string, value: string, maxAgeSeconds: number): string {
  const attrs = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (maxAgeSeconds > 0) attrs.push(`Expires=${new Date(Date.now() + maxAgeSeconds * 1000).toUTCString()}`);
  else attrs.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (req.protocol === 'https') attrs.push('Secure');
  return attrs.join('; ');
}

function addCookie(reply: FastifyReply, header: string): void {
  const prior = reply.getHeader('set-cookie');
  const list = prior === undefined ? [] : Array.isArray(prior) ? prior.map(String) : [String(prior)];
  reply.header('set-cookie', [...list, header]);
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, sealed: string, hours: number): void {
  addCookie(reply, cookieHeader(req, SESSION_COOKIE, sealed, Math.round(hours * 3600)));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  addCookie(reply, cookieHeader(req, SESSION_COOKIE, '', 0));
}

export function setSignInCookie(req: FastifyRequest, reply: FastifyReply, nonce: string): void {
  addCookie(reply, cookieHeader(req, SIGN_IN_COOKIE, nonce, SIGN_IN_NONCE_SECONDS));
}

export function clearSignInCookie(req: FastifyRequest, reply: FastifyReply): void {
  addCookie(reply, cookieHeader(req, SIGN_IN_COOKIE, '', 0));
}

/**
 * Sessions signed out before their expiry, so a copied cookie stops working at sign-out (kept in
 * memory until the expiry: after a restart, only the expiry and the token's own validity hold).
 */
export class SignedOut {
  private readonly ids = new Map<string, number>();
  add(sid: string, exp: number): void {
    this.ids.set(sid, exp);
  }
  has(sid: string, nowMs: number): boolean {
    for (const [id, exp] of this.ids) if (exp <= nowMs) this.ids.delete(id);
    return this.ids.has(sid);
  }
}
