/**
 * `npm run replay -- <history.json> [...]`: replays exported workflow histories against the workflow
 * code in this checkout. Run it before deploying a change to workflows/:
 *
 *   temporal workflow show --workflow-id INC-1 --output json > INC-1.json
 *   npm run replay -- INC-1.json
 *
 * Payloads are decrypted with PAYLOAD_KEY (or the key in the data folder), as the worker does.
 * Exit code 0: every history replays; 1: a history no longer replays (the message says where); 2: usage.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { join } from 'node:path';
import { EncryptionCodec, resolvePayloadKey } from '../worker/codec';
import { readHistoryFile, replayHistories } from '../worker/replay';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run replay -- <history.json> [more.json ...]\n');
    return 2;
  }
  const key = resolvePayloadKey(process.env.PAYLOAD_KEY, join(process.env.DATA_DIR ?? './data', 'payload.key'), (m) =>
    process.stderr.write(`${m}\n`),
  );
  // The bundle build is chatty at INFO; only problems matter here.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const histories = files.map(readHistoryFile);
  const failures = await replayHistories(histories, { payloadCodecs: [new EncryptionCodec(key)] });
  for (const h of histories) {
    const failure = failures.find((f) => f.workflowId === h.workflowId);
    process.stdout.write(
      failure
        ? `FAIL ${h.workflowId}: ${failure.message}\n`
        : `ok   ${h.workflowId} (${h.history.events?.length ?? 0} events)\n`,
    );
  }
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`replay: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
