/**
 * The drill's script: the scenario's events at their offsets, and the roles no participant plays,
 * each answering after its response time. It wakes when the incident records something (a nudge),
 * when a scripted answer or event is due, or when the drill runs out of time.
 */
import { condition } from '@temporalio/workflow';
import type { Role } from '../../domain/actor';
import { patchAt, responseHours, type Scenario, type ScriptedEvent } from '../../domain/drill';
import type { Plan } from '../../domain/plan';
import { pendingActions } from './actions';
import { drillActs } from './activities';

const HOUR = 3_600_000;

export interface ScriptRun {
  incidentId: string;
  scenario: Scenario;
  plan: Plan;
  roles: Role[];
  responseOverride: Partial<Record<Role, number>>;
  startedAt: number;
  endAt: number;
  finished(): boolean;
  nudges(): number;
}

export async function runScript(run: ScriptRun): Promise<void> {
  const { incidentId, scenario, plan } = run;
  const events = [...scenario.events].sort((a, b) => a.atHours - b.atHours);
  const eventAt = (e: ScriptedEvent) => run.startedAt + e.atHours * HOUR;
  const silent = new Set<Role>();
  const firstSeen = new Map<string, number>();
  const taken = new Set<string>();
  let next = 0;
  const containmentScripted = events.some((e) => e.kind === 'containment');

  // The scenario's own events are the scenario acting, not a participant answering.
  const scenarioActor = { id: 'drill:scenario', role: 'responder' as const };
  async function fire(e: ScriptedEvent, index: number): Promise<void> {
    if (e.kind === 'no-answer') silent.add(e.role);
    else if (e.kind === 'facts-change')
      await drillActs.actAsScripted({
        incidentId,
        update: 'updateFacts',
        arg: { actor: scenarioActor, facts: patchAt(e, run.startedAt), reason: e.reason },
      });
    else if (e.kind === 'containment')
      await drillActs.actAsScripted({
        incidentId,
        update: 'confirmContainment',
        arg: { actor: scenarioActor, ...(e.note ? { note: e.note } : {}) },
      });
    else {
      await drillActs.recordDrillEvent({
        eventId: `${incidentId}:scenario:${index}`,
        incidentId,
        at: new Date().toISOString(),
        action: 'drill.regulator-question',
        payload: { question: e.question },
      });
    }
  }

  while (!run.finished() && Date.now() < run.endAt) {
    while (next < events.length && eventAt(events[next]) <= Date.now()) await fire(events[next], next++);
    const seenNudges = run.nudges();
    const view = await drillActs.drillIncidentStatus({ incidentId });
    if (!view) return;
    let wakeAt = Math.min(run.endAt, next < events.length ? eventAt(events[next]) : Infinity);
    let acted = false;
    const roles = run.roles.filter((r) => !silent.has(r));
    for (const a of pendingActions(view, plan, roles, { containmentScripted })) {
      if (taken.has(a.key)) continue;
      const now = Date.now();
      const since = a.since ?? a.key;
      const seen = firstSeen.get(since) ?? now;
      firstSeen.set(since, seen);
      const due = seen + responseHours(scenario, a.role, run.responseOverride) * HOUR;
      if (due > now) {
        wakeAt = Math.min(wakeAt, due);
        continue;
      }
      taken.add(a.key);
      // A refusal (someone else was quicker, the notice changed) is an answer too: the next look decides again.
      await drillActs.actAsScripted({ incidentId, update: a.update, arg: a.arg(now) });
      acted = true;
      break; // one action, then look again: the status has changed
    }
    if (acted) continue;
    await condition(() => run.finished() || run.nudges() !== seenNudges, Math.max(1, wakeAt - Date.now()));
  }
}
