import { scoreDrill, type LedgerFact, type TrendPoint } from '../../domain/drill-score';
import { DrillTargets } from '../../domain/plan';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (h: number) => new Date(T0 + h * 3_600_000).toISOString();
const e = (h: number, action: string, payload: Record<string, unknown> = {}, actor = 'system'): LedgerFact => ({
  at: at(h),
  actor,
  action,
  payload,
});
const targets = DrillTargets.parse({ approvedHours: 12 });

/** A drill where the GDPR authority notice goes out at +77 h against a 72 h deadline, and the individuals' at +20 h. */
const entries: LedgerFact[] = [
  e(0, 'incident.reported', { planVersion: 'v1' }, 'drill:scenario'),
  e(0, 'obligations.assessed', {
    obligations: [
      { id: 'gdpr:authority:DE', dueAt: at(72), citation: 'GDPR Art. 33(1)' },
      { id: 'gdpr:individuals:DE', dueAt: null, citation: 'GDPR Art. 34(1)' },
    ],
  }),
  e(0, 'phase.changed', { from: 'triage', to: 'containment' }),
  e(0.5, 'notice.drafted', { noticeId: 'gdpr:authority:DE' }),
  e(0.5, 'notice.drafted', { noticeId: 'gdpr:individuals:DE' }),
  e(1.5, 'facts.updated', {}, 'drill:responder'),
  e(6, 'containment.confirmed', {}, 'drill:responder'),
  e(10, 'notice.approved', { noticeId: 'gdpr:individuals:DE', approvals: 1, needed: 1 }, 'drill:manager'),
  e(20, 'notice.sent', { noticeId: 'gdpr:individuals:DE' }),
  e(30, 'notice.approved', { noticeId: 'gdpr:authority:DE', approvals: 1, needed: 2 }, 'drill:manager'),
  e(72, 'notice.deadline-missed', { noticeId: 'gdpr:authority:DE' }),
  e(72, 'notice.escalated', { noticeId: 'gdpr:authority:DE', role: 'admin' }),
  e(76, 'notice.approved', { noticeId: 'gdpr:authority:DE', approvals: 2, needed: 2 }, 'drill:legal'),
  e(77, 'notice.sent', { noticeId: 'gdpr:authority:DE' }),
  e(80, 'phase.changed', { from: 'notification', to: 'investigation' }),
  e(82, 'task.completed', { taskId: 'root-cause' }, 'drill:responder'),
  e(90, 'phase.changed', { from: 'investigation', to: 'review' }),
  e(100, 'review.recorded', {}, 'drill:manager'),
];

const base = {
  incidentId: 'DRILL-x-1',
  drillId: 'x',
  planId: 'default',
  planVersion: 'v1',
  scenarioId: 'ransomware-eu',
  startedAt: at(0),
  finishedAt: at(101),
  entries,
  targets,
};

describe('drill scoring from the ledger', () => {
  const report = scoreDrill(base);

  it('finds the missed GDPR deadline and by how much', () => {
    expect(report.missedLegalDeadline).toBe(true);
    expect(report.obligations.find((o) => o.id === 'gdpr:authority:DE')).toMatchObject({
      met: false,
      deliveredAt: at(77),
      marginHours: -5,
    });
    // No number in the law: neither met nor missed.
    expect(report.obligations.find((o) => o.id === 'gdpr:individuals:DE')).toMatchObject({
      met: null,
      deliveredAt: at(20),
    });
    expect(report.misses).toHaveLength(1);
    expect(report.misses[0]).toMatch(/gdpr:authority:DE: delivered 5 h after its legal deadline — GDPR Art\. 33\(1\)/);
  });

  it('times each step from its trigger, against the plan target and the legal deadline it serves', () => {
    const step = (kind: string, subject?: string) => report.steps.find((s) => s.step === kind && s.subject === subject);
    expect(step('acknowledged')).toMatchObject({ hours: 1.5, metTarget: false }); // first participant act at +1.5 h, target 1 h
    expect(step('contained')).toMatchObject({ hours: 6, metTarget: true });
    // Approval complete only with the second approver: +0.5 h → +76 h.
    expect(step('notice-approved', 'gdpr:authority:DE')).toMatchObject({
      hours: 75.5,
      metTarget: false,
      legalDueAt: at(72),
      marginHours: -4,
    });
    expect(step('notice-delivered', 'gdpr:authority:DE')).toMatchObject({ hours: 1, metTarget: true, marginHours: -5 });
    expect(step('task-done', 'root-cause')).toMatchObject({ triggerAt: at(80), hours: 2 });
    expect(step('review-held')).toMatchObject({ hours: 10 });
    expect(report.slowest).toMatchObject({ step: 'notice-approved', subject: 'gdpr:authority:DE' });
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Missed legal deadline/),
        'Escalated to admin: gdpr:authority:DE',
        "notice-approved (gdpr:authority:DE) took 75.5 h against the plan's target of 12 h",
      ]),
    );
  });

  it('an obligation still undelivered when the drill ends after its deadline is a miss measured at the end', () => {
    const cut = scoreDrill({
      ...base,
      entries: entries.filter((x) => !(x.action === 'notice.sent' && x.payload.noticeId === 'gdpr:authority:DE')),
    });
    expect(cut.obligations.find((o) => o.id === 'gdpr:authority:DE')).toMatchObject({
      met: false,
      deliveredAt: null,
      marginHours: -29,
    });
    expect(cut.steps.find((s) => s.step === 'notice-delivered' && s.subject === 'gdpr:authority:DE')).toMatchObject({
      doneAt: null,
      hours: null,
      metTarget: null,
    });
  });

  it('the trend compares with the previous run of the same scenario', () => {
    const prev = (scenarioId: string, mean: number): TrendPoint => ({
      incidentId: 'DRILL-x-0',
      scenarioId,
      startedAt: at(-1000),
      legalMisses: 0,
      meanStepHours: mean,
    });
    expect(scoreDrill({ ...base, previous: [prev('ransomware-eu', 100)] }).trend.direction).toBe('faster');
    expect(scoreDrill({ ...base, previous: [prev('ransomware-eu', 1)] }).trend.direction).toBe('slower');
    expect(scoreDrill({ ...base, previous: [prev('other', 1)] }).trend.direction).toBeNull();
  });
});
