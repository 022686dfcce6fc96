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
  /** Who the recipient is, in words ("New York Attorney General"), from the rule data. */
  recipientName: z.string().optional(),
  stage: Stage.optional(),
  /** Where the recipient sits (country or region code); decides the notice language and time zone. */
  jurisdiction: z.string().min(2),
  /** Whose affected people the notice covers: country or region codes, or ['*'] for everyone. */
  audience: z.array(z.string().min(1)).default(['*']),
  clockStart: Instant,
  /** null where the law gives no number ("without undue delay"); the plan then sets a target. */
  dueAt: Instant.nullable(),
  /** The recipient's IANA time zone, in which day-counted deadlines end. */
  timeZone: z.string().optional(),
  /** dueAt as the recipient's wall clock, with its UTC offset (e.g. 2026-12-04T17:30:00-05:00). */
  dueAtLocal: z.string().nullable().optional(),
  deadline: z.string().min(1),
  /** Where the law is unclear: the reading this deadline or trigger takes. */
  reading: z.string().optional(),
  requiredContent: z.array(z.string().min(1)),
  citation: z.string().min(1),
  unverified: z.boolean().optional(),
  /** The earlier stage this one's clock follows (e.g. NIS2 final report after the notification). */
  after: z.string().optional(),
  /** Set by the plan where the law has no number: the organisation's own target. */
  internalTargetAt: Instant.optional(),
});
export type Obligation = z.infer<typeof Obligation>;

/** An obligation that applies only after a later event; it has no clock until a fact records that event. */
export const ConditionalObligation = z.object({
  id: z.string().min(1),
  regime: z.string().min(1),
  key: z.string(),
  recipient: Recipient,
  recipientName: z.string().optional(),
  stage: Stage.optional(),
  jurisdiction: z.string().min(2),
  /** What makes it apply, in words. */
  trigger: z.string().min(1),
  /** The fact whose recording makes it an obligation with a clock. */
  fact: z.string().min(1),
  deadline: z.string().min(1),
  citation: z.string().min(1),
  unverified: z.boolean().optional(),
});
export type ConditionalObligation = z.infer<typeof ConditionalObligation>;

/** A rule the incident would trigger but that takes effect only later (within a year of awareness). */
export const UpcomingRule = z.object({
  regime: z.string().min(1),
  key: z.string(),
  recipient: Recipient,
  recipientName: z.string().optional(),
  jurisdiction: z.string().min(2),
  inForceFrom: z.iso.date(),
  deadline: z.string().min(1),
  citation: z.string().min(1),
});
export type UpcomingRule = z.infer<typeof UpcomingRule>;

export const Assessment = z.object({
  ruleSet: z.string().min(1),
  obligations: z.array(Obligation),
  /** Owed only after a later event (Form 8-K/A, NIS2 intermediate report on request): no clock yet. */
  conditional: z.array(ConditionalObligation).optional(),
  /** Rules not in force at awareness that take effect within a year and would apply. */
  upcoming: z.array(UpcomingRule).optional(),
});
export type Assessment = z.infer<typeof Assessment>;
