/**
 * What the pages show, computed from the incident status (the same query the API answers) for one
 * viewer: plain data for the templates, which only lay it out and escape it.
 */
import type { Actor } from '../../domain/actor';
import { isDrillIncident } from '../../domain/drill';
import { check } from '../../domain/permissions';
import { PHASES, type Plan } from '../../domain/plan';
import type { LedgerEntry } from '../../activities/ledger/ledger';
import { currentApprovals, type IncidentStatus, type NoticeState } from '../../workflows/incident/state';
import type { NotifyProgress } from '../../workflows/notify/messages';
import { optionalTime, timeLeft, timeView, type TimeLeftView, type TimeView } from './time';

/** What a refused form held, so the page shows it again with the workflow's reason. */
export interface FormState {
  form: string;
  values: Record<string, string>;
  error: string;
}

/** The plan's last reminder point (hours before due): under it, time left is shown in red. */
export function urgentHours(plan: Plan): number {
  const points = plan.reminders.beforeDueHours;
  return points.length > 0 ? Math.min(...points) : 0;
}

const SETTLED = new Set(['sent', 'filed', 'withdrawn']);

const STATUS_LABEL: Record<NoticeState['status'], string> = {
  drafting: 'drafting',
  'draft-failed': 'draft failed',
  'awaiting-approval': 'awaiting approval',
  sending: 'sending',
  sent: 'sent',
  'awaiting-filing': 'awaiting filing',
  filed: 'filed',
  'send-failed': 'send failed',
  withdrawn: 'withdrawn',
};

export interface ObligationRow {
  noticeId: string;
  href: string;
  regime: string;
  recipient: string;
  stage?: string;
  deadline: string;
  due: TimeView;
  legalDeadline: boolean;
  status: string;
  settled: boolean;
  timeLeft?: TimeLeftView;
}

function obligationRow(s: IncidentStatus, n: NoticeState, urgent: number): ObligationRow {
  const settled = SETTLED.has(n.status);
  return {
    noticeId: n.id,
    href: `/ui/incidents/${encodeURIComponent(s.id)}#${noticeAnchor(n.id)}`,
    regime: n.obligation.regime,
    recipient: n.obligation.recipientName ?? n.obligation.recipient,
    stage: n.obligation.stage,
    deadline: n.obligation.deadline,
    due: timeView(n.clockDueAt),
    legalDeadline: n.legalDeadline,
    status: STATUS_LABEL[n.status],
    settled,
    timeLeft: settled ? undefined : timeLeft(n.clockDueAt, s.now, urgent),
  };
}

/** Element ids are not valid in every id position: one safe anchor per notice. */
export function noticeAnchor(noticeId: string): string {
  return `notice-${noticeId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface PendingApprovalRow {
  incidentId: string;
  incidentTitle: string;
  noticeId: string;
  href: string;
  regime: string;
  recipient: string;
  approvalsHave: number;
  approvalsNeeded: number;
  due: TimeView;
  timeLeft: TimeLeftView;
}

/** Notices awaiting approval that this viewer's role may decide and that they have not approved yet. */
export function pendingFor(actor: Actor, s: IncidentStatus, plan: Plan): PendingApprovalRow[] {
  if (!check('notice.decide', actor.role, { approverRoles: plan.approvals.roles }).ok) return [];
  return s.notices
    .filter((n) => n.status === 'awaiting-approval' && n.draft && !n.stale)
    .filter((n) => !currentApprovals(n).some((d) => d.by === actor.id))
    .map((n) => ({
      incidentId: s.id,
      incidentTitle: s.title,
      noticeId: n.id,
      href: `/ui/incidents/${encodeURIComponent(s.id)}#${noticeAnchor(n.id)}`,
      regime: n.obligation.regime,
      recipient: n.obligation.recipientName ?? n.obligation.recipient,
      approvalsHave: currentApprovals(n).length,
      approvalsNeeded: n.requiredApprovals,
      due: timeView(n.clockDueAt),
      timeLeft: timeLeft(n.clockDueAt, s.now, urgentHours(plan)),
    }));
}

export interface IncidentRow {
  id: string;
  href: string;
  title: string;
  phase: string;
  open: boolean;
  drill: boolean;
  reportedAt: TimeView;
  obligations: ObligationRow[];
}

export function incidentRow(s: IncidentStatus, plan: Plan): IncidentRow {
  const urgent = urgentHours(plan);
  return {
    id: s.id,
    href: `/ui/incidents/${encodeURIComponent(s.id)}`,
    title: s.title,
    phase: s.phase,
    open: s.phase !== 'closed',
    drill: isDrillIncident(s.id),
    reportedAt: timeView(s.reportedAt),
    obligations: [...s.notices]
      .sort((a, b) => Date.parse(a.clockDueAt) - Date.parse(b.clockDueAt))
      .map((n) => obligationRow(s, n, urgent)),
  };
}

/** Open incidents first; within each group, the newest first (the order they came in). */
export function orderIncidents(rows: IncidentRow[]): IncidentRow[] {
  return [...rows.filter((r) => r.open), ...rows.filter((r) => !r.open)];
}

// ------------------------------------------------------------------------------------------------
// One incident

interface DecideForm {
  action: string;
  reason: string;
  delayReason: string;
  error?: string;
  contentHash: string;
}

export interface CampaignView {
  action: string;
  total: number;
  sent: number;
  pending: number;
  failedPermanent: number;
  failedTemporary: number;
  cancelled: number;
  percent: number;
  paused: boolean;
  finished: boolean;
  cancelRequested: boolean;
  rate: string;
  eta?: TimeView;
  canControl: boolean;
  canPause: boolean;
  canResume: boolean;
  canCancel: boolean;
  error?: string;
}

export interface NoticeView extends ObligationRow {
  anchor: string;
  citation: string;
  jurisdiction: string;
  channel: string;
  requiredApprovals: number;
  currentApprovals: number;
  decisions: { by: string; role: string; decision: string; at: TimeView; reason?: string; current: boolean }[];
  draft?: {
    subject: string;
    locale: string;
    fallback: boolean;
    templateVersion: string;
    contentHash: string;
    renderedAt: TimeView;
    pending: string[];
    text: string;
    html: string;
  };
  draftError?: string;
  delayReason?: string;
  stale: boolean;
  late: boolean;
  canDecide: boolean;
  youApproved: boolean;
  decide?: DecideForm;
  delivery?: {
    at: TimeView;
    by: string;
    channel: string;
    reference: string;
    recipients?: { total: number; sent: number; failedPermanent: number; cancelled: number };
    evidence?: { messageId: string; response: string; contentHash: string; transport: string; templateVersion: string };
  };
  missedAt?: TimeView;
  escalatedTo: string[];
  failure?: string;
  campaign?: CampaignView;
}

function channelText(n: NoticeState): string {
  const c = n.channel;
  switch (c.kind) {
    case 'email':
      return `e-mail to ${c.name} <${c.to}>`;
    case 'portal':
      return `filed by a person on ${[c.name, c.url].filter(Boolean).join(', ') || "the authority's portal"}`;
    case 'recipients':
      return 'mass notification of the affected people imported for the incident';
    case 'manual':
      return 'delivered outside the engine, then recorded as filed';
  }
}

export function campaignView(
  incidentId: string,
  noticeId: string,
  p: NotifyProgress,
  canControl: boolean,
  error?: string,
): CampaignView {
  const done = p.sent + p.failedPermanent + p.cancelled;
  return {
    action: `/ui/incidents/${encodeURIComponent(incidentId)}/notices/${encodeURIComponent(noticeId)}/campaign`,
    total: p.total,
    sent: p.sent,
    pending: p.pending,
    failedPermanent: p.failedPermanent,
    failedTemporary: p.failedTemporary,
    cancelled: p.cancelled,
    percent: p.total > 0 ? Math.floor((done / p.total) * 100) : 100,
    paused: p.paused,
    finished: p.finished,
    cancelRequested: p.cancelRequested,
    rate: `${p.rate.toFixed(1)} per second`,
    eta: p.eta ? timeView(p.eta) : undefined,
    canControl,
    canPause: canControl && !p.finished && !p.paused && !p.cancelRequested,
    canResume: canControl && !p.finished && p.paused && !p.cancelRequested,
    canCancel: canControl && !p.finished && !p.cancelRequested,
    error,
  };
}

function noticeView(
  s: IncidentStatus,
  n: NoticeState,
  actor: Actor,
  plan: Plan,
  form: FormState | undefined,
  campaign: CampaignView | undefined,
): NoticeView {
  const current = currentApprovals(n);
  const mayDecide = check('notice.decide', actor.role, { approverRoles: plan.approvals.roles }).ok;
  const awaiting = n.status === 'awaiting-approval' && n.draft !== undefined;
  const formId = `decide:${n.id}`;
  const mine = form?.form === formId ? form : undefined;
  const fieldHeading = new Map((n.draft?.fields ?? []).map((f) => [f.id, f.heading]));
  const d = n.delivery;
  return {
    ...obligationRow(s, n, urgentHours(plan)),
    anchor: noticeAnchor(n.id),
    citation: n.obligation.citation,
    jurisdiction: n.obligation.jurisdiction,
    channel: channelText(n),
    requiredApprovals: n.requiredApprovals,
    currentApprovals: current.length,
    decisions: n.decisions.map((x) => ({
      by: x.by,
      role: x.role,
      decision: x.decision,
      at: timeView(x.at),
      reason: x.reason,
      current: current.includes(x),
    })),
    draft: n.draft && {
      subject: n.draft.subject,
      locale: n.draft.locale,
      fallback: n.draft.fallback,
      templateVersion: n.draft.templateVersion,
      contentHash: n.draft.contentHash,
      renderedAt: timeView(n.draft.renderedAt),
      pending: n.draft.pending.map((p) => fieldHeading.get(p) ?? p),
      text: n.draft.text,
      html: n.draft.html,
    },
    draftError: n.draftError,
    delayReason: n.delayReason,
    stale: n.stale,
    late: Date.parse(s.now) >= Date.parse(n.clockDueAt),
    canDecide: awaiting && mayDecide,
    youApproved: current.some((x) => x.by === actor.id),
    decide:
      awaiting && mayDecide
        ? {
            action: `/ui/incidents/${encodeURIComponent(s.id)}/notices/${encodeURIComponent(n.id)}/decision`,
            reason: mine?.values.reason ?? '',
            delayReason: mine?.values.delayReason ?? '',
            error: mine?.error,
            contentHash: n.draft?.contentHash ?? '',
          }
        : undefined,
    delivery: d && {
      at: timeView(d.at),
      by: d.by,
      channel: d.channel,
      reference: d.reference,
      recipients: d.recipients,
      evidence: d.evidence && {
        messageId: d.evidence.messageId,
        response: d.evidence.response,
        contentHash: d.evidence.contentHash,
        transport: d.evidence.transport,
        templateVersion: d.evidence.templateVersion,
      },
    },
    missedAt: optionalTime(n.missedAt),
    escalatedTo: n.escalatedTo,
    failure: n.failure,
    campaign,
  };
}

export interface TimelineItem {
  at: TimeView;
  what: string;
}

/** The incident's steps as its status knows them (the ledger, below it, has every entry). */
function timeline(s: IncidentStatus): TimelineItem[] {
  const items: { at: string; what: string }[] = [
    { at: s.reportedAt, what: `reported by ${s.reportedBy.id} (${s.reportedBy.role})` },
  ];
  if (s.containedAt) items.push({ at: s.containedAt, what: 'containment confirmed' });
  for (const n of s.notices) {
    if (n.draft) items.push({ at: n.draft.renderedAt, what: `${n.id}: drafted` });
    for (const x of n.decisions)
      items.push({
        at: x.at,
        what: `${n.id}: ${x.decision === 'approve' ? 'approved' : 'rejected'} by ${x.by} (${x.role})${x.reason ? `: ${x.reason}` : ''}`,
      });
    if (n.missedAt) items.push({ at: n.missedAt, what: `${n.id}: deadline missed` });
    if (n.delivery) items.push({ at: n.delivery.at, what: `${n.id}: ${n.status} (${n.delivery.reference})` });
  }
  for (const t of s.tasks)
    if (t.doneAt) items.push({ at: t.doneAt, what: `task done: ${t.title} (${t.doneBy ?? ''})` });
  if (s.review) items.push({ at: s.review.at, what: `review recorded by ${s.review.by}` });
  if (s.closedAt) items.push({ at: s.closedAt, what: 'closed' });
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((i) => ({ at: timeView(i.at), what: i.what }));
}

export interface IncidentPage {
  id: string;
  title: string;
  phase: string;
  phases: { name: string; current: boolean; done: boolean }[];
  drill: boolean;
  reportedAt: TimeView;
  facts: { entity: string; affected: number; where: string; dataCategories: string; risk: string };
  timeline: TimelineItem[];
  notices: NoticeView[];
  containment: {
    at?: TimeView;
    canConfirm: boolean;
    action: string;
    note: string;
    error?: string;
  };
  tasks: {
    id: string;
    title: string;
    role: string;
    phase: string;
    expects?: string;
    assigned: boolean;
    due?: TimeView;
    timeLeft?: TimeLeftView;
    done?: { at: TimeView; by: string; notes?: string };
    complete?: { action: string; notes: string; error?: string };
  }[];
  review?: {
    at: TimeView;
    by: string;
    whatHappened: string;
    rootCauses: string[];
    whatWorked: string[];
    whatDidNot: string[];
    findings: string[];
    actionItems: { id: string; title: string; owner: string; due: TimeView; priority: string; status: string }[];
  };
  reviewSlot?: { start: TimeView; end: TimeView; timeZone: string };
  ledger?: { seq: number; at: TimeView; actor: string; action: string; payload: string }[];
}

const compactJson = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s.length > 400 ? `${s.slice(0, 399)}…` : s;
};

export function incidentPage(
  s: IncidentStatus,
  actor: Actor,
  plan: Plan,
  opts: {
    form?: FormState;
    campaigns: Map<string, CampaignView>;
    /** The incident's ledger entries, when the viewer may read the ledger. */
    ledger?: LedgerEntry[];
  },
): IncidentPage {
  const phaseIndex = PHASES.indexOf(s.phase);
  const base = `/ui/incidents/${encodeURIComponent(s.id)}`;
  const formFor = (id: string) => (opts.form?.form === id ? opts.form : undefined);
  const urgent = urgentHours(plan);
  const contained = formFor('containment');
  const open = s.phase !== 'closed' && !s.closeRequested;
  return {
    id: s.id,
    title: s.title,
    phase: s.phase,
    phases: PHASES.map((p, i) => ({ name: p, current: i === phaseIndex, done: i < phaseIndex })),
    drill: isDrillIncident(s.id),
    reportedAt: timeView(s.reportedAt),
    facts: {
      entity: `${s.facts.entity.name} (${s.facts.entity.country})`,
      affected: s.facts.affected.reduce((sum, g) => sum + g.count, 0),
      where: s.facts.affected.map((g) => `${g.region ? `${g.country}-${g.region}` : g.country}: ${g.count}`).join(', '),
      dataCategories: s.facts.dataCategories.join(', '),
      risk: s.facts.risk,
    },
    timeline: timeline(s),
    notices: s.notices.map((n) => noticeView(s, n, actor, plan, opts.form, opts.campaigns.get(n.id))),
    containment: {
      at: optionalTime(s.containedAt),
      canConfirm: open && !s.containedAt && check('containment.confirm', actor.role).ok,
      action: `${base}/containment`,
      note: contained?.values.note ?? '',
      error: contained?.error,
    },
    tasks: s.tasks.map((t) => {
      const form = formFor(`task:${t.id}`);
      const may = check('task.complete', actor.role, { taskRole: t.role }).ok;
      return {
        id: t.id,
        title: t.title,
        role: t.role,
        phase: t.phase,
        expects: t.expects,
        assigned: t.assignedAt !== undefined,
        due: optionalTime(t.dueAt),
        timeLeft: t.dueAt && !t.doneAt ? timeLeft(t.dueAt, s.now, urgent) : undefined,
        done: t.doneAt ? { at: timeView(t.doneAt), by: t.doneBy ?? '', notes: t.notes } : undefined,
        complete:
          open && !t.doneAt && t.assignedAt && may
            ? {
                action: `${base}/tasks/${encodeURIComponent(t.id)}/complete`,
                notes: form?.values.notes ?? '',
                error: form?.error,
              }
            : undefined,
      };
    }),
    review: s.review && {
      at: timeView(s.review.at),
      by: s.review.by,
      whatHappened: s.review.whatHappened,
      rootCauses: s.review.rootCauses,
      whatWorked: s.review.whatWorked,
      whatDidNot: s.review.whatDidNot,
      findings: s.review.findings.map((f) =>
        [f.control, f.role && `role ${f.role}`, `follow-up: ${f.followUp}`, f.note].filter(Boolean).join('; '),
      ),
      actionItems: s.review.actionItems.map((i) => ({
        id: i.id,
        title: i.title,
        owner: i.owner.personId ? `${i.owner.role} (${i.owner.personId})` : i.owner.role,
        due: timeView(i.dueAt),
        priority: i.priority,
        status: i.status,
      })),
    },
    reviewSlot: s.reviewSlot && {
      start: timeView(s.reviewSlot.start),
      end: timeView(s.reviewSlot.end),
      timeZone: s.reviewSlot.timeZone,
    },
    ledger: opts.ledger?.map((e) => ({
      seq: e.seq,
      at: timeView(e.at),
      actor: e.actor,
      action: e.action,
      payload: compactJson(e.payload),
    })),
  };
}
