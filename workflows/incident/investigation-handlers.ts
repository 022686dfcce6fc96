/**
 * Update handlers of the investigation and the lessons-learned review: tasks, the review, action
 * items. Installed by installHandlers (handlers.ts), with its serialising `register`. The workflow
 * checks every argument itself (clients other than the API can call it); evidence enters history
 * and the ledger as label, SHA-256 and location only.
 */
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../domain/actor';
import type { Action, PermissionContext } from '../../domain/permissions';
import type { EvidenceRef } from '../../domain/review';
import {
  acceptActionItemUpdate,
  AcceptActionItemArgs,
  completeActionItemUpdate,
  CompleteActionItemArgs,
  completeTaskUpdate,
  CompleteTaskArgs,
  recordReviewUpdate,
  RecordReviewArgs,
  type Ack,
} from './messages';
import type { Recorder } from './ledger';
import type { ActionItem, IncidentState, Review } from './state';

export interface InvestigationDeps {
  state: IncidentState;
  record: Recorder;
  register<Ret, Arg>(
    def: UpdateDefinition<Ret, [Arg]>,
    handle: (arg: Arg) => Promise<Ret>,
    validate: (arg: Arg) => void,
  ): void;
  reject(message: string): never;
  allow(action: Action, actor: Actor, ctx?: PermissionContext): void;
  /** Rejects when the incident is closed. */
  open(): void;
  ack(): Ack;
  /** True when the review was scheduled at containment (the structured review, action items that hold the close). */
  reviewTracked(): boolean;
}

/** A zod check inside the workflow: the issues, path by path, are the rejection. */
function parsed<T>(
  d: InvestigationDeps,
  r: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (r.success) return r.data;
  return d.reject(
    `invalid: ${r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`,
  );
}

const refs = (evidence: unknown): EvidenceRef[] =>
  Array.isArray(evidence)
    ? (evidence as EvidenceRef[]).map((e) => ({
        label: e.label,
        sha256: e.sha256.toLowerCase(),
        ...(e.uri ? { uri: e.uri } : {}),
      }))
    : [];

/** Notes, and the former free-text evidence with them. */
function notesOf(notes: string | undefined, evidence: unknown): string | undefined {
  const parts = [notes, typeof evidence === 'string' ? evidence : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('\n\n') : undefined;
}

/** The review as state keeps it; a review on the former schema (before it was tracked) is read leniently. */
function toReview(arg: RecordReviewArgs, actor: Actor, at: string): Review {
  const a = arg as RecordReviewArgs & {
    actionItems?: { id?: string; title: string; owner: unknown; dueAt?: string; priority?: ActionItem['priority'] }[];
  };
  return {
    at,
    by: actor.id,
    whatHappened: a.whatHappened ?? a.summary ?? '',
    rootCauses: a.rootCauses ?? [],
    whatWorked: a.whatWorked ?? [],
    whatDidNot: a.whatDidNot ?? [],
    findings: a.findings ?? [],
    actionItems: (a.actionItems ?? []).map((i, n) => ({
      id: i.id ?? `ai-${n + 1}`,
      title: i.title,
      owner: typeof i.owner === 'string' ? { role: 'manager', personId: i.owner } : (i.owner as ActionItem['owner']),
      dueAt: i.dueAt ?? '',
      priority: i.priority ?? 'medium',
      status: 'open',
      remindersSent: [],
      escalatedTo: [],
    })),
  };
}

export function installInvestigationHandlers(d: InvestigationDeps): void {
  const { state, record, register, reject, allow, open, ack } = d;
  const item = (id: string): ActionItem =>
    state.review?.actionItems.find((i) => i.id === id) ??
    reject(
      `no action item "${id}"${state.review ? `; items are ${state.review.actionItems.map((i) => i.id).join(', ') || 'none'}` : ' (no review recorded)'}`,
    );

  register(
    completeTaskUpdate,
    async ({ actor, taskId, notes, evidence }) => {
      const task = state.tasks.find((t) => t.id === taskId) ?? reject(`no task "${taskId}"`);
      const doneAt = new Date().toISOString();
      const text = notesOf(notes, evidence);
      const late = task.dueAt !== undefined && Date.parse(doneAt) > Date.parse(task.dueAt);
      await record('task.completed', actor, {
        taskId,
        ...(text ? { notes: text } : {}),
        evidence: refs(evidence),
        ...(task.dueAt ? { dueAt: task.dueAt, late } : {}),
      });
      Object.assign(task, { doneAt, doneBy: actor.id, ...(text ? { notes: text } : {}), evidence: refs(evidence) });
      return ack();
    },
    (arg) => {
      open();
      const task =
        state.tasks.find((t) => t.id === arg.taskId) ??
        reject(`no task "${arg.taskId}"; tasks are ${state.tasks.map((t) => t.id).join(', ')}`);
      if (task.doneAt) reject(`task ${arg.taskId} already completed by ${task.doneBy}`);
      allow('task.complete', arg.actor, { taskRole: task.role });
      parsed(d, CompleteTaskArgs.safeParse(arg));
    },
  );

  register(
    recordReviewUpdate,
    async (arg) => {
      const review = toReview(
        d.reviewTracked() ? parsed(d, RecordReviewArgs.safeParse(arg)) : arg,
        arg.actor,
        new Date().toISOString(),
      );
      const { at: _at, by: _by, ...recorded } = review;
      await record('review.recorded', arg.actor, {
        ...recorded,
        actionItems: review.actionItems.map(({ id, title, owner, dueAt, priority }) => ({
          id,
          title,
          owner,
          dueAt,
          priority,
        })),
      });
      state.review = review;
      return ack();
    },
    (arg) => {
      open();
      allow('review.record', arg.actor);
      if (state.phase !== 'review')
        reject(`the review comes after the investigation; the incident is in ${state.phase}`);
      if (!d.reviewTracked()) return; // the former review: a summary, overwritten by a later one
      if (state.review) reject(`the review was recorded at ${state.review.at} by ${state.review.by}`);
      const r = parsed(d, RecordReviewArgs.safeParse(arg));
      const ids = r.actionItems.map((i, n) => i.id ?? `ai-${n + 1}`);
      const dup = ids.find((id, n) => ids.indexOf(id) !== n);
      if (dup) reject(`action item id "${dup}" is used twice`);
      const past = r.actionItems.find((i) => Date.parse(i.dueAt) <= Date.now());
      if (past) reject(`action item "${past.title}" is due in the past (${past.dueAt})`);
    },
  );

  register(
    completeActionItemUpdate,
    async ({ actor, itemId, notes, evidence }) => {
      const i = item(itemId);
      const at = new Date().toISOString();
      await record('action-item.completed', actor, {
        itemId,
        ...(notes ? { notes } : {}),
        evidence: refs(evidence),
        dueAt: i.dueAt,
        late: Date.parse(at) > Date.parse(i.dueAt),
        wasAccepted: i.status === 'accepted',
      });
      Object.assign(i, {
        status: 'done',
        done: { at, by: actor.id, ...(notes ? { notes } : {}), evidence: refs(evidence) },
      });
      return ack();
    },
    (arg) => {
      open();
      const i = item(arg.itemId);
      // An item accepted as open may still be done later; done is final.
      if (i.status === 'done') reject(`action item ${arg.itemId} was completed at ${i.done?.at} by ${i.done?.by}`);
      allow('action-item.complete', arg.actor, { ownerRole: i.owner.role });
      parsed(d, CompleteActionItemArgs.safeParse(arg));
    },
  );

  register(
    acceptActionItemUpdate,
    async ({ actor, itemId, reason }) => {
      const i = item(itemId);
      await record('action-item.accepted', actor, { itemId, reason, dueAt: i.dueAt });
      Object.assign(i, { status: 'accepted', accepted: { at: new Date().toISOString(), by: actor.id, reason } });
      return ack();
    },
    (arg) => {
      open();
      allow('action-item.accept', arg.actor);
      const i = item(arg.itemId);
      if (i.status !== 'open') reject(`action item ${arg.itemId} is ${i.status}, not open`);
      parsed(d, AcceptActionItemArgs.safeParse(arg));
    },
  );
}
