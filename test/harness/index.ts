/**
 * Entry point for scenario tests: `createHarness(options)` gives Temporal's time-skipping test server
 * when TEMPORAL_TEST_SERVER is set (a binary path or `download`), otherwise the in-process dev server.
 * Both run the real worker and client.
 */
import { createDevServerHarness } from './dev-server-backend';
import type { Harness, HarnessOptions } from './types';

export type { Harness, HarnessOptions } from './types';

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  if (process.env.TEMPORAL_TEST_SERVER) {
    // Loaded only when asked for: it downloads or starts Temporal's own test server.
    const { createServerHarness } = await import('./server-backend');
    return createServerHarness(options);
  }
  return createDevServerHarness(options);
}

/** For test titles, e.g. `describe(\`intake workflow [${describeBackend()}]\`, ...)`. */
export function describeBackend(): string {
  const server = process.env.TEMPORAL_TEST_SERVER;
  return server ? `time-skipping server (${server})` : 'dev server';
}
