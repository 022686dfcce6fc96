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
  // A qualified or non-qualified trust service provider (eIDAS): NIS2 Art. 23(4)(b) gives it 24 h, not 72 h.
  'eu-trust-service-provider',
  // DORA entity types from whose initial and intermediate reports RTS (EU) 2025/301 Art. 5(5)
  // withdraws the weekend/holiday roll-forward (credit institutions, central counterparties,
  // trading-venue operators; NIS2 essential/important entities use the nis2-* sectors).
  'dora-credit-institution',
  'dora-central-counterparty',
  'dora-trading-venue',
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
  assessedNotifiableAt: Instant.optional().describe(
    'When the organisation assessed the breach as notifiable (Singapore PDPA s 26D(1): the PDPC within 3 calendar days of this). Not stated: the clock counts from awareAt (earlier).',
  ),
  handlingEndedAt: Instant.optional().describe(
    "When handling of the incident ended (China's incident measures Art. 8: summary report within 30 days; NIS2 Art. 23(4)(e): final report one month after handling ends for an incident still ongoing at the final report's time).",
  ),
  omittedInformationAvailableAt: Instant.optional().describe(
    'When information the Form 8-K Item 1.05 report said was undetermined or unavailable was determined or became available: the Form 8-K/A is owed from then (Instruction 2 to Item 1.05).',
  ),
  reportRequestedAt: Instant.optional().describe(
    'When the CSIRT or competent authority asked for an intermediate report (NIS2 Art. 23(4)(c)); until then that report is listed as conditional.',
  ),
  newInformationAt: Instant.optional().describe(
    'When substantial new or different information about a reported incident became available (CIRCIA supplemental report); until then that report is listed as conditional.',
  ),
  authorityRequiredNoticeAt: Instant.optional().describe(
    'When a data-protection authority asked or required the controller to inform the affected individuals although its own assessment did not call for it (Switzerland FADP Art. 24(4): the FDPIC so requests; China PIPL Art. 57(2): the department requires notice). Until then that notice is listed as conditional.',
  ),
  entity: z
    .object({
      name: z.string().min(1).default('the controller'),
      country: Country,
      sectors: z.array(Sector).default([]),
      smallProcessingAgent: z
        .boolean()
        .optional()
        .describe(
          'A small-scale processing agent (agente de tratamento de pequeno porte, Res. CD/ANPD 2/2022): LGPD incident deadlines are doubled (Res. CD/ANPD 15/2024 Arts. 6 §8, 9 §6). Not stated: not doubled.',
        ),
    })
    .strict(),
  affected: z.array(AffectedGroup),
  dataCategories: z.array(DataCategory),
  encrypted: z.boolean(),
  risk: Risk,
  significant: z
    .boolean()
    .optional()
    .describe('A significant incident (NIS2 Art. 23(3)); for China, rated relatively significant (较大) or above.'),
  maliciousAct: z
    .boolean()
    .optional()
    .describe(
      'Caused, or possibly caused, by an act for an unlawful purpose: unauthorised access, ransomware, malware, theft by an insider (Japan APPI Rules Art. 7(iii): reportable for any number of people, final report within 60 days). Implied by externalAccess. Not stated: read as possible.',
    ),
  externalAccess: z
    .boolean()
    .optional()
    .describe(
      'Personal information leaked through unauthorised access from outside, e.g. hacking (Korea PIPA: reportable to the PIPC for any number of people). Not stated: read as possible.',
    ),
  substantialIncident: z
    .boolean()
    .optional()
    .describe(
      'A substantial cyber incident under CIRCIA (substantial loss of confidentiality, integrity or availability; serious impact on safety or operational resiliency; disruption of operations; unauthorised access through a supplier). Not stated: read as possible.',
    ),
  criticalInfrastructure: z
    .boolean()
    .optional()
    .describe(
      "The incident involves critical information infrastructure (China's incident measures Art. 4: 1 h to the protection department and the police, instead of 4 h to the provincial CAC). Not stated, at a CII operator: read as involved.",
    ),
  largeScale: z
    .boolean()
    .optional()
    .describe(
      'Data of a large number of people, weighing volume, duration, frequency and spread (LGPD Res. 15/2024 Art. 5 §2). Not stated: read as possible.',
    ),
  vulnerableSubjects: z
    .boolean()
    .optional()
    .describe(
      'Data of children, adolescents or elderly people is involved (LGPD Res. 15/2024 Art. 5). Not stated: read as possible.',
    ),
  secrecyProtectedData: z
    .boolean()
    .optional()
    .describe(
      'Data under legal, judicial or professional secrecy is involved (LGPD Res. 15/2024 Art. 5). Not stated: read as possible.',
    ),
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
