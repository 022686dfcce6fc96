/**
 * In-process stand-in for "Temporal server + worker", for tests. Workflow code runs in this process
 * (jest maps '@temporalio/workflow' to ./workflow-api.ts) against a virtual clock that only moves
 * when the test says so (`sleep`) or when it awaits a result while the workflow is blocked
 * (`result`, like the time-skipping test server). Activities are real async functions run in
 * MockActivityEnvironment. Semantics follow the TypeScript SDK where cheap; deviations are listed
 * in test/sim/README.md.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Info as ActivityInfo } from '@temporalio/activity';
import { QueryNotRegisteredError, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  ActivityFailure, ApplicationFailure, ChildWorkflowFailure, defaultFailureConverter, defaultPayloadConverter,
  ensureApplicationFailure, ensureTemporalFailure, TemporalFailure, TerminatedFailure,
  WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError,
  type ActivityOptions, type LogLevel, type LogMetadata, type Logger, type RetryPolicy, type RetryState,
} from '@temporalio/common';
import { msOptionalToNumber, msToNumber } from '@temporalio/common/lib/time';
import { MockActivityEnvironment } from '@temporalio/testing/lib/mocking-activity-environment';
import type { WorkflowInfo } from '@temporalio/workflow';

export type WorkflowFn = (...args: never[]) => Promise<unknown>;
type Fn = (...args: unknown[]) => unknown;
export type RunStatus = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CONTINUED_AS_NEW' | 'TERMINATED';
interface PendingUpdate { name: string; args: unknown[]; resolve(v: unknown): void; reject(e: unknown): void }
interface Timer { at: number; seq: number; run: Run; fire(): void; cancelled: boolean }
interface Condition { fn: () => boolean; resolve(): void }
export interface LogEntry { level: LogLevel; message: string; meta?: LogMetadata; time: number }

export interface SimulatorOptions {
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  /** Looks up a workflow function by type name (for string starts and continue-as-new to another type). */
  resolveWorkflow(name: string): WorkflowFn | undefined;
  startTime?: number;
  taskQueue?: string;
  /** `workflowInfo().continueAsNewSuggested` turns true above this many events (default 10,000). */
  continueAsNewSuggestedAt?: number;
  /** A retrying activity that reaches this attempt fails the workflow task (default 1,000): a real
   *  server would retry forever, which in a test is a hang. */
  activityAttemptLimit?: number;
  /** Real ms `result()` waits for outside input when the workflow is blocked with nothing scheduled
   *  before declaring a deadlock (default 1,000). */
  idleTimeoutMs?: number;
  /** Also print workflow/activity log lines to stderr (they are always collected in `logs`). */
  printLogs?: boolean;
}

/** Payloads go through JSON, as with the default data converter: a Date arrives as a string. */
export function clone<T>(x: T): T {
  const s = JSON.stringify(x);
  return s === undefined ? (undefined as T) : JSON.parse(s);
}
const cloneArgs = (args: readonly unknown[]) => args.map(clone);
/** Failures crossing a boundary (activity → workflow → client) go through the real failure converter. */
const roundTrip = (err: unknown) => defaultFailureConverter.failureToError(
  defaultFailureConverter.errorToFailure(err, defaultPayloadConverter), defaultPayloadConverter);
const updateFailed = (err: unknown) => new WorkflowUpdateFailedError('Workflow Update failed', roundTrip(ensureTemporalFailure(err)));
const notFound = (workflowId: string, runId?: string) => new WorkflowNotFoundError(`workflow not found for ID: ${workflowId}`, workflowId, runId);
const never = new Promise<never>(() => undefined);

/** Thrown by continueAsNew(); the simulator catches it and starts the next run. */
export class ContinueAsNew extends Error {
  override readonly name = 'ContinueAsNew';
  constructor(readonly workflowType: string, readonly args: unknown[]) { super('Workflow continued as new'); }
}

// ---------------------------------------------------------------------------------------------
// Workflow context: which run the current code belongs to. Async continuations inherit it, so
// Date/Math.random below can answer with that run's virtual time and seeded PRNG.
const als = new AsyncLocalStorage<Run>();
export function currentRun(what = 'This API'): Run {
  const run = als.getStore();
  if (!run) throw new Error(`${what} may only be used from workflow code (simulator: no workflow context)`);
  return run;
}
export const inWorkflow = () => als.getStore() !== undefined;
/** Run `fn` as `run`'s workflow code; a synchronous throw becomes a rejection, as in an async function. */
function invoke(run: Run, fn: Fn, args: unknown[]): Promise<unknown> {
  try { return Promise.resolve(als.run(run, () => fn(...args))); } catch (e) { return Promise.reject(e); }
}

let installs = 0;
const RealDate = Date;
const realRandom = Math.random;
/** Patch Date and Math.random once (ref-counted): inside a workflow context they read the run's
 *  virtual clock / PRNG, everywhere else (tests, activities) the real ones. */
function installClock(): void {
  if (installs++ > 0) return;
  const now = () => { const run = als.getStore(); return run ? run.sim.now : RealDate.now(); };
  function SimDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(now()).toString(); // `Date()` called as a function
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  SimDate.prototype = RealDate.prototype; // so `instanceof Date` holds for dates made either way
  Object.setPrototypeOf(SimDate, RealDate); // Date.parse, Date.UTC
  SimDate.now = now;
  globalThis.Date = SimDate as unknown as DateConstructor;
  Math.random = () => { const run = als.getStore(); return run ? run.random() : realRandom(); };
}
function uninstallClock(): void {
  if (--installs > 0) return;
  globalThis.Date = RealDate;
  Math.random = realRandom;
}

/** mulberry32 seeded with a string hash: repeatable per workflow id, independent across ids. */
function seeded(seed: string): () => number {
  let a = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    a = Math.imul(a ^ seed.charCodeAt(i), 3432918353);
    a = (a << 13) | (a >>> 19);
  }
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export function uuid4(random: () => number): string {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Next backoff in ms, or why there is no retry (RetryPolicy defaults as documented by Temporal). */
function retryDelay(policy: RetryPolicy | undefined, attempt: number, failure: ApplicationFailure): number | RetryState {
  if (failure.nonRetryable || policy?.nonRetryableErrorTypes?.includes(failure.type ?? '')) return 'NON_RETRYABLE_FAILURE';
  if ((policy?.maximumAttempts ?? 0) > 0 && attempt >= (policy?.maximumAttempts ?? 0)) return 'MAXIMUM_ATTEMPTS_REACHED';
  if (failure.nextRetryDelay != null) return msToNumber(failure.nextRetryDelay);
  const initial = msToNumber(policy?.initialInterval ?? 1000);
  const max = policy?.maximumInterval != null ? msToNumber(policy.maximumInterval) : 100 * initial;
  return Math.min(initial * (policy?.backoffCoefficient ?? 2) ** (attempt - 1), max);
}

// ---------------------------------------------------------------------------------------------
/** One run of a workflow execution. `history` approximates the event count: every wake-up of the
 *  workflow costs a workflow task (3 events) plus the events of whatever woke it. */
export class Run {
  status: RunStatus = 'RUNNING';
  /** Set when the workflow task failed (non-Temporal error): a real worker would retry it forever. */
  stuck?: Error;
  result?: unknown;
  failure?: Error;
  next?: Run;
  history = 4; // WorkflowExecutionStarted + first workflow task
  handlersRunning = 0;
  seq = 0;
  readonly random: () => number;
  readonly signals = new Map<string, Fn>();
  readonly queries = new Map<string, Fn>();
  readonly updates = new Map<string, { handler: Fn; validator?: Fn }>();
  readonly bufferedSignals: { name: string; args: unknown[] }[] = [];
  readonly bufferedUpdates: PendingUpdate[] = [];
  readonly pendingUpdates = new Set<PendingUpdate>();
  readonly conditions = new Set<Condition>();
  readonly children: Run[] = [];
  readonly startedAt: number;
  readonly closed: Promise<void>;
  private markClosed!: () => void;

  constructor(readonly sim: Simulator, readonly workflowId: string, readonly runId: string, readonly workflowType: string,
    readonly fn: WorkflowFn, readonly taskQueue: string, runIndex: number, readonly previous?: Run, readonly parent?: Run) {
    this.random = seeded(`${workflowId}#${runIndex}`);
    this.startedAt = sim.now;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  get running(): boolean { return this.status === 'RUNNING' && !this.stuck; }
  get first(): Run { return this.previous ? this.previous.first : this; }

  info(): WorkflowInfo {
    const { sim } = this;
    return {
      workflowId: this.workflowId, runId: this.runId, workflowType: this.workflowType, taskQueue: this.taskQueue,
      namespace: 'default', attempt: 1, historyLength: this.history, historySize: 0,
      continueAsNewSuggested: this.history > (sim.options.continueAsNewSuggestedAt ?? 10_000),
      startTime: new RealDate(this.first.startedAt), runStartTime: new RealDate(this.startedAt),
      firstExecutionRunId: this.first.runId, originalExecutionRunId: this.runId, continuedFromExecutionRunId: this.previous?.runId,
      parent: this.parent && { workflowId: this.parent.workflowId, runId: this.parent.runId, namespace: 'default' },
      searchAttributes: {}, memo: {}, taskTimeoutMs: 10_000, targetWorkerDeploymentVersionChanged: false,
      unsafe: { isReplaying: false, isReplayingHistoryEvents: false, now: () => RealDate.now() },
    } as unknown as WorkflowInfo;
  }

  setHandler(def: { type: string; name: string }, handler: Fn | undefined, validator?: Fn): void {
    const { type, name } = def;
    if (type === 'query') { if (handler) this.queries.set(name, handler); else this.queries.delete(name); return; }
    if (type === 'signal') {
      if (!handler) { this.signals.delete(name); return; }
      this.signals.set(name, handler);
      // Signals that arrived while nobody listened are delivered now, in arrival order.
      for (const s of this.bufferedSignals.filter((b) => b.name === name)) {
        this.bufferedSignals.splice(this.bufferedSignals.indexOf(s), 1);
        this.runHandler(handler, s.args);
      }
      return;
    }
    if (type !== 'update') throw new TypeError(`setHandler: unknown definition type ${type}`);
    if (!handler) { this.updates.delete(name); return; }
    this.updates.set(name, { handler, validator });
    for (const u of this.bufferedUpdates.filter((b) => b.name === name)) {
      this.bufferedUpdates.splice(this.bufferedUpdates.indexOf(u), 1);
      this.runUpdate(u);
    }
  }

  deliverSignal(name: string, args: unknown[]): void {
    const handler = this.signals.get(name);
    if (handler) this.runHandler(handler, args); else this.bufferedSignals.push({ name, args });
  }

  deliverUpdate(u: PendingUpdate): void {
    this.pendingUpdates.add(u);
    if (this.updates.has(u.name)) this.runUpdate(u); else this.bufferedUpdates.push(u);
  }

  settleUpdate(u: PendingUpdate, error: unknown, value?: unknown): void {
    if (!this.pendingUpdates.delete(u)) return;
    if (error) u.reject(error); else u.resolve(value);
  }

  private runHandler(handler: Fn, args: unknown[]): void {
    this.handlersRunning++;
    void invoke(this, handler, args).then(() => undefined, (e) => this.fail(e)).finally(() => this.handlersRunning--);
  }

  private runUpdate(u: PendingUpdate): void {
    const { handler, validator } = this.updates.get(u.name)!;
    if (validator) {
      // A rejecting validator leaves no trace in history (the server drops the speculative task).
      try { als.run(this, () => validator(...u.args)); } catch (e) { this.settleUpdate(u, updateFailed(e)); return; }
    }
    this.history += 4; // a workflow task + WorkflowExecutionUpdateAccepted
    this.handlersRunning++;
    void invoke(this, handler, u.args).then(
      (value) => { this.history += 1; this.settleUpdate(u, undefined, clone(value)); },
      // Temporal failures fail only the update; anything else fails the workflow task (or continues-as-new).
      (e) => (e instanceof TemporalFailure ? this.settleUpdate(u, updateFailed(e)) : this.fail(e)),
    ).finally(() => this.handlersRunning--);
  }

  /** Outcome of the workflow function or a signal/update handler throwing, as in the SDK. */
  fail(err: unknown): void {
    if (!this.running) return;
    if (err instanceof ContinueAsNew) {
      const fn = err.workflowType === this.workflowType ? this.fn : this.sim.options.resolveWorkflow(err.workflowType);
      if (!fn) return this.failTask(new TypeError(`continueAsNew: unknown workflow type "${err.workflowType}"`));
      this.close('CONTINUED_AS_NEW');
      this.next = this.sim.startRun(err.workflowType, fn, this.workflowId, err.args, this.taskQueue, this.parent, this);
    } else if (err instanceof TemporalFailure) {
      this.close('FAILED', undefined, roundTrip(err));
    } else {
      this.failTask(err);
    }
  }

  failTask(err: unknown): void {
    if (!this.running) return;
    const message = err instanceof Error ? err.message : String(err);
    this.stuck = new Error(`Workflow task failed in ${this.workflowType} (workflowId ${this.workflowId}): ${message}\n`
      + 'A non-Temporal error fails the workflow TASK, not the workflow: a real worker would retry it forever. '
      + 'Throw an ApplicationFailure to fail the workflow.', { cause: err });
    this.retire(this.stuck);
  }

  close(status: RunStatus, result?: unknown, failure?: Error): void {
    this.status = status;
    this.result = result;
    this.failure = failure;
    this.history += 1; // WorkflowExecutionCompleted / Failed / ContinuedAsNew / Terminated
    this.retire(updateFailed(ApplicationFailure.nonRetryable(
      'Workflow Update failed because the Workflow completed before the Update completed.', 'AcceptedUpdateCompletedWorkflow')));
    if (status === 'CONTINUED_AS_NEW') return;
    // Default ParentClosePolicy is TERMINATE.
    for (const child of this.children) {
      const last = this.sim.final(child);
      if (last.running) last.close('TERMINATED', undefined, new TerminatedFailure('Parent workflow closed'));
    }
  }

  private retire(updateError: Error): void {
    this.sim.retire(this);
    this.conditions.clear();
    for (const u of [...this.pendingUpdates]) this.settleUpdate(u, updateError);
    this.bufferedUpdates.length = 0;
    this.markClosed();
  }
}

// ---------------------------------------------------------------------------------------------
export class Simulator {
  now: number;
  readonly logs: LogEntry[] = [];
  readonly logger: Logger;
  private readonly timers: Timer[] = []; // sorted by (at, seq)
  private timerSeq = 0;
  private readonly inflight = new Set<Promise<void>>(); // running activity attempts
  private readonly live = new Set<Run>();
  private readonly executions = new Map<string, Run[]>(); // every run ever, per workflow id
  private readonly waiters = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly random = seeded('simulator');

  constructor(readonly options: SimulatorOptions) {
    this.now = options.startTime ?? RealDate.now();
    installClock();
    const log = (level: LogLevel) => (message: string, meta?: LogMetadata) => {
      this.logs.push({ level, message, meta, time: this.now });
      if (options.printLogs) process.stderr.write(`[sim ${new RealDate(this.now).toISOString()}] ${level} ${message} ${meta ? JSON.stringify(meta) : ''}\n`);
    };
    this.logger = { log: (level, message, meta) => log(level)(message, meta), trace: log('TRACE'), debug: log('DEBUG'),
      info: log('INFO'), warn: log('WARN'), error: log('ERROR') };
  }

  private disposed = false;
  /** Restores Date/Math.random (once this is the last live simulator). Runs are abandoned where they stand. */
  dispose(): void { if (!this.disposed) uninstallClock(); this.disposed = true; }

  latest(workflowId: string): Run | undefined { return this.executions.get(workflowId)?.at(-1); }
  runCount(workflowId: string): number { return this.executions.get(workflowId)?.length ?? 0; }
  /** History events of every run of a workflow id, summed across continue-as-new. */
  historyTotal(workflowId: string): number { return (this.executions.get(workflowId) ?? []).reduce((n, r) => n + r.history, 0); }
  final(run: Run): Run { while (run.next) run = run.next; return run; }
  retire(run: Run): void { this.live.delete(run); }

  /** Start a new execution; throws if one with this id is still running (default id reuse policy). */
  start(type: string | WorkflowFn, workflowId: string, args: unknown[], taskQueue?: string, parent?: Run): Run {
    const current = this.latest(workflowId);
    if (current?.status === 'RUNNING') {
      throw new WorkflowExecutionAlreadyStartedError('Workflow execution already started', workflowId, current.workflowType);
    }
    // A real server accepts an unknown type and the worker fails its task forever; failing the start is louder.
    const fn = typeof type === 'function' ? type : this.options.resolveWorkflow(type);
    if (!fn) throw new TypeError(`Workflow type "${String(type)}" is not exported by the workflows module`);
    const run = this.startRun(typeof type === 'string' ? type : fn.name, fn, workflowId, cloneArgs(args),
      taskQueue ?? this.options.taskQueue ?? 'simulator', parent);
    this.pulse();
    return run;
  }

  startRun(name: string, fn: WorkflowFn, workflowId: string, args: unknown[], taskQueue: string, parent?: Run, previous?: Run): Run {
    const runs = this.executions.get(workflowId) ?? [];
    this.executions.set(workflowId, runs);
    const run = new Run(this, workflowId, uuid4(this.random), name, fn, taskQueue, runs.length, previous, parent);
    runs.push(run);
    this.live.add(run);
    parent?.children.push(run);
    void invoke(run, fn as Fn, args).then((value) => run.running && run.close('COMPLETED', clone(value)), (e) => run.fail(e));
    return run;
  }

  // --- called from workflow code (see workflow-api.ts) -----------------------------------------

  timer(run: Run, ms: number): Promise<void> {
    run.history += 1; // TimerStarted
    return new Promise((resolve) => this.addTimer(run, Math.max(1, ms), () => { run.history += 4; resolve(); }));
  }

  /** condition(): resolves true once `fn()` holds (re-checked after every activation), or false when the timeout fires first. */
  condition(run: Run, fn: () => boolean, timeoutMs?: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (fn()) return resolve(true); // eager check, no timer recorded (as in the SDK)
      const entry: Condition = { fn, resolve: () => resolve(true) };
      if (timeoutMs !== undefined) {
        run.history += 1; // TimerStarted
        const timer = this.addTimer(run, Math.max(1, timeoutMs), () => { run.conditions.delete(entry); run.history += 4; resolve(false); });
        entry.resolve = () => { timer.cancelled = true; run.history += 1; resolve(true); }; // TimerCanceled
      }
      run.conditions.add(entry);
    });
  }

  activity(run: Run, type: string, args: unknown[], options: ActivityOptions, local: boolean): Promise<unknown> {
    const fn = this.options.activities[type];
    const activityId = String(++run.seq);
    const input = cloneArgs(args); // serialized at schedule time, as the real SDK does
    if (!local) run.history += 1; // ActivityTaskScheduled
    if (!fn) {
      run.failTask(new Error(`Activity "${type}" is not registered; known: ${Object.keys(this.options.activities).join(', ')}`));
      return never;
    }
    const limit = this.options.activityAttemptLimit ?? 1000;
    return new Promise((resolve, reject) => {
      let heartbeatDetails: unknown;
      const attempt = (n: number) => {
        const info: Partial<ActivityInfo> = {
          attempt: n, activityType: type, activityId, isLocal: local, taskQueue: options.taskQueue ?? run.taskQueue,
          workflowType: run.workflowType, workflowExecution: { workflowId: run.workflowId, runId: run.runId },
          heartbeatDetails, scheduledTimestampMs: this.now, currentAttemptScheduledTimestampMs: this.now,
          startToCloseTimeoutMs: msOptionalToNumber(options.startToCloseTimeout) ?? 0,
          scheduleToCloseTimeoutMs: msOptionalToNumber(options.scheduleToCloseTimeout) ?? 0,
          heartbeatTimeoutMs: msOptionalToNumber(options.heartbeatTimeout), retryPolicy: options.retry,
        };
        // Activities run outside the workflow context: real clock, real Math.random.
        const result = als.exit(() => {
          const env = new MockActivityEnvironment(info, { logger: this.logger });
          env.on('heartbeat', (d) => (heartbeatDetails = d));
          return env.run(fn as (...a: unknown[]) => Promise<unknown>, ...cloneArgs(input));
        });
        this.track(result.then((value) => {
          if (!run.running) return;
          run.history += local ? 4 : 5; // MarkerRecorded | ActivityTaskStarted+Completed, + a workflow task
          resolve(clone(value));
        }, (err) => {
          if (!run.running) return;
          const failure = ensureApplicationFailure(err); // what the real worker reports
          const next = retryDelay(options.retry, n, failure);
          if (typeof next === 'number') {
            if (n >= limit) return run.failTask(new Error(`Activity "${type}" failed ${n} attempts and would retry forever: ${failure.message}`));
            this.addTimer(run, next, () => attempt(n + 1)); // backoff on the virtual clock, not in history
            return;
          }
          run.history += local ? 4 : 5;
          reject(roundTrip(new ActivityFailure('Activity task failed', type, activityId, next, 'simulator', failure)));
        }));
      };
      attempt(1);
    });
  }

  startChild(parent: Run, type: string | WorkflowFn, o: { workflowId?: string; args?: unknown[]; taskQueue?: string }): { run: Run; result: Promise<unknown> } {
    const workflowId = o.workflowId ?? uuid4(parent.random);
    const child = this.start(type, workflowId, o.args ?? [], o.taskQueue ?? parent.taskQueue, parent);
    parent.history += 5; // StartChildWorkflowExecutionInitiated + ChildWorkflowExecutionStarted + a workflow task
    const result = this.outcome(child).then((last) => {
      if (!parent.running) return never;
      if (last.stuck) { parent.failTask(last.stuck); return never; } // a real parent would wait forever
      parent.history += 4; // ChildWorkflowExecutionCompleted/Failed + a workflow task
      if (last.status === 'COMPLETED') return clone(last.result);
      throw roundTrip(new ChildWorkflowFailure('default', { workflowId, runId: last.runId }, last.workflowType,
        'RETRY_POLICY_NOT_SET', last.failure));
    });
    result.catch(() => undefined); // the parent may look at the result later
    return { run: child, result };
  }

  // --- called by the harness (client side) --------------------------------------------------------

  signalNow(workflowId: string, name: string, args: unknown[]): void {
    const run = this.runningRun(workflowId);
    if (run.stuck) return; // accepted by the server, never processed
    run.history += 4; // WorkflowExecutionSignaled + a workflow task
    run.deliverSignal(name, cloneArgs(args));
    this.pulse();
  }

  async signal(workflowId: string, name: string, args: unknown[]): Promise<void> {
    this.signalNow(workflowId, name, args);
    await this.settle();
  }

  async update(workflowId: string, name: string, args: unknown[]): Promise<unknown> {
    const run = this.runningRun(workflowId);
    if (run.stuck) throw run.stuck;
    let u!: PendingUpdate;
    const result = new Promise((resolve, reject) => (u = { name, args: cloneArgs(args), resolve, reject }));
    result.catch(() => undefined); // rejections are for our caller, who awaits after settle()
    run.deliverUpdate(u);
    this.pulse();
    await this.settle();
    // Like the SDK at the end of an activation: an update nobody registered a handler for is rejected.
    if (run.bufferedUpdates.includes(u)) {
      run.bufferedUpdates.splice(run.bufferedUpdates.indexOf(u), 1);
      run.settleUpdate(u, updateFailed(ApplicationFailure.nonRetryable(`No registered handler for update: ${name}`)));
    }
    return result;
  }

  /** Queries run synchronously against current state (also on closed runs, as Temporal replays them). */
  query(workflowId: string, name: string, args: unknown[]): unknown {
    const run = this.latest(workflowId);
    if (!run) throw notFound(workflowId);
    const handler = run.queries.get(name);
    const code = 3 as ConstructorParameters<typeof QueryNotRegisteredError>[1]; // gRPC INVALID_ARGUMENT
    if (!handler) {
      throw new QueryNotRegisteredError(`Workflow did not register a handler for ${name}. Registered queries: [${[...run.queries.keys()].join(', ')}]`, code);
    }
    try { return clone(als.run(run, () => handler(...cloneArgs(args)))); } catch (e) {
      throw new QueryNotRegisteredError(e instanceof Error ? e.message : String(e), code);
    }
  }

  describe(workflowId: string, runId?: string) {
    const run = runId ? this.executions.get(workflowId)?.find((r) => r.runId === runId) : this.latest(workflowId);
    if (!run) throw notFound(workflowId, runId);
    return { workflowId, runId: run.runId, type: run.workflowType, taskQueue: run.taskQueue, status: { name: run.status },
      startTime: new RealDate(run.startedAt), historyLength: run.history };
  }

  /** The final outcome of the execution chain, skipping time to the next timer while it is blocked. */
  async result(workflowId: string, runId?: string): Promise<unknown> {
    const first = this.executions.get(workflowId)?.find((r) => !runId || r.runId === runId);
    if (!first) throw notFound(workflowId, runId);
    let idle = false;
    for (;;) {
      const run = this.final(first);
      if (!run.running) return this.unwrap(run);
      const progressed = await this.exclusive(async () => { await this.settle(); return !this.final(first).running || this.fireNext(Infinity); });
      if (progressed) { idle = false; continue; }
      if (idle) {
        throw new Error(`Workflow ${workflowId} is blocked with no timers or activities pending: on a real server result() would `
          + `wait forever (waiting for a signal/update that never comes?). Pending conditions: ${run.conditions.size}`);
      }
      idle = !(await this.waitForInput());
    }
  }

  /** Advance virtual time by `ms`, firing due timers in order and settling after each instant. */
  sleep(ms: number): Promise<void> {
    return this.exclusive(async () => {
      const target = this.now + ms;
      await this.settle();
      while (this.fireNext(target)) await this.settle();
      this.now = Math.max(this.now, target);
    });
  }

  /** Let workflows and activities run until nothing can move without time passing or outside input:
   *  drain microtasks (one setImmediate turn), re-check blocked conditions, wait for running activities. */
  async settle(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.unblockConditions()) continue;
      if (this.inflight.size === 0) return;
      await Promise.race(this.inflight);
    }
  }

  // --- internals -----------------------------------------------------------------------------------

  private unwrap(run: Run): unknown {
    if (run.stuck) throw run.stuck;
    if (run.status === 'COMPLETED') return clone(run.result);
    const message = run.status === 'TERMINATED' ? 'Workflow execution terminated' : 'Workflow execution failed';
    throw new WorkflowFailedError(message, run.failure, run.status === 'TERMINATED' ? 'NON_RETRYABLE_FAILURE' : 'RETRY_POLICY_NOT_SET');
  }

  private async outcome(run: Run): Promise<Run> {
    for (;;) {
      await run.closed;
      if (!run.next) return run;
      run = run.next;
    }
  }

  private runningRun(workflowId: string): Run {
    const run = this.latest(workflowId);
    if (!run) throw notFound(workflowId);
    if (run.status !== 'RUNNING') throw new WorkflowNotFoundError('workflow execution already completed', workflowId, run.runId);
    return run;
  }

  private addTimer(run: Run, delayMs: number, fire: () => void): Timer {
    const timer: Timer = { at: this.now + delayMs, seq: this.timerSeq++, run, fire, cancelled: false };
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.timers[mid].at <= timer.at) lo = mid + 1; else hi = mid; }
    this.timers.splice(lo, 0, timer);
    return timer;
  }

  private nextTimer(): Timer | undefined {
    while (this.timers.length && (this.timers[0].cancelled || !this.timers[0].run.running)) this.timers.shift();
    return this.timers[0];
  }

  /** Jump to the next live timer (if due by `limit`) and fire every timer due at that instant. */
  private fireNext(limit: number): boolean {
    const first = this.nextTimer();
    if (!first || first.at > limit) return false;
    this.now = Math.max(this.now, first.at);
    for (let t: Timer | undefined = first; t && t.at === first.at; t = this.nextTimer()) { this.timers.shift(); t.fire(); }
    this.pulse();
    return true;
  }

  private unblockConditions(): boolean {
    let progressed = false;
    for (const run of this.live) {
      for (const c of run.conditions) {
        let ok: boolean;
        try { ok = als.run(run, c.fn); } catch (e) { run.failTask(e); progressed = true; break; }
        if (ok) { run.conditions.delete(c); c.resolve(); progressed = true; }
      }
    }
    return progressed;
  }

  private track(p: Promise<unknown>): void {
    const t: Promise<void> = p.then(() => { this.inflight.delete(t); }, (e) => { this.inflight.delete(t); throw e; });
    this.inflight.add(t);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private pulse(): void { for (const wake of this.waiters) wake(); this.waiters.clear(); }

  private waitForInput(): Promise<boolean> {
    return new Promise((resolve) => {
      const timeout = setTimeout(() => { this.waiters.delete(wake); resolve(false); }, this.options.idleTimeoutMs ?? 1000);
      const wake = () => { clearTimeout(timeout); resolve(true); };
      this.waiters.add(wake);
    });
  }
}
