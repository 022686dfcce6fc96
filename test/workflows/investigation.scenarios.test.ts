/**
 * Investigation tasks on their clocks, the scheduled lessons-learned review with its calendar
 * invitation, and action items that hold the close, on the real worker in skipped time.
 */
import { simpleParser } from 'mailparser';
import ICAL from 'ical.js';
import { IncidentFacts } from '../../domain/facts';
import {
  acceptActionItemUpdate,
  closeUpdate,
  completeActionItemUpdate,
  completeTaskUpdate,
  confirmContainmentUpdate,
  recordReviewUpdate,
} from '../../workflows/incident/messages';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const HOUR = 3_600_000;
const responder = { id: 'rita@example.org', role: 'responder' as const };
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const SHA = (c: string) => c.repeat(64);
// Monday 2 March 2026, 09:15 UTC (10:15 in Berlin, the default plan's time zone).
const START = new Date('2026-03-02T09:15:00Z');

/** An incident with no notification duty (risk unlikely): containment leads straight to the investigation. */
async function reportAndContain(env: IncidentEnv, id: string): Promise<number> {
  const now = new Date(await env.harness.now()).toISOString();
  await env.gateway.report({
    incident: { id, title: 'Misconfigured file share', reportedBy: responder, reportedAt: now },
    facts: IncidentFacts.parse({
      awareAt: now,
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 12 }],
      dataCategories: ['name'],
      risk: 'unlikely',
      nature: 'An internal share was readable by all staff.',
    }),
    planId: 'default',
  });
  await env.harness.sleep(1000);
  await env.gateway.update(id, confirmContainmentUpdate, { actor: responder, note: 'share permissions fixed' });
  const containedAt = await env.harness.now();
  await env.harness.sleep(1000);
  return containedAt;
}

const entries = async (env: IncidentEnv, id: string, action: string) =>
  (await env.ledger.list({ incidentId: id })).filter((e) => e.action === action);

async function completeAllTasks(env: IncidentEnv, id: string): Promise<void> {
  for (const taskId of ['root-cause', 'scope-confirmed', 'evidence-preserved']) {
    await env.gateway.update(id, completeTaskUpdate, {
      actor: responder,
      taskId,
      notes: 'done',
      evidence: [{ label: `${taskId} report`, sha256: SHA('a') }],
    });
  }
  await env.harness.sleep(1000);
}

describe(`investigation and lessons learned [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv(START);
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('tasks are assigned at the investigation, a late task is reminded, then escalated at its target and 24 h after; evidence is kept by hash', async () => {
    await reportAndContain(env, 'INC-late');
    let status = await env.gateway.status('INC-late');
    expect(status.phase).toBe('investigation');
    const assigned = await entries(env, 'INC-late', 'task.assigned');
    expect(assigned.map((e) => (e.payload as { taskId: string }).taskId).sort()).toEqual([
      'evidence-preserved',
      'root-cause',
      'scope-confirmed',
    ]);
    expect(assigned[0].payload).toMatchObject({
      role: 'responder',
      to: ['ir-lead@example.org'],
      mail: { messageId: expect.any(String) },
    });
    const task = status.tasks.find((t) => t.id === 'evidence-preserved')!;
    const due = Date.parse(task.dueAt!);
    expect(due - Date.parse(task.assignedAt!)).toBe(24 * HOUR);

    // Done in time: no reminder for these.
    await env.gateway.update('INC-late', completeTaskUpdate, {
      actor: responder,
      taskId: 'root-cause',
      evidence: [{ label: 'RCA', sha256: SHA('b') }],
    });
    await env.gateway.update('INC-late', completeTaskUpdate, {
      actor: responder,
      taskId: 'scope-confirmed',
      notes: 'query attached',
    });

    await env.harness.sleep(due - 4 * HOUR - (await env.harness.now()) + 60_000);
    expect((await entries(env, 'INC-late', 'task.reminded')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ taskId: 'evidence-preserved', hoursLeft: 4 }),
    ]);
    expect(await entries(env, 'INC-late', 'task.escalated')).toEqual([]);

    await env.harness.sleep(4 * HOUR);
    const overdue = await entries(env, 'INC-late', 'task.overdue');
    expect(overdue).toHaveLength(1);
    let escalated = await entries(env, 'INC-late', 'task.escalated');
    expect(escalated.map((e) => e.payload)).toEqual([
      expect.objectContaining({ taskId: 'evidence-preserved', role: 'admin', to: ['ciso@example.org'] }),
    ]);
    expect(Math.abs(Date.parse(escalated[0].at) - due)).toBeLessThan(60_000);

    await env.harness.sleep(24 * HOUR);
    escalated = await entries(env, 'INC-late', 'task.escalated');
    expect(escalated.map((e) => (e.payload as { role: string }).role)).toEqual(['admin', 'legal']);
    expect(Math.abs(Date.parse(escalated[1].at) - (due + 24 * HOUR))).toBeLessThan(60_000);
    expect(env.mails().filter((m) => /^To: ciso@example\.org/m.test(m))).toHaveLength(1);

    // Completed late: the evidence enters the ledger as label, hash and location only.
    await env.gateway.update('INC-late', completeTaskUpdate, {
      actor: responder,
      taskId: 'evidence-preserved',
      notes: 'imaged late',
      evidence: [{ label: 'disk image fs01', sha256: SHA('C'), uri: 'file:///vault/fs01.img' }],
    });
    await env.harness.sleep(1000);
    const [done] = (await entries(env, 'INC-late', 'task.completed')).filter(
      (e) => (e.payload as { taskId: string }).taskId === 'evidence-preserved',
    );
    expect(done.payload).toMatchObject({
      late: true,
      evidence: [{ label: 'disk image fs01', sha256: SHA('c'), uri: 'file:///vault/fs01.img' }],
    });
    status = await env.gateway.status('INC-late');
    expect(status.phase).toBe('review');
    expect(status.tasks.find((t) => t.id === 'evidence-preserved')).toMatchObject({
      escalatedTo: ['admin', 'legal'],
      evidence: [{ sha256: SHA('c') }],
    });
  });

  it('evidence must carry a SHA-256: the workflow refuses anything else and records nothing', async () => {
    await reportAndContain(env, 'INC-sha');
    const before = await env.actions('INC-sha');
    await expect(
      env.gateway.update('INC-sha', completeTaskUpdate, {
        actor: responder,
        taskId: 'root-cause',
        evidence: [{ label: 'RCA', sha256: 'abc' }],
      }),
    ).rejects.toThrow(/sha256/);
    await expect(
      env.gateway.update('INC-sha', completeTaskUpdate, { actor: legal, taskId: 'root-cause' }),
    ).rejects.toThrow(/needs one of the roles responder, manager, admin/);
    expect(await env.actions('INC-sha')).toEqual(before);
  });

  it('the review is scheduled 5 business days after containment in the plan time zone, and the invitation is a valid calendar event', async () => {
    await reportAndContain(env, 'INC-invite');
    const [scheduled] = await entries(env, 'INC-invite', 'review.scheduled');
    // Contained Monday 2 March: the fifth business day is Monday 9 March, 10:00 in Berlin (09:00 UTC).
    expect(scheduled.payload).toMatchObject({
      start: '2026-03-09T09:00:00.000Z',
      end: '2026-03-09T10:30:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    const [invited] = await entries(env, 'INC-invite', 'review.invited');
    expect(invited.payload).toMatchObject({ mail: { messageId: expect.any(String), uid: expect.any(String) } });

    const raw = env.mails().find((m) => /text\/calendar/.test(m))!;
    const mail = await simpleParser(raw);
    expect(mail.to).toMatchObject({
      value: [
        { address: 'security-manager@example.org' },
        { address: 'dpo@example.org' },
        { address: 'ir-lead@example.org' },
      ],
    });
    const ics = mail.attachments.find((a) => a.contentType === 'text/calendar')!;
    expect(ics.filename).toBe('review.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-09T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-09T10:30:00.000Z');
    expect(event.uid).toBe((invited.payload as { mail: { uid: string } }).mail.uid);
    expect(event.summary).toMatch(/Lessons-learned review: INC-invite/);
    expect(String(event.organizer).toLowerCase()).toBe('mailto:incident-response@example.org');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()).sort()).toEqual([
      'mailto:dpo@example.org',
      'mailto:ir-lead@example.org',
      'mailto:security-manager@example.org',
    ]);
  });

  it('open action items hold the close until done or accepted by a manager; an overdue item escalates', async () => {
    await reportAndContain(env, 'INC-items');
    await completeAllTasks(env, 'INC-items');
    expect((await env.gateway.status('INC-items')).phase).toBe('review');
    const now = await env.harness.now();
    await env.gateway.update('INC-items', recordReviewUpdate, {
      actor: manager,
      whatHappened: 'A share created for a migration kept "everyone" read access.',
      rootCauses: ['No review of share permissions after migrations'],
      whatWorked: ['Detection by the quarterly access scan'],
      whatDidNot: ['Nobody owned the migration share'],
      findings: [
        { control: 'share permission review', followUp: 'process-change' },
        { role: 'responder', personId: 'emp-4711', followUp: 'training', note: 'migration checklist not followed' },
      ],
      actionItems: [
        {
          id: 'perm-scan',
          title: 'Scan share permissions weekly',
          owner: { role: 'responder' },
          dueAt: new Date(now + 48 * HOUR).toISOString(),
          priority: 'high',
        },
        {
          title: 'Buy a DLP tool',
          owner: { role: 'manager', personId: 'max@example.org' },
          dueAt: new Date(now + 90 * 24 * HOUR).toISOString(),
          priority: 'low',
        },
      ],
    });
    await expect(
      env.gateway.update('INC-items', recordReviewUpdate, { actor: manager, whatHappened: 'again' }),
    ).rejects.toThrow(/already|recorded at/);
    await expect(env.gateway.update('INC-items', closeUpdate, { actor: manager })).rejects.toThrow(
      /action items still open: perm-scan .*ai-2/,
    );

    // The high-priority item runs late: overdue at its due time, escalated to the admin.
    await env.harness.sleep(48 * HOUR + 60_000);
    expect((await entries(env, 'INC-items', 'action-item.overdue')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ itemId: 'perm-scan' }),
    ]);
    expect((await entries(env, 'INC-items', 'action-item.escalated')).map((e) => e.payload)).toEqual([
      expect.objectContaining({ itemId: 'perm-scan', role: 'admin' }),
    ]);

    await expect(
      env.gateway.update('INC-items', completeActionItemUpdate, {
        actor: legal,
        itemId: 'perm-scan',
        evidence: [{ label: 'scan job', sha256: SHA('d') }],
      }),
    ).rejects.toThrow(/needs one of the roles responder, manager, admin/);
    await env.gateway.update('INC-items', completeActionItemUpdate, {
      actor: responder,
      itemId: 'perm-scan',
      evidence: [{ label: 'scan job config', sha256: SHA('d') }],
    });
    await expect(env.gateway.update('INC-items', closeUpdate, { actor: manager })).rejects.toThrow(
      /action items still open: ai-2/,
    );
    await expect(
      env.gateway.update('INC-items', acceptActionItemUpdate, { actor: legal, itemId: 'ai-2', reason: 'budget' }),
    ).rejects.toThrow(/manager, admin/);
    await env.gateway.update('INC-items', acceptActionItemUpdate, {
      actor: manager,
      itemId: 'ai-2',
      reason: 'No budget this year; the weekly scan covers the risk.',
    });
    await env.gateway.update('INC-items', closeUpdate, { actor: manager });
    await env.harness.client.workflow.getHandle('INC-items').result();

    const [review] = await entries(env, 'INC-items', 'review.recorded');
    expect(review.payload).toMatchObject({
      rootCauses: ['No review of share permissions after migrations'],
      findings: [
        { control: 'share permission review' },
        { role: 'responder', personId: 'emp-4711', followUp: 'training' },
      ],
      actionItems: [
        { id: 'perm-scan', priority: 'high' },
        { id: 'ai-2', owner: { role: 'manager', personId: 'max@example.org' } },
      ],
    });
    expect((await entries(env, 'INC-items', 'action-item.completed'))[0].payload).toMatchObject({
      itemId: 'perm-scan',
      late: true,
      evidence: [{ label: 'scan job config', sha256: SHA('d') }],
    });
    expect((await entries(env, 'INC-items', 'action-item.accepted'))[0].payload).toMatchObject({
      itemId: 'ai-2',
      reason: expect.stringMatching(/budget/),
    });
    expect((await env.actions('INC-items')).at(-1)).toBe('phase.changed');
    expect(await env.ledger.verify()).toMatchObject({ ok: true });
  });
});
