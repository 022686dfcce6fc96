/** POST /v1/incidents/:id/recipients: the import report (counts, and each bad row by line, never its value). */
import { z } from 'zod';
import type { ImportErrorDetail, ImportReport as ImportReportType } from '../../activities/recipients/import';
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
