/** The pages' form bodies (application/x-www-form-urlencoded), validated by zod like every other input. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const FORM_BODY_LIMIT = 64 * 1024;

/** Parses urlencoded bodies into a null-prototype record (a field named __proto__ stays a field). */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_req, body, done) => {
      const out = Object.create(null) as Record<string, string>;
      for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
      done(null, out);
    },
  );
}

/** A text field: trimmed, and empty means not given. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

export const SignInForm = z.object({
  token: z.string().trim().min(1, 'enter your API token').max(500),
  next: z.string().max(2000).optional(),
});

export const DecisionForm = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: optionalText(5000),
  delayReason: optionalText(5000),
  contentHash: optionalText(200),
});

export const ContainmentForm = z.object({ note: optionalText(5000) });
export const TaskForm = z.object({ notes: optionalText(10_000) });
export const CampaignForm = z.object({ action: z.enum(['pause', 'resume', 'cancel']) });

/** The form's fields as typed (kept when the workflow refuses, to show them again). */
export function typedValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const b = (body ?? {}) as Record<string, unknown>;
  for (const f of fields) if (typeof b[f] === 'string') out[f] = b[f];
  return out;
}

/** Where to go after signing in: only a page of the pages themselves. */
export function safeNext(next: string | undefined): string {
  if (next && /^\/ui(\/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$/.test(next) && !next.startsWith('//')) return next;
  return '/ui/incidents';
}
