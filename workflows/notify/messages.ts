/** Messages of notifyRecipients, imported by the API. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { MassNotice } from '../../activities/recipients/campaign';

export interface NotifyInput {
  incidentId: string;
  noticeId: string;
  /** Country or region codes the notice covers, or ['*'] for everyone imported for the incident. */
  audience: string[];
  notice: MassNotice;
  batchSize?: number;
  ratePerSecond?: number;
  maxAttempts?: number;
  /** Prepare the campaign but wait for `resume` before sending (review the counts first). */
  startPaused?: boolean;
  /** Batches per run before continuing as new (default 100). */
  batchesPerRun?: number;
  /** Run state carried across continue-as-new. */
  carried?: NotifyState;
}

export interface NotifyState {
  total: number;
  pending: number;
  sent: number;
  failedPermanent: number;
  failedTemporary: number;
  cancelled: number;
  cursor: number;
  pass: number;
  batches: number;
  runs: number;
  startedAt: string;
  paused: boolean;
  cancelRequested: boolean;
}

export interface NotifyProgress extends NotifyState {
  /** Messages per second since the campaign started. */
  rate: number;
  /** Estimated completion, null when unknown or paused. */
  eta: string | null;
  finished: boolean;
}

export type NotifySummary = Pick<NotifyState, 'total' | 'sent' | 'failedPermanent' | 'cancelled' | 'startedAt'> & {
  finishedAt: string;
  runs: number;
};

export const progressQuery = defineQuery<NotifyProgress>('progress');
export const pauseUpdate = defineUpdate<NotifyProgress, []>('pause');
export const resumeUpdate = defineUpdate<NotifyProgress, []>('resume');
export const cancelUpdate = defineUpdate<NotifyProgress, []>('cancel');

export function campaignWorkflowId(incidentId: string, noticeId: string): string {
  return `${incidentId}/notify/${noticeId}`;
}
