/**
 * The data each notice kind's templates receive. render() validates the context against the
 * kind's schema before any template runs, so a missing required value is a validation error
 * naming the field. Optional fields are normalized to `null` (never absent): the template
 * helpers treat an absent key as a template bug and throw (see renderer.ts).
 */
import { z } from 'zod';
import { Role } from '../../domain/actor';
import { Country, Instant } from '../../domain/facts';
import { Recipient } from '../../domain/obligation';
import { isValidLocale, isValidTimeZone } from './locale';

const TimeZone = z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' });
const Locale = z.string().refine(isValidLocale, { message: 'invalid BCP 47 locale tag' });
/** Required free text: an empty or blank string is as missing as an absent one. */
const Text = (max: number) => z.string().max(max).refine((s) => s.trim().length > 0, { message: 'must not be blank' });
const Narrative = Text(10_000);
/** Only web links: a javascript: or data: URL in an e-mail is an attack, not a link. */
const WebLink = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const Count = z.number().int().nonnegative();

const IncidentRef = z.object({ id: Text(200), title: Text(500) });

/** GDPR Art. 33 (authority) and Art. 34 (data subjects) notices. */
export const GdprNoticeContext = z.object({
  incident: IncidentRef,
  controller: z.object({ name: Text(500), country: Country }),
  /** The DPO or other contact point, Art. 33(3)(b). */
  contact: z.object({
    name: Text(200),
    email: z.email(),
    phone: Text(50).nullable().default(null),
  }),
  /** The addressed authority; null → "the competent supervisory authority". */
  authority: z.object({ name: Text(500) }).nullable().default(null),
  nature: Narrative,
  subjectCategories: z.array(Text(200)).min(1),
  /** Approximate number of data subjects; null = not yet known. */
  subjectCount: Count.nullable(),
  /** Approximate number of personal data records; null = not yet known. */
  recordCount: Count.nullable(),
  /** Human-readable, already localized (buildGdprContext maps the domain categories). */
  dataCategories: z.array(Text(300)).min(1),
  likelyConsequences: Narrative,
  measuresTaken: Narrative,
  awareAt: Instant,
  /** The legal deadline; null where the law gives none (Art. 34: "without undue delay"). */
  deadlineAt: Instant.nullable(),
  /** Art. 33(1): a notice given after 72 hours must give the reasons for the delay. */
  delayReason: Narrative.nullable().default(null),
  timeZone: TimeZone,
  locale: Locale,
  /** Art. 33(4): some information is not yet available and will follow. */
  phased: z.boolean(),
});
export type GdprNoticeContext = z.infer<typeof GdprNoticeContext>;
export type GdprNoticeContextInput = z.input<typeof GdprNoticeContext>;

/** The notice a reminder or escalation is about, as the incident workflow describes it. */
const NoticeRef = z.object({
  id: Text(200),
  regime: Text(100),
  recipient: Recipient,
  /** The notice's workflow status, e.g. "drafting", "awaiting-approval". */
  status: Text(100),
  citation: Text(500),
  /** The law's deadline in words, e.g. "without undue delay and … not later than 72 hours …". */
  deadline: Text(2000),
});

const InternalBase = {
  incident: IncidentRef,
  notice: NoticeRef,
  /** When the notice is due: the legal deadline, or the plan's internal target (see legalDeadline). */
  dueAt: Instant,
  legalDeadline: z.boolean(),
  timeZone: TimeZone,
  /** Optional here: render()'s locale argument decides the language. */
  locale: Locale.nullable().default(null),
  /** Where to act on the incident; omitted from the mail when null. */
  link: WebLink.nullable().default(null),
};

/** Internal: "notice X for incident Y is due at T, N hours left". */
export const ReminderContext = z.object({
  ...InternalBase,
  hoursLeft: z.number().nonnegative(),
});
export type ReminderContext = z.infer<typeof ReminderContext>;
export type ReminderContextInput = z.input<typeof ReminderContext>;

/** Internal: "deadline missed for …, you are the next escalation role". */
export const EscalationContext = z.object({
  ...InternalBase,
  role: Role,
  hoursOverdue: z.number().nonnegative(),
});
export type EscalationContext = z.infer<typeof EscalationContext>;
export type EscalationContextInput = z.input<typeof EscalationContext>;

export const CONTEXT_SCHEMAS = {
  'gdpr-authority': GdprNoticeContext,
  'gdpr-individuals': GdprNoticeContext,
  reminder: ReminderContext,
  escalation: EscalationContext,
} as const satisfies Record<string, z.ZodType>;

export type NoticeKind = keyof typeof CONTEXT_SCHEMAS;
export const NOTICE_KINDS = Object.keys(CONTEXT_SCHEMAS) as NoticeKind[];

export function isNoticeKind(kind: string): kind is NoticeKind {
  return Object.prototype.hasOwnProperty.call(CONTEXT_SCHEMAS, kind);
}
