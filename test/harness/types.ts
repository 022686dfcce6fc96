/**
 * The harness that workflow scenario tests are written against, once. Two backends implement it:
 * the in-repo simulator (default) and Temporal's time-skipping test server (TEMPORAL_TEST_SERVER).
 * `client` is the subset of @temporalio/client's `Client` that production code (api/) uses, so the
 * same gateway code drives both backends.
 */
import type { Client } from '@temporalio/client';

export type WorkflowClientLike = Pick<Client['workflow'], 'start' | 'getHandle'>;
export interface ClientLike { workflow: WorkflowClientLike }

export interface HarnessOptions {
  /** Activity implementations, by name (what `createActivities(deps)` returns). */
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  /** Virtual clock start (simulator) – the time-skipping server starts at real "now". */
  startTime?: Date;
  taskQueue?: string;
}

export interface Harness {
  readonly backend: 'simulator' | 'time-skipping-server';
  readonly client: ClientLike;
  readonly taskQueue: string;
  /** Advance workflow time by `ms`, firing due timers in order and letting workflows and activities settle. */
  sleep(ms: number): Promise<void>;
  /** Current workflow time, epoch milliseconds. */
  now(): Promise<number>;
  /** Number of history events a workflow run has produced so far (approximate on the simulator). */
  historyLength(workflowId: string): Promise<number>;
  teardown(): Promise<void>;
}
