/**
 * Update handlers and their validators. Validators only read state: a rejection leaves no trace.
 * Handlers write the ledger entry first and change state after, so the main loop, woken by the
 * change, can never record its consequence before the cause.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor';
import { check, type Action, type PermissionContext } from '../../domain/permissions';
import { IncidentFacts } from '../../domain/facts';
import { installInvestigationHandlers } from './investigation-handlers';
import {
  closeUpdate,
  confirmContainmentUpdate,
  decideNoticeUpdate,
  recordFilingUpdate,
  statusQuery,
  updateFactsUpdate,
  type Ack,
  type FactsChange,
} from './messages';
import { draftNotice, type NoticeContext } from './notice';
import { currentApprovals, isSettled, openActionItems, pendingApprovals, type NoticeState } from './state';

function reject(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'UpdateRejected');
}
/** The same permission table as the API's routes. */
function allow(action: Action, actor: Actor, ctx: PermissionContext = {}): void {
  const verdict = check(action, actor.role, ctx);
  if (!verdict.ok) reject(`${verdict.reason} (${actor.id})`);
}

export interface HandlerDeps {
  reassess(actor: Actor, reason: string): Promise<Omit<FactsChange, 'redrafted'>>;
  /** False until the plan is loaded and the first assessment recorded. */
  ready(): boolean;
  /** True once the review was scheduled at containment: its action items must be settled to close. */
  reviewTracked(): boolean;
}

/**
 * Installed before the workflow's first await, so a query or update arriving with the first
 * workflow task finds its handler. Updates that arrive before the incident is set up are accepted
 * and wait for it. Handlers run one at a time (they await activities, and two interleaved half-way
 * could, say, approve a draft that a concurrent facts change is replacing); each is checked again
 * by its validator when its turn comes, against the state the earlier ones left.
 */
export function installHandlers(ctx: NoticeContext, { reassess, ready, reviewTracked }: HandlerDeps): void {
  const { state, record, onDelivered } = ctx;
  let busy = false;
  function register<Ret, Arg>(
    def: UpdateDefinition<Ret, [Arg]>,
    handle: (arg: Arg) => Promise<Ret>,
    validate: (arg: Arg) => void,
  ): void {
    setHandler(
      def,
      async (arg: Arg) => {
        // The turn is taken inside the condition: conditions unblocked in one pass (or evaluated
        // eagerly in one activation) resume later, so a flag set after the await lets two through.
        await condition(() => {
          if (!ready() || busy) return false;
          busy = true;
          return true;
        });
        try {
          validate(arg);
          return await handle(arg);
        } finally {
          busy = false;
        }
      },
      {
        validator: (arg: Arg) => {
          if (ready()) validate(arg);
        },
      },
    );
  }
  const ack = (): Ack => ({ ok: true, at: new Date().toISOString() });
  const notice = (id: string): NoticeState =>
    state.notices.find((n) => n.id === id) ?? reject(`no notice "${id}" on incident ${state.id}`);
  const open = (): void => {
    if (state.phase === 'closed') reject(`incident ${state.id} is closed`);
  };

  setHandler(statusQuery, () => ({
    ...state,
    now: new Date().toISOString(),
    pendingApprovals: pendingApprovals(state),
  }));

  register(
    updateFactsUpdate,
    async ({ actor, facts, reason }) => {
      const before = new Set(state.notices.filter((n) => !isSettled(n)).map((n) => n.id));
      state.facts = IncidentFacts.parse({ ...state.facts, ...facts });
      await record('facts.updated', actor, { changed: Object.keys(facts), facts, ...(reason ? { reason } : {}) });
      const change = await reassess(actor, reason ?? 'facts updated');
      // Notices not yet delivered are redrafted from the new facts; their approvals lapse with the old text.
      const redrafted = state.notices.filter((n) => before.has(n.id) && !isSettled(n) && n.status !== 'sending');
      for (const n of redrafted) n.stale = true;
      return { ...change, redrafted: redrafted.map((n) => n.id) };
    },
    ({ actor, facts }) => {
      open();
      allow('facts.update', actor);
      const merged = IncidentFacts.safeParse({ ...state.facts, ...facts });
      if (!merged.success)
        reject(`facts invalid: ${merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    },
  );

  register(
    confirmContainmentUpdate,
    async ({ actor, note }) => {
      const at = new Date().toISOString();
      await record('containment.confirmed', actor, note ? { note } : {});
      state.containedAt = at;
      return ack();
    },
    ({ actor }) => {
      open();
      allow('containment.confirm', actor);
      if (state.containedAt) reject(`containment already confirmed at ${state.containedAt}`);
    },
  );

  register(
    decideNoticeUpdate,
    async ({ actor, noticeId, decision, reason, delayReason }) => {
      const n = notice(noticeId);
      if (delayReason && delayReason !== n.delayReason) {
        // The reasons for delay become part of the notice, so it is rendered again before approval.
        n.delayReason = delayReason;
        await draftNotice(ctx, n);
        if (!n.draft || n.status !== 'awaiting-approval')
          reject(`notice ${noticeId} could not be redrafted: ${n.draftError ?? n.status}`);
      }
      const draft = n.draft;
      if (!draft) reject(`notice ${noticeId} has no draft`);
      const decided = {
        by: actor.id,
        role: actor.role,
        decision,
        at: new Date().toISOString(),
        contentHash: draft.contentHash,
        ...(reason ? { reason } : {}),
      };
      const approvals = currentApprovals({ ...n, decisions: [...n.decisions, decided] }).length;
      await record(decision === 'approve' ? 'notice.approved' : 'notice.rejected', actor, {
        noticeId,
        contentHash: draft.contentHash,
        approvals,
        needed: n.requiredApprovals,
        ...(reason ? { reason } : {}),
        ...(delayReason ? { delayReason } : {}),
      });
      n.decisions.push(decided);
      return ack();
    },
    ({ actor, noticeId, decision, reason, contentHash, delayReason }) => {
      open();
      allow('notice.decide', actor, { approverRoles: ctx.plan.approvals.roles });
      const n = notice(noticeId);
      if (n.status !== 'awaiting-approval' || !n.draft)
        reject(`notice ${noticeId} is ${n.status}, not awaiting approval`);
      if (n.stale) reject(`notice ${noticeId} is being redrafted after a change of facts or deadline; read it again`);
      if (contentHash && contentHash !== n.draft.contentHash)
        reject(`notice ${noticeId} changed since you read it (content hash ${n.draft.contentHash})`);
      if (decision === 'reject' && !reason) reject('a rejection needs a reason');
      if (decision === 'approve' && currentApprovals(n).some((d) => d.by === actor.id))
        reject(`${actor.id} already approved this version of ${noticeId}; another approver is needed`);
      const late = Date.now() >= Date.parse(n.clockDueAt); // the clock has run out: the deadline has passed or is now
      if (decision === 'approve' && late && !n.delayReason && !delayReason) {
        reject(
          `notice ${noticeId} is past its deadline (${n.clockDueAt}): approving it needs delayReason, which the notice must state (${n.obligation.citation})`,
        );
      }
    },
  );

  register(
    recordFilingUpdate,
    async ({ actor, noticeId, reference, filedAt, channel }) => {
      const n = notice(noticeId);
      const at = filedAt ? new Date(filedAt).toISOString() : new Date().toISOString();
      const delivery = { at, by: actor.id, channel: channel ?? n.channel.kind, reference };
      await record('notice.filed', actor, {
        noticeId,
        reference,
        filedAt: at,
        channel: delivery.channel,
        late: Date.parse(at) >= Date.parse(n.clockDueAt),
      });
      n.delivery = delivery;
      n.status = 'filed';
      await onDelivered(n);
      return ack();
    },
    ({ actor, noticeId, filedAt }) => {
      open();
      allow('notice.file', actor);
      const n = notice(noticeId);
      if (n.status !== 'awaiting-filing' && n.status !== 'send-failed')
        reject(
          `notice ${noticeId} is ${n.status}; only an approved notice awaiting filing (or whose sending failed) can be recorded as filed`,
        );
      if (filedAt && Date.parse(filedAt) > Date.now()) reject('filedAt is in the future');
    },
  );

  installInvestigationHandlers({ state, record, register, reject, allow, open, ack, reviewTracked });

  register(
    closeUpdate,
    async ({ actor, reason }) => {
      await record('incident.close-requested', actor, reason ? { reason } : {});
      state.closeRequested = { by: actor.id, ...(reason ? { reason } : {}) };
      return ack();
    },
    ({ actor }) => {
      open();
      allow('incident.close', actor);
      if (!state.review) reject('close needs the lessons-learned review first (recordReview)');
      const open_ = state.notices.filter((n) => !isSettled(n)).map((n) => `${n.id} (${n.status})`);
      if (open_.length) reject(`notices still open: ${open_.join(', ')}`);
      const tasks = state.tasks.filter((t) => !t.doneAt).map((t) => `${t.id} (${t.role})`);
      if (tasks.length) reject(`tasks not done: ${tasks.join(', ')}`);
      const items = reviewTracked()
        ? openActionItems(state).map((i) => `${i.id} "${i.title}" (${i.owner.role}, due ${i.dueAt})`)
        : [];
      if (items.length)
        reject(
          `action items still open: ${items.join(', ')}; complete them (completeActionItem) or have a manager accept them as open (acceptActionItem)`,
        );
    },
  );
}
