/** Messages of notifyRecipients, imported by the API. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { MassNotice } from '../../activities/recipients/campaign';
import type { LetterPart } from '../../activities/letters/compose';
import type { LetterNoticeOutcome, LetterNoticeRef } from '../../activities/letters/campaign';

/**
 * Letters mode: one round of letters over the obligations approved so far, one letter per person
 * (activities/letters). `noticeId` is then the round's name and `audience`, `notice` are unused.
 */
export interface LettersRound {
  /** Approved individuals obligations, with their notices as approved. */
  parts: (LetterPart & { audience: string[] })[];
  /** Individuals obligations not yet approved: the people they cover wait. */
  blocked: LetterNoticeRef[];
  from: string;
  replyTo?: string;
}

/** What a round of letters did, counted by people and letters, and per obligation. */
export interface LettersSummary {
  people: number;
  letters: number;
  combined: number;
  supplementary: number;
  obligations: LetterNoticeOutcome[];
}

export interface NotifyInput {
  incidentId: string;
  noticeId: string;
  /** Country or region codes the notice covers, or ['*'] for everyone imported for the incident. */
  audience: string[];
  notice: MassNotice;
  /** Set: a round of letters (one per person across obligations) instead of one notice's campaign. */
  letters?: LettersRound;
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
  /** Letters mode: people and letters, apart from the obligations they satisfy (`total` counts letters). */
  letters?: { people: number; combined: number; supplementary: number; obligations: number };
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
  letters?: LettersSummary;
};

export function lettersRoundWorkflowId(incidentId: string, round: number): string {
  return `${incidentId}/letters/${round}`;
}

export const progressQuery = defineQuery<NotifyProgress>('progress');
export const pauseUpdate = defineUpdate<NotifyProgress, []>('pause');
export const resumeUpdate = defineUpdate<NotifyProgress, []>('resume');
export const cancelUpdate = defineUpdate<NotifyProgress, []>('cancel');

export function campaignWorkflowId(incidentId: string, noticeId: string): string {
  return `${incidentId}/notify/${noticeId}`;
}
