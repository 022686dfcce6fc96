import { ApplicationFailure } from '@temporalio/common';
import { IncidentFacts } from '../../domain/facts';
import { decideNoticeUpdate, type IncidentInput } from '../../workflows/incident/messages';
import {
  cancelUpdate,
  progressQuery,
  resumeUpdate,
  type NotifyInput,
  type NotifySummary,
} from '../../workflows/notify/messages';
import { describeBackend } from '../harness';
import { massNotice, seedRecipients } from '../recipients/campaign-fixtures';
import { setupIncidentEnv, type IncidentEnv } from './setup';

const manager = { id: 'max@example.org', role: 'manager' as const };
const responder = { id: 'rita@example.org', role: 'responder' as const };

describe(`mass notification [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv();
  });
  afterEach(async () => {
    await env.teardown();
  });

  const start = (input: NotifyInput) =>
    env.harness.client.workflow.start('notifyRecipients', {
      workflowId: `${input.incidentId}/notify/${input.noticeId}`,
      taskQueue: env.harness.taskQueue,
      args: [input],
    });

  it('an approved notice to individuals reaches every imported recipient through the child workflow', async () => {
    await seedRecipients(env.db, 'INC-mass', 40);
    const now = new Date(await env.harness.now()).toISOString();
    const input: IncidentInput = {
      incident: { id: 'INC-mass', title: 'Backup exposed', reportedBy: responder, reportedAt: now },
      facts: IncidentFacts.parse({
        awareAt: now,
        entity: { name: 'Beispiel GmbH', country: 'DE' },
        affected: [{ country: 'DE', count: 40 }],
        dataCategories: ['name', 'financial'],
        risk: 'high',
        encrypted: false,
      }),
      planId: 'default',
    };
    await env.gateway.report(input);
    await env.harness.sleep(1000);
    await env.gateway.update('INC-mass', decideNoticeUpdate, {
      actor: manager,
      noticeId: 'gdpr:individuals:DE',
      decision: 'approve',
    });
    await env.harness.sleep(1000);
    const status = await env.gateway.status('INC-mass');
    const notice = status.notices.find((n) => n.id === 'gdpr:individuals:DE')!;
    expect(notice.status).toBe('sent');
    // One letter per person (the plan's default): the notice's people are told in a round of letters.
    expect(notice.delivery).toMatchObject({
      channel: 'letters',
      reference: 'INC-mass/letters/1',
      recipients: { total: 40, sent: 40, failedPermanent: 0, cancelled: 0 },
    });
    // Recipient addresses never enter the incident's history: only counts and ids do.
    expect(JSON.stringify(status)).not.toMatch(/person\d+@example\.net/);
    expect(env.mails().filter((m) => /^To: person\d+@example\.net/m.test(m))).toHaveLength(40);
    const completed = (await env.ledger.list({ incidentId: 'INC-mass' })).find(
      (e) => e.action === 'notice.mass-notification-completed',
    );
    expect(completed?.payload).toMatchObject({ total: 40, sent: 40, failedPermanent: 0, people: 40, letters: 40 });
  });

  it('continues as new every few batches, keeping its id, its counts and a small history', async () => {
    await seedRecipients(env.db, 'INC-can', 95);
    const handle = await start({
      incidentId: 'INC-can',
      noticeId: 'gdpr:individuals:DE',
      audience: ['*'],
      notice: massNotice('INC-can'),
      batchSize: 10,
      batchesPerRun: 3,
    });
    const summary = (await handle.result()) as NotifySummary;
    expect(summary).toMatchObject({ total: 95, sent: 95, failedPermanent: 0, cancelled: 0 });
    expect(summary.runs).toBeGreaterThanOrEqual(3);
    expect(await env.harness.historyLength(handle.workflowId)).toBeLessThan(60);
    expect(env.mails()).toHaveLength(95);
  });

  it('a campaign started paused shows its size, then runs on resume; progress adds up', async () => {
    await seedRecipients(env.db, 'INC-pause', 23);
    const handle = await start({
      incidentId: 'INC-pause',
      noticeId: 'gdpr:individuals:DE',
      audience: ['*'],
      notice: massNotice('INC-pause'),
      batchSize: 5,
      startPaused: true,
    });
    await env.harness.sleep(60_000);
    const waiting = await handle.query(progressQuery);
    expect(waiting).toMatchObject({ total: 23, sent: 0, pending: 23, paused: true, finished: false, eta: null });
    expect(env.mails()).toHaveLength(0);
    await handle.executeUpdate(resumeUpdate);
    const summary = (await handle.result()) as NotifySummary;
    expect(summary).toMatchObject({ total: 23, sent: 23 });
    const done = await handle.query(progressQuery);
    expect(done).toMatchObject({ finished: true, pending: 0, sent: 23 });
    expect(done.sent + done.failedPermanent + done.cancelled + done.pending).toBe(done.total);
  });

  it('cancel settles everyone not yet reached as cancelled; a second cancel is refused', async () => {
    await seedRecipients(env.db, 'INC-cancel', 12);
    const handle = await start({
      incidentId: 'INC-cancel',
      noticeId: 'gdpr:individuals:DE',
      audience: ['*'],
      notice: massNotice('INC-cancel'),
      startPaused: true,
    });
    await handle.executeUpdate(cancelUpdate);
    const summary = (await handle.result()) as NotifySummary;
    expect(summary).toMatchObject({ total: 12, sent: 0, cancelled: 12 });
    await expect(handle.executeUpdate(cancelUpdate)).rejects.toThrow();
  });
});

describe(`a campaign that fails [${describeBackend()}]`, () => {
  let env: IncidentEnv;
  beforeEach(async () => {
    env = await setupIncidentEnv(undefined, {
      prepareCampaign: async () => {
        throw ApplicationFailure.nonRetryable('deliveries table is read-only', 'StoreFailure');
      },
      prepareLetters: async () => {
        throw ApplicationFailure.nonRetryable('letters table is read-only', 'StoreFailure');
      },
    });
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('is recorded on the notice and in the ledger; the incident workflow goes on', async () => {
    const now = new Date(await env.harness.now()).toISOString();
    await env.gateway.report({
      incident: { id: 'INC-fail', title: 'Leak', reportedBy: responder, reportedAt: now },
      facts: IncidentFacts.parse({
        awareAt: now,
        entity: { name: 'X', country: 'DE' },
        affected: [{ country: 'DE', count: 5 }],
        risk: 'high',
      }),
      planId: 'default',
    });
    await env.harness.sleep(1000);
    await env.gateway.update('INC-fail', decideNoticeUpdate, {
      actor: manager,
      noticeId: 'gdpr:individuals:DE',
      decision: 'approve',
    });
    await env.harness.sleep(1000);
    const notice = (await env.gateway.status('INC-fail')).notices.find((n) => n.id === 'gdpr:individuals:DE')!;
    expect(notice).toMatchObject({ status: 'send-failed', failure: expect.stringMatching(/read-only|failed/) });
    const failed = (await env.ledger.list({ incidentId: 'INC-fail' })).find(
      (e) => e.action === 'notice.mass-notification-failed',
    );
    expect(failed?.payload).toMatchObject({
      noticeId: 'gdpr:individuals:DE',
      campaignId: 'INC-fail/letters/1',
    });
  });
});
