/**
 * retentionWorkflow: a durable timer per closed incident. When the retention period ends, the
 * incident's people lose their names and addresses (kept: a salted hash, the Message-ID, the SMTP
 * reply, the content hash, the jurisdiction) and their outbox copies are deleted; a destruction
 * certificate goes to the ledger. A litigation hold stops it; a release restarts the clock.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { DestructionCertificate } from '../../activities/retention';
import { SYSTEM_ACTOR, type Actor } from '../../domain/actor';
import { check } from '../../domain/permissions';
import {
  holdRetentionUpdate,
  releaseRetentionUpdate,
  retentionStatusQuery,
  type RetentionInput,
  type RetentionState,
  type RetentionStatus,
} from './messages';

const DAY = 86_400_000;

/** Store and file work: retried until it works (each step is idempotent), with backoff. */
const eraser = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
const ledger = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

function reject(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'UpdateRejected');
}

const plus = (from: number, days: number) => new Date(from + days * DAY).toISOString();

export async function retentionWorkflow(input: RetentionInput): Promise<DestructionCertificate> {
  const { incidentId, policy } = input;
  const batch = { incidentId, limit: input.batchSize ?? 500 };
  const closed = Date.parse(input.closedAt);
  const s: RetentionState = input.carried ?? {
    incidentId,
    closedAt: input.closedAt,
    policy,
    dueAt: plus(closed, policy.recipientDataDays),
    outboxDueAt: plus(closed, policy.outboxDays),
    destroying: false,
    hold: null,
    holds: [],
    outboxDone: false,
    outboxCertificate: null,
    certificate: null,
    startedAt: null,
    recorded: 0,
  };
  // Bumped by every hold and release: a waiting timer wakes up and looks again.
  let version = 0;

  async function record(action: string, actor: Actor | typeof SYSTEM_ACTOR, payload: Record<string, unknown>) {
    s.recorded += 1;
    await ledger.appendLedger({
      eventId: `${incidentId}:retention:${s.recorded}`,
      incidentId,
      at: new Date().toISOString(),
      actor: actor === SYSTEM_ACTOR ? SYSTEM_ACTOR : actor.id,
      action,
      payload: actor === SYSTEM_ACTOR ? payload : { role: actor.role, ...payload },
    });
  }

  const status = (): RetentionStatus => {
    const { recorded: _r, destroying, ...shown } = s;
    return {
      ...shown,
      workflowId: workflowInfo().workflowId,
      phase: s.certificate ? 'destroyed' : s.hold ? 'held' : destroying ? 'destroying' : 'scheduled',
    };
  };

  // Handlers first: a query or update may arrive with the very first workflow task.
  setHandler(retentionStatusQuery, status);
  setHandler(
    holdRetentionUpdate,
    async ({ actor, reason }) => {
      // The hold takes effect before it is recorded: deletion must stop at once, not after a ledger write.
      s.hold = { by: actor.id, role: actor.role, reason, at: new Date().toISOString() };
      s.holds.push(s.hold);
      version++;
      await record('retention.held', actor, { reason, dueAt: s.dueAt, destroying: s.destroying });
      return status();
    },
    {
      validator: ({ actor, reason }) => {
        const verdict = check('retention.hold', actor.role);
        if (!verdict.ok) reject(`${verdict.reason} (${actor.id})`);
        if (!reason?.trim()) reject('a litigation hold needs a reason');
        if (s.certificate) reject(`the personal data of incident ${incidentId} is already destroyed`);
        if (s.hold) reject(`retention of incident ${incidentId} is already held (since ${s.hold.at}, by ${s.hold.by})`);
      },
    },
  );
  setHandler(
    releaseRetentionUpdate,
    async ({ actor, reason }) => {
      const now = Date.now();
      // The current hold is the last of `holds` (after continue-as-new `s.hold` is a copy of it).
      const hold = s.holds[s.holds.length - 1];
      Object.assign(hold, {
        releasedBy: actor.id,
        releasedAt: new Date(now).toISOString(),
        ...(reason ? { releaseReason: reason } : {}),
      });
      // The full period runs again from the release.
      s.dueAt = plus(now, policy.recipientDataDays);
      if (!s.outboxDone) s.outboxDueAt = plus(now, policy.outboxDays);
      s.hold = null;
      version++;
      await record('retention.released', actor, {
        ...(reason ? { reason } : {}),
        heldSince: hold.at,
        dueAt: s.dueAt,
        outboxDueAt: s.outboxDueAt,
      });
      return status();
    },
    {
      validator: ({ actor }) => {
        const verdict = check('retention.hold', actor.role);
        if (!verdict.ok) reject(`${verdict.reason} (${actor.id})`);
        if (!s.hold) reject(`retention of incident ${incidentId} is not held`);
      },
    },
  );

  const process = () => ({
    workflowType: workflowInfo().workflowType,
    workflowId: workflowInfo().workflowId,
    runId: workflowInfo().runId,
  });

  /** Runs batches until done; false when a hold stopped it between two batches. */
  async function drain(step: 'erasePeopleBatch' | 'eraseOutboxBatch'): Promise<boolean> {
    for (;;) {
      if (s.hold) return false;
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof retentionWorkflow>({ ...input, carried: s });
      }
      const r = await eraser[step](batch);
      if (r.done) return true;
    }
  }

  async function destroy(scope: 'outbox' | 'all'): Promise<boolean> {
    s.destroying = true;
    s.startedAt ??= new Date().toISOString();
    try {
      if (scope === 'all' && !(await drain('erasePeopleBatch'))) return false;
      // Files after their rows: an erased person's copies are found through their deliveries.
      if (!(await drain('eraseOutboxBatch'))) return false;
      const cert = await eraser.certifyDestruction({ incidentId, scope, process: process(), startedAt: s.startedAt });
      await record(scope === 'all' ? 'retention.destroyed' : 'retention.outbox-destroyed', SYSTEM_ACTOR, {
        certificate: cert,
      });
      if (scope === 'all') s.certificate = cert;
      else s.outboxCertificate = cert;
      s.outboxDone = true;
      s.startedAt = null;
      return true;
    } finally {
      s.destroying = false;
    }
  }

  while (!s.certificate) {
    if (s.hold) {
      await condition(() => !s.hold);
      continue;
    }
    const due = Date.parse(s.dueAt);
    const outboxDue = Date.parse(s.outboxDueAt);
    const next = s.outboxDone ? due : Math.min(due, outboxDue);
    if (next > Date.now()) {
      const seen = version;
      await condition(() => version !== seen, next - Date.now());
      continue;
    }
    if (Date.now() >= due) await destroy('all');
    else await destroy('outbox');
  }
  await condition(allHandlersFinished);
  return s.certificate;
}
