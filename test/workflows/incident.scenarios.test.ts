import { ApplicationFailure } from '@temporalio/common';
import { IncidentFacts } from '../../domain/facts';
import { UpdateRejected } from '../../api/gateway';
import {
  closeUpdate,
  completeTaskUpdate,
  confirmContainmentUpdate,
  decideNoticeUpdate,
  recordReviewUpdate,
  updateFactsUpdate,
  type IncidentInput,
} from '../../workflows/incident/messages';
import { describeBackend } from '../harness';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const HOUR = 3_600_000;
const responder = { id: 'rita@example.org', role: 'responder' as const };
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const AUTHORITY = 'gdpr:authority:DE';

async function report(env: IncidentEnv, id: string, over: Record<string, unknown> = {}): Promise<IncidentInput> {
  const now = new Date(await env.harness.now()).toISOString();
  const input: IncidentInput = {
    incident: { id, title: 'Customer database exposed', reportedBy: responder, reportedAt: now },
    facts: IncidentFacts.parse({
      awareAt: now,
      entity: { name: 'Beispiel GmbH', country: 'DE' },
      affected: [{ country: 'DE', count: 1200 }],
      dataCategories: ['name', 'contact'],
      risk: 'risk',
      nature: 'An unprotected backup of the customer database was reachable from the internet.',
      ...over,
    }),
    planId: 'default',
  };
  await env.gateway.report(input);
  return input;
}

/** Lets the workflow settle at the current virtual time. */
const settle = (env: IncidentEnv) => env.harness.sleep(1);

describe(`incidentWorkflow scenarios [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('approval in time: the authority notice goes out before 72 h and the ledger records every step', async () => {
    const input = await report(env, 'INC-approve');
    await env.harness.sleep(2 * HOUR);
    let status = await env.gateway.status('INC-approve');
    expect(status.phase).toBe('containment');
    const notice = status.notices.find((n) => n.id === AUTHORITY)!;
    expect(notice.status).toBe('awaiting-approval');
    expect(notice.obligation.dueAt).toBe(new Date(Date.parse(input.facts.awareAt) + 72 * HOUR).toISOString());
    expect(status.pendingApprovals).toEqual([
      expect.objectContaining({ noticeId: AUTHORITY, approvalsHave: 0, approvalsNeeded: 2 }),
    ]);
    const hash = notice.draft!.contentHash;

    await env.gateway.update('INC-approve', decideNoticeUpdate, {
      actor: manager,
      noticeId: AUTHORITY,
      decision: 'approve',
      contentHash: hash,
    });
    // The same person cannot count twice towards the two approvals.
    await expect(
      env.gateway.update('INC-approve', decideNoticeUpdate, {
        actor: manager,
        noticeId: AUTHORITY,
        decision: 'approve',
      }),
    ).rejects.toThrow(/already approved/);
    await env.gateway.update('INC-approve', decideNoticeUpdate, {
      actor: legal,
      noticeId: AUTHORITY,
      decision: 'approve',
      contentHash: hash,
    });
    await settle(env);

    status = await env.gateway.status('INC-approve');
    const sent = status.notices.find((n) => n.id === AUTHORITY)!;
    expect(sent.status).toBe('sent');
    expect(Date.parse(sent.delivery!.at)).toBeLessThan(Date.parse(sent.obligation.dueAt!));
    expect(sent.delivery!.evidence).toMatchObject({
      transport: 'outbox',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const mails = env.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/^To: mailbox@datenschutz-berlin\.example/m);

    await env.gateway.update('INC-approve', confirmContainmentUpdate, { actor: responder, note: 'bucket locked' });
    for (const taskId of ['root-cause', 'scope-confirmed', 'evidence-preserved']) {
      await env.gateway.update('INC-approve', completeTaskUpdate, { actor: responder, taskId });
    }
    await settle(env);
    expect((await env.gateway.status('INC-approve')).phase).toBe('review');
    await env.gateway.update('INC-approve', recordReviewUpdate, { actor: manager, summary: 'Backups now encrypted' });
    await env.gateway.update('INC-approve', closeUpdate, { actor: manager });
    const outcome = await env.harness.client.workflow.getHandle('INC-approve').result();
    expect(outcome).toMatchObject({ id: 'INC-approve', notices: [{ id: AUTHORITY, status: 'sent' }] });

    const actions = await env.actions('INC-approve');
    expect(actions.slice(0, 3)).toEqual(['incident.reported', 'obligations.assessed', 'phase.changed']);
    for (const a of [
      'notice.drafted',
      'notice.approved',
      'notice.sent',
      'containment.confirmed',
      'task.completed',
      'review.recorded',
      'incident.close-requested',
    ]) {
      expect(actions).toContain(a);
    }
    expect(actions.filter((a) => a === 'notice.approved')).toHaveLength(2);
    expect(actions).not.toContain('notice.reminder-sent');
    expect(actions.at(-1)).toBe('phase.changed');
    expect(await env.ledger.verify()).toMatchObject({ ok: true });
  });

  it('concurrent updates run one at a time: a facts change racing two approvals ends as a serial order would, and the ledger agrees', async () => {
    await report(env, 'INC-race');
    await env.harness.sleep(2 * HOUR);
    const hash = (await env.gateway.status('INC-race')).notices.find((n) => n.id === AUTHORITY)!.draft!.contentHash;
    const results = await Promise.allSettled([
      env.gateway.update('INC-race', updateFactsUpdate, {
        actor: responder,
        facts: { affected: [{ country: 'DE', count: 5000 }] },
        reason: 'more records found',
      }),
      env.gateway.update('INC-race', decideNoticeUpdate, {
        actor: manager,
        noticeId: AUTHORITY,
        decision: 'approve',
        contentHash: hash,
      }),
      env.gateway.update('INC-race', decideNoticeUpdate, {
        actor: legal,
        noticeId: AUTHORITY,
        decision: 'approve',
        contentHash: hash,
      }),
    ]);
    await settle(env);
    expect(results[0]).toMatchObject({ status: 'fulfilled' });
    // Whatever the order, every approval in the ledger is of the draft recorded last before it.
    const entries = (await env.ledger.list({ incidentId: 'INC-race' })).filter(
      (e) => (e.payload as { noticeId?: string }).noticeId === AUTHORITY,
    );
    let current: string | undefined;
    for (const e of entries) {
      const { contentHash } = e.payload as { contentHash?: string };
      if (e.action === 'notice.drafted') current = contentHash;
      if (e.action === 'notice.approved') expect(contentHash).toBe(current);
    }
    // And the outcome is one a serial order gives: both approvals before the change (the notice went
    // out with the first draft), or the change first or between them (no approval of the new draft).
    const notice = (await env.gateway.status('INC-race')).notices.find((n) => n.id === AUTHORITY)!;
    const approved = results.slice(1).filter((r) => r.status === 'fulfilled').length;
    if (notice.status === 'sent') {
      expect(approved).toBe(2);
      expect(entries.filter((e) => e.action === 'notice.drafted')).toHaveLength(1);
    } else {
      expect(notice.status).toBe('awaiting-approval');
      expect(notice.draft!.contentHash).not.toBe(hash);
      expect((await env.gateway.status('INC-race')).pendingApprovals).toContainEqual(
        expect.objectContaining({ noticeId: AUTHORITY, approvalsHave: 0 }),
      );
      for (const r of results.slice(1))
        if (r.status === 'rejected')
          expect(String(r.reason)).toMatch(
            /changed since you read it|being redrafted|is drafting, not awaiting approval/,
          );
    }
  });

  it('no approval: reminders at 48 h and 68 h, missed deadline at 72 h, escalation, then a late notice with reasons', async () => {
    await report(env, 'INC-silent');
    await env.harness.sleep(48 * HOUR - 60_000);
    expect(await env.actions('INC-silent')).not.toContain('notice.reminder-sent');
    await env.harness.sleep(60_000);
    let entries = await env.ledger.list({ incidentId: 'INC-silent' });
    expect(entries.filter((e) => e.action === 'notice.reminder-sent').map((e) => e.payload)).toEqual([
      expect.objectContaining({ hoursLeft: 24 }),
    ]);
    await env.harness.sleep(20 * HOUR);
    entries = await env.ledger.list({ incidentId: 'INC-silent' });
    expect(
      entries
        .filter((e) => e.action === 'notice.reminder-sent')
        .map((e) => (e.payload as { hoursLeft: number }).hoursLeft),
    ).toEqual([24, 4]);
    expect(entries.map((e) => e.action)).not.toContain('notice.deadline-missed');

    await env.harness.sleep(4 * HOUR);
    entries = await env.ledger.list({ incidentId: 'INC-silent' });
    const missed = entries.find((e) => e.action === 'notice.deadline-missed');
    expect(missed?.payload).toMatchObject({ noticeId: AUTHORITY });
    const escalated = entries.filter((e) => e.action === 'notice.escalated');
    expect(escalated.map((e) => e.payload)).toEqual([
      expect.objectContaining({ role: 'admin', to: ['ciso@example.org'] }),
    ]);
    const mails = env.mails();
    // One escalation of the missed deadline; the pending-approval escalations (50 %, 80 %) are mailed apart.
    const toCiso = mails.filter((m) => /^To: ciso@example\.org/m.test(m));
    expect(toCiso.filter((m) => /has been missed/.test(m))).toHaveLength(1);
    expect(toCiso.filter((m) => /still awaits approval/.test(m)).length).toBeGreaterThan(0);
    expect(mails.filter((m) => /^To: security-manager@example\.org, dpo@example\.org/m.test(m))).toHaveLength(2);
    const status = await env.gateway.status('INC-silent');
    expect(status.notices[0]).toMatchObject({ status: 'awaiting-approval', escalatedTo: ['admin'] });
    expect(status.notices[0].missedAt).toBeDefined();

    // Late approval must give the reasons for the delay (GDPR Art. 33(1)).
    await expect(
      env.gateway.update('INC-silent', decideNoticeUpdate, {
        actor: manager,
        noticeId: AUTHORITY,
        decision: 'approve',
      }),
    ).rejects.toThrow(/delayReason/);
    const reason = 'Forensic scoping of the backup took longer than planned.';
    await env.gateway.update('INC-silent', decideNoticeUpdate, {
      actor: manager,
      noticeId: AUTHORITY,
      decision: 'approve',
      delayReason: reason,
    });
    await env.gateway.update('INC-silent', decideNoticeUpdate, {
      actor: legal,
      noticeId: AUTHORITY,
      decision: 'approve',
    });
    await settle(env);
    const after = await env.gateway.status('INC-silent');
    expect(after.notices[0].status).toBe('sent');
    expect(after.notices[0].draft!.text).toContain(reason);
    const sent = (await env.ledger.list({ incidentId: 'INC-silent' })).find((e) => e.action === 'notice.sent');
    expect(sent?.payload).toMatchObject({ late: true, delayReason: reason });
  });

  it('facts raised to high risk mid-way add the individuals obligation without restarting the authority clock', async () => {
    await report(env, 'INC-raise');
    await env.harness.sleep(10 * HOUR);
    const before = (await env.gateway.status('INC-raise')).notices.find((n) => n.id === AUTHORITY)!;
    const change = await env.gateway.update('INC-raise', updateFactsUpdate, {
      actor: responder,
      facts: { risk: 'high', dataCategories: ['name', 'contact', 'financial'] },
      reason: 'bank details found in the dump',
    });
    expect(change).toEqual({ added: ['gdpr:individuals:DE'], withdrawn: [], redrafted: [AUTHORITY] });
    await settle(env);
    const status = await env.gateway.status('INC-raise');
    const authority = status.notices.find((n) => n.id === AUTHORITY)!;
    expect(authority.obligation.clockStart).toBe(before.obligation.clockStart);
    expect(authority.obligation.dueAt).toBe(before.obligation.dueAt);
    expect(authority.draft!.contentHash).not.toBe(before.draft!.contentHash);
    const individuals = status.notices.find((n) => n.id === 'gdpr:individuals:DE')!;
    expect(individuals.obligation).toMatchObject({ recipient: 'individuals', dueAt: null });
    // No legal number: the plan's internal target (72 h from awareness) drives its reminders.
    expect(individuals.clockDueAt).toBe(before.obligation.dueAt);
    expect(individuals.legalDeadline).toBe(false);
    expect(status.facts.risk).toBe('high');
  });

  it('a repeated start with the same incident id is the same incident', async () => {
    const input = await report(env, 'INC-dup');
    await expect(env.gateway.report(input)).resolves.toEqual({ created: false });
    await settle(env);
    const actions = await env.actions('INC-dup');
    expect(actions.filter((a) => a === 'incident.reported')).toHaveLength(1);
    expect(actions.filter((a) => a === 'obligations.assessed')).toHaveLength(1);
  });

  it('validators reject a non-approver, an unknown notice and a premature close, leaving no trace', async () => {
    await report(env, 'INC-guard');
    await settle(env);
    const before = await env.actions('INC-guard');
    await expect(
      env.gateway.update('INC-guard', decideNoticeUpdate, {
        actor: responder,
        noticeId: AUTHORITY,
        decision: 'approve',
      }),
    ).rejects.toThrow(UpdateRejected);
    await expect(
      env.gateway.update('INC-guard', decideNoticeUpdate, {
        actor: manager,
        noticeId: 'gdpr:authority:XX',
        decision: 'approve',
      }),
    ).rejects.toThrow(/no notice "gdpr:authority:XX"/);
    await expect(env.gateway.update('INC-guard', closeUpdate, { actor: manager })).rejects.toThrow(/review first/);
    await expect(
      env.gateway.update('INC-guard', decideNoticeUpdate, { actor: manager, noticeId: AUTHORITY, decision: 'reject' }),
    ).rejects.toThrow(/needs a reason/);
    await settle(env);
    expect(await env.actions('INC-guard')).toEqual(before);
    expect((await env.gateway.status('INC-guard')).notices[0].decisions).toEqual([]);
  });
});

describe(`when internal mail fails [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv(undefined, {
      sendInternalMail: async () => {
        throw ApplicationFailure.nonRetryable('relay refused: 550 5.7.1 relaying denied', 'SmtpPermanentFailure');
      },
    });
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('the failure is recorded and the clock goes on to the missed deadline', async () => {
    await report(env, 'INC-nomail');
    await env.harness.sleep(73 * HOUR);
    const entries = await env.ledger.list({ incidentId: 'INC-nomail' });
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'notice.reminder-failed')).toHaveLength(2);
    expect(actions).not.toContain('notice.reminder-sent');
    expect(actions).toContain('notice.deadline-missed');
    expect(entries.find((e) => e.action === 'notice.escalation-failed')?.payload).toMatchObject({
      noticeId: AUTHORITY,
      error: expect.stringMatching(/relaying denied/),
    });
    expect((await env.gateway.status('INC-nomail')).notices[0].status).toBe('awaiting-approval');
  });
});
