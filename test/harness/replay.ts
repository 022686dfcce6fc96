/** Replays this test's histories on a fresh replay worker: a nondeterminism fails the test. */
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { replayHistories } from '../../worker/replay';

export async function replayAll(
  client: Client,
  runs: { workflowId: string; runId: string }[],
  workflowBundle: { codePath: string },
  dataConverter: DataConverter,
): Promise<void> {
  const histories = await Promise.all(
    runs.map(async ({ workflowId, runId }) => ({
      workflowId,
      history: await client.workflow.getHandle(workflowId, runId || undefined).fetchHistory(),
    })),
  );
  const failures = await replayHistories(histories, dataConverter, { workflowBundle });
  if (failures.length > 0) {
    throw new Error(
      `replay of this test's workflow histories failed:\n${failures.map((f) => `${f.workflowId}: ${f.message}`).join('\n')}`,
    );
  }
}
