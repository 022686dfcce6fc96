/** Messages of drillWorkflow, imported by the API and the CLI. */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { z } from 'zod';
import { Role } from '../../domain/actor';
import type { DrillReport } from '../../domain/drill-score';

export const DrillId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '1-40 lower-case letters, digits or "-"');

export const DrillInput = z.object({
  drillId: DrillId,
  planId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('default'),
  scenarioId: z.string().regex(/^[a-z0-9-]+$/),
  /** People of the plan who take part; they act through the API, and only they receive anything. */
  participants: z.array(z.email()).default([]),
  /** Receives what authorities and affected people would have; default the first participant, else the plan's contact. */
  standIn: z.email().optional(),
  /** Roles the script plays; default every role no participant holds. */
  scriptedRoles: z.array(Role).optional(),
  /** Hours each scripted role takes to act, over the scenario's own. */
  responseHours: z
    .partialRecord(
      Role,
      z
        .number()
        .nonnegative()
        .max(24 * 365),
    )
    .default({}),
});
export type DrillInput = z.input<typeof DrillInput>;

export interface DrillOutcome {
  incidentId: string;
  missedLegalDeadline: boolean;
  misses: string[];
  meanStepHours: number | null;
}

/** The drill incident tells its drill that something happened, so the script looks again. */
export const drillNudgeSignal = defineSignal('drillNudge');
export const drillIncidentQuery = defineQuery<string | null>('drillIncident');

export type { DrillReport };
