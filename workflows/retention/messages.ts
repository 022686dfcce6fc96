/** Messages of retentionWorkflow, imported by the API. Inputs are zod schemas; types come from them. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { DestructionCertificate } from '../../activities/retention';
import { Actor } from '../../domain/actor';
import { Instant } from '../../domain/facts';

/** One per incident: `<incident id>/retention`. */
export function retentionWorkflowId(incidentId: string): string {
  return `${incidentId}/retention`;
}

export const RetentionPolicy = z.object({
  recipientDataDays: z.number().int().min(0),
  outboxDays: z.number().int().min(0),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const HoldArgs = z.object({ actor: Actor, reason: z.string().trim().min(1).max(5000) });
export const ReleaseArgs = z.object({ actor: Actor, reason: z.string().trim().min(1).max(5000).optional() });
export type HoldArgs = z.infer<typeof HoldArgs>;
export type ReleaseArgs = z.infer<typeof ReleaseArgs>;

export interface HoldRecord {
  by: string;
  role: string;
  reason: string;
  at: string;
  releasedBy?: string;
  releaseReason?: string;
  releasedAt?: string;
}

export type RetentionPhase = 'scheduled' | 'held' | 'destroying' | 'destroyed';

/** What survives continue-as-new, and what the status query shows. */
export interface RetentionState {
  incidentId: string;
  closedAt: string;
  policy: RetentionPolicy;
  /** When names and addresses are deleted (restarts at a release). */
  dueAt: string;
  /** When the outbox copies are deleted (restarts at a release). */
  outboxDueAt: string;
  destroying: boolean;
  /** The current hold, if any; every hold, released or not, is in `holds`. */
  hold: HoldRecord | null;
  holds: HoldRecord[];
  outboxDone: boolean;
  outboxCertificate: DestructionCertificate | null;
  certificate: DestructionCertificate | null;
  startedAt: string | null;
  /** Ledger entries written by this workflow, so event ids stay unique across runs. */
  recorded: number;
}

export interface RetentionStatus extends Omit<RetentionState, 'recorded' | 'destroying'> {
  workflowId: string;
  phase: RetentionPhase;
}

export const RetentionInput = z.object({
  incidentId: z.string().min(1),
  closedAt: Instant,
  policy: RetentionPolicy,
  /** People (or people's files) per batch; each batch of people is one transaction. */
  batchSize: z.number().int().min(1).max(5000).optional(),
});
export type RetentionInput = z.infer<typeof RetentionInput> & { carried?: RetentionState };

export const retentionStatusQuery = defineQuery<RetentionStatus>('retentionStatus');
export const holdRetentionUpdate = defineUpdate<RetentionStatus, [HoldArgs]>('holdRetention');
export const releaseRetentionUpdate = defineUpdate<RetentionStatus, [ReleaseArgs]>('releaseRetention');
