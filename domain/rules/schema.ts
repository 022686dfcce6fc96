import { z } from 'zod';
import { Country, DataCategory, Region, Risk, Sector } from '../facts';
import { Recipient, Stage } from '../obligation';

/** Which fact starts a clock; later clocks default to earlier ones where the law allows. */
export const ClockStartField = z.enum(['awareAt', 'determinedAt', 'materialityDeterminedAt', 'classifiedMajorAt', 'ransomPaidAt']);
export type ClockStartField = z.infer<typeof ClockStartField>;

export const Clock = z.discriminatedUnion('unit', [
  /** Exact instants: N clock hours after the start. */
  z.object({ unit: z.literal('hours'), amount: z.number().positive(), start: ClockStartField }),
  /** Ends at the end of the last allowed day in the recipient's time zone. */
  z.object({ unit: z.literal('calendar-days'), amount: z.number().int().positive(), start: ClockStartField }),
  /** Skips weekends and the holidays of `calendar` (a date-holidays code, e.g. "US", "BR"). */
  z.object({ unit: z.literal('business-days'), amount: z.number().int().positive(), start: ClockStartField, calendar: z.string().min(2) }),
  z.object({ unit: z.literal('months'), amount: z.number().int().positive(), start: ClockStartField }),
  /** The law gives no number ("without undue delay", "immediately"): dueAt is null. */
  z.object({ unit: z.literal('none'), start: ClockStartField }),
]);
export type Clock = z.infer<typeof Clock>;

/**
 * How many obligations one rule yields:
 * - `lead`: one, to the authority where the entity is established if that is inside the regime,
 *   else one per affected country inside it (no one-stop shop without an establishment);
 * - `each-affected`: one per affected country (or region, for sub-national regimes) inside the regime;
 * - `regime`: one for the regime as a whole.
 */
export const Scope = z.enum(['lead', 'each-affected', 'regime']);

export const Conditions = z.object({
  /** The controller's risk assessment must be at least this. */
  minRisk: Risk.optional(),
  /** No notice where the data was unintelligible to whoever got it (encryption safe harbour). */
  unlessEncrypted: z.boolean().optional(),
  requiresSignificant: z.boolean().optional(),
  /** Affected people in this obligation's jurisdiction unit, inclusive bounds. */
  minAffected: z.number().int().nonnegative().optional(),
  maxAffected: z.number().int().nonnegative().optional(),
  dataCategoriesAny: z.array(DataCategory).optional(),
  sectorsAny: z.array(Sector).optional(),
}).strict();
export type Conditions = z.infer<typeof Conditions>;

export const RuleObligation = z.object({
  /** Stable key within the regime; part of the obligation id. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  recipient: Recipient,
  stage: Stage.optional(),
  scope: Scope,
  when: Conditions.default({}),
  clock: Clock,
  deadline: z.string().min(1),
  requiredContent: z.array(z.string().min(1)).min(1),
  citation: z.string().min(1),
  unverified: z.boolean().optional(),
  note: z.string().optional(),
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
  }),
  /** Entity sectors the regime applies to at all (e.g. HIPAA covered entities); empty = everyone. */
  appliesToSectors: z.array(Sector).default([]),
  obligations: z.array(RuleObligation).min(1),
}).strict();
export type RegimeRules = z.infer<typeof RegimeRules>;

export interface RuleSet {
  /** Content hash of every rule file, recorded with each assessment. */
  version: string;
  regimes: RegimeRules[];
}
