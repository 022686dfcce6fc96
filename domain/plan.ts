import { z } from 'zod';
import { Role } from './actor';

export const PHASES = ['triage', 'containment', 'assessment', 'notification', 'investigation', 'review', 'closed'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

const Email = z.email();

export const PlanTask = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  role: Role,
});

export const EscalationStep = z.object({
  /** Hours after a missed deadline at which this role is alerted (0 = at the deadline). */
  afterMissedHours: z.number().nonnegative(),
  role: Role,
});

/** Where an authority takes notices: e-mail, or a portal that a person files on. */
export const AuthorityContact = z.object({
  name: z.string().min(1),
  email: Email.optional(),
  portal: z.url().optional(),
  locale: z.string().default('en'),
  timeZone: z.string().default('UTC'),
}).refine((a) => a.email || a.portal, { message: 'an authority needs an email or a portal' });

/** An organisation's emergency plan, written as data in plans/<id>/plan.json. */
export const Plan = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  version: z.string().min(1),
  /** People who own the plan's steps; reminders and escalations go to them by role. */
  people: z.array(z.object({ name: z.string().min(1), email: Email, role: Role })).min(1),
  /** The contact point named in notices (the DPO under GDPR Art. 33(3)(b)). */
  contact: z.object({ name: z.string().min(1), email: Email, phone: z.string().optional() }),
  /** From address for everything the engine sends. */
  sender: Email,
  phases: z.object({
    investigation: z.object({ tasks: z.array(PlanTask).default([]) }).default({ tasks: [] }),
  }).default({ investigation: { tasks: [] } }),
  reminders: z.object({
    beforeDueHours: z.array(z.number().positive()).default([24, 4]),
    /** Who is reminded: the people who must act on a notice. */
    roles: z.array(Role).min(1).default(['manager', 'legal']),
  }).default({ beforeDueHours: [24, 4], roles: ['manager', 'legal'] }),
  escalation: z.array(EscalationStep).min(1),
  approvals: z.object({
    roles: z.array(Role).min(1).default(['manager', 'legal']),
    /** Distinct approvers needed per recipient kind. */
    authority: z.number().int().min(1).default(2),
    individuals: z.number().int().min(1).default(1),
  }).default({ roles: ['manager', 'legal'], authority: 2, individuals: 1 }),
  /** Internal target where the law says "without undue delay" and gives no number. */
  undueDelayTargetHours: z.number().positive().default(72),
  /** Lessons-learned review is due this many days after the incident closes its investigation. */
  reviewDueDays: z.number().int().positive().default(14),
  authorities: z.record(z.string(), AuthorityContact).default({}),
  /** Mass notification of individuals: batch size, pace, and attempts per recipient. */
  massNotification: z.object({
    batchSize: z.number().int().min(1).max(5000).default(500),
    ratePerSecond: z.number().positive().optional(),
    maxAttempts: z.number().int().min(1).max(50).default(5),
  }).default({ batchSize: 500, maxAttempts: 5 }),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

export function peopleWithRole(plan: Plan, role: Role): string[] {
  return plan.people.filter((p) => p.role === role).map((p) => p.email);
}
