/** Short names for the Temporal API messages the dev server speaks, and conversions of their scalar types. */
import { google, temporal } from '@temporalio/proto';
import type Long from 'long';

export { google, temporal };
export const api = temporal.api;
export const enums = temporal.api.enums.v1;
export const EventType = enums.EventType;
export const CommandType = enums.CommandType;
export const WorkflowStatus = enums.WorkflowExecutionStatus;
export const RetryState = enums.RetryState;
export const TimeoutType = enums.TimeoutType;

export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
export type Payloads = temporal.api.common.v1.IPayloads;
export type Failure = temporal.api.failure.v1.IFailure;
export type Duration = google.protobuf.IDuration;
export type Timestamp = google.protobuf.ITimestamp;
export type RetryPolicy = temporal.api.common.v1.IRetryPolicy;
export type WorkflowExecution = temporal.api.common.v1.IWorkflowExecution;

/** int64 fields decode as Long; requests built in process may carry plain numbers. */
export function num(value: number | Long | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  return value.toNumber();
}

export function durationMs(d: Duration | null | undefined): number {
  if (!d) return 0;
  return num(d.seconds) * 1000 + Math.floor((d.nanos ?? 0) / 1e6);
}

/** int64 fields are typed as Long; the encoder takes plain numbers as well. */
export function int64(n: number): Long {
  return n as unknown as Long;
}

export function msDuration(ms: number): Duration {
  const seconds = Math.floor(ms / 1000);
  return { seconds: int64(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}

export function timestamp(ms: number): Timestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds: int64(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}

export function timestampMs(t: Timestamp | null | undefined): number {
  if (!t) return 0;
  return num(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** `google.protobuf.Any` keeps its proto field names (`type_url`) in @temporalio/proto. */
export interface AnyMessage {
  type_url: string;
  value: Uint8Array;
}

const TYPE_URL_PREFIX = 'type.googleapis.com/';

export function packAny(typeName: string, encoded: Uint8Array): AnyMessage {
  return { type_url: TYPE_URL_PREFIX + typeName, value: encoded };
}

export function anyTypeName(any: { type_url?: string | null } | null | undefined): string {
  return (any?.type_url ?? '').replace(TYPE_URL_PREFIX, '');
}

export function anyValue(any: unknown): Uint8Array {
  return ((any as { value?: Uint8Array }).value ?? new Uint8Array()) as Uint8Array;
}
