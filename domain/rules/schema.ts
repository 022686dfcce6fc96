import { z } from 'zod';
import { Country, DataCategory, Region, Risk, Sector } from '../facts';
import { Recipient, Stage } from '../obligation';

/** Which fact starts a clock; later clocks default to earlier ones where the law allows. */
export const ClockStartField = z.enum([
  'awareAt',
  'determinedAt',
  'materialityDeterminedAt',
  'classifiedMajorAt',
  'ransomPaidAt',
  'assessedNotifiableAt',
  'handlingEndedAt',
  'omittedInformationAvailableAt',
  'reportRequestedAt',
  'newInformationAt',
  'authorityRequiredNoticeAt',
]);
export type ClockStartField = z.infer<typeof ClockStartField>;

const ClockModifiers = {
  start: ClockStartField,
  /**
   * A later stage: its clock starts when the earlier obligation (same regime and jurisdiction,
   * by key) is delivered, and until then at that obligation's due time.
   */
  after: z
    .string()
    .regex(/^([a-z0-9-]+:)?[a-z0-9-]+$/, "a key of this regime, or regime:key of another")
    .optional(),
  /** Count from the end of the calendar year in which the clock started (HIPAA's annual log). */
  anchor: z.literal('end-of-calendar-year').optional(),
  /** A second limit: whichever comes first (DORA: 4 h after classification, 24 h after awareness). */
  noLaterThan: z.object({ hours: z.number().positive(), start: ClockStartField }).optional(),
  /**
   * A deadline on a weekend or holiday moves to this local time on the next working day (DORA RTS
   * Art. 5(4)), unless `unless` holds (the entity types the relief is withdrawn from).
   */
  rollForward: z
    .object({
      /** Holiday calendar (date-holidays code); default the obligation's country. */
      calendar: z.string().min(2).optional(),
      to: z.string().regex(/^\d\d:\d\d$/),
      unless: z.lazy(() => Conditions).optional(),
    })
    .optional(),
  /**
   * A day-counted clock ends at this local time of its last day instead of its end (SEC: an EDGAR
   * filing after 17:30 Eastern counts as filed on the next business day). The zone defaults to the
   * recipient's.
   */
  cutoff: z.object({ time: z.string().regex(/^\d\d:\d\d$/), timeZone: z.string().min(3).optional() }).optional(),
  /** Another amount where these conditions hold, first match wins (NIS2 trust services: 24 h; LGPD small agents: doubled). */
  amountWhen: z
    .array(z.object({ amount: z.number().nonnegative(), when: z.lazy(() => Conditions), reason: z.string().min(1) }))
    .min(1)
    .optional(),
  /**
   * A chained stage (`after`) that counts from its own `start` fact rather than from the earlier stage:
   * it exists with the earlier stage, and has no number until that fact is recorded (China's summary
   * report, 30 days after handling ends).
   */
  countFromStart: z.literal(true).optional(),
  /**
   * Where the incident is still being handled when the clock ends, the clock counts from the end of
   * handling instead (NIS2 Art. 23(4)(e): final report one month after handling ends). Unknown end: the earlier time.
   */
  untilHandlingEnds: z.literal(true).optional(),
};

export const Clock = z.discriminatedUnion('unit', [
  /** Exact instants: N clock hours after the start. */
  z.object({ unit: z.literal('hours'), amount: z.number().nonnegative(), ...ClockModifiers }).strict(),
  /** Ends at the end of the last allowed day in the recipient's time zone. */
  z.object({ unit: z.literal('calendar-days'), amount: z.number().int().nonnegative(), ...ClockModifiers }).strict(),
  /** Skips weekends and the holidays of `calendar` (a date-holidays code, e.g. "US", "BR"). */
  z.object({ unit: z.literal('business-days'), amount: z.number().int().positive(), calendar: z.string().min(2), ...ClockModifiers }).strict(),
  z.object({ unit: z.literal('months'), amount: z.number().int().positive(), ...ClockModifiers }).strict(),
  /** The law gives no number ("without undue delay", "immediately"): dueAt is null. */
  z.object({ unit: z.literal('none'), ...ClockModifiers }).strict(),
]);
export type Clock = z.infer<typeof Clock>;

/**
 * How many obligations one rule yields:
 * - `lead`: one, to the authority where the entity is established if that is inside the regime,
 *   else one per affected country inside it (no one-stop shop without an establishment);
 * - `each-affected`: one per affected country (or region, for sub-national regimes) inside the regime;
 * - `regime`: one for the regime as a whole, when the entity is established in it or anyone in it is affected;
 * - `entity`: one whenever the entity is in the regime's sectors, wherever the people are (SEC, CIRCIA).
 */
export const Scope = z.enum(['lead', 'each-affected', 'regime', 'entity']);

/**
 * Yes/no facts a rule can test. Each is optional in the facts: not stated is neither yes nor no, and
 * a rule says which reading it takes for "not stated" (flagsTrue: only yes; flagsNotFalse: yes or not stated).
 */
export const Flag = z.enum([
  'significant',
  /** DORA: classified as major (classifiedMajorAt recorded, or `significant` for a DORA entity). */
  'major',
  'maliciousAct',
  'externalAccess',
  'substantialIncident',
  'criticalInfrastructure',
  'largeScale',
  'vulnerableSubjects',
  'secrecyProtectedData',
  'smallProcessingAgent',
]);
export type Flag = z.infer<typeof Flag>;

const ConditionFields = {
  /** The controller's risk assessment must be at least this. */
  minRisk: Risk.optional(),
  /**
   * The risk assessment must be at most this: an obligation that exists only because the controller
   * found no risk of harm (a US state that wants that written determination sent to its attorney general).
   */
  maxRisk: Risk.optional(),
  /** No notice where the data was unintelligible to whoever got it (encryption safe harbour). */
  unlessEncrypted: z.boolean().optional(),
  requiresSignificant: z.boolean().optional(),
  /** Affected people in this obligation's jurisdiction unit, inclusive bounds. */
  minAffected: z.number().int().nonnegative().optional(),
  maxAffected: z.number().int().nonnegative().optional(),
  /** Affected people in the whole regime, inclusive bounds (HIPAA's 500 for HHS). */
  minTotalAffected: z.number().int().nonnegative().optional(),
  maxTotalAffected: z.number().int().nonnegative().optional(),
  dataCategoriesAny: z.array(DataCategory).optional(),
  sectorsAny: z.array(Sector).optional(),
  sectorsNone: z.array(Sector).optional(),
  /** Each of these facts is stated as true. */
  flagsTrue: z.array(Flag).min(1).optional(),
  /** Each of these facts is true or not stated (the conservative reading of an unknown). */
  flagsNotFalse: z.array(Flag).min(1).optional(),
  /** Each of these facts is stated as false. */
  flagsFalse: z.array(Flag).min(1).optional(),
};
export interface Conditions {
  minRisk?: Risk; maxRisk?: Risk; unlessEncrypted?: boolean; requiresSignificant?: boolean;
  minAffected?: number; maxAffected?: number; minTotalAffected?: number; maxTotalAffected?: number;
  dataCategoriesAny?: DataCategory[]; sectorsAny?: Sector[]; sectorsNone?: Sector[];
  flagsTrue?: Flag[]; flagsNotFalse?: Flag[]; flagsFalse?: Flag[];
  /** At least one of these sets of conditions holds (as well as the others here). */
  anyOf?: Conditions[];
  /** None of these sets of conditions holds. */
  noneOf?: Conditions[];
}
export const Conditions: z.ZodType<Conditions> = z.lazy(() =>
  z
    .object({
      ...ConditionFields,
      anyOf: z.array(Conditions).min(1).optional(),
      noneOf: z.array(Conditions).min(1).optional(),
    })
    .strict(),
);

export const RuleObligation = z.object({
  /** Stable key within the regime; part of the obligation id. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  recipient: Recipient,
  /** Who the recipient is, in words ("New York Attorney General"); else the regime's name for the recipient kind. */
  recipientName: z.string().min(2).optional(),
  stage: Stage.optional(),
  scope: Scope,
  when: Conditions.default({}),
  clock: Clock,
  deadline: z.string().min(1),
  requiredContent: z.array(z.string().min(1)).min(1),
  citation: z.string().min(1),
  unverified: z.boolean().optional(),
  note: z.string().optional(),
  /**
   * The law asks a late notice for the reasons for the delay without listing them as content
   * (GDPR Art. 33(1), PDPA s 26D(1)): after the deadline and without a reason, that section of
   * the notice is pending. Default false.
   */
  lateNeedsReason: z.boolean().optional(),
  /**
   * Owed only after a later event: until the `fact` is recorded the obligation is listed as
   * conditional (no clock, no draft), with `trigger` saying what makes it apply.
   */
  conditional: z.object({ fact: ClockStartField, trigger: z.string().min(3) }).strict().optional(),
  /** The first and last day (in the regime's default zone) the rule applies to incidents on; either may be absent. */
  inForceFrom: z.iso.date().optional(),
  inForceUntil: z.iso.date().optional(),
  /** Where the law is unclear, the reading the rule takes, carried into every obligation it yields. */
  reading: z.string().min(3).optional(),
}).strict();
export type RuleObligation = z.infer<typeof RuleObligation>;

export const RegimeRules = z.object({
  regime: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Date someone last checked these rules against the law's text. */
  lastChecked: z.iso.date(),
  source: z.string().min(1),
  /** Where the law reaches: affected people in these countries/regions, or an entity established there. */
  jurisdiction: z.object({
    countries: z.array(Country).default([]),
    regions: z.array(Region).default([]),
    /** IANA time zone per country/region for day-counted deadlines; `default` otherwise. */
    timeZones: z.record(z.string(), z.string()).default({}),
    defaultTimeZone: z.string().default('UTC'),
    /** Count affected people per region (state) rather than per country. */
    unitLevel: z.enum(['country', 'region']).default('country'),
    /** Jurisdiction code of `entity`-scoped obligations (e.g. "US" for the SEC). */
    entityJurisdiction: z.string().optional(),
  }),
  /** Template locales of the regime's notices; default English and Simplified Chinese. */
  locales: z.array(z.string().min(2)).min(1).optional(),
  /** Entity sectors the regime applies to at all (e.g. HIPAA covered entities); empty = everyone. */
  appliesToSectors: z.array(Sector).default([]),
  /** Names of the recipients by kind ("Data Protection Board of India"), where a rule names none. */
  recipientNames: z.partialRecord(Recipient, z.string().min(2)).optional(),
  obligations: z.array(RuleObligation).min(1),
}).strict();
export type RegimeRules = z.infer<typeof RegimeRules>;

export interface RuleSet {
  /** Content hash of every rule file, recorded with each assessment. */
  version: string;
  regimes: RegimeRules[];
}
