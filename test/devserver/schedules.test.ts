/** Temporal Schedules on the dev server, driven by the real client, with time skipped. */
import { Client, Connection, ScheduleOverlapPolicy, type ScheduleHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../devserver';
import { installTestRuntime } from '../harness/runtime';
import { workflowBundle } from './env';

const DAY = 86_400_000;
let server: DevServer;
let client: Client;
let connection: Connection;
let nativeConnection: NativeConnection;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  installTestRuntime();
  // Monday 2 March 2026, 08:00 UTC = 09:00 in Berlin.
  server = await startDevServer({ time: 'skipping', startTime: new Date('2026-03-02T08:00:00Z') });
  nativeConnection = await NativeConnection.connect({ address: server.address });
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
  worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'schedules',
    workflowBundle: await workflowBundle(),
    activities: { echo: async (s: string) => `echo ${s}` },
  });
  running = worker.run();
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
  await server.close();
});

const workdays9 = (id: string, overlap?: ScheduleOverlapPolicy) =>
  client.schedule.create({
    scheduleId: id,
    spec: { cronExpressions: ['0 9 * * MON-FRI'], timezone: 'Europe/Berlin' },
    action: {
      type: 'startWorkflow',
      workflowType: 'activityAndTimer',
      args: [id],
      taskQueue: 'schedules',
      workflowId: `${id}-run`,
    },
    ...(overlap ? { policies: { overlap } } : {}),
  });

const actionIds = async (h: ScheduleHandle) =>
  (await h.describe()).info.recentActions.map((a) => a.action.workflow.workflowId);

describe('schedules on the dev server', () => {
  it('fires a cron schedule in its time zone, on workdays only, naming each run by its time', async () => {
    const h = await workdays9('drill-a');
    // 09:00 Berlin is 08:00 UTC in March (before the 29 March DST change).
    expect((await h.describe()).info.nextActionTimes.slice(0, 4).map((t) => t.toISOString())).toEqual([
      '2026-03-03T08:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
      '2026-03-05T08:00:00.000Z',
      '2026-03-06T08:00:00.000Z',
    ]);
    await server.sleep(6 * DAY); // to Sunday 8 March 08:00 UTC: Tue–Fri fired, Saturday did not
    expect(await actionIds(h)).toEqual([
      'drill-a-run-2026-03-03T08:00:00Z',
      'drill-a-run-2026-03-04T08:00:00Z',
      'drill-a-run-2026-03-05T08:00:00Z',
      'drill-a-run-2026-03-06T08:00:00Z',
    ]);
    // Each started workflow ran on the worker (the hour-long timer inside it was skipped too).
    const result = await client.workflow.getHandle('drill-a-run-2026-03-03T08:00:00Z').result();
    expect(result).toBe('echo drill-a after an hour');
    await h.delete();
  });

  it('pause skips actions, unpause resumes, trigger starts one now; list, update and delete', async () => {
    const h = await workdays9('drill-b');
    await h.pause('public holiday');
    await server.sleep(DAY);
    let d = await h.describe();
    expect(d.state).toMatchObject({ paused: true, note: 'public holiday' });
    expect(d.info.numActionsTaken).toBe(0);

    await h.unpause();
    await h.trigger();
    d = await h.describe();
    expect(d.state.paused).toBe(false);
    expect(d.info.numActionsTaken).toBe(1);

    const listed: string[] = [];
    for await (const s of client.schedule.list()) listed.push(s.scheduleId);
    expect(listed).toContain('drill-b');

    await h.update((prev) => ({ ...prev, spec: { intervals: [{ every: '1h' }] } }));
    const next = (await h.describe()).info.nextActionTimes;
    expect(next[1].getTime() - next[0].getTime()).toBe(3_600_000);

    await h.delete();
    await expect(h.describe()).rejects.toThrow(/not found/);
  });

  it('overlap policy skip: no second run while the first still runs', async () => {
    const h = await client.schedule.create({
      scheduleId: 'drill-c',
      spec: { intervals: [{ every: '30m' }] },
      // The workflow waits an hour, so the action 30 minutes later overlaps it.
      action: {
        type: 'startWorkflow',
        workflowType: 'activityAndTimer',
        args: ['c'],
        taskQueue: 'schedules',
        workflowId: 'drill-c-run',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
    await server.sleep(61 * 60_000);
    const d = await h.describe();
    expect(d.info.numActionsTaken).toBe(1);
    expect(d.info.numActionsSkippedOverlap).toBeGreaterThanOrEqual(1);
    await h.delete();
  });

  it('refuses a bad spec with the field and the reason', async () => {
    await expect(
      client.schedule.create({
        scheduleId: 'bad',
        spec: { cronExpressions: ['61 * * * *'] },
        action: { type: 'startWorkflow', workflowType: 'activityAndTimer', args: [], taskQueue: 'schedules' },
      }),
    ).rejects.toMatchObject({
      cause: { code: 3, details: expect.stringMatching(/cron_string\[0\].*minute 61 out of range/) },
    });
  });
});
