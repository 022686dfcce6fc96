/**
 * The wording files, as zod schemas (the types come from them):
 * - locales/<locale>.json: one catalogue per language, the words every notice shares (labels,
 *   headings of the content elements, phrases, data categories, roles, reference names, the
 *   internal mails);
 * - templates/wording/<regime>.json: per rule key, the kind's title, intro, default addressee,
 *   advice sentences and section groups, per locale;
 * - templates/wording/_<name>.json: defaults per recipient a regime file can extend (US states).
 * A plan's files (plans/<plan>/locales, plans/<plan>/templates/wording) are merged over these and
 * the result must pass the same schemas.
 */
import { z } from 'zod';
import { Role } from '../../../domain/actor';
import { DataCategory } from '../../../domain/facts';
import { Recipient, Stage } from '../../../domain/obligation';

const Text = z.string().min(1);

/**
 * A piece of wording a layout shows: a handlebars fragment evaluated against the notice context
 * (e.g. "the competent supervisory authority ({{jurisdictionName}})"), or one per format where
 * the text and HTML parts differ.
 */
export const Fragment = z.union([z.string(), z.object({ text: z.string(), html: z.string() }).strict()]);
export type Fragment = z.infer<typeof Fragment>;

const Phrases = z
  .object({
    to: Text,
    from: Text,
    reference: Text,
    /** Formal notices with pending elements. */
    pendingReport: Text,
    /** Public notices with pending elements. */
    pendingPublic: Text,
    /** `{tz}` is replaced by the IANA time zone. */
    timeZoneNote: Text,
    salutation: Text,
    closing: Text,
    /** `{name}` and `{email}` are replaced by the plan's contact point. */
    questions: Text,
  })
  .strict();
export type SharedPhrases = z.infer<typeof Phrases>;

/** Labels of the lines the element catalogue writes (elements.ts) and of the notice header. */
const Labels = z
  .object({
    incidentReference: Text,
    incident: Text,
    awareAt: Text,
    dueAt: Text,
    name: Text,
    /** An organisation's name (Chinese, Japanese and Korean use another word than for a person's). */
    entityName: Text,
    email: Text,
    phone: Text,
    country: Text,
    subjectCategories: Text,
    subjectCount: Text,
    dataCategories: Text,
    recordCount: Text,
    affectedCount: Text,
    /** `{place}` is replaced by the jurisdiction's name. */
    affectedCountIn: Text,
    affectedCountries: Text,
    detectedAt: Text,
    classifiedAt: Text,
    determinedAt: Text,
    paymentAt: Text,
    contactPerson: Text,
    noticeDate: Text,
    noDelay: Text,
  })
  .strict();
export type LineLabels = z.infer<typeof Labels>;

/** Mail wording: nested groups of fragments ("mail.reminder.subject"). */
type MailTree = { [key: string]: Fragment | MailTree };
const MailTree: z.ZodType<MailTree> = z.lazy(() => z.record(z.string(), z.union([Fragment, MailTree])));

export const Catalogue = z
  .object({
    locale: Text,
    /** Punctuation and words the layouts put around values (a French colon has a space before it). */
    layout: z.object({ colon: Text, subjectColon: Text, comma: Text, incident: Text }).strict(),
    /** Stands in for content not yet known, in notices to authorities and organisations. */
    toFollow: Text,
    /** The same for notices to the public: what they will hear, not a report. */
    toFollowPublic: Text,
    phrases: Phrases,
    labels: Labels,
    /** Sentences layouts share, by key (`advice` in the regime wording, `{{phrase "key"}}`). */
    sentences: z.record(z.string(), Text).default({}),
    stages: z.record(Stage, Text),
    dataCategories: z.record(DataCategory, Text),
    roles: z.record(Role, Text),
    recipients: z.record(Recipient, Text),
    /**
     * Headings of the content elements (elements.ts): `heading` the formal one, `plain` the one for
     * notices to the public where it differs. A language lists the elements its notices need.
     */
    elements: z.record(z.string(), z.object({ heading: Text.optional(), plain: Text.optional() }).strict()).default({}),
    /** Statutory statements some elements carry (reference.ts says which law asks for each). */
    statements: z.record(z.string(), Text).default({}),
    /** Names of the agencies in reference.ts, by their key. */
    agencies: z.record(z.string(), Text).default({}),
    /** Names of US states and territories (ISO 3166-2:US); other languages use the English ones. */
    regions: z.record(z.string(), Text).default({}),
    /** The internal mails (reminder, escalation); a language without them sends them in English. */
    mail: MailTree.optional(),
  })
  .strict();
export type Catalogue = z.infer<typeof Catalogue>;

/** One kind's words in one language. Extra fragments a custom layout uses go under `phrases`. */
const KindText = z
  .object({
    title: Fragment.optional(),
    intro: Fragment.optional(),
    /** Who the notice is addressed to when the plan's channel names nobody. */
    addressee: Fragment.optional(),
    /** Headings of `groups`, in order. */
    groups: z.array(Text).optional(),
    phrases: z.record(z.string(), Fragment).optional(),
  })
  .strict();
export type KindText = z.infer<typeof KindText>;

const Key = z.string().regex(/^[a-z0-9-]+$/);

export const KindWording = z
  .object({
    /** templates/layouts/<layout>; by default the recipient's (authority, individuals, media). */
    layout: Key.optional(),
    /** Keys of catalogue sentences said before the closing (notices to the public). */
    advice: z.array(z.string().min(1)).optional(),
    /** Sections shown under shared headings, where a law prescribes them (Cal. Civ. Code § 1798.82(d)(1)). */
    groups: z
      .array(z.array(z.string().min(1)).min(1))
      .min(1)
      .optional(),
    locales: z.record(z.string(), KindText).default({}),
  })
  .strict();
export type KindWording = z.infer<typeof KindWording>;

export const RegimeWording = z
  .object({
    regime: Key,
    /** A defaults file (templates/wording/_<name>.json) whose wording per recipient this one refines. */
    extends: z
      .string()
      .regex(/^_[a-z0-9-]+$/)
      .optional(),
    /** Spelling applied to the catalogue's text for this regime (Swiss Standard German writes "ss" for "ß"). */
    spelling: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    kinds: z.record(Key, KindWording),
  })
  .strict();
export type RegimeWording = z.infer<typeof RegimeWording>;

export const WordingDefaults = z
  .object({
    regime: z.string().regex(/^_[a-z0-9-]+$/),
    note: z.string().optional(),
    recipients: z.partialRecord(Recipient, KindWording),
  })
  .strict();
export type WordingDefaults = z.infer<typeof WordingDefaults>;
