/**
 * Drills on the real worker and the in-process dev server, in skipped time: a scheduled drill fires
 * and runs a whole scenario to its scores; drill mode reaches nobody outside the drill.
 */
import { createDrillScheduler } from '../../api/drill-scheduler';
import { createDrillStore } from '../../activities/drills/store';
import { DRILL_FIRST_LINE } from '../../activities/drills/guard';
import { drillIncidentId } from '../../domain/drill';
import type { drillWorkflow } from '../../workflows/drill/workflow';
import { simpleParser } from 'mailparser';
import { seedRecipients } from '../recipients/campaign-fixtures';
import { setupIncidentEnv, type IncidentEnv } from '../workflows/setup';

const HOUR = 3_600_000;

async function parsed(env: IncidentEnv) {
  return Promise.all(
    env.mails().map(async (raw) => {
      const m = await simpleParser(raw);
      const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
        a.value.map((v) => (v.address ?? '').toLowerCase()),
      );
      return { to, subject: m.subject ?? '', text: m.text ?? '' };
    }),
  );
}

describe('drills', () => {
  let env: IncidentEnv;
  afterEach(async () => env.teardown());

  it('a scheduled drill fires on its schedule and runs the ransomware scenario in skipped time to its scores', async () => {
    // Sunday 1 March 2026, 12:00 Berlin; the drill is every Monday at 09:00 Berlin time.
    env = await setupIncidentEnv(new Date('2026-03-01T11:00:00Z'));
    const scheduler = createDrillScheduler(env.harness.client, env.harness.taskQueue);
    const created = await scheduler.create({
      drillId: 'weekly-eu',
      planId: 'default',
      scenarioId: 'ransomware-eu',
      participants: [],
      responseHours: {},
      schedule: { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' },
      paused: false,
    });
    expect(created.nextRuns[0]).toBe('2026-03-02T08:00:00.000Z');
    expect(created.schedule).toEqual({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' });

    await env.harness.sleep(21 * HOUR + 60_000); // past Monday 09:00 Berlin
    const [fired] = (await scheduler.describe('weekly-eu')).recentRuns;
    expect(fired.scheduledAt).toBe('2026-03-02T08:00:00.000Z');
    await scheduler.pause('weekly-eu', 'one run is enough for this test');
    const outcome = await env.harness.client.workflow.getHandle<typeof drillWorkflow>(fired.workflowId).result();

    const incidentId = drillIncidentId('weekly-eu', '2026-03-02T08:00:00.000Z');
    expect(outcome).toMatchObject({ incidentId, missedLegalDeadline: false, misses: [] });
    const run = await createDrillStore(env.db).get(incidentId);
    const report = run!.report!;
    // The scenario's responders: responder 1 h, manager 2 h, legal 4 h; containment scripted at +6 h.
    const step = (kind: string, subject?: string) => report.steps.find((s) => s.step === kind && s.subject === subject);
    expect(step('contained')).toMatchObject({ hours: 6, metTarget: true });
    expect(step('obligations-assessed')).toMatchObject({ hours: 0 });
    // The +2 h finding (exfiltration, France, high risk) adds the individuals' notice (GDPR Art. 34); the lead authority stays the Berlin one.
    expect(report.obligations.map((o) => o.id).sort()).toEqual(['gdpr:authority:DE', 'gdpr:individuals:DE']);
    const de = report.obligations.find((o) => o.id === 'gdpr:authority:DE')!;
    expect(de).toMatchObject({ met: true, dueAt: '2026-03-05T08:00:00.000Z' });
    expect(de.marginHours).toBeGreaterThan(60);
    expect(step('review-held')).toBeDefined();
    // Every message went to the plan's contact (the stand-in), marked DRILL.
    const mails = await parsed(env);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expect(m.to).toEqual(['dpo@example.org']);
      expect(m.subject).toMatch(/^\[DRILL\] /);
    }
    const actions = await env.actions(incidentId);
    expect(actions).toEqual(
      expect.arrayContaining(['drill.regulator-question', 'review.recorded', 'incident.close-requested']),
    );
    // Acknowledged by the first answer of a (scripted) participant: the manager (2 h to answer) approves the
    // first draft at +2 h; the +2 h facts change redrafted it, and the approver who read it approves the new text at once.
    expect(step('acknowledged')).toMatchObject({ hours: 2, metTarget: false });
    expect(actions.at(-1)).toBe('phase.changed');
  });

  it('drill mode reaches no one outside the drill, whatever the facts name: real authorities, imported recipients', async () => {
    const start = '2026-03-02T08:00:00.000Z';
    env = await setupIncidentEnv(new Date(start));
    const incidentId = drillIncidentId('no-leak', start);
    // An imported list of real people for the drill incident: never to be written to.
    await seedRecipients(env.db, incidentId, 25, { domain: 'customers.example.net' });
    const participant = 'security-manager@example.org';
    const outcome = await env.harness.client.workflow.execute<typeof drillWorkflow>('drillWorkflow', {
      taskQueue: env.harness.taskQueue,
      workflowId: 'drill-no-leak',
      args: [
        {
          drillId: 'no-leak',
          scenarioId: 'ransomware-eu',
          participants: [participant],
          scriptedRoles: ['responder', 'manager', 'legal', 'admin'],
        },
      ],
    });
    expect(outcome.incidentId).toBe(incidentId);
    const mails = await parsed(env);
    // Authority notices (the plan names the Berlin authority's mailbox) and the individuals' letters all went to the participant.
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const m of mails) {
      expect(m.to).toEqual([participant]);
      expect(m.subject).toMatch(/^\[DRILL\] /);
      expect(m.text.split('\n')[0]).toBe(DRILL_FIRST_LINE);
    }
    const { rows } = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE incident_id = $1 AND status = 'sent'",
      [incidentId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('the send activities refuse an outside address for a drill incident even when the workflow asks for it', async () => {
    const start = '2026-03-02T08:00:00.000Z';
    env = await setupIncidentEnv(new Date(start));
    const incidentId = drillIncidentId('direct', start);
    await createDrillStore(env.db).register({
      incidentId,
      drillId: 'direct',
      planId: 'default',
      scenarioId: 'ransomware-eu',
      participants: ['dpo@example.org'],
      standIn: 'dpo@example.org',
      startedAt: start,
    });
    const mail = {
      incidentId,
      noticeId: 'gdpr:authority:DE',
      from: 'incident-response@example.org',
      subject: 'Notification',
      text: 'Text',
    };
    await expect(
      env.activities.sendNotice({ ...mail, to: ['mailbox@datenschutz-berlin.example'] }),
    ).rejects.toMatchObject({ type: 'DrillRecipientRefused', nonRetryable: true });
    await expect(
      env.activities.sendInternalMail({
        kind: 'reminder',
        to: ['ciso@example.org'],
        from: mail.from,
        locale: 'en',
        context: { incident: { id: incidentId } },
      }),
    ).rejects.toMatchObject({ type: 'DrillRecipientRefused' });
    expect(env.mails()).toHaveLength(0);
    // A participant gets it, marked.
    await env.activities.sendNotice({ ...mail, to: ['dpo@example.org'] });
    const [sent] = await Promise.all(env.mails().map((m) => simpleParser(m)));
    expect(sent.subject).toBe('[DRILL] Notification');
  });
});
