/** Builds what activities and the API need from configuration: store, ledger, mail, templates, rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityDeps } from '../activities';
import { createLedger } from '../activities/ledger/ledger';
import { createMailer } from '../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../activities/notices';
import { loadPlan } from '../activities/plans/load';
import { createHolidayCalendar } from '../activities/rules/holidays';
import { loadRuleSet } from '../activities/rules/load';
import { openDatabase, type Db } from '../activities/store/db';
import { migrate } from '../activities/store/migrate';
import type { Config } from './config';

export interface Runtime {
  deps: ActivityDeps;
  db: Db;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  // Rules and the default plan are validated before anything starts: a bad file stops start-up here.
  const rules = loadRuleSet();
  loadPlan('default');
  const db = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(config.DATA_DIR, 'pglite') },
  );
  await migrate(db);
  const dkim =
    config.SMTP_DKIM_DOMAIN && config.SMTP_DKIM_SELECTOR && config.SMTP_DKIM_PRIVATE_KEY_FILE
      ? {
          domainName: config.SMTP_DKIM_DOMAIN,
          keySelector: config.SMTP_DKIM_SELECTOR,
          privateKey: readFileSync(config.SMTP_DKIM_PRIVATE_KEY_FILE, 'utf8'),
        }
      : undefined;
  const mailer = createMailer({
    ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
    outboxDir: config.OUTBOX_DIR,
    ...(dkim ? { dkim } : {}),
  });
  const deps: ActivityDeps = {
    db,
    ledger: createLedger(db),
    mailer,
    renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
    rules,
    holidays: createHolidayCalendar(),
    plans: (id) => loadPlan(id),
    clock: () => new Date(),
    // Letters to individuals written there are deleted when the incident's retention ends.
    outboxDir: config.OUTBOX_DIR,
  };
  return {
    deps,
    db,
    async close() {
      mailer.close();
      await db.close();
    },
  };
}
