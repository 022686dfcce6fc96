/**
 * Dev server conformance, activities: each test runs a small workflow on the real Worker and Client,
 * checks its result and its history against what Temporal documents, and replays the history.
 *
 * Server-side retries leave no events per attempt: the ActivityTaskStarted event is written only
 * with the outcome of the last attempt, carrying its attempt number and the previous failure
 * (docs.temporal.io/references/events, ActivityTaskStarted "attempt" and "last_failure").
 */
import { ApplicationFailure } from '@temporalio/common';
import { activityInfo, Context, heartbeat } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import type { ActivityOutcome, ConformanceActivities } from './workflows';
import { eventNames, onlyEvent, replay, startEnv, withoutWorkflowTasks, type Env } from './env';

jest.setTimeout(60_000);

const RetryState = temporal.api.enums.v1.RetryState;
const TimeoutType = temporal.api.enums.v1.TimeoutType;

/** Waits (real time) until the activity is cancelled, then rethrows the cancellation. */
async function untilCancelled(): Promise<never> {
  return Context.current().cancelled;
}

const activities: ConformanceActivities = {
  async echo(s) {
    return `echo ${s}`;
  },
  async failTimes(failures) {
    const { attempt } = activityInfo();
    if (attempt <= failures) throw new Error(`attempt ${attempt} fails`);
    return `succeeded on attempt ${attempt}`;
  },
  async failNonRetryable() {
    throw ApplicationFailure.nonRetryable('this cannot work', 'Hopeless');
  },
  async alwaysFail() {
    throw ApplicationFailure.retryable(`attempt ${activityInfo().attempt} failed`, 'Flaky');
  },
  async neverHeartbeat() {
    return untilCancelled();
  },
  async heartbeatOnceThenStall(details) {
    const info = activityInfo();
    if (info.attempt === 1) {
      heartbeat(details);
      return untilCancelled();
    }
    return `attempt ${info.attempt} saw ${JSON.stringify(info.heartbeatDetails)}`;
  },
  async heartbeatUntilCancelled() {
    for (let i = 0; ; i++) {
      heartbeat(i);
      // Context.sleep rejects with a CancelledFailure once the heartbeat response says cancel.
      await Context.current().sleep(20);
    }
  },
};

const START = ['WorkflowExecutionStarted', 'WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];
const WFT = ['WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];

describe('dev server conformance: activities', () => {
  let env: Env;
  const id = (name: string) => env.id(name);

  beforeAll(async () => {
    env = await startEnv({ activities, taskQueue: 'activities', worker: { maxHeartbeatThrottleInterval: '50 ms' } });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('completes an activity', async () => {
    const handle = await env.client.workflow.start('activityCompletes', {
      taskQueue: env.taskQueue,
      workflowId: id('act'),
      args: ['hi'],
    });
    expect(await handle.result()).toBe('echo hi');
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      ...START,
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      ...WFT,
      'WorkflowExecutionCompleted',
    ]);
    const started = onlyEvent(history, 'ActivityTaskStarted').activityTaskStartedEventAttributes!;
    expect(started.attempt).toBe(1);
    expect(started.scheduledEventId?.toString()).toBe('5');
    const completed = onlyEvent(history, 'ActivityTaskCompleted').activityTaskCompletedEventAttributes!;
    expect([completed.scheduledEventId?.toString(), completed.startedEventId?.toString()]).toEqual(['5', '6']);
    await replay({ history, workflowId: handle.workflowId });
  });

  it('retries a failing activity on the server, with backoff, recording one started event for the last attempt', async () => {
    const t0 = env.server.now();
    const realStart = Date.now();
    const handle = await env.client.workflow.start('activityRetriesTwice', {
      taskQueue: env.taskQueue,
      workflowId: id('retry'),
    });
    expect(await handle.result()).toBe('succeeded on attempt 3');
    // Backoff 1 min then 2 min (initialInterval 1 min, coefficient 2), skipped over.
    expect(env.server.now() - t0).toBeGreaterThanOrEqual(180_000);
    expect(Date.now() - realStart).toBeLessThan(60_000);
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      ...START,
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      ...WFT,
      'WorkflowExecutionCompleted',
    ]);
    const started = onlyEvent(history, 'ActivityTaskStarted').activityTaskStartedEventAttributes!;
    expect(started.attempt).toBe(3);
    expect(started.lastFailure?.message).toBe('attempt 2 fails');
    await replay({ history, workflowId: handle.workflowId });
  });

  it('records a non-retryable ApplicationFailure as ActivityTaskFailed after one attempt', async () => {
    const handle = await env.client.workflow.start('activityFailsNonRetryable', {
      taskQueue: env.taskQueue,
      workflowId: id('nonretryable'),
    });
    expect(await handle.result()).toEqual<ActivityOutcome>({
      error: 'ActivityFailure',
      retryState: 'NON_RETRYABLE_FAILURE',
      cause: 'ApplicationFailure',
      causeType: 'Hopeless',
      causeMessage: 'this cannot work',
    });
    const history = await handle.fetchHistory();
    expect(withoutWorkflowTasks(history)).toEqual([
      'WorkflowExecutionStarted',
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskFailed',
      'WorkflowExecutionCompleted',
    ]);
    expect(onlyEvent(history, 'ActivityTaskStarted').activityTaskStartedEventAttributes?.attempt).toBe(1);
    const failed = onlyEvent(history, 'ActivityTaskFailed').activityTaskFailedEventAttributes!;
    expect(failed.retryState).toBe(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
    expect(failed.failure?.applicationFailureInfo?.type).toBe('Hopeless');
    await replay({ history, workflowId: handle.workflowId });
  });

  it('fails the activity when maximumAttempts is reached', async () => {
    const t0 = env.server.now();
    const handle = await env.client.workflow.start('activityRunsOutOfAttempts', {
      taskQueue: env.taskQueue,
      workflowId: id('maxattempts'),
    });
    expect(await handle.result()).toEqual<ActivityOutcome>({
      error: 'ActivityFailure',
      retryState: 'MAXIMUM_ATTEMPTS_REACHED',
      cause: 'ApplicationFailure',
      causeType: 'Flaky',
      causeMessage: 'attempt 3 failed',
    });
    expect(env.server.now() - t0).toBeGreaterThanOrEqual(3_000);
    const history = await handle.fetchHistory();
    expect(withoutWorkflowTasks(history)).toEqual([
      'WorkflowExecutionStarted',
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskFailed',
      'WorkflowExecutionCompleted',
    ]);
    const started = onlyEvent(history, 'ActivityTaskStarted').activityTaskStartedEventAttributes!;
    expect(started.attempt).toBe(3);
    expect(started.lastFailure?.message).toBe('attempt 2 failed');
    expect(onlyEvent(history, 'ActivityTaskFailed').activityTaskFailedEventAttributes?.retryState).toBe(
      RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED,
    );
    await replay({ history, workflowId: handle.workflowId });
  });

  it('cancels a started, heartbeating activity: ActivityTaskCancelRequested, then ActivityTaskCanceled', async () => {
    const handle = await env.client.workflow.start('activityCancelled', {
      taskQueue: env.taskQueue,
      workflowId: id('cancel'),
    });
    // Wait until a worker has the activity (a started activity learns of cancellation by heartbeating).
    for (;;) {
      const { raw } = await handle.describe();
      if (
        raw.pendingActivities?.[0]?.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
      )
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await handle.signal('cancelActivity');
    expect(await handle.result()).toBe('cancelled');
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      ...START,
      'ActivityTaskScheduled',
      'WorkflowExecutionSignaled',
      ...WFT,
      'ActivityTaskCancelRequested',
      'ActivityTaskStarted',
      'ActivityTaskCanceled',
      ...WFT,
      'WorkflowExecutionCompleted',
    ]);
    const requested = onlyEvent(history, 'ActivityTaskCancelRequested');
    const canceled = onlyEvent(history, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes!;
    expect(canceled.latestCancelRequestedEventId?.toString()).toBe(requested.eventId?.toString());
    expect(canceled.scheduledEventId?.toString()).toBe('5');
    await replay({ history, workflowId: handle.workflowId });
  });
});

/**
 * Timeouts need time to pass while an activity is in flight: the server lets time skip once in-flight
 * work has been silent for `idleGraceMs` real ms, so these run on a server with a short grace.
 */
describe('dev server conformance: activity heartbeat timeouts', () => {
  let env: Env;
  const id = (name: string) => env.id(name);

  beforeAll(async () => {
    env = await startEnv({ activities, taskQueue: 'heartbeats', server: { idleGraceMs: 300 } });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('times out an activity that does not heartbeat: ActivityTaskTimedOut (heartbeat)', async () => {
    const t0 = env.server.now();
    const handle = await env.client.workflow.start('activityHeartbeatTimesOut', {
      taskQueue: env.taskQueue,
      workflowId: id('hbtimeout'),
    });
    expect(await handle.result()).toEqual<ActivityOutcome>({
      error: 'ActivityFailure',
      retryState: 'MAXIMUM_ATTEMPTS_REACHED',
      cause: 'TimeoutFailure',
      causeMessage: expect.any(String) as unknown as string,
      timeoutType: 'HEARTBEAT',
    });
    expect(env.server.now() - t0).toBeGreaterThanOrEqual(2_000);
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      ...START,
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskTimedOut',
      ...WFT,
      'WorkflowExecutionCompleted',
    ]);
    const timedOut = onlyEvent(history, 'ActivityTaskTimedOut').activityTaskTimedOutEventAttributes!;
    expect(timedOut.failure?.timeoutFailureInfo?.timeoutType).toBe(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    expect(timedOut.retryState).toBe(RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED);
    await replay({ history, workflowId: handle.workflowId });
  });

  it("gives the next attempt the previous attempt's heartbeat details", async () => {
    const handle = await env.client.workflow.start('activityHeartbeatDetailsCarryOver', {
      taskQueue: env.taskQueue,
      workflowId: id('hbdetails'),
      args: ['progress-1'],
    });
    expect(await handle.result()).toBe('attempt 2 saw "progress-1"');
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      ...START,
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      ...WFT,
      'WorkflowExecutionCompleted',
    ]);
    const started = onlyEvent(history, 'ActivityTaskStarted').activityTaskStartedEventAttributes!;
    expect(started.attempt).toBe(2);
    expect(started.lastFailure?.timeoutFailureInfo?.timeoutType).toBe(TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    await replay({ history, workflowId: handle.workflowId });
  });
});
