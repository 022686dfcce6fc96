/**
 * Entry point for scenario tests: `createHarness(options)` gives the time-skipping server when
 * TEMPORAL_TEST_SERVER is set (a binary path or `download`), otherwise the in-repo simulator.
 */
import { createSimulatorHarness, type SimulatorHarnessOptions } from './simulator-backend';
import type { Harness } from './types';

export type { ClientLike, Harness, HarnessOptions } from './types';
export type { SimulatorHarnessOptions } from './simulator-backend';

/** Simulator-only options are ignored by the server backend (it always runs the workflows/ bundle). */
export async function createHarness(options: SimulatorHarnessOptions): Promise<Harness> {
  if (process.env.TEMPORAL_TEST_SERVER) {
    // Loaded only when asked for: it starts native runtime pieces the simulator does not need.
    const { createServerHarness } = await import('./server-backend');
    return createServerHarness(options);
  }
  return createSimulatorHarness(options);
}

/** For test titles, e.g. `describe(\`intake workflow [${describeBackend()}]\`, ...)`. */
export function describeBackend(): string {
  const server = process.env.TEMPORAL_TEST_SERVER;
  return server ? `time-skipping server (${server})` : 'simulator';
}
