import { z } from 'zod';
import { Instant } from './facts';

export const Recipient = z.enum(['authority', 'individuals', 'media', 'credit-agencies', 'controller']);
export type Recipient = z.infer<typeof Recipient>;

export const Stage = z.enum(['early-warning', 'notification', 'initial', 'intermediate', 'final']);
export type Stage = z.infer<typeof Stage>;

/** One notice the law requires, to one recipient, by one time. */
export const Obligation = z.object({
  /** Stable across recomputation: regime, recipient, stage and jurisdiction, never a counter. */
  id: z.string().min(1),
  regime: z.string().min(1),
  /** The rule's key within its regime (which template set drafts it). */
  key: z.string().optional(),
  recipient: Recipient,
  stage: Stage.optional(),
  /** Where the recipient sits (country or region code); decides the notice language and time zone. */
  jurisdiction: z.string().min(2),
  /** Whose affected people the notice covers: country or region codes, or ['*'] for everyone. */
  audience: z.array(z.string().min(1)).default(['*']),
  clockStart: Instant,
  /** null where the law gives no number ("without undue delay"); the plan then sets a target. */
  dueAt: Instant.nullable(),
  deadline: z.string().min(1),
  requiredContent: z.array(z.string().min(1)),
  citation: z.string().min(1),
  unverified: z.boolean().optional(),
  /** The earlier stage this one's clock follows (e.g. NIS2 final report after the notification). */
  after: z.string().optional(),
  /** Set by the plan where the law has no number: the organisation's own target. */
  internalTargetAt: Instant.optional(),
});
export type Obligation = z.infer<typeof Obligation>;

export const Assessment = z.object({
  ruleSet: z.string().min(1),
  obligations: z.array(Obligation),
});
export type Assessment = z.infer<typeof Assessment>;
