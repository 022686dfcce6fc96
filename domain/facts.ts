import { z } from 'zod';
import { Country, Region, regionProblem } from './geo';

/** ISO-8601 instant with an explicit offset; stored and compared as UTC. */
export const Instant = z.iso.datetime({ offset: true });

// One definition of countries and regions, shared with imported recipients.
export { Country, Region };

export const Sector = z.enum([
  'hipaa-covered-entity',
  'hipaa-business-associate',
  'sec-registrant',
  'nis2-essential',
  'nis2-important',
  'dora-financial-entity',
  'cn-cii-operator',
  'cn-state-organ',
  'circia-covered-entity',
  'nydfs-regulated',
  // Subject to the GLBA safeguards/notice rules (or a federal functional regulator's guidance), which
  // many US state breach laws deem compliance with, or exempt from, their own notice duties.
  'glba-financial-institution',
]);
export type Sector = z.infer<typeof Sector>;

export const DataCategory = z.enum([
  'name',
  'contact',
  'government-id',
  'financial',
  'payment-card',
  'credentials',
  'health',
  'genetic',
  'biometric',
  'location',
  'children',
  'special-category',
  // Elements that some US state definitions of personal information list apart from a driver's
  // licence or SSN ('government-id'): passport, military or other federal ID numbers; taxpayer IDs
  // and IRS identity-protection PINs; health-insurance policy or subscriber numbers; date of birth;
  // mother's maiden name; employee ID numbers with their access code; digital signatures.
  'passport',
  'tax-id',
  'health-insurance',
  'date-of-birth',
  'mothers-maiden-name',
  'employee-id',
  'digital-signature',
]);
export type DataCategory = z.infer<typeof DataCategory>;

export const Risk = z.enum(['unlikely', 'risk', 'high']);
export type Risk = z.infer<typeof Risk>;

export const AffectedGroup = z
  .object({
    country: Country,
    region: Region.optional(),
    count: z.number().int().nonnegative(),
  })
  .superRefine((g, ctx) => {
    const problem = g.region ? regionProblem(g.region, g.country) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['region'] });
  });
export type AffectedGroup = z.infer<typeof AffectedGroup>;

/**
 * What is known about an incident. Rules read the structured fields; the narrative fields feed
 * notice content (GDPR Art. 33(3) and its equivalents) and may be filled in as they become known.
 */
const factFields = {
  awareAt: Instant,
  determinedAt: Instant.optional(),
  materialityDeterminedAt: Instant.optional(),
  classifiedMajorAt: Instant.optional(),
  ransomPaidAt: Instant.optional(),
  entity: z
    .object({
      name: z.string().min(1).default('the controller'),
      country: Country,
      sectors: z.array(Sector).default([]),
    })
    .strict(),
  affected: z.array(AffectedGroup),
  dataCategories: z.array(DataCategory),
  encrypted: z.boolean(),
  risk: Risk,
  significant: z.boolean().optional(),
  // Narrative for notices; unknown parts are reported as "to follow" (GDPR Art. 33(4)).
  nature: z.string().max(10_000).optional(),
  subjectCategories: z.array(z.string().min(1).max(200)).optional(),
  recordCount: z.number().int().nonnegative().optional(),
  likelyConsequences: z.string().max(10_000).optional(),
  measuresTaken: z.string().max(10_000).optional(),
  /**
   * Texts for notice content elements the structured facts cannot supply (e.g. "threat-actor"),
   * keyed by element id, or "<element id>@<locale>" for one language.
   */
  content: z
    .record(z.string().regex(/^[a-z0-9-]+(@[A-Za-z-]+)?$/, 'an element id, optionally @locale'), z.string().max(20_000))
    .optional(),
};

/**
 * What is known about an incident. Rules read the structured fields; the narrative fields feed
 * notice content (GDPR Art. 33(3) and its equivalents) and may be filled in as they become known.
 */
export const IncidentFacts = z
  .object({
    ...factFields,
    affected: factFields.affected.default([]),
    dataCategories: factFields.dataCategories.default([]),
    encrypted: factFields.encrypted.default(false),
  })
  .strict();
/** A change to the facts: the fields given replace the current ones (arrays and `entity` whole). */
export const FactsPatch = z.object(factFields).partial().strict();
export type FactsPatch = z.infer<typeof FactsPatch>;
export type IncidentFacts = z.infer<typeof IncidentFacts>;
export type IncidentFactsInput = z.input<typeof IncidentFacts>;

export function totalAffected(facts: Pick<IncidentFacts, 'affected'>): number {
  return facts.affected.reduce((n, g) => n + g.count, 0);
}
