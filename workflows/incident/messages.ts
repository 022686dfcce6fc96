/** Messages of incidentWorkflow, imported by the API. Inputs are zod schemas; types come from them. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { Actor } from '../../domain/actor';
import { FactsPatch, IncidentFacts, Instant } from '../../domain/facts';
import type { IncidentStatus } from './state';

export const IncidentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3-64 letters, digits, ".", "_" or "-"');

export const IncidentInput = z.object({
  incident: z.object({
    id: IncidentId,
    title: z.string().min(1).max(300),
    reportedBy: Actor,
    reportedAt: Instant,
  }),
  facts: IncidentFacts,
  planId: z.string().regex(/^[a-z0-9-]+$/).default('default'),
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
export const CompleteTaskArgs = z.object({ actor: Actor, taskId: z.string().min(1), evidence: z.string().max(5000).optional() });
export const RecordReviewArgs = z.object({
  actor: Actor,
  summary: z.string().min(1).max(20_000),
  actionItems: z.array(z.object({ title: z.string().min(1).max(500), owner: z.string().min(1).max(200), dueAt: Instant.optional() })).default([]),
});
export const CloseArgs = z.object({ actor: Actor, reason: z.string().max(2000).optional() });

export type UpdateFactsArgs = z.infer<typeof UpdateFactsArgs>;
export type ConfirmContainmentArgs = z.infer<typeof ConfirmContainmentArgs>;
export type DecideNoticeArgs = z.infer<typeof DecideNoticeArgs>;
export type RecordFilingArgs = z.infer<typeof RecordFilingArgs>;
export type CompleteTaskArgs = z.infer<typeof CompleteTaskArgs>;
export type RecordReviewArgs = z.input<typeof RecordReviewArgs>;
export type CloseArgs = z.infer<typeof CloseArgs>;

export interface FactsChange { added: string[]; withdrawn: string[]; redrafted: string[] }
export interface Ack { ok: true; at: string }

export const statusQuery = defineQuery<IncidentStatus>('status');
export const updateFactsUpdate = defineUpdate<FactsChange, [UpdateFactsArgs]>('updateFacts');
export const confirmContainmentUpdate = defineUpdate<Ack, [ConfirmContainmentArgs]>('confirmContainment');
export const decideNoticeUpdate = defineUpdate<Ack, [DecideNoticeArgs]>('decideNotice');
export const recordFilingUpdate = defineUpdate<Ack, [RecordFilingArgs]>('recordFiling');
export const completeTaskUpdate = defineUpdate<Ack, [CompleteTaskArgs]>('completeTask');
export const recordReviewUpdate = defineUpdate<Ack, [RecordReviewArgs]>('recordReview');
export const closeUpdate = defineUpdate<Ack, [CloseArgs]>('close');
