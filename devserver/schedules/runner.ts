/**
 * Temporal Schedules on the dev server: each schedule arms one timer for its next action time and,
 * when it fires, starts the action's workflow (id `<workflowId>-<time RFC 3339>`, as the real
 * server names it) unless the overlap policy says otherwise. Paused schedules keep their timer and
 * skip the action. Buffering overlap policies are refused rather than approximated.
 */
import { randomUUID } from 'node:crypto';
import type { Engine, Namespace } from '../engine';
import { alreadyStarted, invalidArgument, notFound, ServiceError } from '../errors';
import { int64, num, temporal, timestamp, timestampMs } from '../proto';
import { compileSpec, nextActionTimes, ScheduleSpecError, type CompiledSpec } from './spec';
import { status } from '@grpc/grpc-js';

type Schedule = temporal.api.schedule.v1.ISchedule;
type ActionResult = temporal.api.schedule.v1.IScheduleActionResult;
const Overlap = temporal.api.enums.v1.ScheduleOverlapPolicy;

/** The real server keeps the last 10 actions and shows the next 10 times. */
const RECENT = 10;

interface Entry {
  id: string;
  schedule: Schedule;
  compiled: CompiledSpec;
  memo: temporal.api.common.v1.IMemo | null | undefined;
  createTime: number;
  updateTime?: number;
  actionCount: number;
  overlapSkipped: number;
  recentActions: ActionResult[];
  running: { workflowId: string; runId: string }[];
  conflictToken: number;
  timer?: number;
}

function compile(schedule: Schedule | null | undefined): CompiledSpec {
  if (!schedule?.action?.startWorkflow) throw invalidArgument('schedule.action.start_workflow is required');
  if (!schedule.action.startWorkflow.workflowId)
    throw invalidArgument('schedule.action.start_workflow.workflow_id is required');
  const overlap = schedule.policies?.overlapPolicy ?? 0;
  if (
    overlap === Overlap.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE ||
    overlap === Overlap.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL
  ) {
    throw invalidArgument('the dev server does not support the BUFFER_ONE and BUFFER_ALL overlap policies');
  }
  try {
    return compileSpec(schedule.spec ?? {});
  } catch (e) {
    if (e instanceof ScheduleSpecError) throw invalidArgument(`schedule.spec: ${e.message}`);
    throw e;
  }
}

/** RFC 3339 at whole seconds, as the real server appends to scheduled workflow ids. */
const idTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export class Schedules {
  private readonly entries = new Map<string, Map<string, Entry>>();

  constructor(private readonly engine: Engine) {}

  private of(ns: Namespace): Map<string, Entry> {
    let m = this.entries.get(ns.name);
    if (!m) this.entries.set(ns.name, (m = new Map()));
    return m;
  }

  private entry(ns: Namespace, id: string): Entry {
    const e = this.of(ns).get(id);
    if (!e) throw notFound(`schedule "${id}" not found`);
    return e;
  }

  create(ns: Namespace, req: temporal.api.workflowservice.v1.ICreateScheduleRequest): object {
    const id = req.scheduleId ?? '';
    if (!id) throw invalidArgument('schedule_id is required');
    if (this.of(ns).has(id)) throw alreadyStarted(`schedule "${id}" is already registered`, req.requestId ?? '', '');
    const compiled = compile(req.schedule);
    const entry: Entry = {
      id,
      schedule: { ...req.schedule, spec: compiled.spec, state: { ...req.schedule?.state } },
      compiled,
      memo: req.memo,
      createTime: this.engine.now(),
      actionCount: 0,
      overlapSkipped: 0,
      recentActions: [],
      running: [],
      conflictToken: 1,
    };
    this.of(ns).set(id, entry);
    const patch = req.initialPatch;
    if (patch) this.applyPatch(ns, entry, patch);
    this.arm(ns, entry, this.engine.now());
    return { conflictToken: Buffer.from(String(entry.conflictToken)) };
  }

  describe(ns: Namespace, id: string): object {
    const e = this.entry(ns, id);
    this.refreshRunning(ns, e);
    return {
      schedule: e.schedule,
      info: {
        actionCount: e.actionCount,
        overlapSkipped: e.overlapSkipped,
        runningWorkflows: e.running,
        recentActions: e.recentActions,
        futureActionTimes: this.futureTimes(e, RECENT),
        createTime: timestamp(e.createTime),
        updateTime: e.updateTime ? timestamp(e.updateTime) : null,
      },
      memo: e.memo,
      conflictToken: Buffer.from(String(e.conflictToken)),
    };
  }

  list(ns: Namespace): object {
    const schedules = [...this.of(ns).values()].map((e) => ({
      scheduleId: e.id,
      memo: e.memo,
      info: {
        spec: e.schedule.spec,
        workflowType: e.schedule.action?.startWorkflow?.workflowType,
        notes: e.schedule.state?.notes ?? '',
        paused: e.schedule.state?.paused ?? false,
        recentActions: e.recentActions,
        futureActionTimes: this.futureTimes(e, RECENT),
      },
    }));
    return { schedules, nextPageToken: null };
  }

  update(ns: Namespace, req: temporal.api.workflowservice.v1.IUpdateScheduleRequest): object {
    const e = this.entry(ns, req.scheduleId ?? '');
    const token = req.conflictToken?.length ? Number(Buffer.from(req.conflictToken).toString()) : undefined;
    if (token !== undefined && token !== e.conflictToken) {
      throw new ServiceError(
        status.FAILED_PRECONDITION,
        `schedule "${e.id}" changed since it was read (conflict token)`,
      );
    }
    e.compiled = compile(req.schedule);
    e.schedule = { ...req.schedule, spec: e.compiled.spec };
    e.updateTime = this.engine.now();
    e.conflictToken++;
    this.arm(ns, e, this.engine.now());
    return {};
  }

  patch(ns: Namespace, req: temporal.api.workflowservice.v1.IPatchScheduleRequest): object {
    const e = this.entry(ns, req.scheduleId ?? '');
    if (req.patch) this.applyPatch(ns, e, req.patch);
    e.updateTime = this.engine.now();
    e.conflictToken++;
    return {};
  }

  delete(ns: Namespace, id: string): object {
    const e = this.entry(ns, id);
    this.engine.clock.cancel(e.timer);
    this.of(ns).delete(id);
    return {};
  }

  matchingTimes(ns: Namespace, req: temporal.api.workflowservice.v1.IListScheduleMatchingTimesRequest): object {
    const e = this.entry(ns, req.scheduleId ?? '');
    const end = timestampMs(req.endTime);
    const times = nextActionTimes(e.compiled, timestampMs(req.startTime), 1000).filter((t) => t.getTime() <= end);
    return { startTime: times.map((t) => timestamp(t.getTime())) };
  }

  private applyPatch(ns: Namespace, e: Entry, patch: temporal.api.schedule.v1.ISchedulePatch): void {
    const state = (e.schedule.state ??= {});
    if (patch.pause) Object.assign(state, { paused: true, notes: patch.pause });
    if (patch.unpause) Object.assign(state, { paused: false, notes: patch.unpause });
    if (patch.triggerImmediately) this.act(ns, e, this.engine.now(), patch.triggerImmediately.overlapPolicy ?? 0, true);
    for (const backfill of patch.backfillRequest ?? []) {
      const end = timestampMs(backfill.endTime);
      for (const t of nextActionTimes(e.compiled, timestampMs(backfill.startTime) - 1, 1000)) {
        if (t.getTime() > end) break;
        this.act(ns, e, t.getTime(), backfill.overlapPolicy ?? 0, true);
      }
    }
  }

  private futureTimes(e: Entry, count: number) {
    const state = e.schedule.state;
    if (state?.limitedActions && num(state.remainingActions) <= 0) return [];
    return nextActionTimes(e.compiled, this.engine.now(), count).map((t) => timestamp(t.getTime()));
  }

  /** One timer per schedule, for its next action time after `after`. */
  private arm(ns: Namespace, e: Entry, after: number): void {
    this.engine.clock.cancel(e.timer);
    e.timer = undefined;
    const [next] = nextActionTimes(e.compiled, after, 1);
    if (!next) return;
    const at = next.getTime();
    e.timer = this.engine.clock.schedule(at, () => {
      if (this.of(ns).get(e.id) !== e) return;
      if (!e.schedule.state?.paused) this.act(ns, e, at, 0, false);
      this.arm(ns, e, at);
    });
  }

  private refreshRunning(ns: Namespace, e: Entry): void {
    e.running = e.running.filter((r) => ns.current(r.workflowId)?.running);
  }

  /** Takes the action for `at`, honouring the overlap policy (0: the schedule's own, default SKIP). */
  private act(ns: Namespace, e: Entry, at: number, overlapOverride: number, manual: boolean): void {
    const state = (e.schedule.state ??= {});
    if (!manual && state.limitedActions && num(state.remainingActions) <= 0) return;
    this.refreshRunning(ns, e);
    const policy = overlapOverride || e.schedule.policies?.overlapPolicy || Overlap.SCHEDULE_OVERLAP_POLICY_SKIP;
    if (e.running.length > 0) {
      if (policy === Overlap.SCHEDULE_OVERLAP_POLICY_SKIP) {
        e.overlapSkipped++;
        return;
      }
      for (const r of e.running) {
        const run = ns.current(r.workflowId);
        if (!run?.running) continue;
        if (policy === Overlap.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER)
          this.engine.terminate(run, 'terminated by schedule overlap policy', '');
        if (policy === Overlap.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER)
          this.engine.requestCancel(run, 'cancelled by schedule overlap policy', '');
      }
    }
    const a = e.schedule.action!.startWorkflow!;
    const workflowId = `${a.workflowId}-${idTime(at)}`;
    try {
      const { run } = this.engine.start(ns, {
        workflowId,
        workflowType: a.workflowType?.name ?? '',
        taskQueue: a.taskQueue?.name ?? '',
        input: a.input,
        workflowExecutionTimeout: a.workflowExecutionTimeout,
        workflowRunTimeout: a.workflowRunTimeout,
        workflowTaskTimeout: a.workflowTaskTimeout,
        retryPolicy: a.retryPolicy,
        memo: a.memo,
        searchAttributes: a.searchAttributes,
        header: a.header,
        requestId: randomUUID(),
        identity: `schedule ${e.id}`,
      });
      e.actionCount++;
      if (state.limitedActions && !manual) state.remainingActions = int64(num(state.remainingActions) - 1);
      e.running.push({ workflowId, runId: run.runId });
      e.recentActions = [
        ...e.recentActions,
        {
          scheduleTime: timestamp(at),
          actualTime: timestamp(this.engine.now()),
          startWorkflowResult: { workflowId, runId: run.runId },
        },
      ].slice(-RECENT);
    } catch (err) {
      // A workflow of that id already runs (a manual trigger at the same second): count it as skipped.
      if (err instanceof ServiceError) e.overlapSkipped++;
      else throw err;
    }
  }
}
