/**
 * Set-up for the dev server's conformance tests: an in-process dev server, the real
 * @temporalio/worker on it (workflows from ./workflows.ts, bundled once per test file) and a client.
 * Also helpers to read a history as Temporal's event type names and to replay it.
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkerOptions,
} from '@temporalio/worker';
import { cachedBuild } from '../../worker/build-cache';
import { startDevServer, type DevServer, type DevServerOptions } from '../../devserver';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const EventType = temporal.api.enums.v1.EventType;
const quiet = new DefaultLogger('ERROR');

try {
  Runtime.install({ logger: quiet, telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
} catch {
  // Installed already (one Runtime per process).
}

const WORKFLOWS_PATH = require.resolve('./workflows');

let bundle: Promise<{ codePath: string }> | undefined;

/** The conformance workflows' bundle, built once and cached by their source (as the incident bundle is). */
export function workflowBundle(): Promise<{ codePath: string }> {
  bundle ??= cachedBuild('bre-conformance-bundle', 'js', ['test/devserver/workflows.ts'], async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
    return code;
  }).then((codePath) => ({ codePath }));
  return bundle;
}

export interface Env {
  server: DevServer;
  client: Client;
  taskQueue: string;
  /** A workflow id unique within this env: `<name>-<n>`. */
  id(name: string): string;
  /** Starts a workflow of `type` on this env's task queue. */
  start(type: string, args?: unknown[], workflowId?: string): ReturnType<Client['workflow']['start']>;
  close(): Promise<void>;
}

export interface EnvOptions {
  server?: Partial<DevServerOptions>;
  activities?: WorkerOptions['activities'];
  worker?: Partial<WorkerOptions>;
  taskQueue?: string;
}

/** A time-skipping dev server with one worker polling `taskQueue`, and a client. */
export async function startEnv(options: EnvOptions = {}): Promise<Env> {
  const server = await startDevServer({ time: 'skipping', logger: { warn: () => undefined }, ...options.server });
  const taskQueue = options.taskQueue ?? 'conformance';
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: options.activities,
    ...options.worker,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  // The worker's first workflow task loads the bundle into its sandbox, which can take longer than a
  // short idleGraceMs (time would then skip to that task's timeout): get it done before the tests.
  await client.workflow.execute('quick', { taskQueue, workflowId: `warm-up-${taskQueue}`, args: ['warm'] });
  let seq = 0;
  const id = (name: string) => `${name}-${++seq}`;
  return {
    server,
    client,
    taskQueue,
    id,
    start: (type, args = [], workflowId = id(type)) => client.workflow.start(type, { taskQueue, workflowId, args }),
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await server.close();
    },
  };
}

/** A second worker on the same server, started later (e.g. to let work queue up first). */
export async function startWorker(
  server: DevServer,
  taskQueue: string,
  extra: Partial<WorkerOptions> = {},
): Promise<() => Promise<void>> {
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    ...extra,
  });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
    await nativeConnection.close();
  };
}

/** EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> WorkflowTaskScheduled, the names Temporal's documentation uses. */
export function eventName(type: number | null | undefined): string {
  const name = EventType[type ?? 0] ?? `Unknown(${type})`;
  return name
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());
}

export function eventNames(history: History): string[] {
  return (history.events ?? []).map((e) => eventName(e.eventType));
}

/** The event types between workflow tasks: what the workflow did and what happened to it. */
export function withoutWorkflowTasks(history: History): string[] {
  return eventNames(history).filter((n) => !n.startsWith('WorkflowTask'));
}

export function eventsOf(history: History, name: string): HistoryEvent[] {
  return (history.events ?? []).filter((e) => eventName(e.eventType) === name);
}

export function onlyEvent(history: History, name: string): HistoryEvent {
  const events = eventsOf(history, name);
  if (events.length !== 1)
    throw new Error(`expected one ${name} event, found ${events.length}: ${eventNames(history).join(', ')}`);
  return events[0];
}

/** The WorkflowExecutionStarted attributes of a run (its first event). */
export function startedAttributes(history: History): temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes {
  return history.events?.[0]?.workflowExecutionStartedEventAttributes ?? {};
}

/** Replays histories with the real worker; throws (failing the test) on nondeterminism or a replay failure. */
export async function replay(...histories: { history: History; workflowId: string }[]): Promise<void> {
  const results = Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories);
  let count = 0;
  for await (const result of results) {
    count++;
    if (result.error) throw result.error;
  }
  if (count !== histories.length) throw new Error(`replayed ${count} of ${histories.length} histories`);
}
