/**
 * Scores a drill from its accountability record. The ledger is the single account of what happened
 * and when, so the score is computed from it alone (plus the plan's targets): a drill scored now and
 * the same drill scored by an auditor next year give the same report.
 */
import { z } from 'zod';
import type { DrillTargets } from './plan';

export interface LedgerFact {
  at: string;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
}

export const StepKind = z.enum([
  'acknowledged',
  'contained',
  'obligations-assessed',
  'notice-drafted',
  'notice-approved',
  'notice-delivered',
  'task-done',
  'review-held',
]);
export type StepKind = z.infer<typeof StepKind>;

export const StepScore = z.object({
  step: StepKind,
  /** The notice or task the step is about. */
  subject: z.string().optional(),
  triggerAt: z.string(),
  doneAt: z.string().nullable(),
  hours: z.number().nullable(),
  targetHours: z.number(),
  metTarget: z.boolean().nullable(),
  /** The legal deadline of the obligation the step serves, and the hours left (negative: late) when it was done. */
  legalDueAt: z.string().nullable().optional(),
  marginHours: z.number().nullable().optional(),
});
export type StepScore = z.infer<typeof StepScore>;

export const ObligationScore = z.object({
  id: z.string(),
  citation: z.string(),
  deadline: z.string(),
  dueAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  /** Met the legal deadline; null where the law gives no number or the drill ended before it. */
  met: z.boolean().nullable(),
  /** Hours to spare (negative: late by); for an undelivered obligation, measured at the drill's end. */
  marginHours: z.number().nullable(),
});
export type ObligationScore = z.infer<typeof ObligationScore>;

export const TrendPoint = z.object({
  incidentId: z.string(),
  scenarioId: z.string(),
  startedAt: z.string(),
  legalMisses: z.number(),
  meanStepHours: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const DrillReport = z.object({
  incidentId: z.string(),
  drillId: z.string(),
  planId: z.string(),
  planVersion: z.string(),
  scenarioId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  steps: z.array(StepScore),
  obligations: z.array(ObligationScore),
  misses: z.array(z.string()),
  slowest: StepScore.nullable(),
  findings: z.array(z.string()),
  meanStepHours: z.number().nullable(),
  trend: z.object({ previous: z.array(TrendPoint), direction: z.enum(['faster', 'slower', 'same']).nullable() }),
  /** True when any legal deadline was or would have been missed. */
  missedLegalDeadline: z.boolean(),
});
export type DrillReport = z.infer<typeof DrillReport>;

const HOUR = 3_600_000;
const round1 = (h: number) => Math.round(h * 10) / 10;
const hoursBetween = (from: string, to: string) => round1((Date.parse(to) - Date.parse(from)) / HOUR);

interface Assessed {
  id: string;
  dueAt: string | null;
  citation: string;
}
const DELIVERED = new Set(['notice.sent', 'notice.filed', 'notice.mass-notification-completed']);
/** Actors that are the drill's machinery, not someone acknowledging the incident. */
const NOT_A_RESPONSE = new Set(['system', 'drill:scenario']);

export interface ScoreInput {
  incidentId: string;
  drillId: string;
  planId: string;
  planVersion: string;
  scenarioId: string;
  startedAt: string;
  finishedAt: string;
  entries: LedgerFact[];
  targets: DrillTargets;
  /** Obligation wording by id (deadline text), from the final assessment. */
  deadlines?: Record<string, string>;
  previous?: TrendPoint[];
}

export function scoreDrill(input: ScoreInput): DrillReport {
  const { entries, targets, finishedAt } = input;
  const first = (pred: (e: LedgerFact) => boolean, after?: string) =>
    entries.find((e) => pred(e) && (!after || Date.parse(e.at) >= Date.parse(after)));
  const reported = first((e) => e.action === 'incident.reported')?.at ?? input.startedAt;
  const steps: StepScore[] = [];
  const step = (
    kind: StepKind,
    triggerAt: string,
    doneAt: string | null,
    targetHours: number,
    extra: Partial<StepScore> = {},
  ) => {
    const hours = doneAt ? hoursBetween(triggerAt, doneAt) : null;
    steps.push({
      step: kind,
      triggerAt,
      doneAt,
      hours,
      targetHours,
      metTarget: hours === null ? null : hours <= targetHours,
      ...extra,
    });
  };

  step(
    'acknowledged',
    reported,
    first((e) => !NOT_A_RESPONSE.has(e.actor) && e.action !== 'incident.reported')?.at ?? null,
    targets.acknowledgedHours,
  );
  step('contained', reported, first((e) => e.action === 'containment.confirmed')?.at ?? null, targets.containedHours);
  const assessments = entries.filter((e) => e.action === 'obligations.assessed');
  step('obligations-assessed', reported, assessments[0]?.at ?? null, targets.assessedHours);

  // The latest reading of each obligation, and when it was first required.
  const obligations = new Map<string, Assessed & { since: string }>();
  for (const a of assessments) {
    for (const o of (a.payload.obligations as Assessed[] | undefined) ?? []) {
      obligations.set(o.id, { ...o, since: obligations.get(o.id)?.since ?? a.at });
    }
  }
  const withdrawn = new Set(
    entries.filter((e) => e.action === 'notice.withdrawn').map((e) => String(e.payload.noticeId)),
  );
  const scores: ObligationScore[] = [];
  for (const [id, o] of obligations) {
    const about = (e: LedgerFact) => e.payload.noticeId === id;
    const delivered = first((e) => about(e) && DELIVERED.has(e.action));
    if (withdrawn.has(id) && !delivered) continue;
    const legal = { legalDueAt: o.dueAt };
    const margin = (at: string | null) => (o.dueAt && at ? hoursBetween(at, o.dueAt) : null);
    const drafted = first((e) => about(e) && e.action === 'notice.drafted')?.at ?? null;
    step('notice-drafted', o.since, drafted, targets.draftedHours, {
      subject: id,
      ...legal,
      marginHours: margin(drafted),
    });
    const approved = drafted
      ? (first(
          (e) => about(e) && e.action === 'notice.approved' && Number(e.payload.approvals) >= Number(e.payload.needed),
          drafted,
        )?.at ?? null)
      : null;
    if (drafted)
      step('notice-approved', drafted, approved, targets.approvedHours, {
        subject: id,
        ...legal,
        marginHours: margin(approved),
      });
    const deliveredAt = delivered?.at ?? null;
    if (approved)
      step('notice-delivered', approved, deliveredAt, targets.deliveredHours, {
        subject: id,
        ...legal,
        marginHours: margin(deliveredAt),
      });
    const end = deliveredAt ?? (o.dueAt && Date.parse(finishedAt) > Date.parse(o.dueAt) ? finishedAt : null);
    scores.push({
      id,
      citation: o.citation,
      deadline: input.deadlines?.[id] ?? '',
      dueAt: o.dueAt,
      deliveredAt,
      met: o.dueAt === null || end === null ? null : Date.parse(end) <= Date.parse(o.dueAt),
      marginHours: margin(end),
    });
  }

  const phaseAt = (to: string) => first((e) => e.action === 'phase.changed' && e.payload.to === to)?.at;
  const investigation = phaseAt('investigation');
  if (investigation) {
    const taskIds = [
      ...new Set(
        entries
          .filter((e) => e.action === 'task.assigned' || e.action === 'task.completed')
          .map((e) => String(e.payload.taskId)),
      ),
    ];
    for (const taskId of taskIds) {
      const assigned = first((e) => e.action === 'task.assigned' && e.payload.taskId === taskId);
      const target =
        typeof assigned?.payload.targetHours === 'number' ? assigned.payload.targetHours : targets.taskHours;
      step(
        'task-done',
        assigned?.at ?? investigation,
        first((e) => e.action === 'task.completed' && e.payload.taskId === taskId)?.at ?? null,
        target,
        { subject: taskId },
      );
    }
  }
  const review = phaseAt('review');
  if (review)
    step('review-held', review, first((e) => e.action === 'review.recorded')?.at ?? null, targets.reviewHours);

  const late = scores.filter((o) => o.met === false);
  const misses = late.map(
    (o) =>
      `${o.id}: ${o.deliveredAt ? 'delivered' : 'not delivered'} ${Math.abs(o.marginHours ?? 0)} h after its legal deadline${o.deadline ? ` (${o.deadline})` : ''} — ${o.citation}`,
  );
  const done = steps.filter((s) => s.hours !== null);
  const slowest = done.reduce<StepScore | null>((a, s) => (!a || (s.hours ?? 0) > (a.hours ?? 0) ? s : a), null);
  const meanStepHours = done.length ? round1(done.reduce((n, s) => n + (s.hours ?? 0), 0) / done.length) : null;
  const findings = [
    ...misses.map((m) => `Missed legal deadline: ${m}`),
    ...steps
      .filter((s) => s.metTarget === false)
      .map((s) => `${label(s)} took ${s.hours} h against the plan's target of ${s.targetHours} h`),
    ...steps.filter((s) => s.doneAt === null).map((s) => `${label(s)} was not done by the end of the drill`),
    ...entries
      .filter((e) => e.action === 'notice.escalated')
      .map((e) => `Escalated to ${String(e.payload.role)}: ${String(e.payload.noticeId)}`),
    ...unique(
      entries
        .filter((e) => e.action.endsWith('-skipped'))
        .map(
          (e) =>
            `No participant could receive ${e.action.replace(/^notice\.|-skipped$/g, '')} mail for ${String(e.payload.noticeId)}`,
        ),
    ),
  ];
  const previous = input.previous ?? [];
  const same = previous.find((p) => p.scenarioId === input.scenarioId && p.meanStepHours !== null);
  const direction =
    !same || meanStepHours === null
      ? null
      : meanStepHours < same.meanStepHours!
        ? 'faster'
        : meanStepHours > same.meanStepHours!
          ? 'slower'
          : 'same';
  return {
    incidentId: input.incidentId,
    drillId: input.drillId,
    planId: input.planId,
    planVersion: input.planVersion,
    scenarioId: input.scenarioId,
    startedAt: input.startedAt,
    finishedAt,
    steps,
    obligations: scores,
    misses,
    slowest,
    findings,
    meanStepHours,
    trend: { previous, direction },
    missedLegalDeadline: late.length > 0,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function label(s: Pick<StepScore, 'step' | 'subject'>): string {
  return s.subject ? `${s.step} (${s.subject})` : s.step;
}

/** The report's point on the plan's trend line. */
export function trendPoint(r: DrillReport): TrendPoint {
  return {
    incidentId: r.incidentId,
    scenarioId: r.scenarioId,
    startedAt: r.startedAt,
    legalMisses: r.misses.length,
    meanStepHours: r.meanStepHours,
  };
}
