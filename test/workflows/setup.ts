/** Real activities (PGlite ledger, outbox mailer, handlebars, rules) behind the scenario harness. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities, type Activities, type ActivityDeps } from '../../activities';
import { createLedger } from '../../activities/ledger/ledger';
import { createMailer } from '../../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../../activities/notices';
import { loadPlan } from '../../activities/plans/load';
import { createGateway } from '../../api/gateway';
import { createHarness, type HarnessOptions } from '../harness';
import { holidays, ruleSet } from '../fixtures';
import { openTestDatabase } from '../store/template';

export async function setupIncidentEnv(
  startTime = new Date('2026-03-02T09:15:00Z'),
  overrides: Partial<Activities> = {},
  harnessOptions: Partial<HarnessOptions> = {},
) {
  const db = await openTestDatabase();
  const ledger = createLedger(db);
  const outbox = mkdtempSync(join(tmpdir(), 'bre-outbox-'));
  const mailer = createMailer({ outboxDir: outbox });
  const deps: ActivityDeps = {
    db,
    ledger,
    mailer,
    renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
    rules: ruleSet,
    holidays,
    plans: (id) => loadPlan(id),
    clock: () => new Date(),
  };
  const activities = { ...createActivities(deps), ...overrides };
  const harness = await createHarness({ ...harnessOptions, activities, startTime });
  const gateway = createGateway(harness.client, harness.taskQueue);
  // Drills' scripted participants act through the client, as the API does.
  deps.incidents = gateway;
  return {
    harness,
    gateway,
    ledger,
    outbox,
    db,
    activities,
    /** Mails written so far, oldest first, as raw RFC 5322 text. */
    mails(): string[] {
      return readdirSync(outbox)
        .sort()
        .map((f) => readFileSync(join(outbox, f), 'utf8'));
    },
    async actions(incidentId: string): Promise<string[]> {
      return (await ledger.list({ incidentId })).map((e) => e.action);
    },
    async teardown() {
      await harness.teardown();
      mailer.close();
      await db.close();
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}
export type IncidentEnv = Awaited<ReturnType<typeof setupIncidentEnv>>;
