import type { Actor } from '../../domain/actor';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { bookkeeping } from './activities';

/**
 * Writes one accountability entry per transition. The event id is derived from the workflow id and
 * a counter that replays identically, so a retried append never duplicates an entry.
 */
export function createRecorder(incidentId: string, onRecorded?: () => Promise<void>) {
  let counter = 0;
  return async function record(
    action: string,
    actor: Actor | typeof SYSTEM_ACTOR,
    payload: Record<string, unknown> = {},
  ): Promise<void> {
    counter += 1;
    const who = actor === SYSTEM_ACTOR ? SYSTEM_ACTOR : actor.id;
    const role = actor === SYSTEM_ACTOR ? undefined : actor.role;
    await bookkeeping.appendLedger({
      eventId: `${incidentId}:${counter}`,
      incidentId,
      at: new Date().toISOString(),
      actor: who,
      action,
      payload: role ? { role, ...payload } : payload,
    });
    await onRecorded?.();
  };
}
export type Recorder = ReturnType<typeof createRecorder>;
