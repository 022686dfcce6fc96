/**
 * Records the histories kept in test/replay/histories: run with `npx tsx test/replay/record.ts`
 * after a deliberate, compatible change to workflows/ (or to add a case). CI replays them
 * (replay.test.ts), so a change that would break running incidents fails before it ships.
 *
 * Cases: an incident across EU and US laws with every kind of step (drafts for ten obligations,
 * two approvals and an e-mail, a mass notification through the child workflow, a portal filing, a
 * facts change, containment, reminders, missed deadlines and escalations); and a mass notification
 * that continues as new several times.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IncidentFacts } from '../../domain/facts';
import {
  confirmContainmentUpdate,
  decideNoticeUpdate,
  recordFilingUpdate,
  updateFactsUpdate,
} from '../../workflows/incident/messages';
import { massNotice, seedRecipients } from '../recipients/campaign-fixtures';
import { setupIncidentEnv } from '../workflows/setup';
import { REPLAY_KEY } from './key';

const HOUR = 3_600_000;
const dir = join(__dirname, 'histories');
const manager = { id: 'max@example.org', role: 'manager' as const };
const legal = { id: 'lea@example.org', role: 'legal' as const };
const responder = { id: 'rita@example.org', role: 'responder' as const };

async function main(): Promise<void> {
  const env = await setupIncidentEnv(new Date('2026-11-25T15:00:00Z'), {}, { payloadKey: REPLAY_KEY });
  try {
    const { harness, gateway } = env;
    // 1. An incident across EU and US laws.
    const facts = IncidentFacts.parse(
      JSON.parse(readFileSync(join(__dirname, '../../examples/facts-eu-us.json'), 'utf8')),
    );
    await seedRecipients(env.db, 'INC-replay', 30);
    await gateway.report({
      incident: {
        id: 'INC-replay',
        title: 'Checkout skimming',
        reportedBy: responder,
        reportedAt: new Date(await harness.now()).toISOString(),
      },
      facts,
      planId: 'default',
    });
    await harness.sleep(HOUR);
    const hash = async (id: string) =>
      (await gateway.status('INC-replay')).notices.find((n) => n.id === id)!.draft!.contentHash;
    for (const actor of [manager, legal]) {
      await gateway.update('INC-replay', decideNoticeUpdate, {
        actor,
        noticeId: 'gdpr:authority:DE',
        decision: 'approve',
        contentHash: await hash('gdpr:authority:DE'),
      });
    }
    await gateway.update('INC-replay', decideNoticeUpdate, {
      actor: manager,
      noticeId: 'gdpr:individuals:DE',
      decision: 'approve',
    });
    for (const actor of [manager, legal]) {
      await gateway.update('INC-replay', decideNoticeUpdate, {
        actor,
        noticeId: 'sec:8-k:US',
        decision: 'approve',
        contentHash: await hash('sec:8-k:US'),
      });
    }
    await harness.sleep(HOUR);
    await gateway.update('INC-replay', recordFilingUpdate, {
      actor: legal,
      noticeId: 'sec:8-k:US',
      reference: 'EDGAR 0001234567-26-000001',
    });
    await gateway.update('INC-replay', updateFactsUpdate, {
      actor: responder,
      facts: { affected: [...facts.affected, { country: 'US', region: 'US-TX', count: 260 }] },
      reason: 'Texas customers found in the logs',
    });
    await gateway.update('INC-replay', confirmContainmentUpdate, {
      actor: responder,
      note: 'script removed, keys rotated',
    });
    await harness.sleep(80 * HOUR);

    // 2. A mass notification that continues as new.
    await seedRecipients(env.db, 'INC-replay-can', 35);
    const campaign = await harness.client.workflow.start('notifyRecipients', {
      workflowId: 'INC-replay-can/notify/gdpr:individuals:DE',
      taskQueue: harness.taskQueue,
      args: [
        {
          incidentId: 'INC-replay-can',
          noticeId: 'gdpr:individuals:DE',
          audience: ['*'],
          notice: massNotice('INC-replay-can'),
          batchSize: 10,
          batchesPerRun: 1,
        },
      ],
    });
    await campaign.result();

    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const kept: string[] = [];
    for (const workflowId of [
      'INC-replay',
      'INC-replay/notify/gdpr:individuals:DE',
      'INC-replay-can/notify/gdpr:individuals:DE',
    ]) {
      const runs = await harness.runs(workflowId);
      for (const [i, run] of runs.entries()) {
        const history = await harness.client.workflow.getHandle(workflowId, run.runId).fetchHistory();
        const file = `${workflowId.replace(/[^A-Za-z0-9.-]+/g, '_')}.run${i + 1}.json`;
        writeFileSync(
          join(dir, file),
          `{"workflowId":${JSON.stringify(workflowId)},"history":${historyToJSON(history)}}\n`,
        );
        kept.push(`${file} (${history.events?.length} events)`);
      }
    }
    process.stdout.write(`recorded ${kept.length} histories:\n  ${kept.join('\n  ')}\n`);
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
