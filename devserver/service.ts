/**
 * The WorkflowService calls the SDK's client and worker make, over the engine. Each handler takes
 * the decoded request (and an abort signal for long polls) and returns the response object.
 */
import { randomUUID } from 'node:crypto';
import { CommandRecorder, hasEffects, SUPPORTED_COMMANDS, TERMINAL_COMMANDS } from './commands';
import { Namespace, type Engine, type StartRequest } from './engine';
import { failedPrecondition, invalidArgument, notFound, ServiceError } from './errors';
import { CLOSE_EVENTS } from './history';
import { durationMs, enums, timestamp } from './proto';
import { Stage, type UpdateState } from './updates';
import { decodeToken, encodeToken } from './tokens';
import { Schedules } from './schedules/runner';
import type { WorkflowRun } from './run';
import { status } from '@grpc/grpc-js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- requests are decoded protobuf messages
type Req = any;
export type Handler = (req: Req, signal: AbortSignal) => Promise<object>;

/** Legacy query tasks waiting for a worker's answer, by query id. */
interface PendingQuery {
  resolve: (r: object) => void;
  reject: (e: Error) => void;
  /** What happened to the query task, for the timeout's message. */
  trail: string[];
  /** Lets the run's workflow tasks go again once the worker has answered (see holdTasksForQuery). */
  release?: () => void;
}

const QUERY_TIMEOUT_MS = 30_000;

export function createHandlers(engine: Engine, serverVersion: string): Record<string, Handler> {
  const queries = new Map<string, PendingQuery>();
  const schedules = new Schedules(engine);

  const startRequest = (req: Req): StartRequest => ({
    workflowId: req.workflowId,
    workflowType: req.workflowType?.name,
    taskQueue: req.taskQueue?.name,
    input: req.input,
    workflowExecutionTimeout: req.workflowExecutionTimeout,
    workflowRunTimeout: req.workflowRunTimeout,
    workflowTaskTimeout: req.workflowTaskTimeout,
    identity: req.identity,
    requestId: req.requestId,
    workflowIdReusePolicy: req.workflowIdReusePolicy,
    workflowIdConflictPolicy: req.workflowIdConflictPolicy,
    retryPolicy: req.retryPolicy,
    cronSchedule: req.cronSchedule,
    memo: req.memo,
    searchAttributes: req.searchAttributes,
    header: req.header,
    workflowStartDelay: req.workflowStartDelay,
  });

  const runOf = (req: Req, execution = req.workflowExecution ?? req.execution) =>
    engine.run(engine.namespace(req.namespace), execution?.workflowId, execution?.runId);

  function workflowTaskOf(token: Uint8Array) {
    const t = decodeToken(token);
    if (t?.kind !== 'workflow') throw invalidArgument('invalid task token');
    const run = engine.namespace(t.ns).runs.get(t.runId);
    const task = run?.startedTask(t.task);
    if (!run || !task) throw notFound('Workflow task not found.');
    return { run, task };
  }

  function activityOf(req: Req) {
    const t = decodeToken(req.taskToken);
    if (t?.kind !== 'activity') throw invalidArgument('invalid task token');
    const run = engine.namespace(t.ns).runs.get(t.runId);
    const activity = run?.activities.get(t.scheduledEventId);
    if (!activity?.matches(t.attempt)) throw notFound('Activity task not found.');
    return activity;
  }

  /** Answers for UpdateWorkflowExecution and PollWorkflowExecutionUpdate once the wanted stage is reached. */
  async function updateResponse(run: WorkflowRun, update: UpdateState, wanted: number) {
    let reached: UpdateState;
    try {
      reached = await run.updates.wait(update, wanted || Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
    } catch (e) {
      throw notFound((e as Error).message);
    }
    return {
      updateRef: { workflowExecution: run.execution, updateId: update.id },
      outcome: reached.stage >= Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED ? reached.outcome : null,
      stage: reached.stage,
    };
  }

  /**
   * A legacy query task. As the real server, it goes where the run's workflow tasks go: to the
   * sticky queue with no events (the worker holds the workflow), falling back
   * to the normal queue with the whole history if nobody takes it in time.
   */
  function queryTask(run: WorkflowRun, queryId: string, query: Req) {
    let taken = false;
    const trail = (what: string) =>
      queries.get(queryId)?.trail.push(`${what} at event ${run.history.length}, ${run.wft?.state ?? 'no'} task`);
    const dispatchOn = (sticky: boolean) => (identity: string) => {
      if (!queries.has(queryId) || taken) return undefined;
      // A workflow task became outstanding since the query was queued: the worker could hold both
      // for the run and lose the query. Hand it out again once that task is done.
      if (run.running && run.taskOutstanding) {
        trail(`deferred (${sticky ? 'sticky' : 'normal'})`);
        void run.waitForIdle().then(() => enqueue());
        return undefined;
      }
      if (sticky && !run.stickyQueue) return undefined; // the fallback (normal queue) takes it
      taken = true;
      trail(`taken by ${identity} (${sticky ? 'sticky' : 'normal'})`);
      const pendingQuery = queries.get(queryId);
      if (pendingQuery) pendingQuery.release = run.holdTasksForQuery();
      return {
        taskToken: encodeToken({ kind: 'query', ns: run.namespace, runId: run.runId, query: queryId }),
        workflowExecution: run.execution,
        workflowType: { name: run.workflowType },
        previousStartedEventId: run.lastCompletedStartedEventId,
        startedEventId: run.lastCompletedStartedEventId,
        // As the real server's frontend: a sticky query carries no events (the worker answers from the state it holds).
        history: { events: sticky ? [] : run.history.slice() },
        query,
        workflowExecutionTaskQueue: { name: run.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      };
    };
    function enqueue(): void {
      const sticky = run.running ? run.stickyQueue : undefined;
      if (!sticky) {
        engine.matching.addTask(run.namespace, 'workflow', run.taskQueue, dispatchOn(false));
        return;
      }
      engine.matching.addTask(run.namespace, 'workflow', sticky.queue, dispatchOn(true));
      const fallback = setTimeout(() => {
        if (!taken && queries.has(queryId))
          engine.matching.addTask(run.namespace, 'workflow', run.taskQueue, dispatchOn(false));
      }, sticky.scheduleToStartMs);
      fallback.unref();
    }
    return enqueue;
  }

  const queryTurns = new WeakMap<WorkflowRun, Promise<unknown>>();

  /** A query task for the worker, answered from a settled state: after the workflow task in progress, if any. */
  async function askWorker(run: WorkflowRun, query: Req): Promise<object> {
    await run.waitForIdle();
    const queryId = randomUUID();
    return new Promise<object>((resolve, reject) => {
      const pendingQuery: PendingQuery = {
        trail: [],
        resolve: (r) => {
          clearTimeout(timer);
          pendingQuery.release?.();
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          pendingQuery.release?.();
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        queries.delete(queryId);
        pendingQuery.reject(
          new ServiceError(
            status.DEADLINE_EXCEEDED,
            `query timed out: no worker answered (${pendingQuery.trail.join('; ') || 'no worker took it'})`,
          ),
        );
      }, QUERY_TIMEOUT_MS);
      queries.set(queryId, pendingQuery);
      queryTask(run, queryId, query)();
      engine.changed();
    });
  }

  function describe(run: WorkflowRun) {
    const pendingActivities = [...run.activities.values()].map((a) => ({
      activityId: a.activityId,
      activityType: a.attrs.activityType,
      state:
        a.state === 'started'
          ? enums.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
          : enums.PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED,
      heartbeatDetails: a.heartbeatDetails,
      attempt: a.attempt,
      maximumAttempts: a.attrs.retryPolicy?.maximumAttempts ?? 0,
      lastFailure: a.lastFailure,
    }));
    const pendingChildren = [...run.children.entries()].map(([initiatedId, c]) => ({
      workflowId: c.workflowId,
      runId: c.runId,
      workflowTypeName: c.workflowType,
      initiatedId,
      parentClosePolicy: c.parentClosePolicy,
    }));
    return {
      executionConfig: {
        taskQueue: { name: run.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        workflowTaskTimeout: { seconds: Math.floor(run.workflowTaskTimeoutMs / 1000) },
      },
      workflowExecutionInfo: executionInfo(run),
      pendingActivities,
      pendingChildren,
      pendingWorkflowTask: run.wft
        ? {
            state:
              run.wft.state === 'started'
                ? enums.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED
                : enums.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED,
            attempt: run.wft.attempt,
          }
        : null,
    };
  }

  function executionInfo(run: WorkflowRun) {
    return {
      execution: run.execution,
      type: { name: run.workflowType },
      startTime: timestamp(run.startTime),
      closeTime: run.closeTime ? timestamp(run.closeTime) : null,
      status: run.status,
      historyLength: run.history.length,
      historySizeBytes: run.historyBytes,
      parentExecution: run.parent ? { workflowId: run.parent.workflowId, runId: run.parent.runId } : null,
      parentNamespaceId: run.parent ? engine.namespace(run.parent.namespace).id : '',
      executionTime: timestamp(run.startTime),
      memo: run.memo ?? { fields: {} },
      searchAttributes: run.searchAttributes ?? { indexedFields: {} },
      taskQueue: run.taskQueue,
      firstRunId: run.firstRunId,
    };
  }

  const handlers: Record<string, Handler> = {
    async GetSystemInfo() {
      return {
        serverVersion,
        capabilities: {
          signalAndQueryHeader: true,
          internalErrorDifferentiation: true,
          activityFailureIncludeHeartbeat: true,
          supportsSchedules: true,
          encodedFailureAttributes: true,
          upsertMemo: true,
          sdkMetadata: true,
          countGroupByExecutionStatus: false,
          eagerWorkflowStart: false,
        },
      };
    },

    async DescribeNamespace(req) {
      const ns = engine.namespace(req.namespace || req.id);
      return {
        namespaceInfo: {
          name: ns.name,
          id: ns.id,
          state: enums.NamespaceState.NAMESPACE_STATE_REGISTERED,
          description: 'in-process dev server',
          supportsSchedules: true,
          capabilities: { eagerWorkflowStart: false, syncUpdate: true, asyncUpdate: true },
        },
        config: { workflowExecutionRetentionTtl: { seconds: 86_400 } },
        isGlobalNamespace: false,
      };
    },

    async ListNamespaces() {
      const out = [];
      for (const name of engine.namespaces.keys())
        out.push(await handlers.DescribeNamespace({ namespace: name }, new AbortController().signal));
      return { namespaces: out };
    },

    async RegisterNamespace(req) {
      if (engine.namespaces.has(req.namespace))
        throw new ServiceError(status.ALREADY_EXISTS, 'Namespace already exists.');
      engine.namespaces.set(req.namespace, new Namespace(req.namespace));
      return {};
    },

    async GetClusterInfo() {
      return {
        serverVersion,
        clusterName: 'dev-server',
        clusterId: 'dev-server',
        historyShardCount: 1,
        persistenceStore: 'memory',
      };
    },

    async StartWorkflowExecution(req) {
      const { run, started } = engine.start(engine.namespace(req.namespace), startRequest(req));
      return { runId: run.runId, started };
    },

    async SignalWithStartWorkflowExecution(req) {
      const ns = engine.namespace(req.namespace);
      let run = ns.current(req.workflowId);
      if (!run?.running) {
        const signal = {
          signalName: req.signalName,
          input: req.signalInput,
          identity: req.identity ?? '',
          header: req.header,
        };
        run = engine.start(ns, { ...startRequest(req), workflowIdConflictPolicy: 0, signal }).run;
        return { runId: run.runId, started: true };
      }
      engine.signal(run, {
        signalName: req.signalName,
        input: req.signalInput,
        identity: req.identity,
        header: req.header,
      });
      return { runId: run.runId, started: false };
    },

    async SignalWorkflowExecution(req) {
      engine.signal(runOf(req), {
        signalName: req.signalName,
        input: req.input,
        identity: req.identity,
        header: req.header,
        requestId: req.requestId,
      });
      return {};
    },

    async RequestCancelWorkflowExecution(req) {
      engine.requestCancel(runOf(req), req.reason ?? '', req.identity ?? '');
      return {};
    },

    async TerminateWorkflowExecution(req) {
      engine.terminate(runOf(req), req.reason ?? '', req.identity ?? '', req.details);
      return {};
    },

    async DescribeWorkflowExecution(req) {
      return describe(runOf(req, req.execution));
    },

    async GetWorkflowExecutionHistory(req, signal) {
      const run = runOf(req, req.execution);
      const closeOnly =
        req.historyEventFilterType === enums.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT;
      if (closeOnly) {
        if (req.waitNewEvent && run.running) {
          await engine.awaitingResult(
            new Promise<void>((resolve) => {
              signal.addEventListener('abort', () => resolve(), { once: true });
              void run.waitForClose().then(resolve);
            }),
          );
        }
        const close = run.closeEvent();
        return {
          history: { events: close ? [close] : [] },
          nextPageToken: close ? null : Buffer.from(String(run.history.length)),
        };
      }
      const from = req.nextPageToken?.length ? Number(Buffer.from(req.nextPageToken).toString()) : 0;
      if (req.waitNewEvent && run.running && run.history.length <= from) await run.waitForHistory(from);
      const events = run.history.slice(from);
      const done = CLOSE_EVENTS.has(run.history[run.history.length - 1]?.eventType as number);
      return {
        history: { events },
        nextPageToken: req.waitNewEvent && !done ? Buffer.from(String(run.history.length)) : null,
      };
    },

    async GetWorkflowExecutionHistoryReverse(req) {
      const run = runOf(req, req.execution);
      return { history: { events: run.history.slice().reverse() } };
    },

    async ListWorkflowExecutions(req) {
      const ns = engine.namespace(req.namespace);
      const executions = [...ns.runs.values()].reverse().map(executionInfo);
      return { executions, nextPageToken: null };
    },

    async CountWorkflowExecutions(req) {
      return { count: engine.namespace(req.namespace).runs.size };
    },

    async GetSearchAttributes() {
      return { keys: {} };
    },

    // ---- workers ------------------------------------------------------------------------------

    async PollWorkflowTaskQueue(req, signal) {
      const response = await engine.matching.poll<object>(
        engine.namespace(req.namespace).name,
        'workflow',
        req.taskQueue?.name,
        req.identity ?? '',
        signal,
      );
      return response ?? {};
    },

    async RespondWorkflowTaskCompleted(req) {
      const { run, task } = workflowTaskOf(req.taskToken);
      const commands = req.commands ?? [];
      const messages = req.messages ?? [];
      const unsupported = commands.find((c: { commandType: number }) => !SUPPORTED_COMMANDS.has(c.commandType));
      const closing = commands.some((c: { commandType: number }) => TERMINAL_COMMANDS.has(c.commandType));
      if (unsupported || (closing && run.hasBufferedEvents)) {
        // As the real server: a run may not close over events it has not seen yet.
        run.failTask(task, {
          cause: enums.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
          failure: { message: unsupported ? `unsupported command ${unsupported.commandType}` : 'UnhandledCommand' },
          identity: req.identity,
        });
        return {};
      }
      const recorder = new CommandRecorder(engine, run);
      recorder.reject(messages);
      run.setSticky(
        req.stickyAttributes?.workerTaskQueue?.name,
        durationMs(req.stickyAttributes?.scheduleToStartTimeout),
      );
      const { discarded } = run.completeTask(
        task,
        {
          identity: req.identity,
          binaryChecksum: req.binaryChecksum,
          workerVersion: req.workerVersionStamp,
          sdkMetadata: req.sdkMetadata,
          meteringMetadata: req.meteringMetadata,
        },
        hasEffects(commands, messages),
        (completedEventId) => recorder.record(completedEventId, commands, messages),
      );
      if (req.forceCreateNewWorkflowTask) run.ensureTask();
      for (const effect of recorder.after) effect();
      return discarded ? { resetHistoryEventId: run.lastCompletedStartedEventId } : {};
    },

    async RespondWorkflowTaskFailed(req) {
      const { run, task } = workflowTaskOf(req.taskToken);
      run.failTask(task, {
        cause: req.cause,
        failure: req.failure,
        identity: req.identity,
        binaryChecksum: req.binaryChecksum,
      });
      return {};
    },

    async RespondQueryTaskCompleted(req) {
      const t = decodeToken(req.taskToken);
      const pendingQuery = t?.kind === 'query' ? queries.get(t.query) : undefined;
      if (!t || t.kind !== 'query' || !pendingQuery) throw notFound('query not found');
      queries.delete(t.query);
      if (req.completedType === enums.QueryResultType.QUERY_RESULT_TYPE_ANSWERED) {
        pendingQuery.resolve({ queryResult: req.queryResult });
      } else {
        pendingQuery.reject(invalidArgument(req.errorMessage || req.failure?.message || 'query failed'));
      }
      return {};
    },

    async PollActivityTaskQueue(req, signal) {
      const response = await engine.matching.poll<object>(
        engine.namespace(req.namespace).name,
        'activity',
        req.taskQueue?.name,
        req.identity ?? '',
        signal,
      );
      return response ?? {};
    },

    async RecordActivityTaskHeartbeat(req) {
      return activityOf(req).heartbeat(req.details);
    },

    async RespondActivityTaskCompleted(req) {
      activityOf(req).complete(req.result, req.identity ?? '');
      return {};
    },

    async RespondActivityTaskFailed(req) {
      activityOf(req).fail(req.failure, req.lastHeartbeatDetails, req.identity ?? '');
      return {};
    },

    async RespondActivityTaskCanceled(req) {
      activityOf(req).canceled(req.details, req.identity ?? '');
      return {};
    },

    async ShutdownWorker(req) {
      engine.matching.releasePollers(req.identity || undefined);
      return {};
    },

    async ResetStickyTaskQueue(req) {
      const ns = engine.namespace(req.namespace);
      const run = req.execution?.runId ? ns.runs.get(req.execution.runId) : ns.current(req.execution?.workflowId ?? '');
      run?.clearSticky();
      return {};
    },

    async RecordWorkerHeartbeat() {
      return {};
    },

    async DescribeTaskQueue() {
      return { pollers: [] };
    },

    // ---- queries and updates --------------------------------------------------------------------

    async QueryWorkflow(req) {
      const run = runOf(req, req.execution);
      if (!run.running && run.lastCompletedStartedEventId === 0) {
        throw failedPrecondition('workflow closed before a workflow task completed');
      }
      // One query task per run at a time: the worker holds one waiting task per run, and a second
      // query task arriving while one waits could be lost.
      const turn = (queryTurns.get(run) ?? Promise.resolve()).then(() => askWorker(run, req.query));
      queryTurns.set(
        run,
        turn.catch(() => undefined),
      );
      return turn;
    },

    async UpdateWorkflowExecution(req) {
      const run = runOf(req);
      if (!run.running) throw notFound('workflow execution already completed');
      const { update, isNew } = run.updates.admit(req.request);
      if (isNew && !run.wft) run.scheduleSpeculativeTask();
      engine.changed();
      return updateResponse(run, update, req.waitPolicy?.lifecycleStage ?? 0);
    },

    // ---- schedules ------------------------------------------------------------------------------

    async CreateSchedule(req) {
      return schedules.create(engine.namespace(req.namespace), req);
    },
    async DescribeSchedule(req) {
      return schedules.describe(engine.namespace(req.namespace), req.scheduleId);
    },
    async ListSchedules(req) {
      return schedules.list(engine.namespace(req.namespace));
    },
    async UpdateSchedule(req) {
      return schedules.update(engine.namespace(req.namespace), req);
    },
    async PatchSchedule(req) {
      return schedules.patch(engine.namespace(req.namespace), req);
    },
    async DeleteSchedule(req) {
      return schedules.delete(engine.namespace(req.namespace), req.scheduleId);
    },
    async ListScheduleMatchingTimes(req) {
      return schedules.matchingTimes(engine.namespace(req.namespace), req);
    },

    async PollWorkflowExecutionUpdate(req) {
      const ref = req.updateRef ?? {};
      const run = runOf(req, ref.workflowExecution);
      const update = run.updates.get(ref.updateId);
      if (!update) throw notFound(`update ${ref.updateId} not found`);
      return updateResponse(run, update, req.waitPolicy?.lifecycleStage ?? 0);
    },
  };
  return handlers;
}
