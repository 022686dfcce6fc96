/** Replays histories on a fresh replay worker: a change to workflows/ that breaks them fails here. */
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';

export async function replayAll(
  client: Client,
  runs: { workflowId: string; runId: string }[],
  workflowBundle: { codePath: string } | undefined,
  dataConverter: DataConverter,
): Promise<void> {
  if (runs.length === 0) return;
  const histories = await Promise.all(
    runs.map(async ({ workflowId, runId }) => ({
      workflowId,
      history: await client.workflow.getHandle(workflowId, runId || undefined).fetchHistory(),
    })),
  );
  const source = workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../../workflows') };
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ ...source, dataConverter, replayName: 'harness-replay' }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  if (failures.length > 0) throw new Error(`replay of this test's workflow histories failed:\n${failures.join('\n')}`);
}
