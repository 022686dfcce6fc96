/** Building history events: `event(EventType.X, attributes)` picks the attribute field from the type's name. */
import { EventType, int64, type HistoryEvent } from './proto';

/** EVENT_TYPE_WORKFLOW_EXECUTION_STARTED → workflowExecutionStartedEventAttributes */
export function attributesField(type: number): string {
  const name = EventType[type] as string;
  const camel = name
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return `${camel}EventAttributes`;
}

export interface PendingEvent {
  eventType: number;
  /** A function when the attributes name the event itself (a completion names the started event before it). */
  attributes: Record<string, unknown> | ((eventId: number) => Record<string, unknown>);
  /** Whether the workflow must get a workflow task to see this event. */
  needsTask: boolean;
}

export function pending(eventType: number, attributes: PendingEvent['attributes'], needsTask = true): PendingEvent {
  return { eventType, attributes, needsTask };
}

export function materialize(p: PendingEvent, eventId: number, at: number, taskId: number): HistoryEvent {
  const seconds = Math.floor(at / 1000);
  return {
    eventId: int64(eventId),
    eventTime: { seconds: int64(seconds), nanos: (at - seconds * 1000) * 1e6 },
    eventType: p.eventType,
    version: int64(0),
    taskId: int64(taskId),
    [attributesField(p.eventType)]: typeof p.attributes === 'function' ? p.attributes(eventId) : p.attributes,
  };
}

/** The attributes of an event, whatever its type. */
export function attributesOf<T = Record<string, unknown>>(e: HistoryEvent): T {
  return (e as Record<string, unknown>)[attributesField(e.eventType as number)] as T;
}

export const CLOSE_EVENTS = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
]);
