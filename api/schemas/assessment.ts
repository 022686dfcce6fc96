/** POST /v1/assessments: the obligations, and one line per jurisdiction, soonest first. */
import { z } from 'zod';
import { Instant } from '../../domain/facts';
import { Assessment, ConditionalObligation, UpcomingRule } from '../../domain/obligation';
import type { JurisdictionSummary } from '../../domain/obligation-summary';
import type { Exact, Proof } from './common';

export const JurisdictionLine = z.object({
  jurisdiction: z.string(),
  name: z.string(),
  soonestDueAt: Instant.nullable(),
  obligations: z.array(z.string()).describe('obligation ids'),
  line: z.string(),
});

export const AssessmentBody = Assessment.extend({
  conditional: z
    .array(ConditionalObligation)
    .describe('owed only after a later event (the trigger); no clock until the named fact is recorded'),
  upcoming: z
    .array(UpcomingRule)
    .describe('rules not in force at awareness that take effect within a year and would apply'),
  byJurisdiction: z.array(JurisdictionLine),
});

export type AssessmentProofs = [
  Proof<Exact<z.output<typeof JurisdictionLine>, Omit<JurisdictionSummary, 'obligations'> & { obligations: string[] }>>,
];
