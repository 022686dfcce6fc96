/**
 * Dev server conformance, timers and messages (signals, queries, updates): each test runs a small
 * workflow on the real Worker and Client, checks its result and history against what Temporal
 * documents (docs.temporal.io/references/events), and replays the history.
 */
import { QueryNotRegisteredError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { eventNames, eventsOf, onlyEvent, replay, startEnv, startWorker, type Env } from './env';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const START = ['WorkflowExecutionStarted', 'WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];
const WFT = ['WorkflowTaskScheduled', 'WorkflowTaskStarted', 'WorkflowTaskCompleted'];

describe('dev server conformance: timers, signals, queries, updates', () => {
  let env: Env;
  const id = (name: string) => env.id(name);
  const start = (type: string, args?: unknown[], workflowId?: string) => env.start(type, args, workflowId);

  beforeAll(async () => {
    env = await startEnv({ taskQueue: 'messages' });
  });
  afterAll(async () => {
    await env?.close();
  });

  describe('timers', () => {
    it('skips an hour-long sleep: virtual time moves an hour, real time barely', async () => {
      const t0 = env.server.now();
      const real0 = Date.now();
      const handle = await start('sleeper', [HOUR]);
      expect(await handle.result()).toBe(`slept ${HOUR} ms`);
      expect(env.server.now() - t0).toBeGreaterThanOrEqual(HOUR);
      expect(Date.now() - real0).toBeLessThan(60_000); // an hour of workflow time, not of real time
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const started = onlyEvent(history, 'TimerStarted');
      expect(started.timerStartedEventAttributes?.startToFireTimeout?.seconds?.toString()).toBe('3600');
      const fired = onlyEvent(history, 'TimerFired').timerFiredEventAttributes!;
      expect(fired.startedEventId?.toString()).toBe(started.eventId?.toString());
      expect(fired.timerId).toBe(started.timerStartedEventAttributes?.timerId);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('cancels a timer: TimerCanceled', async () => {
      const handle = await start('timerCancelled');
      expect(await handle.result()).toBe('cancelled');
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'TimerStarted',
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'TimerCanceled',
        'WorkflowExecutionCompleted',
      ]);
      const [dayTimer, minuteTimer] = eventsOf(history, 'TimerStarted');
      expect(onlyEvent(history, 'TimerFired').timerFiredEventAttributes?.timerId).toBe(
        minuteTimer.timerStartedEventAttributes?.timerId,
      );
      const canceled = onlyEvent(history, 'TimerCanceled').timerCanceledEventAttributes!;
      expect(canceled.timerId).toBe(dayTimer.timerStartedEventAttributes?.timerId);
      expect(canceled.startedEventId?.toString()).toBe(dayTimer.eventId?.toString());
      await replay({ history, workflowId: handle.workflowId });
    });

    it("moves a condition's 2-hour deadline with explicit server.sleep", async () => {
      const handle = await start('waitWithDeadline');
      const t0 = env.server.now();
      await env.server.sleep(HOUR);
      expect(env.server.now() - t0).toBe(HOUR);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect(eventsOf(await handle.fetchHistory(), 'TimerFired')).toHaveLength(0);
      await env.server.sleep(HOUR);
      expect(env.server.now() - t0).toBe(2 * HOUR);
      // The timer fired at the 2-hour mark and the workflow finished within that sleep.
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect(await handle.result()).toBe('timed out');
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'TimerStarted',
        'TimerFired',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });

    it("cancels a condition's deadline timer when the condition is met first", async () => {
      const handle = await start('waitWithDeadline');
      await env.server.sleep(HOUR);
      await handle.signal('finish');
      expect(await handle.result()).toBe('signalled');
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'TimerStarted',
        'WorkflowExecutionSignaled',
        ...WFT,
        'TimerCanceled',
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });
  });

  describe('signals', () => {
    it('delivers signals sent before the first workflow task, in that task', async () => {
      const taskQueue = 'late-worker';
      const handle = await env.client.workflow.start('collectSignals', {
        taskQueue,
        workflowId: id('early-signals'),
        args: [2],
      });
      await handle.signal('poke', 'a');
      await handle.signal('poke', 'b');
      const stop = await startWorker(env.server, taskQueue);
      try {
        expect(await handle.result()).toEqual(['a', 'b']);
      } finally {
        await stop();
      }
      const history = await handle.fetchHistory();
      // The signals land after the (not yet started) first task's scheduled event and need no task of their own.
      expect(eventNames(history)).toEqual([
        'WorkflowExecutionStarted',
        'WorkflowTaskScheduled',
        'WorkflowExecutionSignaled',
        'WorkflowExecutionSignaled',
        'WorkflowTaskStarted',
        'WorkflowTaskCompleted',
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('delivers a signal to a running workflow in a new workflow task', async () => {
      const handle = await start('collectSignals', [1]);
      await env.server.settled();
      await handle.signal('poke', 'later');
      expect(await handle.result()).toEqual(['later']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const signaled = onlyEvent(history, 'WorkflowExecutionSignaled').workflowExecutionSignaledEventAttributes!;
      expect(signaled.signalName).toBe('poke');
      await replay({ history, workflowId: handle.workflowId });
    });

    it('signal-with-start: starts the run with the signal before its first task, then signals the running one', async () => {
      const workflowId = id('signal-with-start');
      const options = { taskQueue: env.taskQueue, workflowId, args: [2], signal: 'poke' };
      const first = await env.client.workflow.signalWithStart('collectSignals', { ...options, signalArgs: ['first'] });
      await env.server.settled();
      const second = await env.client.workflow.signalWithStart('collectSignals', {
        ...options,
        signalArgs: ['second'],
      });
      expect(second.signaledRunId).toBe(first.signaledRunId);
      expect(await first.result()).toEqual(['first', 'second']);
      const history = await first.fetchHistory();
      // Temporal writes the start, then the signal, then schedules the first workflow task.
      expect(eventNames(history)).toEqual([
        'WorkflowExecutionStarted',
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId });
    });
  });

  describe('queries', () => {
    it('answers queries on a running and on a closed workflow, and adds no events', async () => {
      const handle = await start('collectSignals', [2]);
      expect(await handle.query('state')).toEqual([]);
      await handle.signal('poke', 'a');
      expect(await handle.query('state')).toEqual(['a']);
      const lengthWhileRunning = (await handle.fetchHistory()).events!.length;
      expect(await handle.query('state')).toEqual(['a']);
      expect((await handle.fetchHistory()).events!.length).toBe(lengthWhileRunning);
      await handle.signal('poke', 'b');
      expect(await handle.result()).toEqual(['a', 'b']);
      expect(await handle.query('state')).toEqual(['a', 'b']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('answers many queries sent at once to one run, while signals arrive', async () => {
      const handle = await start('collectSignals', [3]);
      const answers = await Promise.all([
        ...Array.from({ length: 6 }, () => handle.query<string[]>('state')),
        handle.signal('poke', 'a'),
        ...Array.from({ length: 6 }, () => handle.query<string[]>('state')),
      ]);
      for (const a of answers.filter(Array.isArray)) expect([[], ['a']]).toContainEqual(a);
      await handle.signal('poke', 'b');
      await handle.signal('poke', 'c');
      expect(await handle.result()).toEqual(['a', 'b', 'c']);
    });

    it('holds a new workflow task while a worker has a query of the run, and hands it out once answered', async () => {
      // Played by hand on a queue no worker polls: a worker that took the task before the query would
      // refuse the query as expired (it carries the last completed task) and drop the run from its cache.
      const service = env.client.connection.workflowService;
      const taskQueue = { name: 'by-hand' };
      const poll = (timeoutMs: number) =>
        env.client.connection.withAbortSignal(AbortSignal.timeout(timeoutMs), () =>
          service.pollWorkflowTaskQueue({ namespace: 'default', taskQueue, identity: 'by-hand' }).then(
            (task) => task,
            () => undefined,
          ),
        );
      const handle = await env.client.workflow.start('collectSignals', {
        taskQueue: taskQueue.name,
        workflowId: id('held'),
        args: [1],
      });
      const first = await poll(5_000);
      await service.respondWorkflowTaskCompleted({ namespace: 'default', taskToken: first!.taskToken, commands: [] });

      const answer = handle.query<string>('state');
      const queryTask = await poll(5_000);
      expect(queryTask?.query?.queryType).toBe('state');
      await handle.signal('poke', 'a');
      expect(await poll(500)).toBeUndefined(); // the signal's task waits for the answer

      await service.respondQueryTaskCompleted({
        namespace: 'default',
        taskToken: queryTask!.taskToken,
        completedType: temporal.api.enums.v1.QueryResultType.QUERY_RESULT_TYPE_ANSWERED,
        queryResult: {
          payloads: [{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('"as of the query"') }],
        },
      });
      expect(await answer).toBe('as of the query');
      const next = await poll(5_000);
      expect(next?.query).toBeFalsy();
      expect(eventNames({ events: next!.history!.events }).slice(-3)).toEqual([
        'WorkflowExecutionSignaled',
        'WorkflowTaskScheduled',
        'WorkflowTaskStarted',
      ]);
      await handle.terminate('done');
    });

    it('rejects a query the workflow has no handler for with QueryNotRegisteredError', async () => {
      const handle = await start('collectSignals', [1]);
      const error = await handle.query('nope').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryNotRegisteredError);
      expect((error as Error).message).toContain('nope');
      await handle.terminate('done');
    });
  });

  describe('updates', () => {
    it('accepts and completes an update: WorkflowExecutionUpdateAccepted, WorkflowExecutionUpdateCompleted', async () => {
      const handle = await start('updatable');
      await env.server.settled();
      expect(await handle.executeUpdate('addItem', { args: ['x'], updateId: 'u-accept' })).toBe(1);
      await handle.signal('finish');
      expect(await handle.result()).toEqual(['x']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        ...WFT,
        'WorkflowExecutionUpdateAccepted',
        'WorkflowExecutionUpdateCompleted',
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      const accepted = onlyEvent(history, 'WorkflowExecutionUpdateAccepted');
      const acceptedAttrs = accepted.workflowExecutionUpdateAcceptedEventAttributes!;
      expect(acceptedAttrs.protocolInstanceId).toBe('u-accept');
      expect(acceptedAttrs.acceptedRequest?.meta?.updateId).toBe('u-accept');
      expect(acceptedAttrs.acceptedRequest?.input?.name).toBe('addItem');
      const completed = onlyEvent(
        history,
        'WorkflowExecutionUpdateCompleted',
      ).workflowExecutionUpdateCompletedEventAttributes!;
      expect(completed.meta?.updateId).toBe('u-accept');
      expect(completed.acceptedEventId?.toString()).toBe(accepted.eventId?.toString());
      expect(completed.outcome?.success?.payloads).toHaveLength(1);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('leaves no events when the validator rejects an update', async () => {
      const handle = await start('updatable');
      await env.server.settled();
      const before = (await handle.fetchHistory()).events!.length;
      const error = await handle.executeUpdate('addItem', { args: [''] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((error as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
      expect((error as WorkflowUpdateFailedError).cause?.message).toBe('empty item');
      expect((await handle.fetchHistory()).events!.length).toBe(before);
      expect((await handle.describe()).historyLength).toBe(before);
      // The workflow goes on normally afterwards.
      expect(await handle.executeUpdate('addItem', { args: ['ok'] })).toBe(1);
      await handle.signal('finish');
      expect(await handle.result()).toEqual(['ok']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        ...WFT,
        'WorkflowExecutionUpdateAccepted',
        'WorkflowExecutionUpdateCompleted',
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('takes two updates in a row', async () => {
      const handle = await start('updatable');
      await env.server.settled();
      expect(await handle.executeUpdate('addItem', { args: ['a'] })).toBe(1);
      expect(await handle.executeUpdate('addItem', { args: ['b'] })).toBe(2);
      expect(await handle.query('state')).toEqual(['a', 'b']);
      await handle.signal('finish');
      expect(await handle.result()).toEqual(['a', 'b']);
      const history = await handle.fetchHistory();
      expect(eventNames(history)).toEqual([
        ...START,
        ...WFT,
        'WorkflowExecutionUpdateAccepted',
        'WorkflowExecutionUpdateCompleted',
        ...WFT,
        'WorkflowExecutionUpdateAccepted',
        'WorkflowExecutionUpdateCompleted',
        'WorkflowExecutionSignaled',
        ...WFT,
        'WorkflowExecutionCompleted',
      ]);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('returns the first outcome when an update id is reused, without running the update again', async () => {
      const handle = await start('updatable');
      await env.server.settled();
      expect(await handle.executeUpdate('addItem', { args: ['once'], updateId: 'same-id' })).toBe(1);
      expect(await handle.executeUpdate('addItem', { args: ['twice'], updateId: 'same-id' })).toBe(1);
      expect(await handle.query('state')).toEqual(['once']);
      await handle.signal('finish');
      expect(await handle.result()).toEqual(['once']);
      const history = await handle.fetchHistory();
      expect(eventsOf(history, 'WorkflowExecutionUpdateAccepted')).toHaveLength(1);
      expect(eventsOf(history, 'WorkflowExecutionUpdateCompleted')).toHaveLength(1);
      await replay({ history, workflowId: handle.workflowId });
    });

    it('rejects an update to a completed workflow', async () => {
      const handle = await start('quick', ['done']);
      expect(await handle.result()).toBe('done');
      const length = (await handle.fetchHistory()).events!.length;
      await expect(handle.executeUpdate('addItem', { args: ['late'] })).rejects.toBeInstanceOf(WorkflowNotFoundError);
      expect((await handle.fetchHistory()).events!.length).toBe(length);
    });
  });
});
