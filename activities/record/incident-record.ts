/**
 * The record of one incident, read from its ledger entries: what the workflow and people recorded,
 * in seq order, folded into the sections an auditor asks for, with the chain check of those entries.
 * The ledger is the source; the workflow's obligations (when the engine can still describe the
 * incident) only add the details the ledger entries do not repeat (regime, recipient, the law's words).
 */
import { isDrillIncident } from '../../domain/drill';
import { Recipient, type Obligation } from '../../domain/obligation';
import type { Ledger, LedgerEntry, VerifyResult } from '../ledger/ledger';
import { NO_NOTICE_ACTION, noNoticeReasons } from './no-notice';
import { OUTSIDE_PREFIX } from './outside';
import { bool, evidenceRefs, num, object, objects, payloadOf, str, strings, type Payload } from './payload';
import {
  IncidentRecord,
  type ChainCheck,
  type FactsChange,
  type FactsSummary,
  type MissedDeadline,
  type NoticeRecord,
  type ObligationRecord,
  type TimelineEntry,
} from './schema';
import { summarize } from './summary';

export interface IncidentRecordDeps {
  ledger: Pick<Ledger, 'list' | 'verifyIncident'>;
  /** The incident's obligations as the running (or retained) workflow holds them; undefined when it cannot say. */
  obligations?: (incidentId: string) => Promise<Obligation[] | undefined>;
  now?: () => Date;
}

/** No ledger entries for this incident id. */
export class RecordNotFound extends Error {
  override name = 'RecordNotFound';
}

export async function buildIncidentRecord(deps: IncidentRecordDeps, incidentId: string): Promise<IncidentRecord> {
  const entries = await deps.ledger.list({ incidentId });
  if (entries.length === 0) throw new RecordNotFound(`no ledger entries for incident "${incidentId}"`);
  const [chain, described] = await Promise.all([
    // The entries just read, even if the incident has recorded more since.
    deps.ledger.verifyIncident(incidentId, { throughSeq: entries[entries.length - 1].seq }),
    deps.obligations?.(incidentId).catch(() => undefined),
  ]);
  return foldRecord(incidentId, entries, chainCheck(chain), described ?? [], (deps.now ?? (() => new Date()))());
}

export function chainCheck(v: VerifyResult): ChainCheck {
  return v.ok
    ? { ok: true, verified: v.count, firstBadSeq: null, reason: null, head: v.head }
    : { ok: false, verified: v.count, firstBadSeq: v.firstBadSeq, reason: v.reason, head: null };
}

interface Assessed {
  clockStart: string;
  dueAt: string | null;
  citation: string;
}

/** Folds the entries (seq order) into the record. Pure: the tests call it with entries of their own. */
export function foldRecord(
  incidentId: string,
  entries: LedgerEntry[],
  chain: ChainCheck,
  described: Obligation[],
  now: Date,
): IncidentRecord {
  let facts: Payload = {};
  let title: string | null = null;
  let planId: string | null = null;
  let planVersion: string | null = null;
  let reportedBy: string | null = null;
  let reportedAt: string | null = null;
  let phase: string | null = null;
  let ruleSet: string | null = null;
  let containedAt: string | null = null;
  let closedAt: string | null = null;
  const factChanges: FactsChange[] = [];
  const assessed = new Map<string, Assessed>();
  let lastAssessment: string[] = [];
  const notices = new Map<string, NoticeRecord>();
  const filings: IncidentRecord['filings'] = [];
  const missed: MissedDeadline[] = [];
  const tasks = new Map<string, IncidentRecord['tasks'][number]>();
  let review: NonNullable<IncidentRecord['review']> | null = null;
  const outsideSteps: IncidentRecord['outsideSteps'] = [];
  const recordedNoNotice: string[] = [];
  const timeline: TimelineEntry[] = [];

  const notice = (id: string): NoticeRecord => {
    let n = notices.get(id);
    if (!n) {
      n = {
        noticeId: id,
        drafts: [],
        decisions: [],
        delivery: null,
        failures: [],
        reminders: [],
        escalations: [],
        withdrawn: null,
      };
      notices.set(id, n);
    }
    return n;
  };
  const task = (id: string) => {
    let t = tasks.get(id);
    if (!t) {
      t = {
        taskId: id,
        role: null,
        phase: null,
        assignedAt: null,
        dueAt: null,
        completedAt: null,
        completedBy: null,
        late: null,
        notes: null,
        evidence: [],
        overdueAt: null,
      };
      tasks.set(id, t);
    }
    return t;
  };
  for (const e of entries) {
    const p = payloadOf(e);
    const noticeId = str(p, 'noticeId');
    timeline.push({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      role: str(p, 'role'),
      action: e.action,
      summary: summarize(e.action, p),
      hash: e.hash,
    });
    if (e.action.startsWith(OUTSIDE_PREFIX)) {
      outsideSteps.push({ seq: e.seq, at: e.at, actor: e.actor, role: str(p, 'role'), action: e.action, payload: p });
      if (e.action === NO_NOTICE_ACTION && str(p, 'reason'))
        recordedNoNotice.push(`Recorded by ${e.actor} at ${e.at}: ${str(p, 'reason')}`);
      continue;
    }
    switch (e.action) {
      case 'incident.reported':
        title = str(p, 'title');
        planId = str(p, 'planId');
        planVersion = str(p, 'planVersion');
        reportedBy = e.actor;
        reportedAt = e.at;
        facts = object(p, 'facts') ?? {};
        break;
      case 'facts.updated': {
        const values = object(p, 'facts') ?? {};
        facts = { ...facts, ...values };
        factChanges.push({
          seq: e.seq,
          at: e.at,
          by: e.actor,
          changed: strings(p, 'changed'),
          reason: str(p, 'reason'),
          values,
        });
        break;
      }
      case 'obligations.assessed':
        ruleSet = str(p, 'ruleSet') ?? ruleSet;
        lastAssessment = [];
        for (const o of objects(p, 'obligations')) {
          const id = str(o, 'id');
          if (!id) continue;
          lastAssessment.push(id);
          assessed.set(id, {
            clockStart: str(o, 'clockStart') ?? '',
            dueAt: str(o, 'dueAt'),
            citation: str(o, 'citation') ?? '',
          });
        }
        break;
      case 'phase.changed':
        phase = str(p, 'to');
        if (phase === 'closed') closedAt = e.at;
        break;
      case 'containment.confirmed':
        containedAt ??= e.at;
        break;
      case 'notice.withdrawn':
        if (noticeId) notice(noticeId).withdrawn = { seq: e.seq, at: e.at, reason: str(p, 'reason') };
        break;
      case 'notice.drafted':
        if (noticeId)
          notice(noticeId).drafts.push({
            seq: e.seq,
            at: e.at,
            contentHash: str(p, 'contentHash') ?? '',
            templateVersion: str(p, 'templateVersion'),
            locale: str(p, 'locale'),
            subject: str(p, 'subject'),
            pending: strings(p, 'pending'),
          });
        break;
      case 'notice.approved':
      case 'notice.rejected':
        if (noticeId)
          notice(noticeId).decisions.push({
            seq: e.seq,
            at: e.at,
            by: e.actor,
            role: str(p, 'role'),
            decision: e.action === 'notice.approved' ? 'approve' : 'reject',
            contentHash: str(p, 'contentHash') ?? '',
            reason: str(p, 'reason'),
            delayReason: str(p, 'delayReason'),
          });
        break;
      case 'notice.sent':
        if (noticeId)
          notice(noticeId).delivery = {
            seq: e.seq,
            at: e.at,
            by: e.actor,
            kind: 'email',
            to: str(p, 'to'),
            reference: str(p, 'messageId'),
            late: bool(p, 'late'),
            delayReason: str(p, 'delayReason'),
            approvers: strings(p, 'approvers'),
            evidence: {
              messageId: str(p, 'messageId'),
              response: str(p, 'response'),
              contentHash: str(p, 'contentHash'),
              transport: str(p, 'transport'),
              transportSentAt: str(p, 'transportSentAt'),
              templateVersion: str(p, 'templateVersion'),
            },
            recipients: null,
          };
        break;
      case 'notice.mass-notification-completed':
        if (noticeId)
          notice(noticeId).delivery = {
            seq: e.seq,
            at: e.at,
            by: e.actor,
            kind: 'mass-notification',
            to: null,
            reference: str(p, 'campaignId'),
            late: bool(p, 'late'),
            delayReason: null,
            approvers: [],
            evidence: null,
            recipients: {
              total: num(p, 'total') ?? 0,
              sent: num(p, 'sent') ?? 0,
              failedPermanent: num(p, 'failedPermanent') ?? 0,
              cancelled: num(p, 'cancelled') ?? 0,
            },
          };
        break;
      case 'notice.filed': {
        if (!noticeId) break;
        const filedAt = str(p, 'filedAt') ?? e.at;
        filings.push({
          seq: e.seq,
          at: e.at,
          by: e.actor,
          noticeId,
          reference: str(p, 'reference') ?? '',
          filedAt,
          channel: str(p, 'channel'),
          late: bool(p, 'late'),
        });
        notice(noticeId).delivery = {
          seq: e.seq,
          at: filedAt,
          by: e.actor,
          kind: 'filing',
          to: null,
          reference: str(p, 'reference'),
          late: bool(p, 'late'),
          delayReason: null,
          approvers: [],
          evidence: null,
          recipients: null,
        };
        break;
      }
      case 'notice.draft-failed':
      case 'notice.send-failed':
      case 'notice.mass-notification-failed':
      case 'notice.reminder-failed':
      case 'notice.escalation-failed':
        if (noticeId)
          notice(noticeId).failures.push({ seq: e.seq, at: e.at, action: e.action, error: str(p, 'error') ?? '' });
        break;
      case 'notice.reminder-sent':
        if (noticeId) notice(noticeId).reminders.push({ seq: e.seq, at: e.at, hoursLeft: num(p, 'hoursLeft') });
        break;
      case 'notice.escalated':
        if (noticeId) notice(noticeId).escalations.push({ seq: e.seq, at: e.at, role: str(p, 'role') });
        break;
      case 'notice.deadline-missed':
      case 'notice.internal-target-missed':
        if (noticeId)
          missed.push({
            seq: e.seq,
            at: e.at,
            kind: e.action === 'notice.deadline-missed' ? 'legal-deadline' : 'internal-target',
            subject: noticeId,
            dueAt: str(p, 'dueAt'),
            citation: str(p, 'citation'),
            reason: null,
            settledAt: null,
          });
        break;
      case 'task.assigned': {
        const t = task(str(p, 'taskId') ?? '?');
        Object.assign(t, { role: str(p, 'role'), phase: str(p, 'phase'), assignedAt: e.at, dueAt: str(p, 'dueAt') });
        break;
      }
      case 'task.completed': {
        const t = task(str(p, 'taskId') ?? '?');
        Object.assign(t, {
          completedAt: e.at,
          completedBy: e.actor,
          late: bool(p, 'late'),
          notes: str(p, 'notes'),
          evidence: evidenceRefs(p),
          dueAt: t.dueAt ?? str(p, 'dueAt'),
        });
        break;
      }
      case 'task.overdue':
      case 'action-item.overdue': {
        const isTask = e.action === 'task.overdue';
        const subject = str(p, isTask ? 'taskId' : 'itemId') ?? '?';
        if (isTask) task(subject).overdueAt = e.at;
        missed.push({
          seq: e.seq,
          at: e.at,
          kind: isTask ? 'task' : 'action-item',
          subject,
          dueAt: str(p, 'dueAt'),
          citation: null,
          reason: null,
          settledAt: null,
        });
        break;
      }
      case 'review.scheduled':
        review ??= emptyReview();
        Object.assign(review, { scheduledStart: str(p, 'start'), scheduledEnd: str(p, 'end') });
        break;
      case 'review.overdue':
        missed.push({
          seq: e.seq,
          at: e.at,
          kind: 'review',
          subject: 'lessons-learned review',
          dueAt: str(p, 'reviewDueAt'),
          citation: null,
          reason: null,
          settledAt: null,
        });
        break;
      case 'review.recorded':
        review ??= emptyReview();
        Object.assign(review, {
          recordedAt: e.at,
          recordedBy: e.actor,
          whatHappened: str(p, 'whatHappened'),
          rootCauses: strings(p, 'rootCauses'),
          whatWorked: strings(p, 'whatWorked'),
          whatDidNot: strings(p, 'whatDidNot'),
          findings: objects(p, 'findings'),
          actionItems: objects(p, 'actionItems').map((i) => ({
            id: str(i, 'id') ?? '?',
            title: str(i, 'title') ?? '',
            ownerRole: str(object(i, 'owner') ?? {}, 'role'),
            dueAt: str(i, 'dueAt'),
            priority: str(i, 'priority'),
            status: 'open' as const,
            settledAt: null,
            settledBy: null,
            note: null,
            evidence: [],
          })),
        });
        break;
      case 'action-item.completed':
      case 'action-item.accepted': {
        const item = review?.actionItems.find((i) => i.id === str(p, 'itemId'));
        if (!item) break;
        const done = e.action === 'action-item.completed';
        Object.assign(item, {
          status: done ? 'done' : 'accepted',
          settledAt: e.at,
          settledBy: e.actor,
          note: str(p, done ? 'notes' : 'reason'),
          evidence: done ? evidenceRefs(p) : item.evidence,
        });
        break;
      }
      default:
        break;
    }
  }

  // What was finally done about each miss, and the reasons for the delay people gave.
  for (const m of missed) {
    if (m.kind === 'legal-deadline' || m.kind === 'internal-target') {
      const n = notices.get(m.subject);
      m.settledAt = n?.delivery?.at ?? null;
      m.reason = delayReasonOf(n);
    } else if (m.kind === 'task') {
      m.settledAt = tasks.get(m.subject)?.completedAt ?? null;
      m.reason = tasks.get(m.subject)?.notes ?? null;
    } else if (m.kind === 'action-item') {
      const item = review?.actionItems.find((i) => i.id === m.subject);
      m.settledAt = item?.settledAt ?? null;
      m.reason = item?.status === 'accepted' ? item.note : null;
    } else {
      m.settledAt = review?.recordedAt ?? null;
    }
  }

  const details = new Map(described.map((o) => [o.id, o]));
  const current = new Set(lastAssessment);
  const obligations: ObligationRecord[] = [...assessed].map(([id, a]) =>
    obligationRecord(id, a, details.get(id), notices.get(id), current.has(id), now),
  );

  const summary = factsSummary(facts);
  const delivered = [...notices.values()].filter((n) => n.delivery);
  const firstNoticeAt = delivered.map((n) => n.delivery!.at).sort()[0] ?? null;
  const withdrawn = obligations.filter((o) => o.outcome === 'withdrawn').map((o) => ({ id: o.id, reason: o.reason }));

  return IncidentRecord.parse({
    incidentId,
    title,
    drill: isDrillIncident(incidentId),
    planId,
    planVersion,
    reportedBy,
    phase,
    ruleSet,
    generatedAt: now.toISOString(),
    dates: { awareAt: summary.awareAt, reportedAt, containedAt, firstNoticeAt, closedAt },
    facts,
    summary,
    factChanges,
    obligations,
    notices: [...notices.values()],
    filings,
    missedDeadlines: missed,
    tasks: [...tasks.values()],
    review,
    outsideSteps,
    noNoticeReasons: noNoticeReasons({
      summary,
      ruleSet,
      applied: obligations.filter((o) => current.has(o.id)),
      delivered: delivered.length,
      withdrawn,
      recorded: recordedNoNotice,
    }),
    timeline,
    chain,
  });
}

const emptyReview = (): NonNullable<IncidentRecord['review']> => ({
  scheduledStart: null,
  scheduledEnd: null,
  recordedAt: null,
  recordedBy: null,
  whatHappened: null,
  rootCauses: [],
  whatWorked: [],
  whatDidNot: [],
  findings: [],
  actionItems: [],
});

/** The reasons for the delay: as sent with the notice, else as given with an approval. */
function delayReasonOf(n: NoticeRecord | undefined): string | null {
  if (!n) return null;
  return (
    n.delivery?.delayReason ??
    n.decisions
      .map((d) => d.delayReason)
      .filter(Boolean)
      .at(-1) ??
    null
  );
}

function obligationRecord(
  id: string,
  a: Assessed,
  o: Obligation | undefined,
  n: NoticeRecord | undefined,
  stillRequired: boolean,
  now: Date,
): ObligationRecord {
  const parts = id.split(':');
  const key = parts[1];
  const fallbackRecipient = Recipient.safeParse(key === 'residents' ? 'individuals' : key);
  const last = parts.at(-1) ?? '';
  const delivery = n?.delivery ?? null;
  const base = {
    id,
    regime: o?.regime ?? parts[0],
    recipient: o?.recipient ?? (fallbackRecipient.success ? fallbackRecipient.data : null),
    recipientName: o?.recipientName ?? null,
    jurisdiction: o?.jurisdiction ?? (/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(last) ? last : null),
    deadline: o?.deadline ?? null,
    citation: a.citation || o?.citation || '',
    clockStart: a.clockStart,
    legalDueAt: a.dueAt,
    deliveredAt: delivery?.at ?? null,
    deliveredBy: delivery?.by ?? null,
    channel: delivery
      ? delivery.kind === 'email'
        ? `email${delivery.to ? `:${delivery.to}` : ''}`
        : delivery.kind
      : null,
    reference: delivery?.reference ?? null,
  };
  if (delivery) {
    // Met or not against the law's due time; where the law gives no number, the engine's own flag (its internal target).
    const late = a.dueAt ? Date.parse(delivery.at) >= Date.parse(a.dueAt) : delivery.late === true;
    const reason = delayReasonOf(n) ?? (late ? 'no reason for the delay was recorded' : null);
    return { ...base, outcome: late ? 'late' : 'on-time', reason: late ? reason : null };
  }
  if (!stillRequired || n?.withdrawn)
    return {
      ...base,
      outcome: 'withdrawn',
      reason: n?.withdrawn?.reason ?? 'no longer required by the last assessment',
    };
  if (a.dueAt && now.getTime() >= Date.parse(a.dueAt))
    return {
      ...base,
      outcome: 'overdue',
      reason: delayReasonOf(n) ?? 'deadline passed; no reason for the delay recorded yet',
    };
  return { ...base, outcome: 'not-yet', reason: null };
}

export function factsSummary(f: Payload): FactsSummary {
  const affected = objects(f, 'affected');
  const entity = object(f, 'entity');
  return {
    awareAt: str(f, 'awareAt'),
    entity: entity ? str(entity, 'name') : null,
    nature: str(f, 'nature'),
    dataCategories: strings(f, 'dataCategories'),
    subjectCategories: strings(f, 'subjectCategories'),
    peopleAffected:
      affected.length || Array.isArray(f.affected) ? affected.reduce((s, g) => s + (num(g, 'count') ?? 0), 0) : null,
    recordsAffected: num(f, 'recordCount'),
    countries: [...new Set(affected.map((g) => str(g, 'region') ?? str(g, 'country')).filter((c): c is string => !!c))],
    risk: str(f, 'risk'),
    encrypted: bool(f, 'encrypted'),
    consequences: str(f, 'likelyConsequences'),
    measures: str(f, 'measuresTaken'),
  };
}
