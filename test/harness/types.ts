/**
 * The harness that workflow scenario tests are written against, once. Two backends implement it:
 * the in-process dev server (default) and Temporal's time-skipping test server (TEMPORAL_TEST_SERVER).
 * Both run the real worker on the real workflow bundle and give a real @temporalio/client Client.
 */
import type { Client } from '@temporalio/client';

export interface HarnessOptions {
  /** Activity implementations, by name (what `createActivities(deps)` returns). */
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  /** Virtual clock start (dev server); Temporal's test server starts at real "now". */
  startTime?: Date;
  taskQueue?: string;
  /** Payload encryption key (default: a new one); fixed when histories are kept for replay. */
  payloadKey?: Buffer;
  /** Dev server: history length from which tasks suggest continue-as-new (default 10,240). */
  suggestContinueAsNewAt?: number;
}

export interface Harness {
  readonly backend: 'dev-server' | 'time-skipping-server';
  readonly client: Client;
  readonly taskQueue: string;
  /** Advance workflow time by `ms`, firing due timers in order and letting workflows and activities settle. */
  sleep(ms: number): Promise<void>;
  /** Current workflow time, epoch milliseconds. */
  now(): Promise<number>;
  /** Number of history events of a workflow's latest run. */
  historyLength(workflowId: string): Promise<number>;
  /** Every run of a workflow id (continue-as-new chain), oldest first: run id and history length. */
  runs(workflowId: string): Promise<{ runId: string; historyLength: number }[]>;
  /** Stops, after fetching every workflow history this harness produced for replay (after the test file under jest; a nondeterminism fails it). */
  teardown(): Promise<void>;
}
