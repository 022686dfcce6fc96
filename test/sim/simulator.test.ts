/**
 * The simulator's own tests: one (small, inline) workflow per behaviour it promises. Workflow code
 * here imports '@temporalio/workflow' exactly like workflows/ does, so jest hands it the simulator.
 */
import { Context } from '@temporalio/activity';
import { WorkflowFailedError, WorkflowUpdateFailedError, QueryNotRegisteredError } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Duration, type RetryPolicy } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import { createSimulatorHarness, type SimulatorHarness, type SimulatorHarnessOptions } from '../harness/simulator-backend';

const START = Date.parse('2030-01-01T00:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const OriginalDate = Date;
const originalRandom = Math.random;

const harnesses: SimulatorHarness[] = [];
async function harness(activities: SimulatorHarnessOptions['activities'] = {}, extra: Partial<SimulatorHarnessOptions> = {}) {
  // `workflows: {}`: these tests pass workflow functions, never names from workflows/.
  const h = await createSimulatorHarness({ activities, startTime: new Date(START), workflows: {}, ...extra });
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.teardown();
});
const start = <A extends unknown[], R>(h: SimulatorHarness, fn: (...args: A) => Promise<R>, workflowId: string, ...args: A) =>
  h.client.workflow.start(fn, { workflowId, taskQueue: h.taskQueue, args });

// --- definitions shared by the workflows below ----------------------------------------------------
const addItem = wf.defineSignal<[string]>('addItem');
const open = wf.defineSignal('open');
const items = wf.defineQuery<string[]>('items');
const now = wf.defineQuery<number>('now');
const approve = wf.defineUpdate<string, [string]>('approve');
const setLimit = wf.defineUpdate<number, [number]>('setLimit');
const state = wf.defineQuery<{ limit: number; handled: number }>('state');
const history = wf.defineQuery<number>('history');

describe('definitions', () => {
  it('have the shape of the real SDK (clients read only .name)', () => {
    expect(addItem).toEqual({ type: 'signal', name: 'addItem' });
    expect(items).toEqual({ type: 'query', name: 'items' });
    expect(approve).toEqual({ type: 'update', name: 'approve' });
  });
});

describe('signals and updates', () => {
  async function lateSignalHandler(): Promise<string[]> {
    const received: string[] = [];
    wf.setHandler(items, () => received);
    await wf.sleep('1 hour');
    wf.setHandler(addItem, (x) => { received.push(x); });
    await wf.condition(() => received.length >= 3);
    return received;
  }

  it('buffers signals sent before the handler exists and delivers them in order', async () => {
    const h = await harness();
    const handle = await start(h, lateSignalHandler, 'sig-1');
    await handle.signal(addItem, 'a');
    await handle.signal(addItem, 'b');
    expect(await handle.query(items)).toEqual([]);
    await h.sleep(HOUR);
    expect(await handle.query(items)).toEqual(['a', 'b']);
    await handle.signal(addItem, 'c');
    expect(await handle.result()).toEqual(['a', 'b', 'c']);
  });

  async function gatedUpdates(): Promise<string[]> {
    const approvals: string[] = [];
    let opened = false;
    wf.setHandler(items, () => approvals);
    wf.setHandler(open, () => { opened = true; });
    await wf.condition(() => opened);
    wf.setHandler(approve, (who) => { approvals.push(who); return `approved by ${who}`; });
    await wf.condition(() => approvals.length >= 2 && wf.allHandlersFinished());
    return approvals;
  }

  it('delivers updates that arrived before setHandler in the same activation, in order', async () => {
    const h = await harness();
    const handle = await start(h, gatedUpdates, 'upd-1');
    const first = handle.executeUpdate(approve, { args: ['ann'] });
    const second = handle.executeUpdate(approve, { args: ['bob'] });
    await handle.signal(open);
    expect(await first).toBe('approved by ann');
    expect(await second).toBe('approved by bob');
    expect(await handle.result()).toEqual(['ann', 'bob']);
  });

  it('rejects an update still without a handler once the workflow is idle (as the SDK does)', async () => {
    const h = await harness();
    const handle = await start(h, gatedUpdates, 'upd-2');
    const err = await handle.executeUpdate(approve, { args: ['ann'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause?.message).toBe('No registered handler for update: approve');
    expect(await handle.query(items)).toEqual([]);
  });

  async function slowApprovals(): Promise<string[]> {
    const approvals: string[] = [];
    let requested = false;
    wf.setHandler(approve, async (who) => {
      requested = true;
      await wf.sleep('1 minute');
      approvals.push(who);
      return `approved by ${who}`;
    });
    await wf.condition(() => requested);
    await wf.condition(wf.allHandlersFinished);
    return approvals;
  }

  it('allHandlersFinished is false while an update handler is still running', async () => {
    const h = await harness();
    const handle = await start(h, slowApprovals, 'upd-4');
    const pending = handle.executeUpdate(approve, { args: ['cy'] });
    await h.sleep(MIN - 1);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await h.sleep(1);
    expect(await pending).toBe('approved by cy');
    expect(await handle.result()).toEqual(['cy']);
  });

  async function validated(): Promise<number> {
    let limit = 10;
    let handled = 0;
    wf.setHandler(state, () => ({ limit, handled }));
    wf.setHandler(setLimit, (n) => {
      handled++;
      if (n === 13) throw wf.ApplicationFailure.create({ message: 'unlucky', type: 'Unlucky' });
      limit = n;
      return limit;
    }, { validator: (n) => { if (n < 0) throw new Error(`limit must be >= 0, got ${n}`); } });
    await wf.condition(() => limit === 0);
    return handled;
  }

  it('a throwing validator rejects the update and leaves no trace', async () => {
    const h = await harness();
    const handle = await start(h, validated, 'val-1');
    const before = await h.historyLength('val-1');
    const err = await handle.executeUpdate(setLimit, { args: [-1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause?.message).toBe('limit must be >= 0, got -1');
    expect(await handle.query(state)).toEqual({ limit: 10, handled: 0 });
    expect(await h.historyLength('val-1')).toBe(before);
    expect(await handle.executeUpdate(setLimit, { args: [5] })).toBe(5);
    expect(await h.historyLength('val-1')).toBeGreaterThan(before);
  });

  it('an ApplicationFailure in an update handler fails the update, not the workflow', async () => {
    const h = await harness();
    const handle = await start(h, validated, 'val-2');
    const err = await handle.executeUpdate(setLimit, { args: [13] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('Unlucky');
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await handle.executeUpdate(setLimit, { args: [0] })).toBe(0);
    expect(await handle.result()).toBe(2);
  });

  async function brokenUpdate(): Promise<void> {
    wf.setHandler(approve, (who) => (who as unknown as { x: { y: string } }).x.y);
    await wf.condition(() => false);
  }

  it('a non-Temporal error in an update handler fails the workflow task, loudly', async () => {
    const h = await harness();
    const handle = await start(h, brokenUpdate, 'upd-3');
    await expect(handle.executeUpdate(approve, { args: ['x'] })).rejects.toThrow(/Workflow task failed.*Cannot read properties of undefined/);
    await expect(handle.result()).rejects.toThrow(/retry it forever/);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});

describe('queries', () => {
  async function listing(): Promise<void> {
    const list = ['x'];
    wf.setHandler(items, () => list);
    await wf.condition(() => false);
  }

  it('throws for an unknown query and returns JSON copies of state', async () => {
    const h = await harness();
    const handle = await start(h, listing, 'q-1');
    await expect(handle.query('nope')).rejects.toBeInstanceOf(QueryNotRegisteredError);
    const copy = await handle.query(items);
    copy.push('mutated');
    expect(await handle.query(items)).toEqual(['x']);
  });
});

describe('conditions and timers', () => {
  const resolvedAt = wf.defineQuery<number | null>('resolvedAt');
  async function waitForOpen(timeout: Duration): Promise<{ ok: boolean; at: number; nextSleep: number }> {
    let opened = false;
    let at: number | null = null;
    wf.setHandler(open, () => { opened = true; });
    wf.setHandler(resolvedAt, () => at);
    const ok = await wf.condition(() => opened, timeout);
    at = Date.now();
    await wf.sleep('2 hours'); // passes the condition's timeout timer, which must be gone once cancelled
    return { ok, at, nextSleep: Date.now() - at };
  }

  it('condition with timeout resolves false exactly at the timeout', async () => {
    const h = await harness();
    const handle = await start(h, waitForOpen, 'cond-1', '1 hour');
    await h.sleep(HOUR - 1);
    expect(await handle.query(resolvedAt)).toBeNull();
    await h.sleep(1);
    expect(await handle.query(resolvedAt)).toBe(START + HOUR);
    expect(await handle.result()).toEqual({ ok: false, at: START + HOUR, nextSleep: 2 * HOUR });
    // started+task 4, TimerStarted 1, TimerFired+task 4, TimerStarted 1, TimerFired+task 4, completed 1
    expect(await h.historyLength('cond-1')).toBe(15);
  });

  it('condition with timeout resolves true when the predicate holds first', async () => {
    const h = await harness();
    const handle = await start(h, waitForOpen, 'cond-2', '1 hour');
    await h.sleep(30 * MIN);
    await handle.signal(open);
    expect(await handle.result()).toEqual({ ok: true, at: START + 30 * MIN, nextSleep: 2 * HOUR });
    // as above, but the timeout timer is Signaled+task 4 and TimerCanceled 1 instead of fired
    expect(await h.historyLength('cond-2')).toBe(16);
  });

  it('fires timers of all workflows in time order, and result() skips to the next timer', async () => {
    const h = await harness();
    const woke: string[] = [];
    async function napper(label: string, ms: number): Promise<number> {
      await wf.sleep(ms);
      woke.push(`${label}@${Date.now() - START}`);
      return Date.now();
    }
    await start(h, napper, 'nap-a', 'a', 3000);
    await start(h, napper, 'nap-b', 'b', 1000);
    const c = await start(h, napper, 'nap-c', 'c', 2000);
    await h.sleep(2500);
    expect(woke).toEqual(['b@1000', 'c@2000']);
    expect(await h.now()).toBe(START + 2500);
    const d = await start(h, napper, 'nap-d', 'd', 10 * HOUR);
    expect(await d.result()).toBe(START + 2500 + 10 * HOUR);
    expect(woke).toEqual(['b@1000', 'c@2000', 'a@3000', `d@${2500 + 10 * HOUR}`]);
    expect(await c.result()).toBe(START + 2000);
  });

  it('reports a workflow blocked forever instead of hanging', async () => {
    const h = await harness({}, { idleTimeoutMs: 20 });
    async function stuck(): Promise<void> { await wf.condition(() => false); }
    const handle = await start(h, stuck, 'stuck-1');
    await expect(handle.result()).rejects.toThrow(/blocked with no timers or activities/);
  });

  it('runs a 5,000-timer workflow quickly', async () => {
    const h = await harness();
    async function ticker(n: number): Promise<number> {
      let ticks = 0;
      for (let i = 0; i < n; i++) { await wf.sleep('1 minute'); ticks++; }
      return ticks;
    }
    const began = Date.now();
    const handle = await start(h, ticker, 'tick-1', 5000);
    expect(await handle.result()).toBe(5000);
    expect(await h.now()).toBe(START + 5000 * MIN);
    expect(Date.now() - began).toBeLessThan(10_000);
  });
});

describe('determinism', () => {
  const clockActivities = { async realNow() { return Date.now(); }, async realRandom() { return Math.random(); } };

  async function clocks(): Promise<Record<string, unknown>> {
    const acts = wf.proxyActivities<typeof clockActivities>({ startToCloseTimeout: '1 minute' });
    wf.setHandler(now, () => Date.now());
    const t0 = Date.now();
    const d0 = new Date().getTime();
    await wf.sleep('1 day');
    return { t0, d0, t1: Date.now(), d1: new Date().toISOString(), activityNow: await acts.realNow(), isDate: new Date() instanceof Date };
  }

  it('Date is virtual in workflow code and handlers, real in activities and tests', async () => {
    const h = await harness(clockActivities);
    const handle = await start(h, clocks, 'clock-1');
    await h.sleep(5 * MIN);
    expect(await handle.query(now)).toBe(START + 5 * MIN);
    const realBefore = Date.now();
    const r = await handle.result();
    expect(r).toMatchObject({ t0: START, d0: START, t1: START + 24 * HOUR, d1: new Date(START + 24 * HOUR).toISOString(), isDate: true });
    expect(r.activityNow).toBeGreaterThanOrEqual(realBefore);
    expect(r.activityNow).toBeLessThanOrEqual(Date.now());
  });

  it('restores Date and Math.random on teardown', async () => {
    const h = await harness();
    expect(Date).not.toBe(OriginalDate);
    await h.teardown();
    harnesses.splice(harnesses.indexOf(h), 1);
    expect(Date).toBe(OriginalDate);
    expect(Math.random).toBe(originalRandom);
  });

  async function randomness(): Promise<{ r: number[]; u: string[]; activity: number }> {
    const acts = wf.proxyActivities<typeof clockActivities>({ startToCloseTimeout: '1 minute' });
    return { r: [Math.random(), Math.random()], u: [wf.uuid4(), wf.uuid4()], activity: await acts.realRandom() };
  }

  it('Math.random and uuid4 repeat for the same workflowId and differ across ids', async () => {
    const one = await (await start(await harness(clockActivities), randomness, 'rand-1')).result();
    const again = await (await start(await harness(clockActivities), randomness, 'rand-1')).result();
    const other = await (await start(await harness(clockActivities), randomness, 'rand-2')).result();
    expect(again.r).toEqual(one.r);
    expect(again.u).toEqual(one.u);
    expect(other.r).not.toEqual(one.r);
    expect(one.u[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one.u[0]).not.toBe(one.u[1]);
    expect(again.activity).not.toBe(one.activity); // activities keep the real PRNG
  });
});

describe('activities', () => {
  class ValidationError extends Error {}
  type Outcome = { attempt?: number; elapsed: number; failed?: boolean; retryState?: string; causeType?: string | null; causeMessage?: string };

  function retryHarness(behaviour: (attempt: number) => void) {
    const attempts: number[] = [];
    const hp = harness({
      async flaky(): Promise<number> {
        const { attempt } = Context.current().info;
        attempts.push((await (await hp).now()) - START);
        behaviour(attempt);
        return attempt;
      },
    });
    return { hp, attempts };
  }

  async function retrying(retry: RetryPolicy | undefined): Promise<Outcome> {
    const { flaky } = wf.proxyActivities<{ flaky(): Promise<number> }>({ startToCloseTimeout: '1 minute', retry });
    const t0 = Date.now();
    try {
      return { attempt: await flaky(), elapsed: Date.now() - t0 };
    } catch (err) {
      if (!(err instanceof wf.ActivityFailure) || !(err.cause instanceof wf.ApplicationFailure)) throw err;
      return { failed: true, retryState: err.retryState, causeType: err.cause.type, causeMessage: err.cause.message, elapsed: Date.now() - t0 };
    }
  }

  it('retries with exponential backoff on the virtual clock', async () => {
    const { hp, attempts } = retryHarness((n) => { if (n <= 3) throw new Error(`boom ${n}`); });
    const handle = await start(await hp, retrying, 'retry-1', { initialInterval: '1s', backoffCoefficient: 2 });
    expect(await handle.result()).toEqual({ attempt: 4, elapsed: 7000 });
    expect(attempts).toEqual([0, 1000, 3000, 7000]);
  });

  it('caps intervals at maximumInterval (default 100x initial) and stops at maximumAttempts', async () => {
    const capped = retryHarness(() => { throw new Error('always'); });
    const handle = await start(await capped.hp, retrying, 'retry-2', { initialInterval: 1000, backoffCoefficient: 10, maximumInterval: '5s', maximumAttempts: 4 });
    expect(await handle.result()).toEqual({ failed: true, retryState: 'MAXIMUM_ATTEMPTS_REACHED', causeType: 'Error', causeMessage: 'always', elapsed: 11_000 });
    expect(capped.attempts).toEqual([0, 1000, 6000, 11_000]);

    const dflt = retryHarness((n) => { if (n <= 9) throw new Error('again'); });
    const h2 = await start(await dflt.hp, retrying, 'retry-3', undefined);
    expect(await h2.result()).toEqual({ attempt: 10, elapsed: (1 + 2 + 4 + 8 + 16 + 32 + 64 + 100 + 100) * 1000 });
  });

  it('stops at attempt 1 for nonRetryable failures and nonRetryableErrorTypes', async () => {
    const fatal = retryHarness(() => { throw ApplicationFailure.nonRetryable('nope', 'Fatal'); });
    const h1 = await start(await fatal.hp, retrying, 'nr-1', { maximumAttempts: 5 });
    expect(await h1.result()).toEqual({ failed: true, retryState: 'NON_RETRYABLE_FAILURE', causeType: 'Fatal', causeMessage: 'nope', elapsed: 0 });
    expect(fatal.attempts).toEqual([0]);

    const invalid = retryHarness(() => { throw new ValidationError('bad'); });
    const h2 = await start(await invalid.hp, retrying, 'nr-2', { nonRetryableErrorTypes: ['ValidationError'] });
    expect(await h2.result()).toMatchObject({ failed: true, retryState: 'NON_RETRYABLE_FAILURE', causeType: 'ValidationError' });
    expect(invalid.attempts).toEqual([0]);
  });

  it('passes heartbeat details to the next attempt', async () => {
    const seen: unknown[] = [];
    const h = await harness({
      async beating(): Promise<string> {
        const { attempt, heartbeatDetails } = Context.current().info;
        seen.push(heartbeatDetails);
        Context.current().heartbeat({ progress: attempt });
        if (attempt < 3) throw new Error('retry me');
        return 'done';
      },
    });
    async function beats(): Promise<string> {
      return wf.proxyActivities<{ beating(): Promise<string> }>({ startToCloseTimeout: '1 minute' }).beating();
    }
    expect(await (await start(h, beats, 'hb-1')).result()).toBe('done');
    expect(seen).toEqual([undefined, { progress: 1 }, { progress: 2 }]);
  });

  it('JSON round-trips workflow, activity, signal and query payloads (a Date becomes a string)', async () => {
    const h = await harness({ async echo(x: unknown) { return { sawType: typeof (x as { when: unknown }).when, made: new Date(0) }; } });
    const seen = wf.defineQuery<unknown>('seen');
    const stamp = wf.defineSignal<[Date]>('stamp');
    async function roundTrip(input: { when: Date }): Promise<Record<string, unknown>> {
      const { echo } = wf.proxyActivities<{ echo(x: unknown): Promise<{ sawType: string; made: unknown }> }>({ startToCloseTimeout: '1 minute' });
      let stamped: unknown;
      wf.setHandler(stamp, (d) => { stamped = d; });
      wf.setHandler(seen, () => ({ at: new Date(START) }));
      const out = await echo({ when: new Date() });
      await wf.condition(() => stamped !== undefined);
      return { argType: typeof input.when, activitySaw: out.sawType, activityReturned: typeof out.made, signalType: typeof stamped, returned: new Date(0) };
    }
    const handle = await start(h, roundTrip, 'json-1', { when: new Date(0) });
    expect(await handle.query(seen)).toEqual({ at: new Date(START).toISOString() });
    await handle.signal(stamp, new Date());
    expect(await handle.result()).toEqual({
      argType: 'string', activitySaw: 'string', activityReturned: 'string', signalType: 'string', returned: new Date(0).toISOString(),
    });
  });

  it('fails loudly on missing timeouts and unregistered activities', async () => {
    const h = await harness();
    async function noTimeout(): Promise<void> { await wf.proxyActivities<{ a(): Promise<void> }>({}).a(); }
    async function unknownActivity(): Promise<void> { await wf.proxyActivities<{ nope(): Promise<void> }>({ startToCloseTimeout: 1000 }).nope(); }
    await expect((await start(h, noTimeout, 'la-1')).result()).rejects.toThrow(/Required either scheduleToCloseTimeout or startToCloseTimeout/);
    await expect((await start(h, unknownActivity, 'la-2')).result()).rejects.toThrow(/Activity "nope" is not registered/);
  });
});

describe('workflow outcomes', () => {
  async function failing(kind: 'app' | 'bug'): Promise<void> {
    await wf.sleep(10);
    if (kind === 'app') throw wf.ApplicationFailure.create({ message: 'bad input', type: 'BadInput', details: [{ when: new Date(0) }] });
    JSON.parse('{not json');
  }

  it('an ApplicationFailure fails the workflow with WorkflowFailedError', async () => {
    const h = await harness();
    const err = await (await start(h, failing, 'fail-1', 'app')).result().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect([cause.type, cause.message, cause.details]).toEqual(['BadInput', 'bad input', [{ when: new Date(0).toISOString() }]]);
    expect((await h.client.workflow.getHandle('fail-1').describe()).status.name).toBe('FAILED');
  });

  it('any other error is a workflow task failure, reported loudly', async () => {
    const h = await harness();
    const err = await (await start(h, failing, 'fail-2', 'bug')).result().catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(WorkflowFailedError);
    expect(String(err)).toMatch(/Workflow task failed in failing \(workflowId fail-2\).*JSON/);
  });

  it('duplicate start of a running id throws; unknown ids are not found', async () => {
    const h = await harness();
    async function idle(): Promise<void> { await wf.sleep('1 day'); }
    await start(h, idle, 'dup-1');
    await expect(start(h, idle, 'dup-1')).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    const missing = h.client.workflow.getHandle('no-such-id');
    await expect(missing.result()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(missing.query(items)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(missing.signal(open)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(missing.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});

describe('child workflows and continue-as-new', () => {
  async function child(n: number): Promise<{ doubled: number; parent?: string }> {
    await wf.sleep('1 minute');
    if (n < 0) throw wf.ApplicationFailure.nonRetryable(`negative: ${n}`, 'Negative');
    return { doubled: n * 2, parent: wf.workflowInfo().parent?.workflowId };
  }
  async function parent(n: number): Promise<Record<string, unknown>> {
    const workflowId = `${wf.workflowInfo().workflowId}-child`;
    try {
      if (n > 0) return { ...(await wf.executeChild(child, { workflowId, args: [n] })), at: Date.now() };
      const handle = await wf.startChild(child, { workflowId, args: [n] });
      return { childId: handle.workflowId, result: await handle.result() };
    } catch (err) {
      if (!(err instanceof wf.ChildWorkflowFailure)) throw err;
      return { childFailed: true, causeType: (err.cause as ApplicationFailure).type, causeMessage: err.cause?.message };
    }
  }

  it('executeChild returns the child result', async () => {
    const h = await harness();
    expect(await (await start(h, parent, 'par-1', 21)).result()).toEqual({ doubled: 42, parent: 'par-1', at: START + MIN });
    expect((await h.client.workflow.getHandle('par-1-child').describe()).status.name).toBe('COMPLETED');
  });

  it('a failed child surfaces as ChildWorkflowFailure with the ApplicationFailure as cause', async () => {
    const h = await harness();
    expect(await (await start(h, parent, 'par-2', -1)).result()).toEqual({ childFailed: true, causeType: 'Negative', causeMessage: 'negative: -1' });
  });

  async function counter(n: number, runIds: string[]): Promise<Record<string, unknown>> {
    const info = wf.workflowInfo();
    const seen = [...runIds, info.runId];
    await wf.sleep('1 hour');
    if (n < 3) await wf.continueAsNew<typeof counter>(n + 1, seen);
    return { n, seen, workflowId: info.workflowId, continuedFrom: info.continuedFromExecutionRunId, historyAtStart: info.historyLength, at: Date.now() };
  }

  it('continue-as-new keeps the workflowId, counts runs, and result() follows the chain', async () => {
    const h = await harness();
    const handle = await start(h, counter, 'can-1', 0, []);
    const r = await handle.result();
    expect(r).toMatchObject({ n: 3, workflowId: 'can-1', historyAtStart: 4, at: START + 4 * HOUR });
    const seen = r.seen as string[];
    expect(new Set(seen).size).toBe(4);
    expect(r.continuedFrom).toBe(seen[2]);
    expect(h.runCount('can-1')).toBe(4);
    expect(await h.client.workflow.getHandle('can-1').result()).toEqual(r);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect((await h.client.workflow.getHandle('can-1', seen[0]).describe()).status.name).toBe('CONTINUED_AS_NEW');
  });
});

describe('history length', () => {
  async function busy(): Promise<number> {
    const { work } = wf.proxyActivities<{ work(): Promise<void> }>({ startToCloseTimeout: '1 minute' });
    wf.setHandler(history, () => wf.workflowInfo().historyLength);
    let sleeps = 0;
    while (!wf.workflowInfo().continueAsNewSuggested) {
      await wf.sleep('1 minute');
      await work();
      sleeps++;
    }
    return sleeps;
  }

  it('grows with activations, is visible in workflowInfo, and drives continueAsNewSuggested', async () => {
    const h = await harness({ async work() { /* no-op */ } }, { continueAsNewSuggestedAt: 40 });
    const handle = await start(h, busy, 'hist-1');
    const lengths = [await h.historyLength('hist-1')];
    for (let i = 0; i < 2; i++) {
      await h.sleep(MIN);
      lengths.push(await h.historyLength('hist-1'));
    }
    expect(lengths[1]).toBeGreaterThan(lengths[0]);
    expect(lengths[2]).toBeGreaterThan(lengths[1]);
    expect(await handle.query(history)).toBe(lengths[2]);
    // 4 at start, then per loop: timer (1 + 4) and activity (1 + 5) = 11 events; > 40 after 4 loops.
    expect(await handle.result()).toBe(4);
  });
});
