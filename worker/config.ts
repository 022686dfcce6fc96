import { z } from 'zod';
import { Actor, Role } from '../domain/actor';

/** A bearer token and the person and role it stands for: "token=person:role,token2=person2:role2". */
const ApiTokens = z.string().transform((s, ctx) => {
  const map = new Map<string, Actor>();
  for (const item of s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([^=\s]{16,})=([^:\s]+):(\w+)$/.exec(item);
    const role = m && Role.safeParse(m[3]);
    if (!m || !role?.success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${item.replace(/=.*/, '=…')}" is not token=person:role (token at least 16 characters; role one of ${Role.options.join(', ')})`,
      });
      return z.NEVER;
    }
    map.set(m[1], { id: m[2], role: role.data });
  }
  return map;
});

export const Config = z
  .object({
    TEMPORAL_ADDRESS: z.string().min(1).optional(),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('breach-response'),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    TEMPORAL_TLS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    OUTBOX_DIR: z.string().min(1).default('./outbox'),
    /** DKIM signing of everything sent: all three, or none. */
    SMTP_DKIM_DOMAIN: z.string().min(3).optional(),
    SMTP_DKIM_SELECTOR: z.string().min(1).optional(),
    SMTP_DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    PAYLOAD_KEY: z.string().optional(),
    API_TOKENS: ApiTokens.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().optional(),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.TEMPORAL_ADDRESS, {
    // Production never falls back to a local or in-memory Temporal.
    message: 'required when NODE_ENV=production',
    path: ['TEMPORAL_ADDRESS'],
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.API_TOKENS, {
    // Development tokens (a file in the data folder) are a first-run convenience, never a deployment's.
    message: 'required when NODE_ENV=production (at least one admin; more with `cli tokens create`)',
    path: ['API_TOKENS'],
  })
  .refine(
    (c) => [c.SMTP_DKIM_DOMAIN, c.SMTP_DKIM_SELECTOR, c.SMTP_DKIM_PRIVATE_KEY_FILE].filter(Boolean).length % 3 === 0,
    {
      message: 'set SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY_FILE together',
      path: ['SMTP_DKIM_DOMAIN'],
    },
  );
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Bad configuration fails at start with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Config.safeParse(cleaned);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`configuration error: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}
