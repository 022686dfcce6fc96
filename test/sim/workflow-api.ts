/**
 * The subset of '@temporalio/workflow' that the simulator implements. Under jest, workflow code
 * importing '@temporalio/workflow' gets this module (see jest.config.js); tsc still type-checks it
 * against the real package, and each export here is typed as the real one so the two cannot drift.
 * Anything not exported here is deliberately unimplemented: using it fails loudly at test time.
 */
import type * as wf from '@temporalio/workflow';
import { ActivityFailure, CancelledFailure, ChildWorkflowFailure, type ActivityOptions, type Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { clone, ContinueAsNew, currentRun, inWorkflow, uuid4 as uuid4From, type WorkflowFn } from './simulator';

export {
  ActivityFailure, ApplicationFailure, CancelledFailure, ChildWorkflowFailure, rootCause, TemporalFailure,
  TerminatedFailure, TimeoutFailure,
} from '@temporalio/common';
export type { ActivityOptions, Duration, LocalActivityOptions, RetryPolicy } from '@temporalio/common';
export { ContinueAsNew } from './simulator';

type Fn = (...args: unknown[]) => unknown;

function activityProxy(options: ActivityOptions | undefined, local: boolean) {
  if (options === undefined) throw new TypeError('options must be defined');
  // Same early validation as the SDK; timeouts are otherwise not simulated.
  if (options.scheduleToCloseTimeout === undefined && options.startToCloseTimeout === undefined) {
    throw new TypeError('Required either scheduleToCloseTimeout or startToCloseTimeout');
  }
  return new Proxy({}, {
    get(_, type) {
      if (typeof type !== 'string') throw new TypeError(`Only strings are supported for Activity types, got: ${String(type)}`);
      return (...args: unknown[]) => { const run = currentRun('Activities'); return run.sim.activity(run, type, args, options, local); };
    },
  });
}
export const proxyActivities = ((options) => activityProxy(options, false)) as typeof wf.proxyActivities;
export const proxyLocalActivities = ((options) => activityProxy(options, true)) as typeof wf.proxyLocalActivities;

export const sleep: typeof wf.sleep = (ms) => { const run = currentRun('sleep()'); return run.sim.timer(run, msToNumber(ms)); };

export const condition = ((fn: () => boolean, timeout?: Duration) => {
  const run = currentRun('condition()');
  const waited = run.sim.condition(run, fn, timeout === undefined ? undefined : msToNumber(timeout));
  return timeout === undefined ? waited.then(() => undefined) : waited;
}) as typeof wf.condition;

export const defineSignal = ((name: string, options = {}) => ({ type: 'signal', name, ...options })) as typeof wf.defineSignal;
export const defineQuery = ((name: string, options = {}) => ({ type: 'query', name, ...options })) as typeof wf.defineQuery;
export const defineUpdate = ((name: string, options = {}) => ({ type: 'update', name, ...options })) as typeof wf.defineUpdate;

export const setHandler = ((def: { type: string; name: string }, handler: Fn | undefined, options?: { validator?: Fn }) =>
  currentRun('setHandler()').setHandler(def, handler, options?.validator)) as typeof wf.setHandler;

export const workflowInfo: typeof wf.workflowInfo = () => currentRun('workflowInfo()').info();
export const inWorkflowContext: typeof wf.inWorkflowContext = () => inWorkflow(); // lazy: the engine and this module import each other
/** Deterministic per run: drawn from the same seeded PRNG as Math.random in workflow code. */
export const uuid4: typeof wf.uuid4 = () => uuid4From(currentRun('uuid4()').random);
export const allHandlersFinished: typeof wf.allHandlersFinished = () => currentRun('allHandlersFinished()').handlersRunning === 0;

type ChildOptions = { workflowId?: string; args?: unknown[]; taskQueue?: string };
export const startChild = (async (type: string | WorkflowFn, options: ChildOptions = {}) => {
  const parent = currentRun('startChild()');
  const { run, result } = parent.sim.startChild(parent, type, options);
  return {
    workflowId: run.workflowId,
    firstExecutionRunId: run.runId,
    result: () => result,
    signal: async (def: string | { name: string }, ...args: unknown[]) => {
      parent.history += 5; // SignalExternalWorkflowExecutionInitiated + ExternalWorkflowExecutionSignaled + a workflow task
      parent.sim.signalNow(run.workflowId, typeof def === 'string' ? def : def.name, args);
    },
  };
}) as typeof wf.startChild;

export const executeChild = (async (type: string | WorkflowFn, options?: ChildOptions) => {
  const parent = currentRun('executeChild()');
  return parent.sim.startChild(parent, type, options ?? {}).result;
}) as typeof wf.executeChild;

export const makeContinueAsNewFunc = ((options?: { workflowType?: string }) => {
  const run = currentRun('makeContinueAsNewFunc()');
  return async (...args: unknown[]) => { throw new ContinueAsNew(options?.workflowType ?? run.workflowType, args.map(clone)); };
}) as typeof wf.makeContinueAsNewFunc;
export const continueAsNew = ((...args: unknown[]) => makeContinueAsNewFunc()(...args)) as typeof wf.continueAsNew;

export function isCancellation(err: unknown): boolean {
  return err instanceof CancelledFailure
    || ((err instanceof ActivityFailure || err instanceof ChildWorkflowFailure) && err.cause instanceof CancelledFailure);
}

/** Workflow logger: entries are collected in the simulator's `logs`, tagged with the run. */
const emit = (level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR') => (message: string, attrs?: Record<string, unknown>) => {
  const run = currentRun('log');
  run.sim.logger.log(level, message, { ...attrs, workflowId: run.workflowId, runId: run.runId, workflowType: run.workflowType });
};
export const log = {
  log: (level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR', message: string, attrs?: Record<string, unknown>) => emit(level)(message, attrs),
  trace: emit('TRACE'), debug: emit('DEBUG'), info: emit('INFO'), warn: emit('WARN'), error: emit('ERROR'),
};
