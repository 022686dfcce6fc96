import type { DataConverter } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../activities';
import { createActivities } from '../activities';
import { workflowBundlePath } from './bundle';

export const WORKFLOWS_PATH = require.resolve('../workflows');

/**
 * The workflows for the worker: the bundle cached by the sources' content (a restart after a crash
 * starts in seconds instead of rebuilding it), or a fresh build where the cache cannot be written.
 */
async function workflowSource(): Promise<{ workflowBundle: { codePath: string } } | { workflowsPath: string }> {
  try {
    return { workflowBundle: { codePath: await workflowBundlePath() } };
  } catch {
    return { workflowsPath: WORKFLOWS_PATH };
  }
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  dataConverter: DataConverter;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(await workflowSource()),
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
  });
}
