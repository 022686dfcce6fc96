/** GET /v1/incidents/:id/record, GET /v1/register, POST /v1/incidents/:id/ledger-entries. */
import { z } from 'zod';
import { OutsideStepInput } from '../../activities/record/outside';
import { LedgerEntryBody } from './ledger';

export { BreachRegister, IncidentRecord, RegisterRow } from '../../activities/record/schema';

export const RecordQuery = z.object({ format: z.enum(['json', 'html', 'pdf']).default('json') });
export const RegisterQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

/** The body of an outside step; the payload is described without the recursive JSON schema (OpenAPI). */
export const OutsideStepBody = OutsideStepInput.extend({
  payload: z
    .record(
      z.string(),
      z.custom<unknown>(() => true),
    )
    .optional()
    .describe('details as a JSON object, e.g. {"note": "…", "reference": "…"}; for no-notice-reason: {"reason": "…"}'),
});

export const RecordedStep = z.object({ entry: LedgerEntryBody });
