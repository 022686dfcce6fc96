/** POST /v1/incidents/:id/recipients: the import report (counts, and each bad row by line, never its value). */
import { z } from 'zod';
import type { ImportErrorDetail, ImportReport as ImportReportType } from '../../activities/recipients/import';
import type { CoverageReport } from '../../activities/recipients/coverage';
import type { IncidentLetters as IncidentLettersType } from '../../activities/letters/progress';
import type { Exact, Proof } from './common';

export const ImportError = z.object({
  line: z.number().int().describe('1-based physical line on which the record starts'),
  field: z.string().optional().describe('the column at fault; absent for a record-level problem'),
  reason: z.string(),
});

export const ImportReport = z.object({
  incidentId: z.string(),
  lines: z.number().int(),
  records: z.number().int(),
  imported: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  duplicatesMerged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ImportError),
  errorsOmitted: z.number().int(),
  ignoredColumns: z.array(z.string()),
  byCountry: z.record(z.string(), z.number().int()),
});

export type RecipientProofs = [
  Proof<Exact<z.output<typeof ImportError>, ImportErrorDetail>>,
  Proof<Exact<z.output<typeof ImportReport>, ImportReportType>>,
];

/** Who is covered by which individuals obligation (import report, GET .../recipients/coverage). */
export const Coverage = z.object({
  people: z.number().int().describe('people imported for the incident'),
  covered: z.number().int().describe('people at least one obligation covers: one letter each'),
  coveredByMoreThanOne: z.number().int().describe('people whose one letter combines several obligations'),
  byObligation: z.array(z.object({ noticeId: z.string(), people: z.number().int() })),
  byObligationCount: z.record(z.string(), z.number().int()).describe('people by how many obligations cover them'),
  uncovered: z.number().int().describe('people no obligation covers: told nothing unless a manager decides'),
  uncoveredPeople: z.array(
    z.object({
      recipientId: z.number().int(),
      line: z.number().int().nullable(),
      email: z.string(),
      country: z.string(),
      region: z.string().nullable(),
      decision: z
        .object({
          decision: z.enum(['notify', 'do-not-notify']),
          noticeId: z.string().nullable(),
          by: z.string(),
          reason: z.string(),
        })
        .nullable(),
    }),
  ),
  uncoveredOmitted: z.number().int(),
});

export const ImportReportWithCoverage = ImportReport.extend({ coverage: Coverage });

/** A manager's decision about people no obligation covers. */
export const UncoveredDecision = z
  .object({
    recipientIds: z.array(z.number().int().positive()).min(1).max(10_000),
    decision: z.enum(['notify', 'do-not-notify']),
    noticeId: z.string().min(1).max(200).optional().describe('with notify: the obligation to tell them under'),
    reason: z.string().trim().min(1).max(2000),
  })
  .refine((d) => (d.decision === 'notify') === (d.noticeId !== undefined), {
    message: 'notify needs the noticeId to tell them under; do-not-notify takes none',
    path: ['noticeId'],
  });

export const UncoveredDecisionResult = z.object({ decided: z.number().int(), notUncovered: z.array(z.number().int()) });

/** One decision on a combined letter: applied to each constituent notice, bound to its content hash. */
export const LetterDecision = z.object({
  noticeIds: z.array(z.string().min(1).max(200)).min(1).max(100),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).optional(),
  /** Per notice, the content hash the approver read (as in a single decision). */
  contentHashes: z.record(z.string(), z.string()).optional(),
});
export const LetterDecisionResult = z.object({
  decided: z.array(z.object({ noticeId: z.string(), contentHash: z.string() })),
});

const Counts = {
  total: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  failedTemporary: z.number().int(),
  failedPermanent: z.number().int(),
  cancelled: z.number().int(),
};
/** GET /v1/incidents/:id/letters: people and letters apart from obligations. */
export const IncidentLetters = z.object({
  incidentId: z.string(),
  people: z.number().int(),
  letters: z.object({ ...Counts, combined: z.number().int(), supplementary: z.number().int() }),
  rounds: z.number().int(),
  obligations: z.array(
    z.object({ noticeId: z.string(), ...Counts, combined: z.number().int(), supplementary: z.number().int() }),
  ),
});

/** GET /v1/incidents/:id/letters/preview */
export const LetterPreviewQuery = z.object({
  notices: z
    .string()
    .min(1)
    .max(4000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1).max(200)).min(1).max(100))
    .describe('the notices the letter combines, comma-separated'),
  locale: z.string().min(2).max(35).default('en').describe("the person's language"),
  format: z.enum(['json', 'text', 'html']).default('json'),
});
export const LetterPreview = z.object({
  incidentId: z.string(),
  notices: z.array(z.string()).describe('the obligations the letter satisfies, in the order it treats them'),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  locale: z.string().describe('the language it is written in'),
  requestedLocale: z.string(),
  fallback: z.boolean().describe('true when not every law is written in the requested language'),
  templateVersion: z.string(),
  variantHash: z.string().describe('SHA-256 of subject, text and html: the letters table holds the same once sent'),
  combined: z.boolean(),
  checks: z
    .array(
      z.object({
        noticeId: z.string(),
        missing: z.array(z.string()),
        unprobed: z.array(z.string()),
        givenBefore: z.array(z.string()),
      }),
    )
    .describe('the required-content check per law, on this letter'),
});

export type LetterProofs = [
  Proof<Exact<z.output<typeof Coverage>, CoverageReport>>,
  Proof<Exact<z.output<typeof IncidentLetters>, IncidentLettersType>>,
];
