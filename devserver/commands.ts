/**
 * The commands of a completed workflow task become history events, in order, right after
 * WorkflowTaskCompleted. Effects on other runs (children, external signals, the next run of a
 * continue-as-new) happen after the task's events are written, as the real server's transfer tasks do.
 */
import { randomUUID } from 'node:crypto';
import { ActivityState, withServerDefaults } from './activities';
import type { Engine } from './engine';
import { pending, type PendingEvent } from './history';
import {
  anyTypeName,
  anyValue,
  CommandType,
  durationMs,
  EventType,
  num,
  RetryState,
  temporal,
  WorkflowStatus,
} from './proto';
import type { WorkflowRun } from './run';

type Command = temporal.api.command.v1.ICommand;
type Message = temporal.api.protocol.v1.IMessage;
const update = temporal.api.update.v1;

export const TERMINAL_COMMANDS = new Set<number>([
  CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION,
]);

/** The commands `CommandRecorder` writes: every command of the TypeScript SDK but Nexus operations. */
export const SUPPORTED_COMMANDS = new Set<number>([
  CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK,
  CommandType.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK,
  CommandType.COMMAND_TYPE_START_TIMER,
  CommandType.COMMAND_TYPE_CANCEL_TIMER,
  CommandType.COMMAND_TYPE_RECORD_MARKER,
  CommandType.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
  CommandType.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES,
  CommandType.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION,
  CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE,
  ...TERMINAL_COMMANDS,
]);

/** Whether a completion records anything: any command, or an update accepted or answered. */
export function hasEffects(commands: Command[], messages: Message[]): boolean {
  return commands.length > 0 || messages.some((m) => anyTypeName(m.body) !== 'temporal.api.update.v1.Rejection');
}

export class CommandRecorder {
  /** Set when an event that the workflow must see was written (a new workflow task follows). */
  needsTask = false;
  /** Effects on other runs, run once the task's events are written. */
  readonly after: (() => void)[] = [];
  private completedEventId = 0;

  constructor(
    private readonly engine: Engine,
    private readonly run: WorkflowRun,
  ) {}

  private emit(event: PendingEvent): number {
    this.needsTask ||= event.needsTask;
    return num(this.run.append(event).eventId);
  }

  record(completedEventId: number, commands: Command[], messages: Message[]): boolean {
    this.completedEventId = completedEventId;
    const byId = new Map(messages.map((m) => [m.id ?? '', m]));
    for (const command of commands) {
      if (!this.run.running) break;
      if (command.commandType === CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE) {
        const id = command.protocolMessageCommandAttributes?.messageId ?? '';
        const message = byId.get(id);
        byId.delete(id);
        if (message) this.message(message);
      } else {
        this.command(command);
      }
    }
    // Messages no command placed (older-style acceptances) come after the commands.
    for (const message of byId.values()) if (this.run.running) this.message(message);
    return this.needsTask;
  }

  /** Rejections write nothing: the validator said no, and the update is answered with its failure. */
  reject(messages: Message[]): void {
    for (const m of messages) {
      if (anyTypeName(m.body) !== 'temporal.api.update.v1.Rejection') continue;
      const r = update.Rejection.decode(anyValue(m.body));
      this.run.updates.rejected(m.protocolInstanceId ?? '', r.failure);
    }
  }

  private message(m: Message): void {
    const type = anyTypeName(m.body);
    const updates = this.run.updates;
    if (type === 'temporal.api.update.v1.Acceptance') {
      const a = update.Acceptance.decode(anyValue(m.body));
      const id = m.protocolInstanceId ?? '';
      const eventId = this.emit(
        pending(
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
          {
            protocolInstanceId: id,
            acceptedRequestMessageId: a.acceptedRequestMessageId,
            acceptedRequestSequencingEventId: a.acceptedRequestSequencingEventId,
            acceptedRequest: a.acceptedRequest ?? updates.get(id)?.request,
          },
          false,
        ),
      );
      updates.accepted(id, eventId);
    } else if (type === 'temporal.api.update.v1.Response') {
      const r = update.Response.decode(anyValue(m.body));
      const id = r.meta?.updateId || m.protocolInstanceId || '';
      this.emit(
        pending(
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
          { meta: r.meta, acceptedEventId: updates.get(id)?.acceptedEventId ?? 0, outcome: r.outcome },
          false,
        ),
      );
      updates.completed(id, r.outcome ?? {});
    }
  }

  private command(c: Command): void {
    const run = this.run;
    const completed = { workflowTaskCompletedEventId: this.completedEventId };
    switch (c.commandType) {
      case CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK: {
        const { requestEagerExecution: _eager, ...a } = c.scheduleActivityTaskCommandAttributes ?? {};
        const attrs = withServerDefaults(
          { ...a, taskQueue: a.taskQueue?.name ? a.taskQueue : { name: run.taskQueue, kind: 1 } },
          this.runTimeoutMs(),
        );
        const id = this.emit(pending(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, { ...attrs, ...completed }, false));
        const activity = new ActivityState(run, id, attrs);
        run.activities.set(id, activity);
        activity.begin();
        return;
      }
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK: {
        const scheduledEventId = Number(c.requestCancelActivityTaskCommandAttributes?.scheduledEventId ?? 0);
        const id = this.emit(
          pending(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED, { scheduledEventId, ...completed }, false),
        );
        const canceled = run.activities.get(scheduledEventId)?.requestCancel(id);
        if (canceled) this.emit(canceled);
        return;
      }
      case CommandType.COMMAND_TYPE_START_TIMER: {
        const a = c.startTimerCommandAttributes ?? {};
        const timerId = a.timerId ?? '';
        const startedEventId = this.emit(
          pending(
            EventType.EVENT_TYPE_TIMER_STARTED,
            { timerId, startToFireTimeout: a.startToFireTimeout, ...completed },
            false,
          ),
        );
        const clockId = run.host.clock.schedule(run.host.clock.now() + durationMs(a.startToFireTimeout), () => {
          if (run.timers.get(timerId)?.startedEventId !== startedEventId) return;
          run.timers.delete(timerId);
          run.add(pending(EventType.EVENT_TYPE_TIMER_FIRED, { timerId, startedEventId }));
        });
        run.timers.set(timerId, { startedEventId, clockId });
        return;
      }
      case CommandType.COMMAND_TYPE_CANCEL_TIMER: {
        const timerId = c.cancelTimerCommandAttributes?.timerId ?? '';
        const timer = run.timers.get(timerId);
        run.timers.delete(timerId);
        run.host.clock.cancel(timer?.clockId);
        this.emit(
          pending(
            EventType.EVENT_TYPE_TIMER_CANCELED,
            { timerId, startedEventId: timer?.startedEventId ?? 0, ...completed },
            false,
          ),
        );
        return;
      }
      case CommandType.COMMAND_TYPE_RECORD_MARKER:
        this.emit(
          pending(EventType.EVENT_TYPE_MARKER_RECORDED, { ...c.recordMarkerCommandAttributes, ...completed }, false),
        );
        return;
      case CommandType.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
        const searchAttributes = c.upsertWorkflowSearchAttributesCommandAttributes?.searchAttributes;
        run.searchAttributes = {
          indexedFields: { ...run.searchAttributes?.indexedFields, ...searchAttributes?.indexedFields },
        };
        this.emit(
          pending(EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, { searchAttributes, ...completed }, false),
        );
        return;
      }
      case CommandType.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES: {
        const upsertedMemo = c.modifyWorkflowPropertiesCommandAttributes?.upsertedMemo;
        run.memo = { fields: { ...run.memo?.fields, ...upsertedMemo?.fields } };
        this.emit(pending(EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED, { upsertedMemo, ...completed }, false));
        return;
      }
      case CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION:
        run.close(
          WorkflowStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
          pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, {
            result: c.completeWorkflowExecutionCommandAttributes?.result,
            ...completed,
          }),
        );
        return;
      case CommandType.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION:
        run.close(
          WorkflowStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
          pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, {
            failure: c.failWorkflowExecutionCommandAttributes?.failure,
            retryState: RetryState.RETRY_STATE_RETRY_POLICY_NOT_SET,
            ...completed,
          }),
        );
        return;
      case CommandType.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION:
        run.close(
          WorkflowStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
          pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, {
            details: c.cancelWorkflowExecutionCommandAttributes?.details,
            ...completed,
          }),
        );
        return;
      case CommandType.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION: {
        const a = c.continueAsNewWorkflowExecutionCommandAttributes ?? {};
        const newRunId = randomUUID();
        run.newRunId = newRunId;
        run.close(
          WorkflowStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
          pending(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, {
            newExecutionRunId: newRunId,
            workflowType: a.workflowType?.name ? a.workflowType : { name: run.workflowType },
            taskQueue: a.taskQueue?.name ? a.taskQueue : { name: run.taskQueue, kind: 1 },
            input: a.input,
            workflowRunTimeout: a.workflowRunTimeout,
            workflowTaskTimeout: a.workflowTaskTimeout,
            backoffStartInterval: a.backoffStartInterval,
            initiator: a.initiator,
            failure: a.failure,
            lastCompletionResult: a.lastCompletionResult,
            header: a.header,
            memo: a.memo,
            searchAttributes: a.searchAttributes,
            ...completed,
          }),
        );
        this.after.push(() => this.engine.continueAsNew({ previous: run, attributes: a, newRunId }));
        return;
      }
      case CommandType.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION: {
        const a = c.startChildWorkflowExecutionCommandAttributes ?? {};
        const id = this.emit(
          pending(
            EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED,
            { ...a, namespace: a.namespace || run.namespace, ...completed },
            false,
          ),
        );
        this.after.push(() => this.engine.startChild(run, id, a));
        return;
      }
      case CommandType.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION: {
        const a = c.signalExternalWorkflowExecutionCommandAttributes ?? {};
        const id = this.emit(
          pending(
            EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
            {
              namespace: a.namespace || run.namespace,
              workflowExecution: a.execution,
              signalName: a.signalName,
              input: a.input,
              control: a.control,
              childWorkflowOnly: a.childWorkflowOnly,
              header: a.header,
              ...completed,
            },
            false,
          ),
        );
        this.after.push(() =>
          this.engine.external(run, 'signal', id, {
            namespace: a.namespace,
            workflowId: a.execution?.workflowId,
            runId: a.execution?.runId,
            signalName: a.signalName,
            input: a.input,
            header: a.header,
            control: a.control,
          }),
        );
        return;
      }
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION: {
        const a = c.requestCancelExternalWorkflowExecutionCommandAttributes ?? {};
        const id = this.emit(
          pending(
            EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
            {
              namespace: a.namespace || run.namespace,
              workflowExecution: { workflowId: a.workflowId, runId: a.runId },
              control: a.control,
              childWorkflowOnly: a.childWorkflowOnly,
              reason: a.reason,
              ...completed,
            },
            false,
          ),
        );
        this.after.push(() =>
          this.engine.external(run, 'cancel', id, {
            namespace: a.namespace,
            workflowId: a.workflowId,
            runId: a.runId,
            control: a.control,
          }),
        );
        return;
      }
      default:
        throw new Error(`the dev server does not support command ${CommandType[c.commandType ?? 0] ?? c.commandType}`);
    }
  }

  private runTimeoutMs(): number {
    const started = this.run.history[0].workflowExecutionStartedEventAttributes;
    return durationMs(started?.workflowRunTimeout);
  }
}
