/** The worker's native runtime is process-wide: installed once, logging warnings only. */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { EncryptionCodec } from '../../worker/codec';

let installed = false;

export function installTestRuntime(): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger(process.env.TEMPORAL_LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
  } catch {
    // Already installed by another module in this process.
  }
}

/** The production payload codec, with a key for this test run (or the one given). */
export function testDataConverter(key: Buffer = randomBytes(32)) {
  return { payloadCodecs: [new EncryptionCodec(key)] };
}
