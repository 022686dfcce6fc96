/** Task tokens are opaque to workers; here they name the task they answer. */
export type TaskToken =
  | { kind: 'workflow'; ns: string; runId: string; task: number }
  | { kind: 'query'; ns: string; runId: string; query: string }
  | { kind: 'activity'; ns: string; runId: string; scheduledEventId: number; attempt: number };

export function encodeToken(token: TaskToken): Uint8Array {
  return Buffer.from(JSON.stringify(token));
}

export function decodeToken(bytes: Uint8Array | null | undefined): TaskToken | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as TaskToken;
  } catch {
    return undefined;
  }
}
