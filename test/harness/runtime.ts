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

/** One payload key per test file: the file's histories are then replayed by one replay worker. */
const FILE_KEY = randomBytes(32);

/** The production payload codec, with this file's key (or the one given), and the key's name for grouping. */
export function testDataConverter(key: Buffer = FILE_KEY) {
  return { dataConverter: { payloadCodecs: [new EncryptionCodec(key)] }, keyId: key.toString('hex') };
}
