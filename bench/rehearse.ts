/**
 * Rehearsal of each shipped scenario (`cli drill rehearse`), end to end: in-process engine, real
 * worker, skipped time. Target: under 30 s each. Baseline, same run: a fixed CPU workload (SHA-256
 * over 256 MB), so the ratio says how the rehearsal compares to this machine's speed today.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { listScenarios } from '../activities/drills/scenarios';
import { rehearse } from '../worker/rehearsal';

function cpuBaselineMs(): number {
  const block = Buffer.alloc(1 << 20, 7);
  const t0 = performance.now();
  const h = createHash('sha256');
  for (let i = 0; i < 256; i++) h.update(block);
  h.digest();
  return performance.now() - t0;
}

export async function benchRehearse(args: string[]): Promise<Record<string, unknown>> {
  const planId = args[0] ?? 'default';
  const baselineMs = cpuBaselineMs();
  const runs: Record<string, unknown>[] = [];
  for (const s of listScenarios(planId)) {
    const t0 = performance.now();
    const report = await rehearse({ planId, scenarioId: s.id });
    const ms = performance.now() - t0;
    runs.push({
      scenario: s.id,
      seconds: +(ms / 1000).toFixed(1),
      ratioToBaseline: +(ms / baselineMs).toFixed(1),
      virtualHours: +((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 3_600_000).toFixed(1),
      obligations: report.obligations.length,
      steps: report.steps.length,
      legalMisses: report.misses.length,
      meetsTarget: ms < 30_000,
    });
  }
  return {
    plan: planId,
    baseline: 'SHA-256 over 256 MB in this process',
    baselineMs: +baselineMs.toFixed(0),
    targetSeconds: 30,
    runs,
    allMeetTarget: runs.every((r) => r.meetsTarget),
  };
}
