/**
 * One scheduled activity: dispatch to its task queue, the four timeouts, heartbeats, and the
 * server-side retry policy. As on the real server, retried attempts leave no events: the started
 * event is written with the final outcome, carrying the attempt and the last failure.
 */
import { pending, type PendingEvent } from './history';
import { durationMs, EventType, msDuration, RetryState, temporal, timestamp, TimeoutType } from './proto';
import type { WorkflowRun } from './run';
import { encodeToken } from './tokens';

type Attributes = temporal.api.history.v1.IActivityTaskScheduledEventAttributes;
type Failure = temporal.api.failure.v1.IFailure;
type Payloads = temporal.api.common.v1.IPayloads;
type PollActivityResponse = temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse;

const TIMEOUT_NAMES: Record<number, string> = {
  [TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE]: 'StartToClose',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START]: 'ScheduleToStart',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE]: 'ScheduleToClose',
  [TimeoutType.TIMEOUT_TYPE_HEARTBEAT]: 'Heartbeat',
};

/** Fills the timeouts and retry policy the way the real server does before it writes the scheduled event. */
export function withServerDefaults(attrs: Attributes, runTimeoutMs: number): Attributes {
  let scheduleToClose = durationMs(attrs.scheduleToCloseTimeout);
  if (scheduleToClose <= 0) scheduleToClose = runTimeoutMs;
  let startToClose = durationMs(attrs.startToCloseTimeout);
  if (startToClose <= 0) startToClose = scheduleToClose;
  let scheduleToStart = durationMs(attrs.scheduleToStartTimeout);
  if (scheduleToStart <= 0 || (scheduleToClose > 0 && scheduleToStart > scheduleToClose))
    scheduleToStart = scheduleToClose;
  let heartbeat = durationMs(attrs.heartbeatTimeout);
  if (startToClose > 0 && heartbeat > startToClose) heartbeat = startToClose;
  const retry = attrs.retryPolicy ?? {};
  const initial = durationMs(retry.initialInterval) || 1000;
  return {
    ...attrs,
    scheduleToCloseTimeout: msDuration(scheduleToClose),
    scheduleToStartTimeout: msDuration(scheduleToStart),
    startToCloseTimeout: msDuration(startToClose),
    heartbeatTimeout: msDuration(heartbeat),
    retryPolicy: {
      initialInterval: msDuration(initial),
      backoffCoefficient: retry.backoffCoefficient || 2,
      maximumInterval: msDuration(durationMs(retry.maximumInterval) || initial * 100),
      maximumAttempts: retry.maximumAttempts ?? 0,
      nonRetryableErrorTypes: retry.nonRetryableErrorTypes ?? [],
    },
  };
}

export class ActivityState {
  attempt = 1;
  state: 'scheduled' | 'started' | 'backoff' = 'scheduled';
  heartbeatDetails: Payloads | null | undefined;
  lastFailure: Failure | undefined;
  cancelRequestedEventId?: number;
  private identity = '';
  private readonly scheduledAt: number;
  private attemptScheduledAt: number;
  private startedAt = 0;
  private attemptTimers: number[] = [];
  private heartbeatTimer?: number;
  private readonly scheduleToCloseTimer?: number;

  constructor(
    private readonly run: WorkflowRun,
    readonly scheduledEventId: number,
    readonly attrs: Attributes,
  ) {
    const clock = run.host.clock;
    this.scheduledAt = this.attemptScheduledAt = clock.now();
    const scheduleToClose = durationMs(attrs.scheduleToCloseTimeout);
    if (scheduleToClose > 0) {
      this.scheduleToCloseTimer = clock.schedule(this.scheduledAt + scheduleToClose, () =>
        this.timedOut(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE, false),
      );
    }
  }

  /** Puts the first attempt on its task queue (after the run has registered the activity). */
  begin(): void {
    this.dispatch();
  }

  get activityId(): string {
    return this.attrs.activityId ?? '';
  }

  private get taskQueue(): string {
    return this.attrs.taskQueue?.name ?? this.run.taskQueue;
  }

  private dispatch(): void {
    this.state = 'scheduled';
    const attempt = this.attempt;
    const scheduleToStart = durationMs(this.attrs.scheduleToStartTimeout);
    if (scheduleToStart > 0) {
      this.attemptTimers.push(
        this.run.host.clock.schedule(this.attemptScheduledAt + scheduleToStart, () =>
          this.timedOut(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START, false),
        ),
      );
    }
    this.run.host.matching.addTask<PollActivityResponse>(this.run.namespace, 'activity', this.taskQueue, (identity) =>
      this.start(attempt, identity),
    );
    this.run.host.changed();
  }

  private get live(): boolean {
    return this.run.activities.get(this.scheduledEventId) === this;
  }

  /** Whether a worker's token still names this attempt. */
  matches(attempt: number): boolean {
    return this.live && this.state === 'started' && this.attempt === attempt;
  }

  private start(attempt: number, identity: string): PollActivityResponse | undefined {
    if (!this.live || this.state !== 'scheduled' || this.attempt !== attempt) return undefined;
    const clock = this.run.host.clock;
    this.clearAttemptTimers();
    this.state = 'started';
    this.identity = identity;
    this.startedAt = clock.now();
    const startToClose = durationMs(this.attrs.startToCloseTimeout);
    if (startToClose > 0) {
      this.attemptTimers.push(
        clock.schedule(this.startedAt + startToClose, () =>
          this.timedOut(TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE, true),
        ),
      );
    }
    this.armHeartbeat();
    this.run.host.changed();
    return {
      taskToken: encodeToken({
        kind: 'activity',
        ns: this.run.namespace,
        runId: this.run.runId,
        scheduledEventId: this.scheduledEventId,
        attempt,
      }),
      workflowNamespace: this.run.namespace,
      workflowType: { name: this.run.workflowType },
      workflowExecution: this.run.execution,
      activityType: this.attrs.activityType,
      activityId: this.activityId,
      header: this.attrs.header,
      input: this.attrs.input,
      heartbeatDetails: this.heartbeatDetails,
      scheduledTime: timestamp(this.scheduledAt),
      currentAttemptScheduledTime: timestamp(this.attemptScheduledAt),
      startedTime: timestamp(this.startedAt),
      attempt,
      scheduleToCloseTimeout: this.attrs.scheduleToCloseTimeout,
      startToCloseTimeout: this.attrs.startToCloseTimeout,
      heartbeatTimeout: this.attrs.heartbeatTimeout,
      retryPolicy: this.attrs.retryPolicy,
    };
  }

  private armHeartbeat(): void {
    this.run.host.clock.cancel(this.heartbeatTimer);
    const heartbeat = durationMs(this.attrs.heartbeatTimeout);
    if (heartbeat > 0) {
      this.heartbeatTimer = this.run.host.clock.schedule(this.run.host.clock.now() + heartbeat, () =>
        this.timedOut(TimeoutType.TIMEOUT_TYPE_HEARTBEAT, true),
      );
    }
  }

  /** Records heartbeat details; the answer tells the worker whether cancellation was requested. */
  heartbeat(details: Payloads | null | undefined): { cancelRequested: boolean } {
    if (details) this.heartbeatDetails = details;
    this.armHeartbeat();
    this.run.host.changed();
    return { cancelRequested: this.cancelRequestedEventId !== undefined };
  }

  complete(result: Payloads | null | undefined, identity: string): void {
    this.finish(
      pending(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, (id) => ({
        result,
        scheduledEventId: this.scheduledEventId,
        startedEventId: id - 1,
        identity,
      })),
    );
  }

  fail(failure: Failure | null | undefined, details: Payloads | null | undefined, identity: string): void {
    if (details) this.heartbeatDetails = details;
    const f = failure ?? { message: 'activity failed' };
    const retry = this.retryDecision(f);
    if (retry.delayMs !== undefined) return this.retry(f, retry.delayMs);
    this.finish(
      pending(EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, (id) => ({
        failure: f,
        scheduledEventId: this.scheduledEventId,
        startedEventId: id - 1,
        identity,
        retryState: retry.state,
      })),
    );
  }

  canceled(details: Payloads | null | undefined, identity: string): void {
    this.finish(
      pending(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED, (id) => ({
        details,
        latestCancelRequestedEventId: this.cancelRequestedEventId ?? 0,
        scheduledEventId: this.scheduledEventId,
        startedEventId: id - 1,
        identity,
      })),
    );
  }

  /**
   * The workflow asked to cancel: an activity no worker has started is cancelled at once; a started
   * one learns of it on its next heartbeat.
   */
  requestCancel(cancelRequestedEventId: number): PendingEvent | undefined {
    this.cancelRequestedEventId = cancelRequestedEventId;
    if (this.state === 'started') return undefined;
    this.dispose();
    return pending(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED, {
      latestCancelRequestedEventId: cancelRequestedEventId,
      scheduledEventId: this.scheduledEventId,
      startedEventId: 0,
      identity: '',
    });
  }

  private retryDecision(failure: Failure): { delayMs?: number; state: number } {
    const policy = this.attrs.retryPolicy ?? {};
    const app = failure.applicationFailureInfo;
    if (app?.nonRetryable || (app?.type && (policy.nonRetryableErrorTypes ?? []).includes(app.type))) {
      return { state: RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE };
    }
    const max = policy.maximumAttempts ?? 0;
    if (max > 0 && this.attempt >= max) return { state: RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED };
    const initial = durationMs(policy.initialInterval) || 1000;
    const computed = initial * (policy.backoffCoefficient || 2) ** (this.attempt - 1);
    const maxInterval = durationMs(policy.maximumInterval) || initial * 100;
    const delayMs = durationMs(app?.nextRetryDelay) || Math.min(computed, maxInterval);
    const scheduleToClose = durationMs(this.attrs.scheduleToCloseTimeout);
    if (scheduleToClose > 0 && this.run.host.clock.now() + delayMs >= this.scheduledAt + scheduleToClose) {
      return { state: RetryState.RETRY_STATE_TIMEOUT };
    }
    return { delayMs, state: RetryState.RETRY_STATE_IN_PROGRESS };
  }

  private retry(failure: Failure, delayMs: number): void {
    this.clearAttemptTimers();
    this.lastFailure = failure;
    this.attempt++;
    this.state = 'backoff';
    const clock = this.run.host.clock;
    this.attemptScheduledAt = clock.now() + delayMs;
    this.attemptTimers.push(clock.schedule(this.attemptScheduledAt, () => this.live && this.dispatch()));
    this.run.host.changed();
  }

  private timedOut(type: number, retryable: boolean): void {
    if (!this.live) return;
    const name = TIMEOUT_NAMES[type];
    const failure: Failure = {
      message: `activity ${name} timeout`,
      source: 'Server',
      timeoutFailureInfo: { timeoutType: type, lastHeartbeatDetails: this.heartbeatDetails },
    };
    // As the real server: the retry decision's state (e.g. MAXIMUM_ATTEMPTS_REACHED) is the event's retry state.
    let retryState: number = RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE;
    if (retryable) {
      const retry = this.retryDecision(failure);
      if (retry.delayMs !== undefined) return this.retry(failure, retry.delayMs);
      retryState = retry.state;
    }
    const started = this.state === 'started';
    const timedOut = pending(EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, (id) => ({
      failure,
      scheduledEventId: this.scheduledEventId,
      startedEventId: started ? id - 1 : 0,
      retryState,
    }));
    if (started) this.finish(timedOut);
    else this.finishUnstarted(timedOut);
  }

  /** Writes the started event of the last attempt, then its outcome. */
  private finish(outcome: PendingEvent): void {
    const started = pending(
      EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
      {
        scheduledEventId: this.scheduledEventId,
        identity: this.identity,
        requestId: `${this.run.runId}/${this.scheduledEventId}/${this.attempt}`,
        attempt: this.attempt,
        lastFailure: this.lastFailure,
      },
      false,
    );
    this.dispose();
    this.run.add(started, outcome);
  }

  private finishUnstarted(outcome: PendingEvent): void {
    this.dispose();
    this.run.add(outcome);
  }

  private clearAttemptTimers(): void {
    for (const t of this.attemptTimers) this.run.host.clock.cancel(t);
    this.attemptTimers = [];
    this.run.host.clock.cancel(this.heartbeatTimer);
  }

  /** Stops every timer and forgets the activity (it finished, or the run closed). */
  dispose(): void {
    this.clearAttemptTimers();
    this.run.host.clock.cancel(this.scheduleToCloseTimer);
    if (this.live) this.run.activities.delete(this.scheduledEventId);
    this.state = 'backoff';
    this.run.host.changed();
  }

  /** In flight for quiescence: waiting for a worker or being worked on (not waiting out a backoff). */
  get inFlight(): boolean {
    return this.state !== 'backoff';
  }
}
