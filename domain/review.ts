/**
 * Investigation evidence and the lessons-learned review: what is recorded (schemas) and when the
 * review is held (pure business-day arithmetic; holidays come injected, see deadlines.ts).
 */
import { z } from 'zod';
import { Role } from './actor';
import { addBusinessDays, fromLocal, toLocal, type HolidayCalendar } from './deadlines';
import { Instant } from './facts';

/**
 * A piece of evidence by reference: the content (forensic image, log export, report) stays where
 * it is kept; only its label, its SHA-256 and where to find it enter history and the ledger.
 */
export const EvidenceRef = z
  .object({
    label: z.string().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hexadecimal digits'),
    uri: z.url().max(2000).optional(),
  })
  .strict();
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** A person is named by an id (an account, an employee number), never by name: no spaces. */
export const PersonId = z
  .string()
  .regex(/^[A-Za-z0-9._@+-]{1,200}$/, 'a person id (letters, digits, . _ @ + -), not a name');

export const FOLLOW_UPS = ['training', 'process-change', 'disciplinary-referral', 'none'] as const;

/** Which control or role failed, and the follow-up decided. */
export const Finding = z
  .object({
    control: z.string().min(1).max(500).optional(),
    role: Role.optional(),
    personId: PersonId.optional(),
    followUp: z.enum(FOLLOW_UPS),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .refine((f) => f.control !== undefined || f.role !== undefined, {
    message: 'a finding names the control or the role that failed',
  })
  .refine((f) => f.personId === undefined || f.role !== undefined, {
    message: 'a person is named by role and id',
    path: ['personId'],
  });
export type Finding = z.infer<typeof Finding>;

export const Priority = z.enum(['low', 'medium', 'high']);
export const ItemId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

export const ActionItemInput = z
  .object({
    /** Given by the review, or "ai-<n>" in the order listed. */
    id: ItemId.optional(),
    title: z.string().min(1).max(500),
    owner: z.object({ role: Role, personId: PersonId.optional() }).strict(),
    dueAt: Instant,
    priority: Priority.default('medium'),
  })
  .strict();
export type ActionItemInput = z.input<typeof ActionItemInput>;

const Lines = z.array(z.string().min(1).max(5000)).max(100).default([]);

/** What the review records; `summary` is the former name of `whatHappened`. */
export const ReviewFields = z.object({
  whatHappened: z.string().min(1).max(20_000).optional(),
  summary: z.string().min(1).max(20_000).optional().describe('deprecated: whatHappened'),
  rootCauses: Lines,
  whatWorked: Lines,
  whatDidNot: Lines,
  findings: z.array(Finding).max(100).default([]),
  actionItems: z.array(ActionItemInput).max(200).default([]),
});
export const hasWhatHappened = (r: { whatHappened?: string; summary?: string }): boolean =>
  Boolean(r.whatHappened ?? r.summary);
export const WHAT_HAPPENED_REQUIRED = { message: 'whatHappened is required', path: ['whatHappened'] };

export interface ReviewSlotRequest {
  /** When containment was confirmed. */
  after: string;
  businessDays: number;
  timeZone: string;
  /** A date-holidays code; absent: weekends only. */
  holidayCalendar?: string;
  startHour: number;
  durationMinutes: number;
}
export interface ReviewSlot {
  start: string;
  end: string;
  timeZone: string;
}

const NO_HOLIDAYS: HolidayCalendar = { isHoliday: () => false };

/** The review meeting: the Nth business day after containment, at the plan's local start hour. */
export function reviewSlot(req: ReviewSlotRequest, holidays: HolidayCalendar): ReviewSlot {
  const calendar = req.holidayCalendar ?? '';
  const day = toLocal(
    Date.parse(
      addBusinessDays(
        req.after,
        req.businessDays,
        req.timeZone,
        calendar,
        req.holidayCalendar ? holidays : NO_HOLIDAYS,
      ),
    ),
    req.timeZone,
  );
  const start = fromLocal({ ...day, hour: req.startHour, minute: 0, second: 0, ms: 0 }, req.timeZone);
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + req.durationMinutes * 60_000).toISOString(),
    timeZone: req.timeZone,
  };
}
