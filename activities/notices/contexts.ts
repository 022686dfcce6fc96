/**
 * The data each notice kind's templates receive. render() validates the context against the
 * kind's schema before any template runs, so a missing required value is a validation error
 * naming the field. Optional fields are normalized to `null` (never absent): the template
 * helpers treat an absent key as a template bug and throw (see renderer.ts).
 */
import { z } from 'zod';
import { Role } from '../../domain/actor';
import { Country, Instant } from '../../domain/facts';
import { Recipient, Stage } from '../../domain/obligation';
import { OBLIGATION_KIND_NAMES } from './kinds';
import { isValidLocale, isValidTimeZone } from './locale';

const TimeZone = z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' });
const Locale = z.string().refine(isValidLocale, { message: 'invalid BCP 47 locale tag' });
/** Required free text: an empty or blank string is as missing as an absent one. */
const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'must not be blank' });
/** Only web links: a javascript: or data: URL in an e-mail is an attack, not a link. */
const WebLink = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const Count = z.number().int().nonnegative();
const PlanId = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .nullable()
  .default(null);

const IncidentRef = z.object({ id: Text(200), title: Text(500) });

const Label = Text(500);
/** A section line; see elements.ts. Only narrative text may stand without a label. */
const Line = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), label: Label.nullable(), value: Text(20_000) }).strict(),
  z.object({ kind: z.enum(['datetime', 'date']), label: Label, value: Instant }).strict(),
  z.object({ kind: z.literal('count'), label: Label, value: Count }).strict(),
  z.object({ kind: z.literal('list'), label: Label, value: z.array(Text(500)).min(1) }).strict(),
]);
export type NoticeLine = z.infer<typeof Line>;

const Section = z
  .object({
    /** The content element id (rules' requiredContent), e.g. "nature". */
    id: Text(100),
    ordinal: z.number().int().positive(),
    /** Shown before the first section of a group where a law prescribes headings (else null). */
    groupHeading: Label.nullable(),
    heading: Label,
    lines: z.array(Line).min(1),
    /** Not (fully) known yet: the last line is the "to follow" sentence. */
    pending: z.boolean(),
  })
  .strict();
export type NoticeSection = z.infer<typeof Section>;

/**
 * The context of every obligation notice kind (`<regime>-<key>`, see kinds.ts): the framing data
 * the kind's layout uses, and the content sections built from the element catalogue.
 */
export const ObligationNoticeContext = z
  .object({
    incident: IncidentRef,
    entity: z.object({ name: Text(500), country: Country }).strict(),
    /** The plan's contact point (DPO or equivalent). */
    contact: z.object({ name: Text(200), email: z.email(), phone: Text(50).nullable().default(null) }).strict(),
    /** The addressed authority or organisation by name; null → the template's default addressee. */
    addressee: Text(500).nullable().default(null),
    obligation: z
      .object({
        id: Text(300),
        regime: Text(100),
        recipient: Recipient,
        stage: Stage.nullable(),
        jurisdiction: Text(20),
        dueAt: Instant.nullable(),
      })
      .strict(),
    /** The jurisdiction's name in the notice language, e.g. "Colorado", "Deutschland". */
    jurisdictionName: Text(200),
    awareAt: Instant,
    /** Reference lines at the top of formal notices (empty for notices to the public). */
    header: z.array(Line),
    sections: z.array(Section).min(1),
    /** Ids of the sections still to follow, in order. */
    pending: z.array(Text(100)),
    hasPending: z.boolean(),
    /** Shared wording, in the template's language (phrases.ts). */
    phrases: z
      .object({
        to: Label,
        from: Label,
        reference: Label,
        pendingNote: Text(2000),
        timeZoneNote: Text(500),
        salutation: Label,
        closing: Label,
        questions: Text(1000),
      })
      .strict(),
    /** The template locale the phrases and headings are written in; the renderer checks it is the one it picks. */
    phraseLocale: Locale,
    timeZone: TimeZone,
    /** The requested locale: formats dates and numbers (e.g. "de-AT" in the "de" template). */
    locale: Locale,
    /** The incident's plan, whose own wording and layouts the notice is written with (null: the repository's). */
    plan: PlanId,
  })
  .strict()
  .refine((c) => c.hasPending === c.pending.length > 0, {
    message: 'hasPending must match pending',
    path: ['hasPending'],
  });
export type ObligationNoticeContext = z.infer<typeof ObligationNoticeContext>;
export type ObligationNoticeContextInput = z.input<typeof ObligationNoticeContext>;

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
  /** The incident's plan, whose own wording and layouts the mail is written with (null: the repository's). */
  plan: PlanId,
};

/** Internal: "notice X for incident Y is due at T, N hours left". */
export const ReminderContext = z.object({
  ...InternalBase,
  hoursLeft: z.number().nonnegative(),
});
export type ReminderContext = z.infer<typeof ReminderContext>;
export type ReminderContextInput = z.input<typeof ReminderContext>;

/** An approval still pending at one of the plan's shares of the time from draft to due time. */
const PendingApproval = z.object({
  /** How much of the time from the draft to the due time has passed, in percent (e.g. 50). */
  percentElapsed: z.number().gt(0).lt(100),
  draftedAt: Instant,
  hoursLeft: z.number().nonnegative(),
  approvalsHave: z.number().int().nonnegative(),
  approvalsNeeded: z.number().int().min(1),
});

/**
 * Internal: "deadline missed for …, you are the next escalation role"; or, with `approval`, "this
 * notice still awaits approval with its deadline approaching, you are the next escalation role".
 */
export const EscalationContext = z.object({
  ...InternalBase,
  role: Role,
  hoursOverdue: z.number().nonnegative(),
  approval: PendingApproval.nullable().default(null),
});
export type EscalationContext = z.infer<typeof EscalationContext>;
export type EscalationContextInput = z.input<typeof EscalationContext>;

export const INTERNAL_SCHEMAS = { reminder: ReminderContext, escalation: EscalationContext } as const;

/** Every kind the renderer knows: each obligation kind (kinds.ts) and the internal mails. */
export const CONTEXT_SCHEMAS: Readonly<Record<string, z.ZodType>> = Object.freeze({
  ...Object.fromEntries(OBLIGATION_KIND_NAMES.map((k) => [k, ObligationNoticeContext])),
  ...INTERNAL_SCHEMAS,
});

export type NoticeKind = string;
export const NOTICE_KINDS: readonly string[] = Object.keys(CONTEXT_SCHEMAS).sort();

export function isNoticeKind(kind: string): kind is NoticeKind {
  return Object.prototype.hasOwnProperty.call(CONTEXT_SCHEMAS, kind);
}
