/**
 * Harness backend on Temporal's time-skipping test server, running the real workflow bundle in a
 * real Worker. TEMPORAL_TEST_SERVER is a path to the test-server binary, or `download` to fetch
 * (and cache) the one matching this SDK.
 */
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EphemeralServerExecutable } from '@temporalio/testing/lib/ephemeral-server';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { BUNDLE_ENV, workflowBundlePath } from './bundle';
import { replayAll } from './replay';
import { installTestRuntime, testDataConverter } from './runtime';
import type { Harness, HarnessOptions } from './types';

export async function createServerHarness(options: HarnessOptions): Promise<Harness> {
  installTestRuntime();
  const setting = process.env.TEMPORAL_TEST_SERVER;
  const executable: EphemeralServerExecutable =
    !setting || setting === 'download' ? { type: 'cached-download' } : { type: 'existing-path', path: setting };
  const codePath = process.env[BUNDLE_ENV] ?? (await workflowBundlePath());
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
  const { dataConverter, keyId } = testDataConverter(options.payloadKey);
  const client = new Client({ connection: env.connection, dataConverter });
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath },
      activities: options.activities,
      dataConverter,
    });
  } catch (e) {
    await env.teardown();
    throw e;
  }
  let workerError: unknown;
  const running = worker.run().catch((e: unknown) => {
    workerError = e;
  });
  // The test server keeps no list we can read: remember what this harness started.
  const started = new Set<string>();
  const track = <T extends { workflowId: string }>(h: T) => (started.add(h.workflowId), h);
  const start = client.workflow.start.bind(client.workflow);
  client.workflow.start = (async (...args: Parameters<typeof start>) => track(await start(...args))) as typeof start;

  const runsOf = async (workflowId: string) => {
    const runs: { runId: string; historyLength: number }[] = [];
    for await (const e of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runs.unshift({ runId: e.runId, historyLength: e.historyLength });
    }
    return runs;
  };

  return {
    backend: 'time-skipping-server',
    client,
    taskQueue,
    sleep: (ms) => env.sleep(ms),
    now: () => env.currentTimeMs(),
    historyLength: async (workflowId) =>
      (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0,
    runs: runsOf,
    async teardown() {
      try {
        const runs = [...started].map((workflowId) => ({ workflowId, runId: '' }));
        await replayAll(client, runs, { codePath }, dataConverter, keyId);
      } finally {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await env.teardown();
      }
      if (workerError) throw workerError;
    },
  };
}
