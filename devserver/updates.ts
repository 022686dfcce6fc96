/**
 * Workflow updates of one run: admitted by UpdateWorkflowExecution, delivered to the worker as
 * protocol messages on a workflow task, then accepted and completed, or rejected (which, on the
 * real server, leaves no event).
 */
import { int64, packAny, temporal } from './proto';

type Request = temporal.api.update.v1.IRequest;
type Outcome = temporal.api.update.v1.IOutcome;
type Message = temporal.api.protocol.v1.IMessage;

export const Stage = temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage;

interface Waiter {
  stage: number;
  resolve: (u: UpdateState) => void;
  reject: (e: Error) => void;
}

export interface UpdateState {
  id: string;
  request: Request;
  stage: number;
  /** The workflow task it was last delivered on, while that task is in progress. */
  deliveredOn?: number;
  acceptedEventId?: number;
  outcome?: Outcome;
  waiters: Waiter[];
}

export class UpdateRegistry {
  private readonly updates = new Map<string, UpdateState>();

  get(id: string): UpdateState | undefined {
    return this.updates.get(id);
  }

  /** Admits a new update (or returns the one with the same id: update ids are idempotency keys). */
  admit(request: Request): { update: UpdateState; isNew: boolean } {
    const id = request.meta?.updateId ?? '';
    const existing = this.updates.get(id);
    if (existing) return { update: existing, isNew: false };
    const update: UpdateState = {
      id,
      request,
      stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED,
      waiters: [],
    };
    this.updates.set(id, update);
    return { update, isNew: true };
  }

  /** Resolves once the update reaches `stage` (or completes). */
  wait(update: UpdateState, stage: number): Promise<UpdateState> {
    if (update.stage >= stage) return Promise.resolve(update);
    return new Promise((resolve, reject) => update.waiters.push({ stage, resolve, reject }));
  }

  hasUndelivered(): boolean {
    for (const u of this.updates.values()) if (this.undelivered(u)) return true;
    return false;
  }

  private undelivered(u: UpdateState): boolean {
    return u.stage === Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED && u.deliveredOn === undefined;
  }

  /** The request messages for a workflow task; each update rides on one task at a time. */
  deliver(taskId: number, sequencingEventId: number): Message[] {
    const messages: Message[] = [];
    for (const u of this.updates.values()) {
      if (!this.undelivered(u)) continue;
      u.deliveredOn = taskId;
      messages.push({
        id: `${u.id}/request`,
        protocolInstanceId: u.id,
        eventId: int64(sequencingEventId),
        body: packAny('temporal.api.update.v1.Request', temporal.api.update.v1.Request.encode(u.request).finish()),
      });
    }
    return messages;
  }

  /** The task failed or timed out: its updates go out again on the next one. */
  undeliver(taskId: number): void {
    for (const u of this.updates.values())
      if (u.deliveredOn === taskId && u.stage < Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED)
        u.deliveredOn = undefined;
  }

  accepted(id: string, acceptedEventId: number): void {
    const u = this.updates.get(id);
    if (!u) return;
    u.acceptedEventId = acceptedEventId;
    this.advance(u, Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  }

  completed(id: string, outcome: Outcome): void {
    const u = this.updates.get(id);
    if (!u) return;
    u.outcome = outcome;
    this.advance(u, Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED);
  }

  /** Rejected by the validator: completed with a failure, and forgotten (no event keeps it). */
  rejected(id: string, failure: temporal.api.failure.v1.IFailure | null | undefined): void {
    const u = this.updates.get(id);
    if (!u) return;
    u.outcome = { failure: failure ?? { message: 'update rejected' } };
    this.updates.delete(id);
    this.advance(u, Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED);
  }

  /** The run closed: updates not yet completed can no longer complete. */
  failAll(message: string): void {
    for (const u of this.updates.values()) {
      if (u.stage >= Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED) continue;
      for (const w of u.waiters.splice(0)) w.reject(new Error(message));
    }
  }

  private advance(u: UpdateState, stage: number): void {
    u.stage = stage;
    u.deliveredOn = undefined;
    const ready = u.waiters.filter((w) => w.stage <= stage);
    u.waiters = u.waiters.filter((w) => w.stage > stage);
    for (const w of ready) w.resolve(u);
  }
}
