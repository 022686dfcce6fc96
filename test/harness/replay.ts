/**
 * Replays the histories scenario tests produced on a replay worker: a nondeterminism fails the run.
 * Under jest the replays of a whole test file run together after its last test (one replay worker
 * loads the bundle once per file instead of once per test; a failure fails the file); elsewhere
 * (e.g. `test/replay/record.ts`) they run at once.
 */
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { replayHistories, type ReplayInput } from '../../worker/replay';

interface Pending {
  bundle: { codePath: string };
  dataConverter: DataConverter;
  histories: ReplayInput[];
}
/** By bundle and data converter: histories that can share one replay worker. */
const pending = new Map<string, Pending>();

async function replay({ bundle, dataConverter, histories }: Pending): Promise<void> {
  const failures = await replayHistories(histories, dataConverter, { workflowBundle: bundle });
  if (failures.length > 0) {
    throw new Error(
      `replay of workflow histories failed:\n${failures.map((f) => `${f.workflowId}: ${f.message}`).join('\n')}`,
    );
  }
}

const underJest = typeof afterAll === 'function';
if (underJest) {
  afterAll(async () => {
    const groups = [...pending.values()];
    pending.clear();
    for (const group of groups) await replay(group);
  }, 180_000);
}

/** Fetches the runs' histories now (the server is about to stop) and replays them, after the file under jest. */
export async function replayAll(
  client: Client,
  runs: { workflowId: string; runId: string }[],
  bundle: { codePath: string },
  dataConverter: DataConverter,
  converterKey: string,
): Promise<void> {
  const histories = await Promise.all(
    runs.map(async ({ workflowId, runId }) => ({
      workflowId,
      history: await client.workflow.getHandle(workflowId, runId || undefined).fetchHistory(),
    })),
  );
  if (!underJest) return replay({ bundle, dataConverter, histories });
  const key = `${bundle.codePath}\0${converterKey}`;
  const group = pending.get(key) ?? { bundle, dataConverter, histories: [] };
  group.histories.push(...histories);
  pending.set(key, group);
}
