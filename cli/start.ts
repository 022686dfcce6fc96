/**
 * `npm start`: the worker and the HTTP API in one process. Every failure that a user can fix
 * (configuration, Temporal unreachable) ends with one clear line and a non-zero exit code.
 */
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../api/app';
import { createGateway } from '../api/gateway';
import { createRetentionGateway } from '../api/routes/retention';
import { createDrillScheduler } from '../api/drill-scheduler';
import { checkDrill } from '../activities/drills/check';
import { createDrillStore } from '../activities/drills/store';
import { createTokenStore } from '../activities/tokens/store';
import { assess } from '../domain/rules/evaluate';
import { EncryptionCodec, resolvePayloadKey } from '../worker/codec';
import { ConfigError, loadConfig } from '../worker/config';
import { openRuntime } from '../worker/deps';
import { connectTemporal, TemporalUnavailable } from '../worker/temporal';
import { devTokens } from '../worker/tokens';
import { createWorker } from '../worker/worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  const key = resolvePayloadKey(config.PAYLOAD_KEY, join(config.DATA_DIR, 'payload.key'), (m) => log.warn(m));
  const dataConverter = { payloadCodecs: [new EncryptionCodec(key)] };
  // Temporal first: when it cannot be had, the user learns it in seconds.
  log.info(
    config.TEMPORAL_ADDRESS
      ? `connecting to Temporal at ${config.TEMPORAL_ADDRESS}`
      : 'TEMPORAL_ADDRESS not set: starting a local Temporal dev server',
  );
  const temporal = await connectTemporal(config, dataConverter);
  if (temporal.banner) log.warn(temporal.banner);
  const runtime = await openRuntime(config).catch(async (err) => {
    await temporal.close();
    throw err;
  });
  log.info(
    { database: runtime.db.kind, mail: config.SMTP_URL ? 'smtp' : `outbox ${config.OUTBOX_DIR}` },
    'store and mail ready',
  );
  const worker = await createWorker({
    connection: temporal.workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: runtime.deps,
    dataConverter,
  });
  const running = worker.run();
  const gateway = createGateway(temporal.client, config.TEMPORAL_TASK_QUEUE);
  // Drills' scripted participants act through the same client as the API.
  runtime.deps.incidents = gateway;

  let tokens = config.API_TOKENS;
  if (!tokens) {
    const dev = devTokens(config.DATA_DIR);
    tokens = dev.tokens;
    log.warn(`API_TOKENS not set: development tokens (one per role) are in ${dev.file}`);
  }
  const { rules, holidays } = runtime.deps;
  const app = await buildApp({
    gateway,
    ledger: runtime.deps.ledger,
    db: runtime.db,
    // The hashed store first, then API_TOKENS or (without them) the development tokens.
    tokenStore: createTokenStore(runtime.db),
    tokens,
    logger: log,
    retention: createRetentionGateway(temporal.client),
    drills: {
      scheduler: createDrillScheduler(temporal.client, config.TEMPORAL_TASK_QUEUE),
      runs: createDrillStore(runtime.db),
      checkDrill: (d) => checkDrill(d, runtime.deps.plans),
    },
    assess: (facts) => assess(facts, rules, holidays),
    temporalEngine: temporal.engine,
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  log.info(
    `breach response engine ready: API on http://${config.HOST}:${config.PORT} (OpenAPI at /openapi.json), Temporal: ${temporal.address}`,
  );

  const stop = async (signal: string) => {
    log.info(`${signal}: shutting down`);
    await app.close();
    worker.shutdown();
    await running;
    await temporal.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await running;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof TemporalUnavailable) {
    process.stderr.write(`breach-response-engine: ${err.message}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  }
  process.stderr.write(`breach-response-engine: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
