/**
 * Harness backend on the in-repo simulator (test/sim). `client.workflow` implements the parts of
 * @temporalio/client's WorkflowClient that tests and api/ use: start, getHandle, and on handles
 * workflowId, result, query, signal, executeUpdate, describe.
 */
import path from 'node:path';
import { Simulator, type WorkflowFn } from '../sim/simulator';
import type { ClientLike, Harness, HarnessOptions, WorkflowClientLike } from './types';

export interface SimulatorHarnessOptions extends HarnessOptions {
  /** Workflow functions by type name; default: the exports of `workflowsModule`. */
  workflows?: Record<string, unknown>;
  /** Module whose exports are the workflow types (default: the repo's workflows/ index). */
  workflowsModule?: string;
  /** `workflowInfo().continueAsNewSuggested` threshold in events (default 10,000). */
  continueAsNewSuggestedAt?: number;
  /** Real ms result() waits for outside input before reporting a blocked workflow (default 1,000). */
  idleTimeoutMs?: number;
  /** Print workflow/activity logs to stderr (they are always collected in `sim.logs`). */
  printLogs?: boolean;
}

type Def = string | { name: string };
const nameOf = (def: Def) => (typeof def === 'string' ? def : def.name);

export class SimulatorHarness implements Harness {
  readonly backend = 'simulator' as const;
  readonly sim: Simulator;
  readonly client: ClientLike;
  readonly taskQueue: string;
  private registry?: Record<string, unknown>;

  constructor(private readonly options: SimulatorHarnessOptions) {
    this.taskQueue = options.taskQueue ?? 'simulator';
    this.registry = options.workflows;
    this.sim = new Simulator({
      activities: options.activities, startTime: options.startTime?.getTime(), taskQueue: this.taskQueue,
      continueAsNewSuggestedAt: options.continueAsNewSuggestedAt, idleTimeoutMs: options.idleTimeoutMs,
      printLogs: options.printLogs, resolveWorkflow: (name) => this.resolveWorkflow(name),
    });
    const workflow = {
      start: async (type: string | WorkflowFn, opts: { workflowId: string; args?: unknown[]; taskQueue?: string }) => {
        const run = this.sim.start(type, opts.workflowId, opts.args ?? [], opts.taskQueue ?? this.taskQueue);
        await this.sim.settle();
        return this.handle(opts.workflowId, undefined, run.runId);
      },
      getHandle: (workflowId: string, runId?: string, opts?: { firstExecutionRunId?: string }) =>
        this.handle(workflowId, runId, opts?.firstExecutionRunId),
    };
    this.client = { workflow: workflow as unknown as WorkflowClientLike };
  }

  sleep(ms: number): Promise<void> { return this.sim.sleep(ms); }
  async now(): Promise<number> { return this.sim.now; }
  async historyLength(workflowId: string): Promise<number> { return this.sim.describe(workflowId).historyLength; }
  /** How many runs (first start + continue-as-new + restarts) a workflow id has had. */
  runCount(workflowId: string): number { return this.sim.runCount(workflowId); }
  historyTotal(workflowId: string): number { return this.sim.historyTotal(workflowId); }
  async teardown(): Promise<void> { this.sim.dispose(); }

  /** As in the client: without runId, signal/query/update/describe target the latest run; result()
   *  follows the continue-as-new chain from firstExecutionRunId (or runId, or the latest run). */
  private handle(workflowId: string, runId?: string, firstExecutionRunId?: string) {
    const { sim } = this;
    return {
      workflowId,
      runId,
      firstExecutionRunId,
      result: () => sim.result(workflowId, firstExecutionRunId ?? runId),
      describe: async () => sim.describe(workflowId, runId),
      query: async (def: Def, ...args: unknown[]) => sim.query(workflowId, nameOf(def), args),
      signal: async (def: Def, ...args: unknown[]) => sim.signal(workflowId, nameOf(def), args),
      executeUpdate: async (def: Def, options?: { args?: unknown[] }) => sim.update(workflowId, nameOf(def), options?.args ?? []),
    };
  }

  private resolveWorkflow(name: string): WorkflowFn | undefined {
    // Loaded lazily: tests that pass their own workflow functions never load the repo's workflows.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- module path is an option
    this.registry ??= require(this.options.workflowsModule ?? path.resolve(__dirname, '../../workflows')) as Record<string, unknown>;
    const fn = this.registry[name];
    return typeof fn === 'function' ? (fn as WorkflowFn) : undefined;
  }
}

export async function createSimulatorHarness(options: SimulatorHarnessOptions): Promise<SimulatorHarness> {
  return new SimulatorHarness(options);
}
