/**
 * Drills on Temporal Schedules: one schedule per drill, starting drillWorkflow with the drill's
 * input. The schedule is the drill's definition; runs and their reports live in the store.
 */
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
} from '@temporalio/client';
import { z } from 'zod';
import type { drillWorkflow } from '../workflows/drill/workflow';
import { DrillId, DrillInput } from '../workflows/drill/messages';
import { HttpError } from './auth';

const SCHEDULE_PREFIX = 'drill-';

export const DrillSchedule = z
  .object({
    /** Cron, five fields (minute hour day month weekday), in `timeZone`. */
    cron: z.string().min(9).max(200).optional(),
    /** Or every N hours. */
    everyHours: z
      .number()
      .positive()
      .max(24 * 366)
      .optional(),
    timeZone: z
      .string()
      .min(1)
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone, e.g. Europe/Berlin'),
  })
  .refine((s) => Boolean(s.cron) !== Boolean(s.everyHours), { message: 'give either cron or everyHours' });

export const CreateDrill = DrillInput.extend({
  schedule: DrillSchedule,
  paused: z.boolean().default(false),
  note: z.string().max(500).optional(),
});
export type CreateDrill = z.infer<typeof CreateDrill>;

export const DrillSummary = z.object({
  id: DrillId,
  planId: z.string(),
  scenarioId: z.string(),
  participants: z.array(z.string()),
  schedule: z.object({ cron: z.string().optional(), everyHours: z.number().optional(), timeZone: z.string() }),
  paused: z.boolean(),
  note: z.string().nullable(),
  nextRuns: z.array(z.string()),
  recentRuns: z.array(z.object({ workflowId: z.string(), scheduledAt: z.string() })),
});
export type DrillSummary = z.infer<typeof DrillSummary>;

export class DrillNotFound extends HttpError {
  constructor(id: string) {
    super(404, `no drill "${id}"`);
  }
}

function summary(id: string, d: ScheduleDescription): DrillSummary {
  const action = d.action as { args?: unknown[] };
  const input = DrillInput.parse(action.args?.[0] ?? {});
  return {
    id,
    planId: input.planId,
    scenarioId: input.scenarioId,
    participants: input.participants,
    // The definition as the user gave it, kept in the memo (the spec comes back compiled to calendars).
    schedule: DrillSchedule.parse((d.memo as { schedule?: unknown } | undefined)?.schedule ?? { everyHours: 24 }),
    paused: d.state.paused,
    note: d.state.note ?? null,
    nextRuns: d.info.nextActionTimes.slice(0, 5).map((t) => t.toISOString()),
    recentRuns: d.info.recentActions.map((a) => ({
      workflowId: 'workflow' in a.action ? a.action.workflow.workflowId : '',
      scheduledAt: a.scheduledAt.toISOString(),
    })),
  };
}

export function createDrillScheduler(client: Client, taskQueue: string) {
  const handle = (id: string) => client.schedule.getHandle(SCHEDULE_PREFIX + id);
  async function describe(id: string): Promise<DrillSummary> {
    try {
      return summary(id, await handle(id).describe());
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) throw new DrillNotFound(id);
      throw err;
    }
  }
  /** Runs `fn` on an existing drill's schedule, 404 if there is none. */
  async function change(id: string, fn: (h: ReturnType<typeof handle>) => Promise<void>): Promise<DrillSummary> {
    await describe(id);
    await fn(handle(id));
    return describe(id);
  }
  return {
    describe,
    async create(body: CreateDrill): Promise<DrillSummary> {
      const { schedule, paused, note, ...input } = body;
      try {
        await client.schedule.create({
          scheduleId: SCHEDULE_PREFIX + input.drillId,
          spec: {
            ...(schedule.cron ? { cronExpressions: [schedule.cron] } : {}),
            ...(schedule.everyHours ? { intervals: [{ every: `${schedule.everyHours}h` }] } : {}),
            timezone: schedule.timeZone,
          },
          action: {
            type: 'startWorkflow',
            workflowType: 'drillWorkflow' as unknown as typeof drillWorkflow,
            taskQueue,
            workflowId: SCHEDULE_PREFIX + input.drillId,
            args: [input],
          },
          // A drill still running when the next is due: the next is skipped, never stacked.
          policies: { overlap: ScheduleOverlapPolicy.SKIP },
          state: { paused, ...(note ? { note } : {}) },
          memo: { schedule },
        });
      } catch (err) {
        if (err instanceof ScheduleAlreadyRunning) throw new HttpError(409, `drill "${input.drillId}" already exists`);
        throw err;
      }
      return describe(input.drillId);
    },
    async list(): Promise<DrillSummary[]> {
      const out: DrillSummary[] = [];
      for await (const s of client.schedule.list()) {
        if (!s.scheduleId.startsWith(SCHEDULE_PREFIX)) continue;
        const id = s.scheduleId.slice(SCHEDULE_PREFIX.length);
        try {
          out.push(await describe(id));
        } catch (err) {
          if (!(err instanceof DrillNotFound)) throw err; // deleted while listing
        }
      }
      return out.sort((a, b) => a.id.localeCompare(b.id));
    },
    pause: (id: string, note?: string) => change(id, (h) => h.pause(note ?? 'paused')),
    unpause: (id: string, note?: string) => change(id, (h) => h.unpause(note ?? 'unpaused')),
    /** Starts a run now, whatever the schedule says (even paused). */
    trigger: (id: string) => change(id, (h) => h.trigger(ScheduleOverlapPolicy.ALLOW_ALL)),
    async remove(id: string): Promise<void> {
      await describe(id);
      await handle(id).delete();
    },
  };
}
export type DrillScheduler = ReturnType<typeof createDrillScheduler>;
