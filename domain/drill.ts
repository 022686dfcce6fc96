/**
 * Drills: the emergency plan rehearsed on a scripted scenario. A drill runs the real incident
 * workflow in drill mode; this module holds what drills are made of (scenarios, participants,
 * scripted responses) and the rules that keep a drill apart from real incidents.
 */
import { z } from 'zod';
import { Role } from './actor';
import { FactsPatch, IncidentFacts } from './facts';

/** Drill incidents carry this id prefix: kept apart from real incidents, lists and registers. */
export const DRILL_PREFIX = 'DRILL-';
export const isDrillIncident = (incidentId: string): boolean => incidentId.startsWith(DRILL_PREFIX);

const Hours = z
  .number()
  .nonnegative()
  .max(24 * 365);

/**
 * What a drill incident carries into the workflow. The send and filing activities do not trust
 * it: they read the participants from the store by incident id and refuse anyone else.
 */
export const DrillMode = z.object({
  drillId: z.string().min(1),
  scenarioId: z.string().min(1),
  /** The only addresses a drill may write to: people of the plan named in the drill. */
  participants: z.array(z.email()).min(1),
  /** Receives, in place of the authorities and the affected people, what they would have been sent. */
  standIn: z.email(),
});
export type DrillMode = z.infer<typeof DrillMode>;

/** A scripted event at an offset from the drill's start. */
export const ScriptedEvent = z.discriminatedUnion('kind', [
  /** New findings: the facts change (more records, another country, ...). */
  z.object({
    kind: z.literal('facts-change'),
    atHours: Hours,
    facts: FactsPatch.default({}),
    reason: z.string().min(1),
    /** Instants that become known, as hours from the drill's start (e.g. the materiality determination). */
    instantsAtHours: z
      .partialRecord(
        z.enum(['determinedAt', 'materialityDeterminedAt', 'classifiedMajorAt', 'ransomPaidAt']),
        z
          .number()
          .min(-24 * 365)
          .max(24 * 365),
      )
      .default({}),
  }),
  /** The responders confirm containment. */
  z.object({ kind: z.literal('containment'), atHours: Hours, note: z.string().optional() }),
  /** A role stops answering from this point: its scripted responses stop and escalation must cover it. */
  z.object({ kind: z.literal('no-answer'), atHours: Hours, role: Role }),
  /** A regulator asks a question: a finding the participants must answer and record. */
  z.object({ kind: z.literal('regulator-question'), atHours: Hours, question: z.string().min(1) }),
]);
export type ScriptedEvent = z.infer<typeof ScriptedEvent>;

/** Facts of a scenario: absolute instants are replaced by offsets from the drill's start. */
const ScenarioFacts = IncidentFacts.omit({
  awareAt: true,
  determinedAt: true,
  materialityDeterminedAt: true,
  classifiedMajorAt: true,
  ransomPaidAt: true,
}).extend({
  /** Hours after the drill's start at which the organisation became aware (negative: before it). */
  awareAtHours: z
    .number()
    .min(-24 * 365)
    .max(24 * 365)
    .default(0),
  determinedAtHours: z
    .number()
    .min(-24 * 365)
    .max(24 * 365)
    .optional(),
});

/** plans/<plan>/scenarios/<id>.json */
export const Scenario = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(300),
  /** What the exercise is for: the weakness it probes. */
  purpose: z.string().min(1),
  /** The kind of leak it simulates (ransomware, misdirected mail, open bucket, supplier breach, ...). */
  kind: z.string().min(1),
  /** Where a rehearsal's virtual clock starts (a Friday evening before a holiday, say); default now. */
  rehearsalStart: z.iso.datetime({ offset: true }).optional(),
  facts: ScenarioFacts,
  events: z.array(ScriptedEvent).default([]),
  /** How long each scripted role takes to act once it has something to do, in hours. */
  responseHours: z.partialRecord(Role, Hours).default({}),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** Default response time of a scripted role that the scenario does not set. */
export const DEFAULT_RESPONSE_HOURS = 1;

export function responseHours(scenario: Scenario, role: Role, override: Partial<Record<Role, number>> = {}): number {
  return override[role] ?? scenario.responseHours[role] ?? DEFAULT_RESPONSE_HOURS;
}

/** The scenario's facts at a drill starting at `start` (ISO instant). */
export function factsAt(scenario: Scenario, start: string): IncidentFacts {
  const { awareAtHours, determinedAtHours, ...rest } = scenario.facts;
  const at = (h: number) => new Date(Date.parse(start) + h * 3_600_000).toISOString();
  return IncidentFacts.parse({
    ...rest,
    awareAt: at(awareAtHours),
    ...(determinedAtHours !== undefined ? { determinedAt: at(determinedAtHours) } : {}),
  });
}

/** The facts patch of a facts-change event at a drill started at `start` (epoch ms). */
export function patchAt(e: Extract<ScriptedEvent, { kind: 'facts-change' }>, start: number): FactsPatch {
  const instants = Object.fromEntries(
    Object.entries(e.instantsAtHours).map(([k, h]) => [k, new Date(start + (h as number) * 3_600_000).toISOString()]),
  );
  return { ...e.facts, ...instants };
}

/** An incident id for one run of a drill: the prefix, the drill, and its start. */
export function drillIncidentId(drillId: string, start: string): string {
  // To the second: two runs of one drill triggered in the same minute are two incidents.
  const stamp = start.replace(/[-:]/g, '').slice(0, 15); // 20261128T120000
  return `${DRILL_PREFIX}${drillId}-${stamp}`.slice(0, 64);
}
