/** Responses about one notice: its filing package and its mass-notification campaign. */
import { z } from 'zod';
import { Role } from '../../domain/actor';
import { Instant } from '../../domain/facts';
import { Obligation } from '../../domain/obligation';
import type { NoticeLetterFiling } from '../../activities/letters/progress';
import type { NotifyProgress } from '../../workflows/notify/messages';
import type { Exact, Proof } from './common';
import { Draft, DraftSummary, EmailChannel, NoticeStatus, PortalChannel } from './incident';

/** GET /v1/incidents/:id/notices/:noticeId/filing-package */
export const FilingPackage = z.object({
  incidentId: z.string(),
  noticeId: z.string(),
  status: NoticeStatus,
  ...Obligation.pick({ regime: true, recipient: true, stage: true, citation: true, deadline: true, dueAt: true }).shape,
  clockDueAt: Instant,
  authority: z
    .union([EmailChannel, PortalChannel])
    .nullable()
    .describe('where it is filed; null for a notice delivered by other means'),
  approvals: z
    .array(z.object({ by: z.string(), role: Role, at: Instant }))
    .describe('the approvals that count, as the workflow counts them'),
  ...DraftSummary.pick({ subject: true, locale: true, templateVersion: true, contentHash: true, pending: true }).shape,
  ...Draft.pick({ fields: true, text: true }).shape,
  letters: z
    .object({
      peopleCovered: z.number().int().describe('people this obligation covers who have a letter, whatever its state'),
      peopleTold: z.number().int().describe('people whose letter satisfying this obligation was sent'),
      lettersSent: z.number().int().describe('letters sent that satisfy this obligation (one per person told)'),
      combined: z.number().int().describe('of those, letters that also satisfy other obligations'),
      supplementary: z.number().int().describe('of those, supplementary letters after an earlier letter'),
      combinedWith: z.array(z.string()).describe('the other obligations (notice ids) the combined letters satisfied'),
    })
    .nullable()
    .optional()
    .describe(
      'individuals told by letter (one per person across obligations): people and letters counted apart from the obligation; null when not told by letter (yet)',
    ),
});

/** GET .../progress and POST .../campaign/{pause,resume,cancel}: a mass notification's counts. */
export const CampaignProgress = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  failedPermanent: z.number().int(),
  failedTemporary: z.number().int(),
  cancelled: z.number().int(),
  cursor: z.number(),
  pass: z.number().int(),
  batches: z.number().int(),
  runs: z.number().int(),
  startedAt: Instant,
  paused: z.boolean(),
  cancelRequested: z.boolean(),
  rate: z.number().describe('messages per second since the campaign started'),
  eta: Instant.nullable().describe('estimated completion; null when unknown or paused'),
  finished: z.boolean(),
  letters: z
    .object({
      people: z.number().int(),
      combined: z.number().int().describe('letters satisfying more than one obligation'),
      supplementary: z.number().int().describe('letters to people told earlier, with only what is new'),
      obligations: z.number().int(),
    })
    .optional()
    .describe('a round of letters: people and letters apart from the obligations they satisfy (total counts letters)'),
});

/** POST /v1/incidents/:id/letters/{pause,resume,cancel}: the round of letters, as a campaign's counts. */
export const LettersRoundProgress = CampaignProgress.extend({
  round: z.string().describe('the round of letters (workflow id <incident>/letters/<n>)'),
  running: z.boolean().describe('false once the round has finished'),
});

export type NoticeProofs = [
  Proof<Exact<z.output<typeof CampaignProgress>, NotifyProgress>>,
  Proof<Exact<NonNullable<z.output<typeof FilingPackage>['letters']>, NoticeLetterFiling>>,
];
