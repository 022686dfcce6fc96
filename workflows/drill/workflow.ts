/** drillWorkflow: one run of a drill, the real incident workflow in drill mode, scored at the end. Wiring only. */
import { ParentClosePolicy, setHandler, startChild } from '@temporalio/workflow';
import { Role } from '../../domain/actor';
import { drillIncidentId, factsAt, type DrillMode } from '../../domain/drill';
import { incidentWorkflow } from '../incident/workflow';
import { drillActs } from './activities';
import { DrillInput, drillIncidentQuery, drillNudgeSignal, type DrillOutcome } from './messages';
import { runScript } from './script';

export async function drillWorkflow(raw: DrillInput): Promise<DrillOutcome> {
  const input = DrillInput.parse(raw);
  let incidentId: string | null = null;
  let nudges = 0;
  let finished = false;
  setHandler(drillNudgeSignal, () => void nudges++);
  setHandler(drillIncidentQuery, () => incidentId);

  const startedAt = new Date().toISOString();
  const plan = await drillActs.loadPlan({ planId: input.planId });
  const scenario = await drillActs.loadScenario({ planId: plan.id, scenarioId: input.scenarioId });
  const standIn = input.standIn ?? input.participants[0] ?? plan.contact.email;
  const mode: DrillMode = {
    drillId: input.drillId,
    scenarioId: scenario.id,
    standIn,
    participants: input.participants.length ? input.participants : [standIn],
  };
  const id = drillIncidentId(input.drillId, startedAt);
  incidentId = id;
  await drillActs.registerDrillRun({ ...mode, incidentId: id, planId: plan.id, startedAt });

  // Roles a participant holds are played by people; the script plays the rest.
  const played = new Set(plan.people.filter((p) => input.participants.includes(p.email)).map((p) => p.role));
  const roles = input.scriptedRoles ?? Role.options.filter((r) => !played.has(r));
  const child = await startChild(incidentWorkflow, {
    workflowId: id,
    // A drill that ends (or is cancelled) takes its incident with it.
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    args: [
      {
        incident: {
          id,
          title: `DRILL: ${scenario.title}`,
          reportedBy: { id: 'drill:scenario', role: 'responder' },
          reportedAt: startedAt,
        },
        facts: factsAt(scenario, startedAt),
        planId: plan.id,
        drill: mode,
      },
    ],
  });
  const done = child.result().then(
    () => {
      finished = true;
    },
    () => {
      finished = true;
    },
  );

  const start = Date.parse(startedAt);
  await runScript({
    incidentId: id,
    scenario,
    plan,
    roles,
    responseOverride: input.responseHours,
    startedAt: start,
    endAt: start + plan.drills.maxDays * 86_400_000,
    finished: () => finished,
    nudges: () => nudges,
  });
  if (finished) await done;
  const report = await drillActs.scoreDrillRun({ incidentId: id, finishedAt: new Date().toISOString() });
  return {
    incidentId: id,
    missedLegalDeadline: report.missedLegalDeadline,
    misses: report.misses,
    meanStepHours: report.meanStepHours,
  };
}
