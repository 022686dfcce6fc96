/**
 * Steps done outside the engine (a phone call to the regulator, a letter posted) join the same
 * chain as everything else, with the caller's identity. Their action is prefixed, so no person can
 * record what looks like the engine's own step (a "notice.sent" with forged evidence).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../domain/actor';
import type { Ledger, LedgerEntry } from '../ledger/ledger';

export const OUTSIDE_PREFIX = 'external.';

export const OutsideStepInput = z.object({
  action: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters')
    .describe('what was done, e.g. "phone call to the regulator" or "no-notice-reason"'),
  payload: z
    .record(z.string(), z.json())
    .optional()
    .describe('details as a JSON object, e.g. {"note": "…", "reference": "…"}; for no-notice-reason: {"reason": "…"}'),
});
export type OutsideStepInput = z.infer<typeof OutsideStepInput>;

export async function recordOutsideStep(
  ledger: Pick<Ledger, 'append'>,
  step: { incidentId: string; actor: Actor; at: Date } & OutsideStepInput,
): Promise<LedgerEntry> {
  const action = step.action.startsWith(OUTSIDE_PREFIX) ? step.action : `${OUTSIDE_PREFIX}${step.action}`;
  return ledger.append({
    eventId: `${step.incidentId}:outside:${randomUUID()}`,
    incidentId: step.incidentId,
    at: step.at.toISOString(),
    actor: step.actor.id,
    action,
    // The role is the caller's, as the workflow records it; a payload cannot claim another.
    payload: { ...(step.payload ?? {}), role: step.actor.role },
  });
}
