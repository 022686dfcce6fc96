import {
  createCampaigns,
  type BatchInput,
  type BatchResult,
  type Campaigns,
} from '../../activities/recipients/campaign';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import type { Db } from '../../activities/store/db';
import { startSmtpServer, type ServerBehaviour, type TestServer } from '../mail/smtp-fixture';
import { massNotice, receivedPerRecipient, seedRecipients } from './campaign-fixtures';
import { openTestDatabase } from '../store/template';

const renderer = createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR });
let db: Db;
let server: TestServer | undefined;
let counter = 0;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function campaign(n: number, behaviour: ServerBehaviour = {}) {
  const incidentId = `INC-campaign-${++counter}`;
  server = await startSmtpServer(behaviour);
  const mailer = createMailer({ smtpUrl: server.url, outboxDir: '/nonexistent' });
  const campaigns = createCampaigns(db, { mailer, renderer });
  await seedRecipients(db, incidentId, n, { locale: (i) => (i % 3 === 0 ? 'zh-CN' : 'en') });
  const key = { incidentId, noticeId: 'gdpr:individuals:DE' };
  await campaigns.prepareCampaign({ ...key, audience: ['*'] });
  const input = (afterRecipientId: number, limit = 10): BatchInput => ({
    ...key,
    afterRecipientId,
    limit,
    notice: massNotice(incidentId),
    maxAttempts: 3,
  });
  return { key, campaigns, mailer, input, server };
}

/** Runs batches like the workflow does, retrying a batch that fails temporarily (as its retry policy would). */
async function runToEnd(
  campaigns: Campaigns,
  input: (after: number) => BatchInput,
  maxCalls = 200,
): Promise<{ calls: number; temporaryFailures: number }> {
  let cursor = 0;
  let temporaryFailures = 0;
  for (let calls = 1; calls <= maxCalls; calls++) {
    let r: BatchResult;
    try {
      r = await campaigns.sendRecipientBatch(input(cursor));
    } catch (err) {
      expect((err as { type?: string }).type).toBe('SmtpTemporaryFailure');
      temporaryFailures++;
      continue;
    }
    cursor = r.lastRecipientId;
    if (r.done) {
      const c = await campaigns.campaignCounts(input(0));
      if (c.pending === 0 && c.failedTemporary === 0) return { calls, temporaryFailures };
      cursor = 0;
    }
  }
  throw new Error('campaign did not finish');
}

describe('mass notification batches against a real SMTP server', () => {
  it('sends each recipient one message in their locale, with evidence in the store', async () => {
    const { key, campaigns, mailer, input, server: smtp } = await campaign(25);
    const first = await campaigns.sendRecipientBatch(input(0));
    expect(first).toMatchObject({ processed: 10, sent: 10, done: false });
    await runToEnd(campaigns, input);
    mailer.close();
    expect(await campaigns.campaignCounts(key)).toEqual({
      total: 25,
      pending: 0,
      sent: 25,
      failedTemporary: 0,
      failedPermanent: 0,
      cancelled: 0,
    });
    const per = receivedPerRecipient(smtp.received);
    expect(per.size).toBe(25);
    expect([...per.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await db.query<{
      locale: string;
      message_id: string;
      smtp_response: string;
      content_hash: string;
    }>(
      'SELECT locale, message_id, smtp_response, content_hash FROM deliveries WHERE incident_id = $1 ORDER BY recipient_id',
      [key.incidentId],
    );
    expect(rows[0]).toMatchObject({
      locale: 'zh-CN',
      smtp_response: expect.stringMatching(/^250 /),
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(rows[1].locale).toBe('en');
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(25);
  });

  it('a 550 for some addresses marks them failed-permanent with the reply; the rest are sent', async () => {
    const {
      key,
      campaigns,
      mailer,
      input,
      server: smtp,
    } = await campaign(20, { rcpt: (a) => (/person(3|7|11)@/.test(a) ? [550, '5.1.1 No such user'] : undefined) });
    await runToEnd(campaigns, input);
    mailer.close();
    const c = await campaigns.campaignCounts(key);
    expect(c).toMatchObject({ total: 20, sent: 17, failedPermanent: 3, pending: 0, failedTemporary: 0 });
    const { rows } = await db.query<{ last_error: string }>(
      `SELECT last_error FROM deliveries WHERE incident_id = $1 AND status = 'failed-permanent'`,
      [key.incidentId],
    );
    for (const r of rows) expect(r.last_error).toMatch(/550/);
    expect(smtp.received).toHaveLength(17);
  });

  it('a server answering 421/451 for a while: the batch backs off and resumes, nobody lost or sent twice', async () => {
    const {
      key,
      campaigns,
      mailer,
      input,
      server: smtp,
    } = await campaign(30, {
      data: (n) =>
        n === 5 || n === 6
          ? [421, '4.7.0 Too busy, closing']
          : n === 7 || n === 8
            ? [451, '4.3.0 Try again later']
            : undefined,
    });
    const { temporaryFailures } = await runToEnd(campaigns, input);
    mailer.close();
    expect(temporaryFailures).toBeGreaterThan(0);
    expect(await campaigns.campaignCounts(key)).toMatchObject({ total: 30, sent: 30, failedPermanent: 0 });
    const per = receivedPerRecipient(smtp.received);
    expect(per.size).toBe(30);
    expect([...per.values()].every((n) => n === 1)).toBe(true);
  });

  it('dropped connections mid-batch are temporary: the batch resumes and finishes', async () => {
    const { key, campaigns, mailer, input, server: smtp } = await campaign(30, { dropAt: (n) => n === 6 || n === 19 });
    const { temporaryFailures } = await runToEnd(campaigns, input);
    mailer.close();
    expect(temporaryFailures).toBeGreaterThan(0);
    expect(await campaigns.campaignCounts(key)).toMatchObject({ total: 30, sent: 30 });
    expect([...receivedPerRecipient(smtp.received).values()].every((n) => n === 1)).toBe(true);
  });

  it('a recipient that keeps failing temporarily is given up as failed-permanent after maxAttempts', async () => {
    const { key, campaigns, mailer, input } = await campaign(5, {
      rcpt: (a) => (a.startsWith('person2@') ? [452, '4.2.2 Mailbox full'] : undefined),
    });
    await runToEnd(campaigns, input);
    mailer.close();
    expect(await campaigns.campaignCounts(key)).toMatchObject({
      total: 5,
      sent: 4,
      failedPermanent: 1,
      failedTemporary: 0,
      pending: 0,
    });
    const { rows } = await db.query<{ attempts: number; last_error: string }>(
      `SELECT attempts, last_error FROM deliveries WHERE incident_id = $1 AND status = 'failed-permanent'`,
      [key.incidentId],
    );
    expect(rows[0]).toMatchObject({ attempts: 3, last_error: expect.stringMatching(/gave up after 3 attempts.*452/) });
  });

  it('cancelling settles everyone not yet reached; counts add up', async () => {
    const { key, campaigns, mailer, input } = await campaign(12);
    await campaigns.sendRecipientBatch(input(0, 5));
    const c = await campaigns.cancelCampaign(key);
    mailer.close();
    expect(c).toEqual({ total: 12, pending: 0, sent: 5, failedTemporary: 0, failedPermanent: 0, cancelled: 7 });
  });

  it('prepareCampaign selects the audience by country or region and is idempotent', async () => {
    const incidentId = `INC-audience-${++counter}`;
    await db.query(
      `INSERT INTO recipients (incident_id, email, country, region) VALUES ($1, 'a@x.org', 'US', 'US-CA'), ($1, 'b@x.org', 'US', 'US-NY'), ($1, 'c@x.org', 'DE', NULL)`,
      [incidentId],
    );
    const campaigns = createCampaigns(db, { mailer: createMailer({ outboxDir: '/nonexistent' }), renderer });
    expect(
      (await campaigns.prepareCampaign({ incidentId, noticeId: 'us-ca:residents:US-CA', audience: ['US-CA'] })).total,
    ).toBe(1);
    expect(
      (await campaigns.prepareCampaign({ incidentId, noticeId: 'us-ca:residents:US-CA', audience: ['US-CA'] })).total,
    ).toBe(1);
    expect((await campaigns.prepareCampaign({ incidentId, noticeId: 'x:all', audience: ['*'] })).total).toBe(3);
    expect((await campaigns.prepareCampaign({ incidentId, noticeId: 'x:us', audience: ['US', 'DE'] })).total).toBe(3);
  });
});
