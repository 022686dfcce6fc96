/** Response schemas of the retention routes, each proven exact against the workflow's types. */
import { z } from 'zod';
import type { DestructionCertificate as CertificateType } from '../../activities/retention';
import type { HoldRecord as HoldRecordType, RetentionStatus } from '../../workflows/retention/messages';
import type { Exact, Proof } from './common';

export const DestructionCertificate = z.object({
  incidentId: z.string(),
  scope: z.enum(['outbox', 'all']).describe('outbox: the outbox copies alone; all: names, addresses and copies'),
  process: z.object({ workflowType: z.string(), workflowId: z.string(), runId: z.string() }),
  startedAt: z.string(),
  destroyedAt: z.string(),
  deleted: z.object({
    tables: z.array(z.object({ table: z.string(), rows: z.number(), columns: z.array(z.string()), how: z.string() })),
    files: z.object({ location: z.string(), count: z.number(), bytes: z.number() }),
  }),
  kept: z.array(z.string()),
  counts: z.object({
    people: z.number(),
    peopleRemaining: z.number(),
    files: z.number(),
    sentDeliveries: z.number().describe('sent deliveries: one per obligation a person was told under'),
    sentMessages: z
      .number()
      .optional()
      .describe('messages sent (distinct Message-IDs); a combined letter is one message; absent on older certificates'),
    filesMatchingSent: z.number(),
  }),
  hashes: z
    .object({ algorithm: z.literal('sha256'), destroyedSet: z.string(), files: z.string(), sent: z.string() })
    .describe('set hashes an auditor recomputes from the store (see the README)'),
});

export const HoldRecord = z.object({
  by: z.string(),
  role: z.string(),
  reason: z.string(),
  at: z.string(),
  releasedBy: z.string().optional(),
  releaseReason: z.string().optional(),
  releasedAt: z.string().optional(),
});

const Scheduled = z.object({
  incidentId: z.string(),
  workflowId: z.string(),
  phase: z.enum(['scheduled', 'held', 'destroying', 'destroyed']),
  closedAt: z.string(),
  policy: z.object({ recipientDataDays: z.number(), outboxDays: z.number() }),
  dueAt: z.string().describe('when names and addresses are deleted'),
  outboxDueAt: z.string().describe('when the outbox copies are deleted'),
  hold: HoldRecord.nullable().describe('the litigation hold in force, if any'),
  holds: z.array(HoldRecord),
  outboxDone: z.boolean(),
  outboxCertificate: DestructionCertificate.nullable(),
  certificate: DestructionCertificate.nullable().describe('the destruction certificate, once destroyed'),
  startedAt: z.string().nullable(),
});

/** Retention of an incident: not scheduled while it is open, then its clock, holds and certificate. */
export const RetentionStatusBody = z.union([
  Scheduled,
  z.object({
    incidentId: z.string(),
    phase: z.literal('not-scheduled').describe('the incident is not closed yet: retention starts at the close'),
  }),
]);

export type RetentionProofs = [
  Proof<Exact<z.output<typeof DestructionCertificate>, CertificateType>>,
  Proof<Exact<z.output<typeof HoldRecord>, HoldRecordType>>,
  Proof<Exact<z.output<typeof Scheduled>, RetentionStatus>>,
];
