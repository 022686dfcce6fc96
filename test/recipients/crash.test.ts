import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCampaigns } from '../../activities/recipients/campaign';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import { openDatabase } from '../../activities/store/db';
import { migrate } from '../../activities/store/migrate';
import { startSmtpServer } from '../mail/smtp-fixture';
import { massNotice, receivedPerRecipient, seedRecipients } from './campaign-fixtures';
import { TEMPLATE_ENV } from '../store/template';

const root = join(__dirname, '..', '..');
const N = 400;
const KILL_AFTER = 200; // well past the first recorded group of 50, well before the end

it('a send batch killed (SIGKILL) after k messages resumes: no recipient lost, none recorded as sent is sent again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bre-crash-'));
  const incidentId = 'INC-crash';
  const key = { incidentId, noticeId: 'gdpr:individuals:DE' };
  const smtp = await startSmtpServer();
  try {
    // From the migrated template (a fresh data folder would run initdb, ~9 s): the crash is what is tested here.
    let db = await openDatabase({ dataDir: dir, snapshot: process.env[TEMPLATE_ENV] });
    await migrate(db);
    await seedRecipients(db, incidentId, N);
    const renderer = createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR });
    await createCampaigns(db, { mailer: createMailer({ outboxDir: dir }), renderer }).prepareCampaign({
      ...key,
      audience: ['*'],
    });
    await db.close();

    // The batch runs in another process, which is killed outright once k messages have arrived.
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, 'crash-worker.ts'), dir, smtp.url, incidentId, String(N)],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ? null : code)),
    );
    const deadline = Date.now() + 60_000;
    while (smtp.received.length < KILL_AFTER) {
      if (Date.now() > deadline) throw new Error(`the batch never reached ${KILL_AFTER} messages: ${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // killed, not finished
    const receivedAtCrash = smtp.received.length;
    expect(receivedAtCrash).toBeLessThan(N);

    db = await openDatabase({ dataDir: dir });
    const { rows } = await db.query<{ email: string }>(
      `SELECT r.email FROM deliveries d JOIN recipients r ON r.id = d.recipient_id WHERE d.incident_id = $1 AND d.status = 'sent'`,
      [incidentId],
    );
    const recordedSent = new Set(rows.map((r) => r.email));
    expect(recordedSent.size).toBeGreaterThan(0);

    // Resume, as the activity's retry would.
    const mailer = createMailer({ smtpUrl: smtp.url, outboxDir: dir });
    const campaigns = createCampaigns(db, { mailer, renderer });
    let cursor = 0;
    for (;;) {
      const r = await campaigns.sendRecipientBatch({
        ...key,
        afterRecipientId: cursor,
        limit: 100,
        notice: massNotice(incidentId),
        maxAttempts: 3,
      });
      cursor = r.lastRecipientId;
      if (r.done) break;
    }
    mailer.close();
    const counts = await campaigns.campaignCounts(key);
    await db.close();

    expect(counts).toMatchObject({ total: N, sent: N, pending: 0, failedTemporary: 0, failedPermanent: 0 });
    const per = receivedPerRecipient(smtp.received);
    expect(per.size).toBe(N); // nobody lost
    for (const email of recordedSent) expect(per.get(email)).toBe(1); // nobody recorded as sent got it twice
    const twice = [...per.entries()].filter(([, n]) => n > 1).map(([e]) => e);
    // Only messages in flight and not yet recorded at the moment of the kill can go out twice.
    expect(twice.length).toBeLessThanOrEqual(receivedAtCrash - recordedSent.size);
  } finally {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
