/** POST /v1/assessments: the obligations, and one line per jurisdiction, soonest first. */
import { z } from 'zod';
import { Instant } from '../../domain/facts';
import { Assessment } from '../../domain/obligation';
import type { JurisdictionSummary } from '../../domain/obligation-summary';
import type { Exact, Proof } from './common';

export const JurisdictionLine = z.object({
  jurisdiction: z.string(),
  name: z.string(),
  soonestDueAt: Instant.nullable(),
  obligations: z.array(z.string()).describe('obligation ids'),
  line: z.string(),
});

export const AssessmentBody = Assessment.extend({ byJurisdiction: z.array(JurisdictionLine) });

export type AssessmentProofs = [
  Proof<Exact<z.output<typeof JurisdictionLine>, Omit<JurisdictionSummary, 'obligations'> & { obligations: string[] }>>,
];
