/**
 * The incident as the API shows it. The schemas are written against the workflow's state types
 * (`workflows/incident/state.ts`), built from the domain's own schemas (facts, obligation, actor,
 * review, drill), and proved exact at compile time (`Proofs` below): a field added to the state
 * and not here fails `tsc` instead of vanishing from responses.
 *
 * The status is lean: each notice's draft is its summary (subject, content hash, template version,
 * locale, pending elements). The text, HTML and fields come from GET /v1/incidents/:id/notices/:noticeId.
 */
import { z } from 'zod';
import { Actor, Role } from '../../domain/actor';
import { DrillMode } from '../../domain/drill';
import { IncidentFacts, Instant } from '../../domain/facts';
import { Obligation } from '../../domain/obligation';
import { Phase, TaskPhase } from '../../domain/plan';
import { EvidenceRef, Finding, Priority } from '../../domain/review';
import type { FactsChange as FactsChangeType } from '../../workflows/incident/messages';
import type {
  ActionItem as ActionItemType,
  Channel as ChannelType,
  Decision as DecisionType,
  Delivery as DeliveryType,
  Draft as DraftType,
  IncidentStatus,
  NoticeState,
  PendingApproval as PendingApprovalType,
  Review as ReviewType,
  Task as TaskType,
} from '../../workflows/incident/state';
import type { Exact, Proof } from './common';

export const NoticeStatus = z.enum([
  'drafting',
  'draft-failed',
  'awaiting-approval',
  'sending',
  'sent',
  'awaiting-filing',
  'filed',
  'send-failed',
  'withdrawn',
]);

export const EmailChannel = z.object({ kind: z.literal('email'), to: z.string(), name: z.string() });
export const PortalChannel = z.object({
  kind: z.literal('portal'),
  name: z.string().optional(),
  url: z.string().optional(),
});
export const Channel = z
  .discriminatedUnion('kind', [
    EmailChannel,
    PortalChannel,
    z.object({ kind: z.literal('recipients'), campaignId: z.string() }),
    z.object({ kind: z.literal('manual') }),
  ])
  .describe('how the approved notice reaches its recipient');

/** A draft as the status shows it: what identifies the content, without the content. */
export const DraftSummary = z.object({
  kind: z.string(),
  subject: z.string(),
  pending: z.array(z.string()).describe('required elements not known yet: the notice says they will follow'),
  locale: z.string(),
  fallback: z.boolean().describe('the notice language had no template: rendered in the fallback locale'),
  templateVersion: z.string(),
  contentHash: z.string().describe('approvals bind to this hash; pass it with a decision to refuse a changed draft'),
  renderedAt: Instant,
});

export const DraftField = z.object({
  id: z.string(),
  heading: z.string(),
  pending: z.boolean(),
  lines: z.array(z.object({ kind: z.string(), label: z.string().nullable(), value: z.unknown() })),
});

/** The whole draft: the summary and the content (text, HTML, the required elements as data). */
export const Draft = DraftSummary.extend({
  fields: z.array(DraftField).describe('the required elements as data, for portals'),
  text: z.string(),
  html: z.string(),
});

export const Decision = z.object({
  by: z.string(),
  role: Role,
  decision: z.enum(['approve', 'reject']),
  at: Instant,
  contentHash: z.string(),
  reason: z.string().optional(),
});

export const Delivery = z.object({
  at: Instant,
  by: z.string(),
  channel: z.string(),
  reference: z.string(),
  recipients: z
    .object({ total: z.number(), sent: z.number(), failedPermanent: z.number(), cancelled: z.number() })
    .optional(),
  evidence: z
    .object({
      messageId: z.string(),
      response: z.string(),
      contentHash: z.string(),
      transport: z.string(),
      transportSentAt: z.string(),
      templateVersion: z.string(),
    })
    .optional(),
});

const noticeFields = {
  id: z.string(),
  obligation: Obligation,
  clockDueAt: Instant.describe("the legal due time, else the plan's internal target"),
  legalDeadline: z.boolean(),
  channel: Channel,
  locale: z.string(),
  timeZone: z.string(),
  status: NoticeStatus,
  requiredApprovals: z.number().int(),
  draftError: z.string().optional(),
  decisions: z.array(Decision),
  delayReason: z.string().optional(),
  remindersSent: z.array(z.number()).describe('hours before due'),
  missedAt: Instant.optional(),
  escalatedTo: z.array(Role),
  delivery: Delivery.optional(),
  failure: z.string().optional(),
  stale: z.boolean().describe('facts changed since the draft was rendered: it is being redrafted'),
};

/** A notice in the incident status: its draft as a summary. */
export const NoticeSummary = z.object({ ...noticeFields, draft: DraftSummary.optional() });
/** One notice with its whole draft (GET /v1/incidents/:id/notices/:noticeId). */
export const Notice = z.object({ ...noticeFields, draft: Draft.optional() });

const deadlineFields = {
  dueAt: Instant.optional(),
  remindersSent: z.array(z.number()),
  overdueAt: Instant.optional(),
  escalatedTo: z.array(Role),
};

export const Task = z.object({
  id: z.string(),
  title: z.string(),
  role: Role,
  phase: TaskPhase,
  targetHours: z.number(),
  expects: z.string().optional(),
  assignedAt: Instant.optional(),
  doneAt: Instant.optional(),
  doneBy: z.string().optional(),
  notes: z.string().optional(),
  evidence: z.array(EvidenceRef).optional(),
  ...deadlineFields,
});

export const ActionItem = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.object({ role: Role, personId: z.string().optional() }),
  priority: Priority,
  status: z.enum(['open', 'done', 'accepted']),
  done: z
    .object({ at: Instant, by: z.string(), notes: z.string().optional(), evidence: z.array(EvidenceRef) })
    .optional(),
  accepted: z.object({ at: Instant, by: z.string(), reason: z.string() }).optional(),
  ...deadlineFields,
  dueAt: Instant,
});

export const Review = z.object({
  at: Instant,
  by: z.string(),
  whatHappened: z.string(),
  rootCauses: z.array(z.string()),
  whatWorked: z.array(z.string()),
  whatDidNot: z.array(z.string()),
  findings: z.array(Finding),
  actionItems: z.array(ActionItem),
});

export const PendingApproval = z.object({
  noticeId: z.string(),
  recipient: z.string(),
  approvalsHave: z.number().int(),
  approvalsNeeded: z.number().int(),
  clockDueAt: Instant,
  contentHash: z.string().optional(),
});

/** GET /v1/incidents/:id */
export const IncidentStatusBody = z.object({
  id: z.string(),
  title: z.string(),
  planId: z.string(),
  planVersion: z.string(),
  drill: DrillMode.optional(),
  phase: Phase,
  reportedAt: Instant,
  reportedBy: Actor,
  facts: IncidentFacts,
  ruleSet: z.string().optional(),
  notices: z.array(NoticeSummary),
  containedAt: Instant.optional(),
  tasks: z.array(Task),
  review: Review.optional(),
  reviewSlot: z.object({ start: Instant, end: Instant, timeZone: z.string() }).optional(),
  reviewDueAt: Instant.optional(),
  closedAt: Instant.optional(),
  closeRequested: z.object({ by: z.string(), reason: z.string().optional() }).optional(),
  now: Instant,
  pendingApprovals: z.array(PendingApproval),
});

/** POST /v1/incidents: whether it was created now (201) or already existed (200), and its status. */
export const Reported = z.object({ created: z.boolean(), incident: IncidentStatusBody });

/** POST /v1/incidents/:id/facts */
export const FactsChange = z.object({
  added: z.array(z.string()).describe('notices now required'),
  withdrawn: z.array(z.string()).describe('notices no longer required'),
  redrafted: z.array(z.string()).describe('notices redrafted from the new facts (their approvals lapse)'),
});

export type DraftSummary = z.output<typeof DraftSummary>;
export type LeanNotice = z.output<typeof NoticeSummary>;
export type LeanStatus = z.output<typeof IncidentStatusBody>;

export function draftSummary(d: DraftType): DraftSummary {
  return {
    kind: d.kind,
    subject: d.subject,
    pending: d.pending,
    locale: d.locale,
    fallback: d.fallback,
    templateVersion: d.templateVersion,
    contentHash: d.contentHash,
    renderedAt: d.renderedAt,
  };
}

export function leanNotice(n: NoticeState): LeanNotice {
  const { draft, ...rest } = n;
  return { ...rest, ...(draft ? { draft: draftSummary(draft) } : {}) };
}

/** The status without the drafts' content. */
export function leanStatus(s: IncidentStatus): LeanStatus {
  return { ...s, notices: s.notices.map(leanNotice) };
}

type WithDraft<N, D> = Omit<N, 'draft'> & { draft?: D };

export type Proofs = [
  Proof<Exact<z.output<typeof Channel>, ChannelType>>,
  Proof<Exact<z.output<typeof Draft>, DraftType>>,
  Proof<Exact<DraftSummary, Omit<DraftType, 'text' | 'html' | 'fields'>>>,
  Proof<Exact<z.output<typeof Decision>, DecisionType>>,
  Proof<Exact<z.output<typeof Delivery>, DeliveryType>>,
  Proof<Exact<z.output<typeof Notice>, NoticeState>>,
  Proof<Exact<LeanNotice, WithDraft<NoticeState, DraftSummary>>>,
  Proof<Exact<z.output<typeof Task>, TaskType>>,
  Proof<Exact<z.output<typeof ActionItem>, ActionItemType>>,
  Proof<Exact<z.output<typeof Review>, ReviewType>>,
  Proof<Exact<z.output<typeof PendingApproval>, PendingApprovalType>>,
  Proof<Exact<LeanStatus, Omit<IncidentStatus, 'notices'> & { notices: LeanNotice[] }>>,
  Proof<Exact<z.output<typeof FactsChange>, FactsChangeType>>,
];
