/**
 * Drill activities: the scenario, the run's registration (its participants), the scripted
 * participants acting through the same updates as people do, and the score from the ledger.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { DrillMode, type Scenario } from '../../domain/drill';
import { scoreDrill, trendPoint, type DrillReport, type LedgerFact } from '../../domain/drill-score';
import type { Plan } from '../../domain/plan';
import { IncidentNotFound, UpdateRejected, type IncidentGateway } from '../../api/gateway';
import { viewOf, type DrillView } from '../../workflows/drill/view';
import * as incidentMessages from '../../workflows/incident/messages';
import type { Ledger } from '../ledger/ledger';
import { checkDrill } from './check';
import { loadScenario } from './scenarios';
import type { DrillStore } from './store';

export interface DrillActivityDeps {
  ledger: Ledger;
  drills: DrillStore;
  plans: (planId: string) => Plan;
  scenarios?: (planId: string, scenarioId: string) => Scenario;
  /** The Temporal side, set once the client is connected (the worker is built before it). */
  incidents?: IncidentGateway;
}

/** The incident updates a scripted participant may send, by name. */
const SCRIPTABLE = {
  updateFacts: incidentMessages.updateFactsUpdate,
  confirmContainment: incidentMessages.confirmContainmentUpdate,
  decideNotice: incidentMessages.decideNoticeUpdate,
  recordFiling: incidentMessages.recordFilingUpdate,
  completeTask: incidentMessages.completeTaskUpdate,
  recordReview: incidentMessages.recordReviewUpdate,
  acceptActionItem: incidentMessages.acceptActionItemUpdate,
  close: incidentMessages.closeUpdate,
} as const;
export type ScriptedUpdate = keyof typeof SCRIPTABLE;
export const SCRIPTED_UPDATES = Object.keys(SCRIPTABLE) as ScriptedUpdate[];

export function createDrillActivities(deps: DrillActivityDeps) {
  const gateway = (): IncidentGateway => {
    if (!deps.incidents) throw ApplicationFailure.retryable('the Temporal client is not connected yet', 'NotReady');
    return deps.incidents;
  };
  return {
    async loadScenario({ planId, scenarioId }: { planId: string; scenarioId: string }): Promise<Scenario> {
      try {
        return (deps.scenarios ?? loadScenario)(planId, scenarioId);
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'ScenarioInvalid');
      }
    },

    async registerDrillRun(run: DrillMode & { incidentId: string; planId: string; startedAt: string }): Promise<void> {
      const mode = DrillMode.parse(run);
      try {
        checkDrill({ ...mode, planId: run.planId }, deps.plans, deps.scenarios);
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'DrillInvalid');
      }
      await deps.drills.register({ ...mode, incidentId: run.incidentId, planId: run.planId, startedAt: run.startedAt });
    },

    /** The incident's status for the script; null once the incident has finished. */
    async drillIncidentStatus({ incidentId }: { incidentId: string }): Promise<DrillView | null> {
      try {
        return viewOf(await gateway().status(incidentId));
      } catch (err) {
        if (err instanceof IncidentNotFound) return null;
        throw err;
      }
    },

    /** A scripted participant acts through the same update a person would send; a refusal is an answer, not a failure. */
    async actAsScripted({
      incidentId,
      update,
      arg,
    }: {
      incidentId: string;
      update: ScriptedUpdate;
      arg: unknown;
    }): Promise<{ ok: boolean; reason?: string }> {
      try {
        await gateway().update(incidentId, SCRIPTABLE[update] as UpdateDefinition<unknown, [unknown]>, arg);
        return { ok: true };
      } catch (err) {
        if (err instanceof UpdateRejected) return { ok: false, reason: err.message };
        throw err;
      }
    },

    /** A scripted event that is only a record (a regulator's question): into the incident's ledger. */
    async recordDrillEvent(e: {
      eventId: string;
      incidentId: string;
      at: string;
      action: string;
      payload: Record<string, unknown>;
    }) {
      await deps.ledger.append({ ...e, actor: 'drill:scenario' });
    },

    async scoreDrillRun({ incidentId, finishedAt }: { incidentId: string; finishedAt: string }): Promise<DrillReport> {
      const run = await deps.drills.get(incidentId);
      if (!run) throw ApplicationFailure.nonRetryable(`drill run ${incidentId} is not registered`, 'DrillInvalid');
      const plan = deps.plans(run.planId);
      const entries: LedgerFact[] = (await deps.ledger.list({ incidentId })).map((e) => ({
        at: e.at,
        actor: e.actor,
        action: e.action,
        payload: (e.payload ?? {}) as Record<string, unknown>,
      }));
      const reported = entries.find((e) => e.action === 'incident.reported');
      const previous = (await deps.drills.list({ planId: run.planId }, 20))
        .filter((r) => r.report && r.incidentId !== incidentId && Date.parse(r.startedAt) < Date.parse(run.startedAt))
        .map((r) => trendPoint(r.report!));
      const report = scoreDrill({
        incidentId,
        drillId: run.drillId,
        planId: run.planId,
        scenarioId: run.scenarioId,
        planVersion: String(reported?.payload.planVersion ?? plan.version),
        startedAt: run.startedAt,
        finishedAt,
        entries,
        targets: plan.drills.targets,
        previous,
      });
      await deps.drills.saveReport(incidentId, report);
      return report;
    },
  };
}
export type DrillActivities = ReturnType<typeof createDrillActivities>;
