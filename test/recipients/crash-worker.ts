/**
 * Runs one send batch in its own process so a test can kill it with SIGKILL mid-batch.
 * argv: <pglite dir> <smtp url> <incident id> <limit>
 */
import { createCampaigns } from '../../activities/recipients/campaign';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import { openDatabase } from '../../activities/store/db';
import { massNotice } from './campaign-fixtures';

async function main(): Promise<void> {
  const [dataDir, smtpUrl, incidentId, limit] = process.argv.slice(2);
  const db = await openDatabase({ dataDir });
  const campaigns = createCampaigns(db, {
    mailer: createMailer({ smtpUrl, outboxDir: '/nonexistent' }),
    renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
  });
  process.stdout.write('ready\n');
  await campaigns.sendRecipientBatch({
    incidentId,
    noticeId: 'gdpr:individuals:DE',
    afterRecipientId: 0,
    limit: Number(limit),
    notice: massNotice(incidentId),
    maxAttempts: 3,
    concurrency: 2,
  });
  process.stdout.write('finished\n');
}
main().catch((err: unknown) => {
  process.stderr.write(String(err));
  process.exit(1);
});
