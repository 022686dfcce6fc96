/**
 * Harness backend on Temporal's time-skipping test server, running the real workflow bundle
 * (workflows/) in a real Worker. TEMPORAL_TEST_SERVER is a path to the test-server binary, or
 * `download` to fetch (and cache) the one matching this SDK.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { EphemeralServerExecutable } from '@temporalio/testing/lib/ephemeral-server';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { Harness, HarnessOptions } from './types';

export async function createServerHarness(options: HarnessOptions): Promise<Harness> {
  const setting = process.env.TEMPORAL_TEST_SERVER;
  const executable: EphemeralServerExecutable = !setting || setting === 'download'
    ? { type: 'cached-download' }
    : { type: 'existing-path', path: setting };
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: options.activities,
    });
  } catch (e) {
    await env.teardown();
    throw e;
  }
  // Runs until shutdown; a crash is reported by teardown rather than as an unhandled rejection.
  let workerError: unknown;
  const running = worker.run().catch((e: unknown) => { workerError = e; });

  return {
    backend: 'time-skipping-server',
    client: env.client,
    taskQueue,
    sleep: (ms) => env.sleep(ms),
    now: () => env.currentTimeMs(),
    historyLength: async (workflowId) => (await env.client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0,
    async teardown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await env.teardown();
      if (workerError) throw workerError;
    },
  };
}
