/**
 * Dev server conformance, a run's life: starting (id conflicts, reuse policy, request ids),
 * describing and listing, child workflows, continue-as-new, cancellation and termination, and
 * workflow task failures. Each test runs a small workflow on the real Worker and Client, checks its
 * result and history against what Temporal documents (docs.temporal.io/references/events, and the
 * server's sources where the documentation is silent), and replays the history.
 */
import {
  ApplicationFailure,
  CancelledFailure,
  ChildWorkflowFailure,
  TerminatedFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
} from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { eventNames, eventsOf, onlyEvent, replay, startedAttributes, startEnv, type Env } from './env';

jest.setTimeout(60_000);

const enums = temporal.api.enums.v1;
const START = ['WorkflowExecutionStarted', 'WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];
const WFT = ['WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('dev server conformance: a run from start to close', () => {
  let env: Env;
  const id = (name: string) => env.id(name);
  const start = (type: string, args?: unknown[], workflowId?: string) => env.start(type, args, workflowId);

  beforeAll(async () => {
    env = await startEnv({ taskQueue: 'lifecycle' });
  });
  afterAll(async () => {
    await env?.close();
  });

  describe('sticky execution', () => {
    it('after its first task the worker gets the next ones on its sticky queue, carrying only the events since its last task', async () => {
      const handle = await start('sleeper', [3_600_000]);
      await handle.result();
      const run = env.server.engine.namespace(env.server.namespace).runs.get(handle.firstExecutionRunId)!;
      const history = await handle.fetchHistory();
      const tasks = eventsOf(history, 'WorkflowTaskStarted').length;
      // Every task but the first went to the worker that kept the workflow, each with a few events, not the whole history.
      expect(run.stickyStats.tasks).toBe(tasks - 1);
      expect(run.stickyStats.events).toBeLessThan((tasks - 1) * history.events!.length);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('a query of a workflow the worker holds goes to its sticky queue, with no events, and is answered from its state', async () => {
      const handle = await start('signalsQueriesUpdates');
      await handle.signal('poke', 'a');
      await env.server.settled();
      const run = env.server.engine.namespace(env.server.namespace).runs.get(handle.firstExecutionRunId)!;
      expect(run.stickyQueue).toBeDefined();
      expect(await handle.query('state')).toEqual(['signal:a']);
      await handle.signal('poke', 'b');
      expect(await handle.query('state')).toEqual(['signal:a', 'signal:b']);
      await handle.terminate();
    });

    it('a sticky task left untaken falls back to the normal queue with the whole history', async () => {
      const handle = await start('sleeper', [3_600_000]);
      // The worker polls its sticky queue; point the run at a queue nobody polls, with a short timeout.
      await env.server.settled();
      const run = env.server.engine.namespace(env.server.namespace).runs.get(handle.firstExecutionRunId)!;
      run.setSticky('nobody-polls-this', 200);
      await handle.result();
      expect(run.stickyStats.tasks).toBe(0);
      const history = await handle.fetchHistory();
      expect(eventsOf(history, 'WorkflowTaskCompleted')).toHaveLength(2);
    });
  });

  describe('start, describe, list', () => {
    it('rejects a second start of a running workflow id with WorkflowExecutionAlreadyStartedError', async () => {
      const workflowId = id('conflict');
      const first = await start('waitForever', [], workflowId);
      const error = await rejection(start('quick', ['x'], workflowId));
      expect(error).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      expect((error as WorkflowExecutionAlreadyStartedError).workflowId).toBe(workflowId);
      expect((await first.describe()).status.name).toBe('RUNNING');
      await first.terminate();
    });

    it('honours WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE after the run closed, and allows a duplicate by default', async () => {
      const workflowId = id('reuse');
      const first = await start('quick', ['one'], workflowId);
      expect(await first.result()).toBe('one');
      const rejected = env.client.workflow.start('quick', {
        taskQueue: env.taskQueue,
        workflowId,
        args: ['two'],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      expect(await rejection(rejected)).toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const second = await start('quick', ['three'], workflowId);
      expect(second.firstExecutionRunId).not.toBe(first.firstExecutionRunId);
      expect(await second.result()).toBe('three');
      // Each start is a run of its own, with its own history.
      const history = await second.fetchHistory();
      expect(eventNames(history)).toEqual([...START, 'WorkflowExecutionCompleted']);
      expect(startedAttributes(history).firstExecutionRunId).toBe(second.firstExecutionRunId);
      const firstRun = env.client.workflow.getHandle(workflowId, first.firstExecutionRunId);
      expect(eventNames(await firstRun.fetchHistory())).toEqual([...START, 'WorkflowExecutionCompleted']);
      await replay({ history, workflowId });
    });

    it('treats a repeated start with the same request id as the same start', async () => {
      const workflowId = id('request-id');
      const request = {
        namespace: env.server.namespace,
        workflowId,
        workflowType: { name: 'waitForever' },
        taskQueue: { name: env.taskQueue },
        requestId: `request-${workflowId}`,
        identity: 'conformance test',
      };
      const first = await env.client.workflowService.startWorkflowExecution(request);
      const again = await env.client.workflowService.startWorkflowExecution(request);
      expect(again.runId).toBe(first.runId);
      const handle = env.client.workflow.getHandle(workflowId);
      const history = await handle.fetchHistory();
      expect(eventsOf(history, 'WorkflowExecutionStarted')).toHaveLength(1);
      expect((await handle.describe()).runId).toBe(first.runId);
      // A different request id is a different start: rejected while the run is open.
      const other = env.client.workflowService.startWorkflowExecution({ ...request, requestId: `other-${workflowId}` });
      expect(await rejection(other)).toMatchObject({ code: 6 /* ALREADY_EXISTS */ });
      await handle.terminate();
    });

    it('describes a run: RUNNING then COMPLETED, with its history length', async () => {
      const handle = await start('collectSignals', [1]);
      await env.server.settled();
      const running = await handle.describe();
      expect(running.status.name).toBe('RUNNING');
      expect(running.type).toBe('collectSignals');
      expect(running.taskQueue).toBe(env.taskQueue);
      expect(running.historyLength).toBe(START.length);
      expect(running.closeTime).toBeUndefined();
      await handle.signal('poke', 'done');
      await handle.result();
      const done = await handle.describe();
      expect(done.status.name).toBe('COMPLETED');
      expect(done.closeTime).toBeInstanceOf(Date);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      expect(done.historyLength).toBe(history.events!.length);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('lists executions with their status', async () => {
      const done = await start('quick', ['listed']);
      await done.result();
      const open = await start('waitForever');
      const seen = new Map<string, string>();
      for await (const execution of env.client.workflow.list()) seen.set(execution.workflowId, execution.status.name);
      expect(seen.get(done.workflowId)).toBe('COMPLETED');
      expect(seen.get(open.workflowId)).toBe('RUNNING');
      await open.terminate();
    });
  });

  describe('child workflows', () => {
    it('starts a child and gets its result', async () => {
      const handle = await start('parentOfChild', ['x']);
      expect(await handle.result()).toBe('parent got child x');
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'StartChildWorkflowExecutionInitiated',
        'ChildWorkflowExecutionStarted',
        ...WFT,
        'ChildWorkflowExecutionCompleted',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const initiated = onlyEvent(history, 'StartChildWorkflowExecutionInitiated');
      const childStarted = onlyEvent(
        history,
        'ChildWorkflowExecutionStarted',
      ).childWorkflowExecutionStartedEventAttributes!;
      expect(childStarted.initiatedEventId?.toString()).toBe(initiated.eventId?.toString());
      const completed = onlyEvent(
        history,
        'ChildWorkflowExecutionCompleted',
      ).childWorkflowExecutionCompletedEventAttributes!;
      expect(completed.workflowExecution?.runId).toBe(childStarted.workflowExecution?.runId);

      const child = env.client.workflow.getHandle(`${handle.workflowId}-child`);
      const childHistory = await child.fetchHistory();
      const childStart = startedAttributes(childHistory);
      expect(childStart.parentWorkflowExecution?.workflowId).toBe(handle.workflowId);
      expect(childStart.parentInitiatedEventId?.toString()).toBe(initiated.eventId?.toString());
      expect(eventNames(childHistory)).toEqual([
        ...START,
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId }, { history: childHistory, workflowId: child.workflowId });
    });

    it("propagates a child's failure to the parent", async () => {
      const handle = await start('parentOfFailingChild');
      const error = await rejection(handle.result());
      expect(error).toBeInstanceOf(WorkflowFailedError);
      const childFailure = (error as WorkflowFailedError).cause;
      expect(childFailure).toBeInstanceOf(ChildWorkflowFailure);
      const cause = childFailure?.cause as ApplicationFailure | undefined;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect(cause?.message).toBe('child broke');
      expect(cause?.type).toBe('ChildBroke');
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'StartChildWorkflowExecutionInitiated',
        'ChildWorkflowExecutionStarted',
        ...WFT,
        'ChildWorkflowExecutionFailed',
        ...WFT,
        'WorkflowExecutionFailed',
      ]);
      const childHistory = await env.client.workflow.getHandle(`${handle.workflowId}-child`).fetchHistory();
      expect(eventNames(childHistory)).toEqual([
        ...START,
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'WorkflowExecutionFailed',
      ]);
      await replay(
        { history, workflowId: handle.workflowId },
        { history: childHistory, workflowId: `${handle.workflowId}-child` },
      );
    });

    it('terminates a still-running child when the parent completes (parent close policy TERMINATE)', async () => {
      const handle = await start('parentLeavesChildRunning');
      const childRunId = await handle.result();
      const child = env.client.workflow.getHandle(`${handle.workflowId}-child`, childRunId as string);
      expect((await child.describe()).status.name).toBe('TERMINATED');
      const childHistory = await child.fetchHistory();
      expect(eventNames(childHistory)).toEqual([...START, 'WorkflowExecutionTerminated']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'StartChildWorkflowExecutionInitiated',
        'ChildWorkflowExecutionStarted',
        ...WFT,
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const initiated = onlyEvent(
        history,
        'StartChildWorkflowExecutionInitiated',
      ).startChildWorkflowExecutionInitiatedEventAttributes!;
      expect(initiated.parentClosePolicy).toBe(enums.ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE);
      await replay({ history, workflowId: handle.workflowId }, { history: childHistory, workflowId: child.workflowId });
    });

    it('fails a child start whose id is already running: the workflow sees WorkflowExecutionAlreadyStartedError', async () => {
      const taken = await start('waitForever');
      const handle = await start('parentStartsDuplicateChild', [taken.workflowId]);
      expect(await handle.result()).toBe(`already started: ${taken.workflowId} waitForever`);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'StartChildWorkflowExecutionInitiated',
        'StartChildWorkflowExecutionFailed',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const failed = onlyEvent(
        history,
        'StartChildWorkflowExecutionFailed',
      ).startChildWorkflowExecutionFailedEventAttributes!;
      expect(failed.cause).toBe(
        enums.StartChildWorkflowExecutionFailedCause
          .START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS,
      );
      expect(failed.workflowId).toBe(taken.workflowId);
      // The running workflow was left alone.
      await env.server.settled();
      expect(eventNames(await taken.fetchHistory())).toEqual(START);
      await taken.terminate();
      await replay({ history, workflowId: handle.workflowId });
    });
  });

  describe('continue-as-new', () => {
    it('continues as new three times; result() follows the chain; each run names the one before', async () => {
      const handle = await start('countdown', [3]);
      const result = await handle.result();
      const runIds = [handle.firstExecutionRunId];
      const histories = [];
      for (;;) {
        const history = await env.client.workflow
          .getHandle(handle.workflowId, runIds[runIds.length - 1])
          .fetchHistory();
        histories.push(history);
        const next = eventsOf(history, 'WorkflowExecutionContinuedAsNew')[0];
        if (!next) break;
        runIds.push(next.workflowExecutionContinuedAsNewEventAttributes!.newExecutionRunId!);
      }
      expect(runIds).toHaveLength(4);
      expect(new Set(runIds).size).toBe(4);
      expect(result).toBe(`liftoff, continued from ${runIds[2]}`);
      histories.forEach((history, i) => {
        const last = i === histories.length - 1;
        expect(eventNames(history)).toEqual([
          ...START,
          last ? 'WorkflowExecutionCompleted' : 'WorkflowExecutionContinuedAsNew',
        ]);
        const started = startedAttributes(history);
        expect(started.continuedExecutionRunId ?? '').toBe(i === 0 ? '' : runIds[i - 1]);
        expect(started.firstExecutionRunId).toBe(runIds[0]);
        if (i > 0) expect(started.initiator).toBe(enums.ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_WORKFLOW);
      });
      expect((await env.client.workflow.getHandle(handle.workflowId).describe()).runId).toBe(runIds[3]);
      await replay(...histories.map((history) => ({ history, workflowId: handle.workflowId })));
    });
  });

  describe('cancellation and termination', () => {
    it('cancels a run on request: WorkflowExecutionCancelRequested, WorkflowExecutionCanceled', async () => {
      const handle = await start('waitForever');
      await env.server.settled();
      await handle.cancel();
      const error = await rejection(handle.result());
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'WorkflowExecutionCancelRequested',
        ...WFT,
        'WorkflowExecutionCanceled',
      ]);
      expect((await handle.describe()).status.name).toBe('CANCELLED');
      await replay({ history, workflowId: handle.workflowId });
    });

    it('terminates a run: WorkflowExecutionTerminated', async () => {
      const handle = await start('waitForever');
      await env.server.settled();
      await handle.terminate('enough');
      const error = await rejection(handle.result());
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(TerminatedFailure);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([...START, 'WorkflowExecutionTerminated']);
      expect(onlyEvent(history, 'WorkflowExecutionTerminated').workflowExecutionTerminatedEventAttributes?.reason).toBe(
        'enough',
      );
      expect((await handle.describe()).status.name).toBe('TERMINATED');
      await replay({ history, workflowId: handle.workflowId });
    });
  });
});

/**
 * Behaviours that need time to pass while a workflow task is outstanding (the SDK does not report a
 * retried task's failure, so the server times it out), and a small continue-as-new suggestion limit.
 */
describe('dev server conformance: workflow task failures and the continue-as-new suggestion', () => {
  const SUGGEST_AT = 18;
  let env: Env;
  const id = (name: string) => env.id(name);

  beforeAll(async () => {
    env = await startEnv({
      taskQueue: 'task-failures',
      server: { idleGraceMs: 300, suggestContinueAsNewAt: SUGGEST_AT },
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('writes only the first workflow task failure; the retried task that succeeds is written when it completes', async () => {
    // Attempts 1 and 2 fail (the SDK reports only the first; the server times the second out once it
    // has been silent for idleGraceMs, 300 ms, so attempt 3 runs after the 250 ms deadline and succeeds).
    const handle = await env.client.workflow.start('failsUntilRealTime', {
      taskQueue: env.taskQueue,
      workflowId: id('wft-fails'),
      args: [Date.now() + 250],
    });
    expect(await handle.result()).toBe('ok');
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      'WorkflowExecutionStarted',
      'WorkflowTaskScheduled',
      'WorkflowTaskStarted',
      'WorkflowTaskFailed',
      'WorkflowTaskScheduled',
      'WorkflowTaskStarted',
      'WorkflowTaskCompleted',
      'WorkflowExecutionCompleted',
    ]);
    const failed = onlyEvent(history, 'WorkflowTaskFailed').workflowTaskFailedEventAttributes!;
    expect(failed.cause).toBe(
      enums.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE,
    );
    expect(failed.failure?.message).toBe('too early');
    const [first, retried] = eventsOf(history, 'WorkflowTaskScheduled');
    expect(first.workflowTaskScheduledEventAttributes?.attempt).toBe(1);
    // The succeeding attempt is a retry (normally 3: attempt 2 fails too), written only on completion.
    expect(retried.workflowTaskScheduledEventAttributes?.attempt).toBeGreaterThan(1);
    const completed = onlyEvent(history, 'WorkflowTaskCompleted').workflowTaskCompletedEventAttributes!;
    expect(completed.scheduledEventId?.toString()).toBe(retried.eventId?.toString());
    await replay({ history, workflowId: handle.workflowId });
  });

  it('gives a retried workflow task that new events arrive for attempt 1, writing nothing for the failed retry', async () => {
    const handle = await env.client.workflow.start('failsUntilReleased', {
      taskQueue: env.taskQueue,
      workflowId: id('wft-release'),
    });
    // Wait until the retried task (attempt 2) is out; its failure is not reported, so it stays started.
    for (;;) {
      const { raw } = await handle.describe();
      const task = raw.pendingWorkflowTask;
      if (task?.attempt === 2 && task.state === enums.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED)
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await handle.signal('release');
    expect(await handle.result()).toBe('released');
    const history = await handle.fetchHistory();
    expect(eventNames(history)).toEqual([
      'WorkflowExecutionStarted',
      'WorkflowTaskScheduled',
      'WorkflowTaskStarted',
      'WorkflowTaskFailed',
      'WorkflowExecutionSignaled',
      'WorkflowTaskScheduled',
      'WorkflowTaskStarted',
      'WorkflowTaskCompleted',
      'WorkflowExecutionCompleted',
    ]);
    expect(
      eventsOf(history, 'WorkflowTaskScheduled').map((e) => e.workflowTaskScheduledEventAttributes?.attempt),
    ).toEqual([1, 1]);
    await replay({ history, workflowId: handle.workflowId });
  });

  it('sets continueAsNewSuggested once the workflow task started event id reaches the limit', async () => {
    const handle = await env.client.workflow.start('untilSuggested', {
      taskQueue: env.taskQueue,
      workflowId: id('suggest'),
    });
    const seen = (await handle.result()) as [number, boolean][];
    // Each step is one workflow task; its started event id is the history length the workflow sees.
    expect(seen).toEqual([
      [3, false],
      [8, false],
      [13, false],
      [18, true],
    ]);
    const history = await handle.fetchHistory();
    const started = eventsOf(history, 'WorkflowTaskStarted').map(
      (e) => e.workflowTaskStartedEventAttributes?.suggestContinueAsNew ?? false,
    );
    expect(started).toEqual([false, false, false, true]);
    await replay({ history, workflowId: handle.workflowId });
  });
});
