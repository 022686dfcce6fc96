import { z } from 'zod';
import { Role } from './actor';

export const PHASES = [
  'triage',
  'containment',
  'assessment',
  'notification',
  'investigation',
  'review',
  'closed',
] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

const Email = z.email();

/** Phases at whose start a task can be assigned (triage ends before the plan is loaded). */
export const TaskPhase = z.enum(['containment', 'assessment', 'notification', 'investigation', 'review']);
export type TaskPhase = z.infer<typeof TaskPhase>;

export const DEFAULT_TASK_TARGET_HOURS = 48;

export const PlanTask = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(500),
  role: Role,
  /** When the task is assigned: at the start of this phase (evidence preservation may start at containment). */
  phase: TaskPhase.default('investigation'),
  /** Hours after its phase starts by which it should be done; reminders and escalation run against it. */
  targetHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(DEFAULT_TASK_TARGET_HOURS),
  /** What evidence completing it should bring (forensic image, log export, report, ...). */
  expects: z.string().min(1).max(2000).optional(),
});
export type PlanTask = z.infer<typeof PlanTask>;

/** An IANA time zone the runtime knows (Intl only: domain/ stays free of Node built-ins). */
const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'unknown IANA time zone' },
);

export const ReviewSettings = z.object({
  /** Business days after containment, in the plan's time zone and holiday calendar. */
  dueBusinessDays: z.number().int().min(1).max(60).default(5),
  /** Roles invited to the lessons-learned review. */
  invitees: z.array(Role).min(1).default(['manager', 'legal', 'responder']),
  /** Local start hour of the meeting on that day, and its length. */
  startHour: z.number().int().min(0).max(23).default(10),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(8 * 60)
    .default(60),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;
const REVIEW_DEFAULTS = {
  dueBusinessDays: 5,
  invitees: ['manager', 'legal', 'responder'],
  startHour: 10,
  durationMinutes: 60,
} as const;

/** Shares of the time from draft to due time at which a pending approval is escalated. */
export const DEFAULT_APPROVAL_ESCALATION = [0.5, 0.8] as const;

export const EscalationStep = z.object({
  /** Hours after a missed deadline at which this role is alerted (0 = at the deadline). */
  afterMissedHours: z.number().nonnegative(),
  role: Role,
});

/** Where an authority takes notices: e-mail, or a portal that a person files on. */
export const AuthorityContact = z
  .object({
    name: z.string().min(1),
    email: Email.optional(),
    portal: z.url().optional(),
    locale: z.string().default('en'),
    timeZone: z.string().default('UTC'),
  })
  .refine((a) => a.email || a.portal, { message: 'an authority needs an email or a portal' });

/** The plan's internal targets for each step, in hours from the step's trigger: what a drill is scored against. */
export const DrillTargets = z.object({
  acknowledgedHours: z.number().positive().default(1),
  containedHours: z.number().positive().default(24),
  assessedHours: z.number().positive().default(1),
  draftedHours: z.number().positive().default(4),
  approvedHours: z.number().positive().default(12),
  deliveredHours: z.number().positive().default(4),
  taskHours: z.number().positive().default(48),
  reviewHours: z.number().positive().default(168),
});
export type DrillTargets = z.infer<typeof DrillTargets>;

/**
 * How long the personal data of the people told stays after the incident closes. The outbox copies
 * (.eml) hold the same name and address as the store's rows, so they may go sooner but never later;
 * by default they go with the rows (one deletion, one certificate). Evidence without the person
 * (address hash, Message-ID, SMTP reply, content hash, jurisdiction) is kept.
 */
export const RetentionSettings = z
  .object({
    /** Days after the close until recipients' names and addresses are deleted (0: at the close). */
    recipientDataDays: z.number().int().min(0).max(3650).default(90),
    /** Days after the close until the outbox copies of their letters are deleted; default: recipientDataDays. */
    outboxDays: z.number().int().min(0).max(3650).optional(),
  })
  .refine((r) => r.outboxDays === undefined || r.outboxDays <= r.recipientDataDays, {
    message: 'outboxDays cannot exceed recipientDataDays: the copies hold the same personal data',
    path: ['outboxDays'],
  });
export type RetentionSettings = z.infer<typeof RetentionSettings>;

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
  phases: z
    .object({
      investigation: z.object({ tasks: z.array(PlanTask).default([]) }).default({ tasks: [] }),
    })
    .default({ investigation: { tasks: [] } }),
  reminders: z
    .object({
      beforeDueHours: z.array(z.number().positive()).default([24, 4]),
      /** Who is reminded: the people who must act on a notice. */
      roles: z.array(Role).min(1).default(['manager', 'legal']),
    })
    .default({ beforeDueHours: [24, 4], roles: ['manager', 'legal'] }),
  escalation: z.array(EscalationStep).min(1),
  approvals: z
    .object({
      roles: z.array(Role).min(1).default(['manager', 'legal']),
      /** Distinct approvers needed per recipient kind. */
      authority: z.number().int().min(1).default(2),
      individuals: z.number().int().min(1).default(1),
      /**
       * While a notice awaits approval: at these shares of the time from its draft to its due time,
       * the next role of the escalation chain is mailed (the first share the chain's first role, ...).
       */
      escalateAt: z
        .array(z.number().gt(0).lt(1))
        .max(10)
        .default([...DEFAULT_APPROVAL_ESCALATION]),
    })
    .default({
      roles: ['manager', 'legal'],
      authority: 2,
      individuals: 1,
      escalateAt: [...DEFAULT_APPROVAL_ESCALATION],
    }),
  /** Internal target where the law says "without undue delay" and gives no number. */
  undueDelayTargetHours: z.number().positive().default(72),
  /** Superseded by `review`: kept for incidents whose containment predates the scheduled review. */
  reviewDueDays: z.number().int().positive().default(14),
  /** Where the plan's own dates (review, business days) are reckoned. */
  timeZone: TimeZone.default('UTC'),
  /** A date-holidays code ("DE", "US-NY") whose public holidays are not business days; none: weekends only. */
  holidayCalendar: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,4})?$/)
    .optional(),
  /** The lessons-learned review: when it is held after containment and who is invited. */
  review: ReviewSettings.default({ ...REVIEW_DEFAULTS, invitees: [...REVIEW_DEFAULTS.invitees] }),
  authorities: z.record(z.string(), AuthorityContact).default({}),
  /** Drills of this plan: step targets, and how long a drill may run before it is scored as it stands. */
  drills: z
    .object({
      targets: DrillTargets.default(DrillTargets.parse({})),
      maxDays: z.number().positive().max(365).default(30),
    })
    .default({ targets: DrillTargets.parse({}), maxDays: 30 }),
  /** Mass notification of individuals: batch size, pace, and attempts per recipient. */
  massNotification: z
    .object({
      batchSize: z.number().int().min(1).max(5000).default(500),
      ratePerSecond: z.number().positive().optional(),
      maxAttempts: z.number().int().min(1).max(50).default(5),
    })
    .default({ batchSize: 500, maxAttempts: 5 }),
  /**
   * Telling individuals: `combineLetters` (default) sends each person one letter satisfying every
   * obligation that covers them; false runs one campaign per obligation.
   */
  notification: z.object({ combineLetters: z.boolean().default(true) }).default({ combineLetters: true }),
  /** When the personal data of the people told is deleted (see RetentionSettings). */
  retention: RetentionSettings.default({ recipientDataDays: 90 }),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

export function peopleWithRole(plan: Plan, role: Role): string[] {
  return plan.people.filter((p) => p.role === role).map((p) => p.email);
}

/**
 * The review settings of a loaded plan. A plan loaded (and kept in history) before these settings
 * existed has none: the defaults apply.
 */
export function reviewSettings(plan: Plan): ReviewSettings {
  return { ...REVIEW_DEFAULTS, ...plan.review, invitees: [...(plan.review?.invitees ?? REVIEW_DEFAULTS.invitees)] };
}

/** Whether a loaded plan combines letters; a plan kept in history before the setting existed: yes (the default). */
export function combinesLetters(plan: Plan): boolean {
  return plan.notification?.combineLetters !== false;
}

/** Retention of a loaded plan, both periods filled in; a plan kept in history before retention existed gets the defaults. */
export function retentionSettings(plan: Plan): { recipientDataDays: number; outboxDays: number } {
  const recipientDataDays = plan.retention?.recipientDataDays ?? 90;
  return { recipientDataDays, outboxDays: plan.retention?.outboxDays ?? recipientDataDays };
}
