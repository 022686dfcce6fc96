/** GET /v1/ledger and /v1/ledger/verify. */
import { z } from 'zod';
import { LedgerEntry, type JsonValue, type VerifyResult as VerifyResultType } from '../../activities/ledger/ledger';
import type { Exact, Proof } from './common';

/**
 * An entry as the ledger stores it. The payload is any JSON value, as `LedgerEntry` says; here it
 * is described without the recursive JSON schema, which the OpenAPI document cannot reference.
 */
export const LedgerEntryBody = LedgerEntry.extend({
  payload: z.custom<JsonValue>(() => true).describe('any JSON value: what the step recorded'),
});

export const LedgerList = z.object({ entries: z.array(LedgerEntryBody) });

export const VerifyResult = z.union([
  z.object({ ok: z.literal(true), count: z.number().int(), head: z.string().describe('hash of the last entry') }),
  z.object({
    ok: z.literal(false),
    count: z.number().int().describe('entries that verified before the first bad one'),
    firstBadSeq: z.number().int(),
    reason: z.string(),
  }),
]);

export type LedgerProofs = [
  Proof<Exact<z.output<typeof LedgerEntryBody>, LedgerEntry>>,
  Proof<Exact<z.output<typeof VerifyResult>, VerifyResultType>>,
];
