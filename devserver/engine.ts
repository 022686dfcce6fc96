/**
 * The dev server's state: namespaces, their workflow runs (each workflow id's chain of runs), and
 * what crosses runs (children, external signals and cancels, continue-as-new). Also time: which work
 * is in flight, and skipping to the next timer when nothing is.
 */
import { randomUUID } from 'node:crypto';
import { Clock, type TimeMode } from './clock';
import { alreadyStarted, invalidArgument, notFound } from './errors';
import { attributesOf, pending } from './history';
import { Matching } from './matching';
import { durationMs, EventType, google, msDuration, temporal, WorkflowStatus } from './proto';
import { WorkflowRun, type ParentRef, type RunHost } from './run';

const enums = temporal.api.enums.v1;

export interface StartRequest {
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  input?: temporal.api.common.v1.IPayloads | null;
  workflowExecutionTimeout?: google.protobuf.IDuration | null;
  workflowRunTimeout?: google.protobuf.IDuration | null;
  workflowTaskTimeout?: google.protobuf.IDuration | null;
  identity?: string | null;
  requestId?: string | null;
  workflowIdReusePolicy?: number | null;
  workflowIdConflictPolicy?: number | null;
  retryPolicy?: temporal.api.common.v1.IRetryPolicy | null;
  cronSchedule?: string | null;
  memo?: temporal.api.common.v1.IMemo | null;
  searchAttributes?: temporal.api.common.v1.ISearchAttributes | null;
  header?: temporal.api.common.v1.IHeader | null;
  workflowStartDelay?: google.protobuf.IDuration | null;
  /** SignalWithStartWorkflowExecution: the signal, written right after WorkflowExecutionStarted. */
  signal?: { signalName: string; input?: unknown; identity?: string; header?: unknown };
}

export interface Continuation {
  previous: WorkflowRun;
  attributes: temporal.api.command.v1.IContinueAsNewWorkflowExecutionCommandAttributes;
  newRunId: string;
}

export class Namespace {
  readonly id = randomUUID();
  /** Every run by run id. */
  readonly runs = new Map<string, WorkflowRun>();
  /** Each workflow id's runs, oldest first (starts and continue-as-new chains). */
  readonly chains = new Map<string, WorkflowRun[]>();
  readonly startRequests = new Map<string, string>();

  constructor(readonly name: string) {}

  current(workflowId: string): WorkflowRun | undefined {
    const chain = this.chains.get(workflowId);
    return chain?.[chain.length - 1];
  }
}

export interface EngineOptions {
  time: TimeMode;
  startTime?: number;
  namespaces?: string[];
  /** History length from which workflow tasks suggest continue-as-new (the real server: 10,240 events). */
  suggestContinueAsNewAt?: number;
  /** Real ms to wait for activities that show no progress before time may skip past them. */
  idleGraceMs?: number;
}

const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;

export class Engine implements RunHost {
  readonly clock: Clock;
  readonly matching = new Matching();
  readonly namespaces = new Map<string, Namespace>();
  readonly suggestContinueAsNewAt: number;
  private readonly idleGraceMs: number;
  private taskIds = 1;
  private lastChange = Date.now();
  private changeWaiters: (() => void)[] = [];
  /** Clients waiting for a run to close: while there are some, skipping mode moves time forward. */
  private resultWaiters = 0;
  private skipping = false;
  private closed = false;

  constructor(options: EngineOptions) {
    this.clock = new Clock(options.time, options.startTime);
    this.suggestContinueAsNewAt = options.suggestContinueAsNewAt ?? 10_240;
    this.idleGraceMs = options.idleGraceMs ?? 5_000;
    for (const name of options.namespaces ?? ['default']) this.namespaces.set(name, new Namespace(name));
  }

  nextTaskId(): number {
    return this.taskIds++;
  }

  namespace(name: string | null | undefined): Namespace {
    const ns = this.namespaces.get(name || 'default');
    if (!ns) throw notFound(`Namespace ${name} is not found.`);
    return ns;
  }

  /** The run: a given run id, or the workflow id's latest run. */
  run(ns: Namespace, workflowId: string | null | undefined, runId?: string | null): WorkflowRun {
    const run = runId ? ns.runs.get(runId) : ns.current(workflowId ?? '');
    if (!run || (workflowId && run.workflowId !== workflowId)) {
      throw notFound(`workflow not found for ID: ${workflowId}`);
    }
    return run;
  }

  // ---- starting runs -------------------------------------------------------------------------

  /** Starts a run, honouring the id reuse and conflict policies. */
  start(ns: Namespace, req: StartRequest, parent?: ParentRef): { run: WorkflowRun; started: boolean } {
    if (!req.workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!req.workflowType) throw invalidArgument('WorkflowType is not set on request.');
    if (!req.taskQueue) throw invalidArgument('TaskQueue is not set on request.');
    const requestId = req.requestId || randomUUID();
    const existing = ns.current(req.workflowId);
    if (existing?.running) {
      if (ns.startRequests.get(requestId) === existing.runId) return { run: existing, started: false };
      const conflict = req.workflowIdConflictPolicy ?? 0;
      if (conflict === enums.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) {
        return { run: existing, started: false };
      }
      const terminate =
        conflict === enums.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING ||
        req.workflowIdReusePolicy === enums.WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING;
      if (!terminate) {
        throw alreadyStarted(
          `Workflow execution is already running. WorkflowId: ${req.workflowId}, RunId: ${existing.runId}.`,
          requestId,
          existing.runId,
        );
      }
      this.terminate(existing, 'terminated by a start with the same workflow id', req.identity ?? '');
    } else if (existing) {
      const reuse = req.workflowIdReusePolicy ?? 0;
      const failed = existing.status !== WorkflowStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
      if (
        reuse === enums.WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE ||
        (reuse === enums.WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY && !failed)
      ) {
        throw alreadyStarted(
          `Workflow execution already finished and its id reuse policy does not allow a new run. WorkflowId: ${req.workflowId}.`,
          requestId,
          existing.runId,
        );
      }
    }
    const runId = randomUUID();
    ns.startRequests.set(requestId, runId);
    const run = this.createRun(ns, req, runId, runId, parent, {});
    run.requestIds.add(requestId);
    return { run, started: true };
  }

  private createRun(
    ns: Namespace,
    req: StartRequest,
    runId: string,
    firstRunId: string,
    parent: ParentRef | undefined,
    extra: Record<string, unknown>,
    firstTaskDelayMs = durationMs(req.workflowStartDelay),
  ): WorkflowRun {
    const taskTimeoutMs = durationMs(req.workflowTaskTimeout) || DEFAULT_WORKFLOW_TASK_TIMEOUT_MS;
    const runTimeoutMs = durationMs(req.workflowRunTimeout) || durationMs(req.workflowExecutionTimeout);
    const started: Record<string, unknown> = {
      workflowType: { name: req.workflowType },
      taskQueue: { name: req.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      input: req.input,
      workflowExecutionTimeout: req.workflowExecutionTimeout ?? msDuration(0),
      workflowRunTimeout: msDuration(runTimeoutMs),
      workflowTaskTimeout: msDuration(taskTimeoutMs),
      originalExecutionRunId: runId,
      identity: req.identity ?? '',
      firstExecutionRunId: firstRunId,
      retryPolicy: req.retryPolicy,
      attempt: 1,
      cronSchedule: req.cronSchedule ?? '',
      firstWorkflowTaskBackoff: msDuration(firstTaskDelayMs),
      memo: req.memo,
      searchAttributes: req.searchAttributes,
      header: req.header,
      workflowId: req.workflowId,
      ...(parent
        ? {
            parentWorkflowNamespace: parent.namespace,
            parentWorkflowNamespaceId: this.namespace(parent.namespace).id,
            parentWorkflowExecution: { workflowId: parent.workflowId, runId: parent.runId },
            parentInitiatedEventId: parent.initiatedEventId,
          }
        : {}),
      ...extra,
    };
    const run = new WorkflowRun(
      this,
      ns.name,
      req.workflowId,
      runId,
      firstRunId,
      req.workflowType,
      req.taskQueue,
      taskTimeoutMs,
      parent,
      started,
      {
        runTimeoutMs,
        firstTaskDelayMs,
        initialEvents: req.signal
          ? [pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, { identity: '', ...req.signal }, false)]
          : undefined,
      },
    );
    ns.runs.set(runId, run);
    const chain = ns.chains.get(req.workflowId) ?? [];
    chain.push(run);
    ns.chains.set(req.workflowId, chain);
    this.changed();
    return run;
  }

  /** The next run of a chain, after ContinueAsNew. */
  continueAsNew({ previous, attributes: a, newRunId }: Continuation): void {
    const ns = this.namespace(previous.namespace);
    const first = attributesOf<temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes>(previous.history[0]);
    this.createRun(
      ns,
      {
        workflowId: previous.workflowId,
        workflowType: a.workflowType?.name || previous.workflowType,
        taskQueue: a.taskQueue?.name || previous.taskQueue,
        input: a.input,
        workflowExecutionTimeout: first.workflowExecutionTimeout,
        workflowRunTimeout: a.workflowRunTimeout ?? first.workflowRunTimeout,
        workflowTaskTimeout: a.workflowTaskTimeout ?? first.workflowTaskTimeout,
        retryPolicy: a.retryPolicy ?? first.retryPolicy,
        memo: a.memo ?? previous.memo,
        searchAttributes: a.searchAttributes ?? previous.searchAttributes,
        header: a.header,
        identity: first.identity,
      },
      newRunId,
      previous.firstRunId,
      previous.parent,
      {
        continuedExecutionRunId: previous.runId,
        // As the real server: an unspecified initiator (what SDKs send) means the workflow.
        initiator: a.initiator || enums.ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_WORKFLOW,
        continuedFailure: a.failure,
        lastCompletionResult: a.lastCompletionResult,
      },
      durationMs(a.backoffStartInterval),
    );
  }

  /** A child run for a parent's StartChildWorkflowExecution command. */
  startChild(
    parent: WorkflowRun,
    initiatedEventId: number,
    a: temporal.api.command.v1.IStartChildWorkflowExecutionCommandAttributes,
  ): void {
    if (!parent.running) return;
    const nsName = a.namespace || parent.namespace;
    const base = { namespace: nsName, initiatedEventId, control: a.control ?? '' };
    try {
      const ns = this.namespace(nsName);
      const { run, started } = this.start(
        ns,
        {
          workflowId: a.workflowId ?? '',
          workflowType: a.workflowType?.name ?? '',
          taskQueue: a.taskQueue?.name || parent.taskQueue,
          input: a.input,
          workflowExecutionTimeout: a.workflowExecutionTimeout,
          workflowRunTimeout: a.workflowRunTimeout,
          workflowTaskTimeout: a.workflowTaskTimeout,
          workflowIdReusePolicy: a.workflowIdReusePolicy,
          retryPolicy: a.retryPolicy,
          cronSchedule: a.cronSchedule,
          memo: a.memo,
          searchAttributes: a.searchAttributes,
          header: a.header,
        },
        { namespace: parent.namespace, workflowId: parent.workflowId, runId: parent.runId, initiatedEventId },
      );
      if (!started) throw alreadyStarted('already started', '', run.runId);
      parent.children.set(initiatedEventId, {
        namespace: nsName,
        workflowId: run.workflowId,
        workflowType: run.workflowType,
        runId: run.runId,
        parentClosePolicy: a.parentClosePolicy ?? 0,
      });
      parent.add(
        pending(EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED, {
          namespace: nsName,
          initiatedEventId,
          workflowExecution: run.execution,
          workflowType: { name: run.workflowType },
          header: a.header,
        }),
      );
    } catch {
      parent.add(
        pending(EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED, {
          ...base,
          workflowId: a.workflowId,
          workflowType: a.workflowType,
          cause:
            enums.StartChildWorkflowExecutionFailedCause
              .START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS,
          workflowTaskCompletedEventId: this.completedEventIdOf(parent, initiatedEventId),
        }),
      );
    }
  }

  private completedEventIdOf(run: WorkflowRun, eventId: number): number {
    const attrs = attributesOf<{ workflowTaskCompletedEventId?: number }>(run.history[eventId - 1]);
    return attrs?.workflowTaskCompletedEventId ?? 0;
  }

  /** The parent hears of its child's close (the last run of the child's chain). */
  private notifyParent(child: WorkflowRun): void {
    const p = child.parent;
    if (!p) return;
    const parent = this.namespaces.get(p.namespace)?.runs.get(p.runId);
    if (!parent?.running) return;
    const ref = parent.children.get(p.initiatedEventId);
    parent.children.delete(p.initiatedEventId);
    const startedEvent = parent.history.find(
      (e) =>
        e.eventType === EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED &&
        Number(attributesOf<{ initiatedEventId: number }>(e).initiatedEventId) === p.initiatedEventId,
    );
    const base = {
      namespace: child.namespace,
      workflowExecution: { workflowId: child.workflowId, runId: ref?.runId ?? child.runId },
      workflowType: { name: child.workflowType },
      initiatedEventId: p.initiatedEventId,
      startedEventId: startedEvent?.eventId ?? 0,
    };
    const close = attributesOf<Record<string, unknown>>(child.closeEvent()!);
    const byStatus: Record<number, [number, Record<string, unknown>]> = {
      [WorkflowStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED]: [
        EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED,
        { result: close.result },
      ],
      [WorkflowStatus.WORKFLOW_EXECUTION_STATUS_FAILED]: [
        EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED,
        { failure: close.failure, retryState: close.retryState },
      ],
      [WorkflowStatus.WORKFLOW_EXECUTION_STATUS_CANCELED]: [
        EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED,
        { details: close.details },
      ],
      [WorkflowStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED]: [
        EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED,
        {},
      ],
      [WorkflowStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT]: [
        EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT,
        { retryState: close.retryState },
      ],
    };
    const [type, attrs] = byStatus[child.status];
    parent.add(pending(type, { ...base, ...attrs }));
  }

  /** Applies the parent close policy to the children still running. */
  private closeChildren(parent: WorkflowRun): void {
    for (const ref of parent.children.values()) {
      const ns = this.namespaces.get(ref.namespace);
      const child = ns?.current(ref.workflowId);
      if (!child?.running) continue;
      if (ref.parentClosePolicy === enums.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON) continue;
      if (ref.parentClosePolicy === enums.ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL) {
        this.requestCancel(child, 'by parent close policy', '');
      } else {
        this.terminate(child, 'by parent close policy', '');
      }
    }
    parent.children.clear();
  }

  runClosed(run: WorkflowRun): void {
    if (run.status !== WorkflowStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) this.notifyParent(run);
    this.closeChildren(run);
  }

  // ---- messages to runs -------------------------------------------------------------------------

  signal(
    run: WorkflowRun,
    a: {
      signalName: string;
      input?: unknown;
      identity?: string;
      header?: unknown;
      requestId?: string;
      external?: unknown;
    },
  ): void {
    if (!run.running) throw notFound('workflow execution already completed');
    if (a.requestId) {
      if (run.requestIds.has(a.requestId)) return;
      run.requestIds.add(a.requestId);
    }
    run.add(
      pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, {
        signalName: a.signalName,
        input: a.input,
        identity: a.identity ?? '',
        header: a.header,
        ...(a.external ? { externalWorkflowExecution: a.external } : {}),
      }),
    );
  }

  requestCancel(
    run: WorkflowRun,
    reason: string,
    identity: string,
    external?: { initiatedEventId: number; execution: unknown },
  ): void {
    if (!run.running) throw notFound('workflow execution already completed');
    const already = run.history.some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
    if (already) return;
    run.add(
      pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED, {
        cause: reason,
        identity,
        ...(external
          ? { externalInitiatedEventId: external.initiatedEventId, externalWorkflowExecution: external.execution }
          : {}),
      }),
    );
  }

  terminate(run: WorkflowRun, reason: string, identity: string, details?: unknown): void {
    if (!run.running) throw notFound('workflow execution already completed');
    run.close(
      WorkflowStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
      pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, { reason, details, identity }),
    );
  }

  /** SignalExternalWorkflowExecution and RequestCancelExternalWorkflowExecution commands. */
  external(
    from: WorkflowRun,
    kind: 'signal' | 'cancel',
    initiatedEventId: number,
    a: {
      namespace?: string | null;
      workflowId?: string | null;
      runId?: string | null;
      signalName?: string | null;
      input?: unknown;
      header?: unknown;
      control?: string | null;
    },
  ): void {
    if (!from.running) return;
    const nsName = a.namespace || from.namespace;
    let target: WorkflowRun | undefined;
    try {
      target = this.run(this.namespace(nsName), a.workflowId, a.runId);
    } catch {
      target = undefined;
    }
    const execution = { workflowId: a.workflowId, runId: a.runId ?? '' };
    if (!target?.running) {
      from.add(
        pending(
          kind === 'signal'
            ? EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED
            : EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
          {
            cause:
              kind === 'signal'
                ? enums.SignalExternalWorkflowExecutionFailedCause
                    .SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND
                : enums.CancelExternalWorkflowExecutionFailedCause
                    .CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
            workflowTaskCompletedEventId: this.completedEventIdOf(from, initiatedEventId),
            namespace: nsName,
            workflowExecution: execution,
            initiatedEventId,
            control: a.control ?? '',
          },
        ),
      );
      return;
    }
    if (kind === 'signal') {
      this.signal(target, {
        signalName: a.signalName ?? '',
        input: a.input,
        header: a.header,
        external: from.execution,
      });
      from.add(
        pending(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED, {
          initiatedEventId,
          namespace: nsName,
          workflowExecution: target.execution,
          control: a.control ?? '',
        }),
      );
    } else {
      this.requestCancel(target, 'requested by another workflow', '', { initiatedEventId, execution: from.execution });
      from.add(
        pending(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED, {
          initiatedEventId,
          namespace: nsName,
          workflowExecution: target.execution,
        }),
      );
    }
  }

  // ---- time ---------------------------------------------------------------------------------------

  changed(): void {
    this.lastChange = Date.now();
    for (const w of this.changeWaiters.splice(0)) w();
  }

  private waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.changeWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  private *allRuns(): Generator<WorkflowRun> {
    for (const ns of this.namespaces.values()) for (const run of ns.runs.values()) if (run.running) yield run;
  }

  /** What keeps time from moving: workflow tasks and activities waiting for or worked on by a worker. */
  private inFlight(): boolean {
    return this.inFlightWork() !== undefined;
  }

  /** What is in flight, for diagnostics: the first workflow task or activity found. */
  inFlightWork(): string | undefined {
    for (const run of this.allRuns()) {
      if (run.taskOutstanding) return `workflow task (${run.wft?.state}) of ${run.workflowId}`;
      for (const a of run.activities.values())
        if (a.inFlight) return `activity ${a.attrs.activityType?.name} (${a.state}) of ${run.workflowId}`;
    }
    return undefined;
  }

  /** Resolves when no work is in flight, or nothing has happened for `idleGraceMs`. */
  async settled(): Promise<void> {
    // Let RPCs that are already on their way land first.
    await new Promise((r) => setImmediate(r));
    for (;;) {
      if (this.closed) return;
      // Work that shows no sign of life for a while (a blocked activity, a task no worker polls) stops holding time.
      if (!this.inFlight()) return;
      if (Date.now() - this.lastChange >= this.idleGraceMs) {
        if (process.env.DEVSERVER_TRACE) console.warn(`dev server: time moves on past silent ${this.inFlightWork()}`);
        return;
      }
      await this.waitForChange(50);
    }
  }

  /** Skipping mode: moves time forward by `ms`, firing due timers in order and letting work settle at each instant. */
  async sleep(ms: number): Promise<void> {
    if (this.clock.mode === 'real') {
      await new Promise((r) => setTimeout(r, ms));
      return;
    }
    const until = this.clock.now() + ms;
    await this.settled();
    while (this.clock.fireNext(until)) {
      this.changed();
      await this.settled();
    }
    this.clock.advanceTo(until);
    this.changed();
    await this.settled();
  }

  /** A client waits for a run to close: in skipping mode, time moves to each next timer while nothing else is in flight. */
  async awaitingResult<T>(wait: Promise<T>): Promise<T> {
    this.resultWaiters++;
    if (this.clock.mode === 'skipping' && !this.skipping) void this.skipWhileWaiting();
    try {
      return await wait;
    } finally {
      this.resultWaiters--;
    }
  }

  private async skipWhileWaiting(): Promise<void> {
    this.skipping = true;
    try {
      while (this.resultWaiters > 0 && !this.closed) {
        await this.settled();
        if (this.resultWaiters === 0 || this.closed) break;
        if (this.clock.fireNext(Number.POSITIVE_INFINITY)) this.changed();
        else await this.waitForChange(1000);
      }
    } finally {
      this.skipping = false;
    }
  }

  now(): number {
    return this.clock.now();
  }

  close(): void {
    this.closed = true;
    this.clock.close();
    this.matching.releasePollers();
    for (const w of this.changeWaiters.splice(0)) w();
  }
}
