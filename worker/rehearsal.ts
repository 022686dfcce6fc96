/**
 * A drill rehearsal: a whole scenario with every role scripted, in skipped time on an in-process
 * engine, with a throw-away store and outbox. Nothing is sent anywhere. A plan's owner runs it to
 * see, before the next real incident, whether the plan and its response times meet the deadlines.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities, type ActivityDeps } from '../activities';
import { loadScenario } from '../activities/drills/scenarios';
import { createDrillStore } from '../activities/drills/store';
import { createLedger } from '../activities/ledger/ledger';
import { createMailer } from '../activities/mail';
import { createNoticeRenderer, DEFAULT_TEMPLATES_DIR } from '../activities/notices';
import { loadPlan } from '../activities/plans/load';
import { createHolidayCalendar } from '../activities/rules/holidays';
import { loadRuleSet } from '../activities/rules/load';
import { createGateway } from '../api/gateway';
import type { Role } from '../domain/actor';
import type { DrillReport } from '../domain/drill-score';
import { startDevServer } from '../devserver';
import type { drillWorkflow } from '../workflows/drill/workflow';
import { workflowBundlePath } from './bundle';
import { openThrowawayDatabase } from './store-template';

export interface RehearsalOptions {
  planId: string;
  scenarioId: string;
  /** Hours each role takes to act, over the scenario's own. */
  responseHours?: Partial<Record<Role, number>>;
  /** Where the virtual clock starts; default the scenario's rehearsalStart, else now. */
  start?: Date;
  /** Progress lines for the user (what is happening while the engine works). */
  progress?: (line: string) => void;
}

let runtimeInstalled = false;

export async function rehearse(opts: RehearsalOptions): Promise<DrillReport> {
  // Checked first, so a typo is one clear line, not a failed workflow.
  const plan = loadPlan(opts.planId);
  const scenario = loadScenario(plan.id, opts.scenarioId);
  const say = opts.progress ?? (() => undefined);
  if (!runtimeInstalled) {
    // The SDK's own log lines would drown the report; warnings and errors still show.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const start = opts.start ?? (scenario.rehearsalStart ? new Date(scenario.rehearsalStart) : new Date());
  const dir = mkdtempSync(join(tmpdir(), 'bre-rehearsal-'));
  const cleanup: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    say(`preparing: plan ${plan.id} (${plan.version}), scenario ${scenario.id}, virtual start ${start.toISOString()}`);
    const [bundle, db] = await Promise.all([workflowBundlePath(), openThrowawayDatabase()]);
    cleanup.unshift(() => db.close());
    const mailer = createMailer({ outboxDir: join(dir, 'outbox') });
    cleanup.unshift(() => mailer.close());
    const deps: ActivityDeps = {
      db,
      ledger: createLedger(db),
      mailer,
      renderer: createNoticeRenderer({ templatesDir: DEFAULT_TEMPLATES_DIR }),
      rules: loadRuleSet(),
      holidays: createHolidayCalendar(),
      plans: (id) => loadPlan(id),
      clock: () => new Date(),
    };
    const server = await startDevServer({ time: 'skipping', startTime: start });
    cleanup.unshift(() => server.close());
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    cleanup.unshift(() => nativeConnection.close());
    const connection = await Connection.connect({
      address: server.address,
      channelArgs: { 'grpc.enable_http_proxy': 0 },
    });
    cleanup.unshift(() => connection.close());
    const client = new Client({ connection });
    const taskQueue = 'rehearsal';
    deps.incidents = createGateway(client, taskQueue);
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: { codePath: bundle },
      activities: createActivities(deps),
    });
    say('running the scenario in skipped time');
    const outcome = await worker.runUntil(
      client.workflow.execute<typeof drillWorkflow>('drillWorkflow', {
        taskQueue,
        workflowId: `rehearsal-${scenario.id}`,
        args: [
          {
            drillId: `rehearsal-${scenario.id}`.slice(0, 40),
            planId: plan.id,
            scenarioId: scenario.id,
            scriptedRoles: ['responder', 'manager', 'legal', 'auditor', 'admin'],
            responseHours: opts.responseHours ?? {},
          },
        ],
      }),
    );
    const run = await createDrillStore(db).get(outcome.incidentId);
    if (!run?.report) throw new Error(`rehearsal ${outcome.incidentId} ended without a report`);
    return run.report;
  } finally {
    for (const c of cleanup) await c();
  }
}
