/**
 * One workflow run: its history and its workflow-task lifecycle, as Temporal's history service keeps
 * them. Events that happen while a workflow task is being worked on are buffered and written after
 * its completion; a workflow task retried after a failure (attempt > 1) and one scheduled only to
 * deliver an update are not written unless they complete with something to record.
 */
import type { Clock } from './clock';
import { CLOSE_EVENTS, materialize, pending, type PendingEvent } from './history';
import type { Matching } from './matching';
import { EventType, int64, msDuration, num, temporal, timestamp, WorkflowStatus, type HistoryEvent } from './proto';
import { encodeToken } from './tokens';
import { UpdateRegistry } from './updates';
import type { ActivityState } from './activities';

type PollWorkflowTaskResponse = temporal.api.workflowservice.v1.IPollWorkflowTaskQueueResponse;

export interface RunHost {
  clock: Clock;
  matching: Matching;
  nextTaskId(): number;
  /** Something a quiescence watcher may care about happened. */
  changed(): void;
  /** Events after this many suggest continue-as-new to the workflow. */
  suggestContinueAsNewAt: number;
  runClosed(run: WorkflowRun): void;
}

export interface WorkflowTask {
  id: number;
  attempt: number;
  state: 'scheduled' | 'started' | 'backoff';
  /** Scheduled only to deliver an update: dropped from history if it only rejects. */
  speculative: boolean;
  /** Its scheduled/started events are not in history yet (speculative, or a retry after a failure). */
  unpersisted?: { scheduled: PendingEvent; started?: PendingEvent };
  scheduledEventId: number;
  startedEventId?: number;
  scheduledAt: number;
  startedAt?: number;
  identity?: string;
  timer?: number;
}

export interface ParentRef {
  namespace: string;
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

export interface ChildRef {
  namespace: string;
  workflowId: string;
  workflowType: string;
  runId?: string;
  startedEventId?: number;
  parentClosePolicy: number;
}

/** Workflow task failures after the first retry back off: 1 s doubling, at most 10 minutes. */
function workflowTaskBackoffMs(attempt: number): number {
  return attempt <= 2 ? 0 : Math.min(1000 * 2 ** (attempt - 3), 600_000);
}

export class WorkflowRun {
  readonly history: HistoryEvent[] = [];
  status: number = WorkflowStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  closeTime?: number;
  /** When continued as new: the next run of the chain. */
  newRunId?: string;
  wft: WorkflowTask | null = null;
  /** Legacy queries with a worker, unanswered; and the task dispatches waiting for them. */
  private queriesOut = 0;
  private heldDispatches: (() => void)[] = [];
  private buffered: PendingEvent[] = [];
  private nextWftId = 1;
  lastCompletedStartedEventId = 0;
  /**
   * The worker that completed the last task asked for the next ones on its own (sticky) queue: it
   * keeps the workflow in memory, so a task there carries only the events since that task. Without
   * it, each task would make the worker replay the whole history, and a long workflow costs the
   * square of its length.
   */
  private sticky?: { queue: string; scheduleToStartMs: number };
  /** For diagnostics and tests: tasks handed out on a sticky queue, and the events they carried. */
  readonly stickyStats = { tasks: 0, events: 0 };
  historyBytes = 0;
  readonly activities = new Map<number, ActivityState>();
  readonly timers = new Map<string, { startedEventId: number; clockId: number }>();
  readonly children = new Map<number, ChildRef>();
  readonly updates = new UpdateRegistry();
  readonly requestIds = new Set<string>();
  memo: temporal.api.common.v1.IMemo | null | undefined;
  searchAttributes: temporal.api.common.v1.ISearchAttributes | null | undefined;
  private readonly historyWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly closeWaiters: (() => void)[] = [];
  private runTimeoutTimer?: number;
  readonly startTime: number;

  constructor(
    readonly host: RunHost,
    readonly namespace: string,
    readonly workflowId: string,
    readonly runId: string,
    readonly firstRunId: string,
    readonly workflowType: string,
    readonly taskQueue: string,
    readonly workflowTaskTimeoutMs: number,
    readonly parent: ParentRef | undefined,
    started: Record<string, unknown>,
    opts: { runTimeoutMs: number; firstTaskDelayMs: number; initialEvents?: PendingEvent[] },
  ) {
    this.startTime = host.clock.now();
    this.memo = started.memo as typeof this.memo;
    this.searchAttributes = started.searchAttributes as typeof this.searchAttributes;
    this.append(pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, started, false));
    // Signal-with-start: the signal is written with the start, before the first workflow task.
    for (const e of opts.initialEvents ?? []) this.append(e);
    if (opts.runTimeoutMs > 0) {
      this.runTimeoutTimer = host.clock.schedule(this.startTime + opts.runTimeoutMs, () => this.timeOut());
    }
    if (opts.firstTaskDelayMs > 0) {
      host.clock.schedule(this.startTime + opts.firstTaskDelayMs, () => this.ensureTask());
    } else {
      this.ensureTask();
    }
  }

  get running(): boolean {
    return this.status === WorkflowStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  get execution() {
    return { workflowId: this.workflowId, runId: this.runId };
  }

  /** Whether a workflow task is scheduled or being worked on (not waiting out a retry backoff). */
  get taskOutstanding(): boolean {
    return this.wft !== null && this.wft.state !== 'backoff';
  }

  closeEvent(): HistoryEvent | undefined {
    const last = this.history[this.history.length - 1];
    return last && CLOSE_EVENTS.has(last.eventType as number) ? last : undefined;
  }

  /** Records events, consecutively: now, or after the workflow task in progress completes. */
  add(...events: PendingEvent[]): void {
    if (!this.running) return;
    if (this.wft?.state === 'started') {
      this.buffered.push(...events);
      return;
    }
    this.persistScheduledTask();
    for (const e of events) this.append(e);
    if (events.some((e) => e.needsTask)) this.ensureTask();
  }

  /** Writes an event into history now. */
  append(event: PendingEvent): HistoryEvent {
    const e = materialize(event, this.history.length + 1, this.host.clock.now(), this.host.nextTaskId());
    this.history.push(e);
    this.historyBytes += temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
    for (const w of this.historyWaiters.splice(0)) w();
    this.host.changed();
    return e;
  }

  /** Resolves when the run closes (what a client waiting for its result waits for). */
  waitForClose(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Resolves when history grows past `length` or the run closes. */
  waitForHistory(length: number): Promise<void> {
    if (this.history.length > length || !this.running) return Promise.resolve();
    return new Promise((resolve) => this.historyWaiters.push(resolve));
  }

  /** Resolves when no workflow task is outstanding (queries are answered from a settled state). */
  waitForIdle(): Promise<void> {
    if (!this.taskOutstanding) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  ensureTask(): void {
    if (this.running && !this.wft) this.scheduleTask(1, false);
  }

  /** Schedules a workflow task only to deliver an update; it leaves no trace if the update is rejected. */
  scheduleSpeculativeTask(): void {
    if (this.running && !this.wft) this.scheduleTask(1, true);
  }

  private scheduleTask(attempt: number, speculative: boolean): void {
    const scheduled = pending(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, {
      taskQueue: { name: this.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      startToCloseTimeout: msDuration(this.workflowTaskTimeoutMs),
      attempt,
    });
    const task: WorkflowTask = {
      id: this.nextWftId++,
      attempt,
      state: 'scheduled',
      speculative,
      scheduledEventId: this.history.length + 1,
      scheduledAt: this.host.clock.now(),
    };
    if (attempt > 1 || speculative) task.unpersisted = { scheduled };
    else this.append(scheduled);
    this.wft = task;
    this.dispatchTask(task);
  }

  /**
   * A legacy query went to a worker: until it is answered, this run's workflow tasks wait. The
   * query carries the last completed task's event id; a worker that took a newer task first would
   * refuse the query as expired and drop the workflow from its cache. Returns the release.
   */
  holdTasksForQuery(): () => void {
    this.queriesOut++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.queriesOut === 0) for (const dispatch of this.heldDispatches.splice(0)) dispatch();
    };
  }

  /** Starts the task for a poller, or holds it (undefined) while a query is with a worker. */
  private startOrHold(task: WorkflowTask, identity: string, sticky: boolean): PollWorkflowTaskResponse | undefined {
    if (this.queriesOut > 0) {
      this.heldDispatches.push(() => this.dispatchTask(task));
      return undefined;
    }
    return this.startTask(task.id, identity, sticky);
  }

  private dispatchTask(task: WorkflowTask): void {
    if (this.wft?.id !== task.id || this.wft.state !== 'scheduled') return;
    const sticky = this.sticky;
    if (sticky) {
      this.host.matching.addTask<PollWorkflowTaskResponse>(this.namespace, 'workflow', sticky.queue, (identity) =>
        this.sticky === sticky ? this.startOrHold(task, identity, true) : undefined,
      );
      // As the real server: a sticky task nobody takes in time goes to the normal queue, whole.
      const fallback = setTimeout(() => {
        if (this.wft?.id === task.id && this.wft.state === 'scheduled' && this.sticky === sticky) {
          this.clearSticky();
          this.dispatchTask(task);
        }
      }, sticky.scheduleToStartMs);
      fallback.unref();
    } else {
      this.host.matching.addTask<PollWorkflowTaskResponse>(this.namespace, 'workflow', this.taskQueue, (identity) =>
        this.startOrHold(task, identity, false),
      );
    }
    this.host.changed();
  }

  /** The sticky queue and its schedule-to-start timeout, when the last worker asked for one. */
  get stickyQueue(): { queue: string; scheduleToStartMs: number } | undefined {
    return this.sticky;
  }

  /** From RespondWorkflowTaskCompleted's stickyAttributes. */
  setSticky(queue: string | undefined | null, scheduleToStartMs: number): void {
    this.sticky = queue ? { queue, scheduleToStartMs: scheduleToStartMs > 0 ? scheduleToStartMs : 10_000 } : undefined;
  }

  /** The worker may no longer hold the workflow (a failed task, ResetStickyTaskQueue): whole histories again. */
  clearSticky(): void {
    this.sticky = undefined;
  }

  /** An event arrived while an unwritten task was only scheduled: the task becomes an ordinary one. */
  private persistScheduledTask(): void {
    const task = this.wft;
    if (!task?.unpersisted || task.state !== 'scheduled') return;
    task.scheduledEventId = num(this.append(task.unpersisted.scheduled).eventId);
    task.unpersisted = undefined;
    task.speculative = false;
  }

  /** A poller takes the task: the started event, and the response with the whole history. */
  private startTask(taskId: number, identity: string, sticky: boolean): PollWorkflowTaskResponse | undefined {
    const task = this.wft;
    if (!this.running || !task || task.id !== taskId || task.state !== 'scheduled') return undefined;
    const now = this.host.clock.now();
    task.state = 'started';
    task.startedAt = now;
    task.identity = identity;
    // As the real server: suggested once the started event's id (the next event id) reaches the limit.
    const suggest = this.history.length + 1 >= this.host.suggestContinueAsNewAt;
    const started = pending(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, {
      scheduledEventId: task.scheduledEventId,
      identity,
      requestId: `${this.runId}/${task.id}`,
      suggestContinueAsNew: suggest,
      historySizeBytes: this.historyBytes,
    });
    let events: HistoryEvent[];
    if (task.unpersisted) {
      const sched = materialize(
        task.unpersisted.scheduled,
        task.scheduledEventId,
        task.scheduledAt,
        this.host.nextTaskId(),
      );
      const start = materialize(started, task.scheduledEventId + 1, now, this.host.nextTaskId());
      task.unpersisted.started = started;
      task.startedEventId = num(start.eventId);
      events = [...this.history, sched, start];
    } else {
      task.startedEventId = num(this.append(started).eventId);
      events = this.history.slice();
    }
    // On the sticky queue: only what came after the last task the worker completed.
    if (sticky) {
      events = events.filter((e) => num(e.eventId) > this.lastCompletedStartedEventId);
      this.stickyStats.tasks++;
      this.stickyStats.events += events.length;
    }
    task.timer = this.host.clock.schedule(now + this.workflowTaskTimeoutMs, () => this.timeOutTask(task.id));
    const messages = this.updates.deliver(task.id, task.startedEventId - 1);
    this.host.changed();
    return {
      taskToken: encodeToken({ kind: 'workflow', ns: this.namespace, runId: this.runId, task: task.id }),
      workflowExecution: this.execution,
      workflowType: { name: this.workflowType },
      previousStartedEventId: int64(this.lastCompletedStartedEventId),
      startedEventId: int64(task.startedEventId),
      attempt: task.attempt,
      history: { events },
      workflowExecutionTaskQueue: {
        name: this.taskQueue,
        kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL,
      },
      scheduledTime: timestamp(task.scheduledAt),
      startedTime: timestamp(now),
      messages,
    };
  }

  /** The task this token names, if it is still the one being worked on. */
  startedTask(taskId: number): WorkflowTask | undefined {
    const task = this.wft;
    return task && task.id === taskId && task.state === 'started' && this.running ? task : undefined;
  }

  /** Writes the task's own events (scheduled, started if unwritten; then completed or failed). */
  private persistTask(task: WorkflowTask): void {
    if (task.unpersisted) {
      this.append(task.unpersisted.scheduled);
      if (task.unpersisted.started) this.append(task.unpersisted.started);
      task.unpersisted = undefined;
    }
  }

  /**
   * The worker's answer. `record` writes the command events once WorkflowTaskCompleted is written
   * and returns whether a new task is needed. An update-only task that recorded nothing leaves no
   * events, as on the real server, which then tells the worker to roll back to the last real task.
   */
  completeTask(
    task: WorkflowTask,
    completed: Record<string, unknown>,
    hasEffects: boolean,
    record: (completedEventId: number) => boolean,
  ): { discarded: boolean } {
    this.host.clock.cancel(task.timer);
    if (task.speculative && !hasEffects && this.buffered.length === 0) {
      this.wft = null;
      this.afterTask();
      return { discarded: true };
    }
    this.persistTask(task);
    const done = this.append(
      pending(
        EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        { ...completed, scheduledEventId: task.scheduledEventId, startedEventId: task.startedEventId },
        false,
      ),
    );
    this.lastCompletedStartedEventId = task.startedEventId ?? 0;
    this.wft = null;
    const needsTask = record(num(done.eventId));
    this.flushBuffered();
    if (needsTask) this.ensureTask();
    this.afterTask();
    return { discarded: false };
  }

  /** Whether events arrived during the task (the real server refuses to close the run then). */
  get hasBufferedEvents(): boolean {
    return this.buffered.length > 0;
  }

  failTask(task: WorkflowTask, attributes: Record<string, unknown>): void {
    this.host.clock.cancel(task.timer);
    this.endUnsuccessfully(task, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, attributes);
  }

  private timeOutTask(taskId: number): void {
    const task = this.wft;
    if (!task || task.id !== taskId || task.state !== 'started') return;
    this.endUnsuccessfully(task, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT, {
      timeoutType: temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
    });
  }

  /**
   * As the real server: only a first attempt's failure or timeout is written; a retried (transient)
   * task that fails leaves no events, even when events arrived meanwhile (they are written next,
   * and the next task is an ordinary attempt 1).
   */
  private endUnsuccessfully(task: WorkflowTask, eventType: number, attributes: Record<string, unknown>): void {
    this.updates.undeliver(task.id);
    this.clearSticky();
    if (task.attempt === 1) {
      this.persistTask(task);
      this.append(
        pending(
          eventType,
          { ...attributes, scheduledEventId: task.scheduledEventId, startedEventId: task.startedEventId },
          false,
        ),
      );
    }
    this.retryTask(task.attempt + 1);
  }

  private retryTask(attempt: number): void {
    this.wft = null;
    const events = this.flushBuffered();
    // The flushed events already scheduled the next (ordinary) task: do not schedule a second one.
    if (this.wft) {
      this.notifyIdle();
      return;
    }
    // New events reset the attempt count: the next task is an ordinary one.
    const next = events > 0 ? 1 : attempt;
    const delay = workflowTaskBackoffMs(next);
    if (delay === 0) {
      this.scheduleTask(next, false);
    } else {
      this.wft = {
        id: this.nextWftId++,
        attempt: next,
        state: 'backoff',
        speculative: false,
        scheduledEventId: 0,
        scheduledAt: 0,
      };
      const waiting = this.wft;
      this.host.clock.schedule(this.host.clock.now() + delay, () => {
        if (this.wft === waiting) {
          this.wft = null;
          this.scheduleTask(next, false);
        }
      });
    }
    this.notifyIdle();
  }

  private flushBuffered(): number {
    const events = this.buffered.splice(0);
    if (!this.running) return 0;
    let needsTask = false;
    for (const e of events) {
      this.append(e);
      needsTask ||= e.needsTask;
    }
    if (needsTask) this.ensureTask();
    return events.length;
  }

  private afterTask(): void {
    if (this.running && !this.wft && this.updates.hasUndelivered()) this.scheduleSpeculativeTask();
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.taskOutstanding) return;
    for (const w of this.idleWaiters.splice(0)) w();
    this.host.changed();
  }

  /** Closes the run with its close event. */
  close(status: number, closeEvent: PendingEvent): HistoryEvent {
    const event = this.append({ ...closeEvent, needsTask: false });
    this.status = status;
    this.closeTime = this.host.clock.now();
    this.host.clock.cancel(this.runTimeoutTimer);
    if (this.wft) this.host.clock.cancel(this.wft.timer);
    this.wft = null;
    this.buffered = [];
    for (const t of this.timers.values()) this.host.clock.cancel(t.clockId);
    this.timers.clear();
    for (const a of this.activities.values()) a.dispose();
    this.activities.clear();
    this.updates.failAll('workflow execution already completed');
    for (const w of this.historyWaiters.splice(0)) w();
    for (const w of this.idleWaiters.splice(0)) w();
    for (const w of this.closeWaiters.splice(0)) w();
    this.host.runClosed(this);
    this.host.changed();
    return event;
  }

  private timeOut(): void {
    if (!this.running) return;
    this.close(
      WorkflowStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
      pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, {
        retryState: temporal.api.enums.v1.RetryState.RETRY_STATE_TIMEOUT,
      }),
    );
  }
}
