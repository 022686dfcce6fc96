/**
 * Small workflows, one per server behaviour, for the dev server's conformance tests (and
 * scratch/smoke.ts, which uses the first two). The activities they call are registered by the tests.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import * as wf from '@temporalio/workflow';

const acts = wf.proxyActivities<{
  echo(s: string): Promise<string>;
  flaky(n: number): Promise<string>;
  block(): Promise<void>;
}>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 5 },
});

export const poke = wf.defineSignal<[string]>('poke');
export const stateQuery = wf.defineQuery<string[]>('state');
export const setValue = wf.defineUpdate<string, [string]>('setValue');

export async function activityAndTimer(name: string): Promise<string> {
  const a = await acts.echo(name);
  await wf.sleep('1 hour');
  return `${a} after an hour`;
}

export async function signalsQueriesUpdates(): Promise<string[]> {
  const seen: string[] = [];
  wf.setHandler(stateQuery, () => seen);
  wf.setHandler(poke, (s) => void seen.push(`signal:${s}`));
  wf.setHandler(
    setValue,
    (v) => {
      seen.push(`update:${v}`);
      return `ok ${v}`;
    },
    {
      validator: (v) => {
        if (v === 'bad') throw new Error('bad value');
      },
    },
  );
  await wf.condition(() => seen.length >= 3);
  return seen;
}

// ---- activities ------------------------------------------------------------------------------------

/** The activities the conformance tests register (see conformance-activities.test.ts). */
export interface ConformanceActivities {
  echo(s: string): Promise<string>;
  /** Fails (retryably) until its `failures`+1-th attempt. */
  failTimes(failures: number): Promise<string>;
  failNonRetryable(): Promise<string>;
  alwaysFail(): Promise<string>;
  /** Never heartbeats; waits until cancelled (the worker cancels it at shutdown). */
  neverHeartbeat(): Promise<string>;
  /** Attempt 1 heartbeats `details` once and then waits; later attempts return the details they were given. */
  heartbeatOnceThenStall(details: string): Promise<string>;
  /** Heartbeats every few ms until cancelled. */
  heartbeatUntilCancelled(): Promise<string>;
}

export interface ActivityOutcome {
  error: string;
  retryState?: string;
  cause: string;
  causeType?: string;
  causeMessage: string;
  timeoutType?: string;
}

/** Describes how an activity call failed, for the tests to check. */
function outcomeOf(e: unknown): ActivityOutcome {
  if (!(e instanceof wf.ActivityFailure)) throw e;
  const cause = e.cause;
  return {
    error: e.name,
    retryState: e.retryState,
    cause: cause?.name ?? 'none',
    causeType: cause instanceof wf.ApplicationFailure ? (cause.type ?? undefined) : undefined,
    causeMessage: cause?.message ?? '',
    timeoutType: cause instanceof wf.TimeoutFailure ? cause.timeoutType : undefined,
  };
}

export async function activityCompletes(s: string): Promise<string> {
  const { echo } = wf.proxyActivities<ConformanceActivities>({ startToCloseTimeout: '1 minute' });
  return echo(s);
}

export async function activityRetriesTwice(): Promise<string> {
  const { failTimes } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 minute',
    // Minutes of backoff, so that skipping them is unmistakable against real time.
    retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 5 },
  });
  return failTimes(2);
}

export async function activityFailsNonRetryable(): Promise<ActivityOutcome> {
  const { failNonRetryable } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 minute',
    retry: { maximumAttempts: 5 },
  });
  try {
    await failNonRetryable();
    throw wf.ApplicationFailure.nonRetryable('expected the activity to fail');
  } catch (e) {
    return outcomeOf(e);
  }
}

export async function activityRunsOutOfAttempts(): Promise<ActivityOutcome> {
  const { alwaysFail } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3 },
  });
  try {
    await alwaysFail();
    throw wf.ApplicationFailure.nonRetryable('expected the activity to fail');
  } catch (e) {
    return outcomeOf(e);
  }
}

export async function activityHeartbeatTimesOut(): Promise<ActivityOutcome> {
  const { neverHeartbeat } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 hour',
    heartbeatTimeout: '2 seconds',
    retry: { maximumAttempts: 1 },
  });
  try {
    await neverHeartbeat();
    throw wf.ApplicationFailure.nonRetryable('expected the activity to time out');
  } catch (e) {
    return outcomeOf(e);
  }
}

export async function activityHeartbeatDetailsCarryOver(details: string): Promise<string> {
  const { heartbeatOnceThenStall } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 hour',
    heartbeatTimeout: '2 seconds',
    retry: { initialInterval: '1 second', maximumAttempts: 2 },
  });
  return heartbeatOnceThenStall(details);
}

export const cancelActivity = wf.defineSignal('cancelActivity');

/** Starts a heartbeating activity, cancels it when signalled, and waits for the cancellation to complete. */
export async function activityCancelled(): Promise<string> {
  const { heartbeatUntilCancelled } = wf.proxyActivities<ConformanceActivities>({
    startToCloseTimeout: '1 hour',
    heartbeatTimeout: '1 minute',
    cancellationType: wf.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
  let cancel = false;
  wf.setHandler(cancelActivity, () => void (cancel = true));
  const scope = new wf.CancellationScope();
  const running = scope.run(() => heartbeatUntilCancelled());
  await wf.condition(() => cancel);
  scope.cancel();
  try {
    await running;
    return 'completed';
  } catch (e) {
    if (wf.isCancellation(e)) return 'cancelled';
    throw e;
  }
}

// ---- timers ------------------------------------------------------------------------------------------

export async function sleeper(ms: number): Promise<string> {
  const before = Date.now();
  await wf.sleep(ms);
  return `slept ${Date.now() - before} ms`;
}

/** Starts a long timer, then cancels it once a short one fires (a later workflow task). */
export async function timerCancelled(): Promise<string> {
  const scope = new wf.CancellationScope();
  const long = scope.run(() => wf.sleep('1 day'));
  await wf.sleep('1 minute');
  scope.cancel();
  try {
    await long;
    return 'fired';
  } catch (e) {
    if (wf.isCancellation(e)) return 'cancelled';
    throw e;
  }
}

export const finish = wf.defineSignal('finish');

export async function waitWithDeadline(): Promise<string> {
  let done = false;
  wf.setHandler(finish, () => void (done = true));
  return (await wf.condition(() => done, '2 hours')) ? 'signalled' : 'timed out';
}

// ---- signals, queries, updates ------------------------------------------------------------------

/** Collects `poke` signals until it has `count`, answering `state` queries meanwhile. */
export async function collectSignals(count: number): Promise<string[]> {
  const seen: string[] = [];
  wf.setHandler(stateQuery, () => seen);
  wf.setHandler(poke, (s) => void seen.push(s));
  await wf.condition(() => seen.length >= count);
  return seen;
}

export const addItem = wf.defineUpdate<number, [string]>('addItem');

/** Takes `addItem` updates (empty items are rejected by the validator) until signalled to finish. */
export async function updatable(): Promise<string[]> {
  const items: string[] = [];
  let done = false;
  wf.setHandler(stateQuery, () => items);
  wf.setHandler(finish, () => void (done = true));
  wf.setHandler(
    addItem,
    (item) => {
      items.push(item);
      return items.length;
    },
    {
      validator: (item) => {
        if (item === '') throw new Error('empty item');
      },
    },
  );
  await wf.condition(() => done);
  return items;
}

// ---- children ----------------------------------------------------------------------------------------

export async function childSleepsThenReturns(x: string): Promise<string> {
  await wf.sleep('1 minute');
  return `child ${x}`;
}

export async function parentOfChild(x: string): Promise<string> {
  const r = await wf.executeChild(childSleepsThenReturns, {
    workflowId: `${wf.workflowInfo().workflowId}-child`,
    args: [x],
  });
  return `parent got ${r}`;
}

export async function failingChild(): Promise<string> {
  await wf.sleep('1 minute');
  throw wf.ApplicationFailure.nonRetryable('child broke', 'ChildBroke');
}

export async function parentOfFailingChild(): Promise<string> {
  return wf.executeChild(failingChild, { workflowId: `${wf.workflowInfo().workflowId}-child` });
}

export async function waitForever(): Promise<string> {
  await wf.condition(() => false);
  return 'unreachable';
}

/** Starts a child that never completes (close policy TERMINATE), then completes itself. */
export async function parentLeavesChildRunning(): Promise<string> {
  const child = await wf.startChild(waitForever, {
    workflowId: `${wf.workflowInfo().workflowId}-child`,
    parentClosePolicy: wf.ParentClosePolicy.TERMINATE,
  });
  await wf.sleep('1 second');
  return child.firstExecutionRunId;
}

export async function parentStartsDuplicateChild(childId: string): Promise<string> {
  try {
    await wf.startChild(waitForever, { workflowId: childId, parentClosePolicy: wf.ParentClosePolicy.ABANDON });
    return 'started';
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError) return `already started: ${e.workflowId} ${e.workflowType}`;
    throw e;
  }
}

// ---- continue-as-new -------------------------------------------------------------------------------

export async function countdown(n: number): Promise<string> {
  if (n > 0) await wf.continueAsNew<typeof countdown>(n - 1);
  return `liftoff, continued from ${wf.workflowInfo().continuedFromExecutionRunId ?? 'nothing'}`;
}

/** Sleeps until the server suggests continue-as-new; records [historyLength, suggested] at each step. */
export async function untilSuggested(): Promise<[number, boolean][]> {
  const seen: [number, boolean][] = [];
  for (;;) {
    const { historyLength, continueAsNewSuggested } = wf.workflowInfo();
    seen.push([historyLength, continueAsNewSuggested]);
    if (continueAsNewSuggested || seen.length > 20) return seen;
    await wf.sleep('1 second');
  }
}

// ---- workflow task failures ---------------------------------------------------------------------------

/**
 * Fails its workflow task (a plain Error: the task is retried, not the workflow) until the worker's
 * real clock passes `realDeadline`. Nothing in history changes between the attempts (workflow time is
 * that of the first attempt), hence the deliberately unsafe clock.
 */
export async function failsUntilRealTime(realDeadline: number): Promise<string> {
  if (wf.workflowInfo().unsafe.now() < realDeadline) throw new Error('too early');
  return 'ok';
}

export const release = wf.defineSignal('release');

/** Fails its workflow task until it has been sent `release`. */
export async function failsUntilReleased(): Promise<string> {
  let released = false;
  wf.setHandler(release, () => void (released = true));
  await Promise.resolve();
  if (!released) throw new Error('not released yet');
  return 'released';
}

export async function quick(s: string): Promise<string> {
  return s;
}
