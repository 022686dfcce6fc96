/** Messages of incidentWorkflow, imported by the API. Inputs are zod schemas; types come from them. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { Actor } from '../../domain/actor';
import { DrillMode } from '../../domain/drill';
import { FactsPatch, IncidentFacts, Instant } from '../../domain/facts';
import { EvidenceRef, hasWhatHappened, ItemId, ReviewFields, WHAT_HAPPENED_REQUIRED } from '../../domain/review';
import type { IncidentStatus } from './state';

export const IncidentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3-64 letters, digits, ".", "_" or "-"');

export const IncidentInput = z.object({
  incident: z.object({
    id: IncidentId,
    title: z.string().min(1).max(300),
    reportedBy: Actor,
    reportedAt: Instant,
  }),
  facts: IncidentFacts,
  planId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('default'),
  /** A drill: messages go only to its participants, marked DRILL (drillWorkflow sets this). */
  drill: DrillMode.optional(),
});
export type IncidentInput = z.infer<typeof IncidentInput>;

export const UpdateFactsArgs = z.object({ actor: Actor, facts: FactsPatch, reason: z.string().max(2000).optional() });
export const ConfirmContainmentArgs = z.object({ actor: Actor, note: z.string().max(5000).optional() });
export const DecideNoticeArgs = z.object({
  actor: Actor,
  noticeId: z.string().min(1),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(5000).optional(),
  /** Guards against approving a draft that changed since the approver read it. */
  contentHash: z.string().optional(),
  /** Required to approve a notice after its deadline (e.g. GDPR Art. 33(1) reasons for delay). */
  delayReason: z.string().min(1).max(5000).optional(),
});
export const RecordFilingArgs = z.object({
  actor: Actor,
  noticeId: z.string().min(1),
  reference: z.string().min(1).max(500),
  filedAt: Instant.optional(),
  channel: z.string().max(200).optional(),
});
/** Evidence by reference; a plain string is the former free-text evidence, kept as notes. */
const Evidence = z.union([z.array(EvidenceRef).max(50), z.string().max(5000)]);
export const CompleteTaskArgs = z.object({
  actor: Actor,
  taskId: z.string().min(1),
  notes: z.string().max(10_000).optional(),
  evidence: Evidence.optional(),
});
/** The review's body (the API's request body); the update adds the actor. */
export const ReviewBody = ReviewFields.strict().refine(hasWhatHappened, WHAT_HAPPENED_REQUIRED);
export const RecordReviewArgs = ReviewFields.extend({ actor: Actor }).refine(hasWhatHappened, WHAT_HAPPENED_REQUIRED);
export const CompleteActionItemArgs = z.object({
  actor: Actor,
  itemId: ItemId,
  notes: z.string().max(10_000).optional(),
  evidence: z.array(EvidenceRef).min(1, 'completing an action item needs evidence').max(50),
});
export const AcceptActionItemArgs = z.object({
  actor: Actor,
  itemId: ItemId,
  /** Why it may stay open (the risk is accepted knowingly). */
  reason: z.string().min(1).max(5000),
});
export const CloseArgs = z.object({ actor: Actor, reason: z.string().max(2000).optional() });

export type UpdateFactsArgs = z.infer<typeof UpdateFactsArgs>;
export type ConfirmContainmentArgs = z.infer<typeof ConfirmContainmentArgs>;
export type DecideNoticeArgs = z.infer<typeof DecideNoticeArgs>;
export type RecordFilingArgs = z.infer<typeof RecordFilingArgs>;
export type CompleteTaskArgs = z.infer<typeof CompleteTaskArgs>;
export type RecordReviewArgs = z.input<typeof RecordReviewArgs>;
export type CompleteActionItemArgs = z.infer<typeof CompleteActionItemArgs>;
export type AcceptActionItemArgs = z.infer<typeof AcceptActionItemArgs>;
export type CloseArgs = z.infer<typeof CloseArgs>;

export interface FactsChange {
  added: string[];
  withdrawn: string[];
  redrafted: string[];
}
export interface Ack {
  ok: true;
  at: string;
}

export const statusQuery = defineQuery<IncidentStatus>('status');
export const updateFactsUpdate = defineUpdate<FactsChange, [UpdateFactsArgs]>('updateFacts');
export const confirmContainmentUpdate = defineUpdate<Ack, [ConfirmContainmentArgs]>('confirmContainment');
export const decideNoticeUpdate = defineUpdate<Ack, [DecideNoticeArgs]>('decideNotice');
export const recordFilingUpdate = defineUpdate<Ack, [RecordFilingArgs]>('recordFiling');
export const completeTaskUpdate = defineUpdate<Ack, [CompleteTaskArgs]>('completeTask');
export const recordReviewUpdate = defineUpdate<Ack, [RecordReviewArgs]>('recordReview');
export const completeActionItemUpdate = defineUpdate<Ack, [CompleteActionItemArgs]>('completeActionItem');
export const acceptActionItemUpdate = defineUpdate<Ack, [AcceptActionItemArgs]>('acceptActionItem');
export const closeUpdate = defineUpdate<Ack, [CloseArgs]>('close');
