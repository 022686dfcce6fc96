/**
 * Harness backend on the in-process dev server (devserver/), time-skipping, with the real Worker
 * running the real workflow bundle and the production payload codec.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { startDevServer } from '../../devserver';
import { BUNDLE_ENV, workflowBundlePath } from './bundle';
import { replayAll } from './replay';
import { installTestRuntime, testDataConverter } from './runtime';
import type { Harness, HarnessOptions } from './types';

export async function createDevServerHarness(options: HarnessOptions): Promise<Harness> {
  installTestRuntime();
  const codePath = process.env[BUNDLE_ENV] ?? (await workflowBundlePath());
  const server = await startDevServer({
    time: 'skipping',
    startTime: options.startTime,
    suggestContinueAsNewAt: options.suggestContinueAsNewAt,
  });
  const { dataConverter, keyId } = testDataConverter(options.payloadKey);
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, dataConverter });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: { codePath },
    activities: options.activities,
    dataConverter,
  });
  // Runs until shutdown; a crash is reported by teardown rather than as an unhandled rejection.
  let workerError: unknown;
  const running = worker.run().catch((e: unknown) => {
    workerError = e;
  });
  const ns = () => server.engine.namespace(server.namespace);

  return {
    backend: 'dev-server',
    client,
    taskQueue,
    sleep: (ms) => server.sleep(ms),
    now: async () => server.now(),
    historyLength: async (workflowId) => ns().current(workflowId)?.history.length ?? 0,
    runs: async (workflowId) =>
      (ns().chains.get(workflowId) ?? []).map((r) => ({ runId: r.runId, historyLength: r.history.length })),
    async teardown() {
      try {
        await server.settled();
        const runs = [...ns().runs.values()].map((r) => ({ workflowId: r.workflowId, runId: r.runId }));
        await replayAll(client, runs, { codePath }, dataConverter, keyId);
      } finally {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
        await nativeConnection.close();
        await server.close();
      }
      if (workerError) throw workerError;
    },
  };
}
