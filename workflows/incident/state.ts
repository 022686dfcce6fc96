/** Incident state and its pure transitions. No Temporal imports: unit-testable and replay-safe. */
import type { Actor, Role } from '../../domain/actor';
import type { DrillMode } from '../../domain/drill';
import type { IncidentFacts } from '../../domain/facts';
import type { Obligation } from '../../domain/obligation';
import {
  DEFAULT_TASK_TARGET_HOURS,
  peopleWithRole,
  type Phase,
  type Plan,
  type PlanTask,
  type TaskPhase,
} from '../../domain/plan';
import type { EvidenceRef, Finding } from '../../domain/review';
import { campaignWorkflowId } from '../notify/messages';

export type NoticeStatus =
  | 'drafting'
  | 'draft-failed'
  | 'awaiting-approval'
  | 'sending'
  | 'sent'
  | 'awaiting-filing'
  | 'filed'
  | 'send-failed'
  | 'withdrawn';

/** How an approved notice reaches its recipient. */
export type Channel =
  | { kind: 'email'; to: string; name: string }
  /** `name` is absent when the plan names no authority: the template's own addressee is used. */
  | { kind: 'portal'; name?: string; url?: string }
  /** Mass notification of the affected people imported for the incident (child workflow). */
  | { kind: 'recipients'; campaignId: string }
  /** Delivered outside the engine (media, credit agencies), confirmed by recordFiling. */
  | { kind: 'manual' };

export interface Draft {
  kind: string;
  subject: string;
  /** Required elements not known yet: the notice says they will follow (phased reporting). */
  pending: string[];
  /** The required elements as data, for authorities that take reports through a portal. */
  fields: {
    id: string;
    heading: string;
    pending: boolean;
    lines: { kind: string; label: string | null; value: unknown }[];
  }[];
  text: string;
  html: string;
  locale: string;
  fallback: boolean;
  templateVersion: string;
  contentHash: string;
  renderedAt: string;
}

export interface Decision {
  by: string;
  role: Role;
  decision: 'approve' | 'reject';
  at: string;
  contentHash: string;
  reason?: string;
}

export interface Delivery {
  at: string;
  by: string;
  channel: string;
  reference: string;
  /** Mass notification outcome: every recipient ends in exactly one of these. */
  recipients?: { total: number; sent: number; failedPermanent: number; cancelled: number };
  evidence?: {
    messageId: string;
    response: string;
    contentHash: string;
    transport: string;
    transportSentAt: string;
    templateVersion: string;
  };
}

export interface NoticeState {
  id: string;
  obligation: Obligation;
  /** The clock this notice is held to: the legal due time, else the plan's internal target. */
  clockDueAt: string;
  legalDeadline: boolean;
  channel: Channel;
  locale: string;
  timeZone: string;
  status: NoticeStatus;
  requiredApprovals: number;
  draft?: Draft;
  draftError?: string;
  decisions: Decision[];
  delayReason?: string;
  remindersSent: number[];
  missedAt?: string;
  escalatedTo: Role[];
  delivery?: Delivery;
  failure?: string;
  /** Facts changed since the draft was rendered. */
  stale: boolean;
}

/** Reminders sent (hours before due), when it was overdue, whom it was escalated to. */
export interface Deadline {
  dueAt?: string;
  remindersSent: number[];
  overdueAt?: string;
  escalatedTo: Role[];
}

export interface Task extends Deadline {
  id: string;
  title: string;
  role: Role;
  phase: TaskPhase;
  targetHours: number;
  expects?: string;
  /** Set when its phase starts (a task done before that is never assigned). */
  assignedAt?: string;
  doneAt?: string;
  doneBy?: string;
  notes?: string;
  evidence?: EvidenceRef[];
}

export interface ActionItem extends Deadline {
  id: string;
  title: string;
  owner: { role: Role; personId?: string };
  dueAt: string;
  priority: 'low' | 'medium' | 'high';
  status: 'open' | 'done' | 'accepted';
  done?: { at: string; by: string; notes?: string; evidence: EvidenceRef[] };
  /** Accepted as open by a manager: the risk is taken knowingly, with the reason. */
  accepted?: { at: string; by: string; reason: string };
}

export interface Review {
  at: string;
  by: string;
  whatHappened: string;
  rootCauses: string[];
  whatWorked: string[];
  whatDidNot: string[];
  findings: Finding[];
  actionItems: ActionItem[];
}

export interface IncidentState {
  id: string;
  title: string;
  planId: string;
  planVersion: string;
  /** Set on drill incidents: who may receive anything, and who stands in for outside recipients. */
  drill?: DrillMode;
  phase: Phase;
  reportedAt: string;
  reportedBy: Actor;
  facts: IncidentFacts;
  ruleSet?: string;
  notices: NoticeState[];
  containedAt?: string;
  tasks: Task[];
  review?: Review;
  /** The review meeting, scheduled at containment; reviewDueAt is its end. */
  reviewSlot?: { start: string; end: string; timeZone: string };
  reviewDueAt?: string;
  closedAt?: string;
  closeRequested?: { by: string; reason?: string };
}

export type IncidentStatus = IncidentState & { now: string; pendingApprovals: PendingApproval[] };
export interface PendingApproval {
  noticeId: string;
  recipient: string;
  approvalsHave: number;
  approvalsNeeded: number;
  clockDueAt: string;
  contentHash?: string;
}

const SETTLED: NoticeStatus[] = ['sent', 'filed', 'withdrawn'];
export const isSettled = (n: NoticeState): boolean => SETTLED.includes(n.status);

export function currentApprovals(n: NoticeState): Decision[] {
  if (!n.draft) return [];
  const hash = n.draft.contentHash;
  // Approvals bind to the exact content; a rejection of that content voids earlier approvals of it.
  const lastReject = n.decisions.map((d) => d.decision === 'reject' && d.contentHash === hash).lastIndexOf(true);
  const valid = n.decisions.slice(lastReject + 1).filter((d) => d.decision === 'approve' && d.contentHash === hash);
  return valid.filter((d, i) => valid.findIndex((e) => e.by === d.by) === i);
}

export const isApproved = (n: NoticeState): boolean => currentApprovals(n).length >= n.requiredApprovals;

export function channelFor(plan: Plan, o: Obligation, incidentId: string, drill?: DrillMode): Channel {
  // A drill exercises the same steps, but what an authority or the affected people would receive
  // goes to the drill's stand-in; a portal filing is still exercised by the participants.
  if (
    drill &&
    (o.recipient === 'individuals' ||
      plan.authorities[o.id]?.email ||
      plan.authorities[`${o.regime}:${o.recipient}`]?.email)
  ) {
    return { kind: 'email', to: drill.standIn, name: `DRILL stand-in (${o.id})` };
  }
  if (o.recipient === 'individuals') return { kind: 'recipients', campaignId: campaignWorkflowId(incidentId, o.id) };
  if (o.recipient !== 'authority') return { kind: 'manual' };
  const a = plan.authorities[o.id] ?? plan.authorities[`${o.regime}:${o.recipient}`];
  if (a?.email) return { kind: 'email', to: a.email, name: a.name };
  return { kind: 'portal', ...(a?.name ? { name: a.name } : {}), ...(a?.portal ? { url: a.portal } : {}) };
}

/** Who is alerted for a role: the plan's people, and in a drill only those taking part. */
export function peopleToAlert(state: Pick<IncidentState, 'drill'>, plan: Plan, role: Role): string[] {
  const people = peopleWithRole(plan, role);
  return state.drill ? people.filter((p) => state.drill!.participants.includes(p)) : people;
}

export function newNotice(plan: Plan, o: Obligation, incidentId: string, drill?: DrillMode): NoticeState {
  const authority = plan.authorities[o.id] ?? plan.authorities[`${o.regime}:${o.recipient}`];
  const clockDueAt =
    o.dueAt ?? new Date(Date.parse(o.clockStart) + plan.undueDelayTargetHours * 3_600_000).toISOString();
  return {
    id: o.id,
    obligation: o.dueAt ? o : { ...o, internalTargetAt: clockDueAt },
    clockDueAt,
    legalDeadline: o.dueAt !== null,
    channel: channelFor(plan, o, incidentId, drill),
    locale: o.recipient === 'authority' ? (authority?.locale ?? 'en') : 'en',
    timeZone: authority?.timeZone ?? 'UTC',
    status: 'drafting',
    requiredApprovals: o.recipient === 'authority' ? plan.approvals.authority : plan.approvals.individuals,
    decisions: [],
    remindersSent: [],
    escalatedTo: [],
    stale: false,
  };
}

/**
 * Merges a fresh assessment into the notices: obligations already known keep their clock (a
 * running clock never restarts); new ones are added; ones no longer required and not yet
 * delivered are withdrawn.
 */
export function mergeObligations(
  state: IncidentState,
  plan: Plan,
  obligations: Obligation[],
): { added: NoticeState[]; withdrawn: NoticeState[] } {
  const byId = new Map(state.notices.map((n) => [n.id, n]));
  const fresh = new Set(obligations.map((o) => o.id));
  const added: NoticeState[] = [];
  for (const o of obligations) {
    const existing = byId.get(o.id);
    // A running clock keeps its start. The same clock under a new reading of the rules (a threshold
    // crossed, a chained stage whose earlier stage was delivered) takes the new due time.
    if (existing && !isSettled(existing) && (o.after || o.clockStart === existing.obligation.clockStart)) {
      const renewed = newNotice(plan, o, state.id, state.drill);
      // A draft that states the old due time is redrafted (its approvals lapse with the old text).
      if (renewed.clockDueAt !== existing.clockDueAt && existing.draft && existing.status !== 'sending')
        existing.stale = true;
      existing.obligation = renewed.obligation;
      existing.clockDueAt = renewed.clockDueAt;
      existing.legalDeadline = renewed.legalDeadline;
    }
    if (!existing) {
      const n = newNotice(plan, o, state.id, state.drill);
      state.notices.push(n);
      added.push(n);
    } else if (existing.status === 'withdrawn') {
      // Required again: it comes back with its original clock.
      existing.status = existing.draft ? 'awaiting-approval' : 'drafting';
      added.push(existing);
    }
  }
  const withdrawn = state.notices.filter((n) => !fresh.has(n.id) && !isSettled(n) && n.status !== 'sending');
  for (const n of withdrawn) n.status = 'withdrawn';
  return { added, withdrawn };
}

export function pendingApprovals(state: IncidentState): PendingApproval[] {
  return state.notices
    .filter((n) => n.status === 'awaiting-approval')
    .map((n) => ({
      noticeId: n.id,
      recipient: n.obligation.recipient,
      approvalsHave: currentApprovals(n).length,
      approvalsNeeded: n.requiredApprovals,
      clockDueAt: n.clockDueAt,
      ...(n.draft ? { contentHash: n.draft.contentHash } : {}),
    }));
}

/** Delivery times of notices already sent or filed, for chained stages. */
export function deliveredTimes(state: IncidentState): Record<string, string> {
  return Object.fromEntries(state.notices.filter((n) => n.delivery).map((n) => [n.id, n.delivery!.at]));
}

/** A plan task as the incident tracks it; a plan kept in history from before targets existed gets the defaults. */
export function newTask(t: PlanTask): Task {
  return {
    id: t.id,
    title: t.title,
    role: t.role,
    phase: t.phase ?? 'investigation',
    targetHours: t.targetHours ?? DEFAULT_TASK_TARGET_HOURS,
    ...(t.expects ? { expects: t.expects } : {}),
    remindersSent: [],
    escalatedTo: [],
  };
}

/** Action items neither done nor accepted: they keep the incident open. */
export const openActionItems = (state: IncidentState): ActionItem[] =>
  state.review?.actionItems.filter((i) => i.status === 'open') ?? [];
