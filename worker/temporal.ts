/** Connection to Temporal: the configured cluster, or a local dev server started for the user. */
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDevServer } from '../devserver';
import type { Config } from './config';

export class TemporalUnavailable extends Error {
  override name = 'TemporalUnavailable';
}

/** Which Temporal runs the incidents: shown at start and by GET /health. */
export interface TemporalEngine {
  kind: 'cluster' | 'temporal-dev-server' | 'in-process-dev-server';
  address: string;
  /** Whether running workflows survive a restart of this process. */
  durable: boolean;
}

export interface TemporalHandles {
  client: Client;
  workerConnection: NativeConnection;
  address: string;
  engine: TemporalEngine;
  /** A warning for the user when the engine is not a durable one. */
  banner?: string;
  close(): Promise<void>;
}

const OFFLINE_START =
  "TEMPORAL_ADDRESS is not set and Temporal's local dev server could not be started (its one-time download needs internet)";

export async function connectTemporal(
  config: Config,
  dataConverter: DataConverter,
  timeoutMs = 30_000,
): Promise<TemporalHandles> {
  const namespace = config.TEMPORAL_NAMESPACE;
  if (config.TEMPORAL_ADDRESS) {
    const opts = {
      address: config.TEMPORAL_ADDRESS,
      tls: config.TEMPORAL_TLS || Boolean(config.TEMPORAL_API_KEY),
      ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
    };
    try {
      const workerConnection = await NativeConnection.connect(opts);
      const connection = await Connection.connect(opts);
      return {
        client: new Client({ connection, namespace, dataConverter }),
        workerConnection,
        address: config.TEMPORAL_ADDRESS,
        engine: { kind: 'cluster', address: config.TEMPORAL_ADDRESS, durable: true },
        async close() {
          await connection.close();
          await workerConnection.close();
        },
      };
    } catch (err) {
      throw new TemporalUnavailable(
        `cannot reach Temporal at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS}: ${(err as Error).message.split('\n')[0]}`,
      );
    }
  }
  // The dev server keeps its state in the data folder, so incidents survive a restart.
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  let timer: NodeJS.Timeout | undefined;
  try {
    const env = await Promise.race([
      TestWorkflowEnvironment.createLocal({
        server: {
          dbFilename: join(dataDir, 'temporal-dev.db'),
          namespace,
          executable: { type: 'cached-download', downloadDir: join(dataDir, 'temporal-cli') },
        },
      }),
      new Promise<never>((_, rej) => {
        timer = setTimeout(() => rej(new Error('timed out')), timeoutMs);
      }),
    ]);
    return {
      client: new Client({ connection: env.connection, namespace, dataConverter }),
      workerConnection: env.nativeConnection,
      address: 'local dev server',
      engine: { kind: 'temporal-dev-server', address: 'local dev server', durable: true },
      close: () => env.teardown(),
    };
  } catch (err) {
    // The SDK's message nests the cause several times; its innermost part is what a user can act on.
    const cause = (err as Error).message.split('\n')[0].split(': ').slice(-3).join(': ');
    return startInProcess(namespace, dataConverter, cause);
  } finally {
    clearTimeout(timer);
  }
}

/** Offline: the project's own in-memory dev server, in real time, so the product can still be tried. */
async function startInProcess(
  namespace: string,
  dataConverter: DataConverter,
  cause: string,
): Promise<TemporalHandles> {
  const server = await startDevServer({ time: 'real', namespaces: [...new Set(['default', namespace])] });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  // The server is in this process: never reach it through an HTTP proxy from the environment.
  const connection = await Connection.connect({
    address: server.address,
    channelArgs: { 'grpc.enable_http_proxy': 0 },
  });
  return {
    client: new Client({ connection, namespace, dataConverter }),
    workerConnection,
    address: `in-process dev server at ${server.address}`,
    engine: { kind: 'in-process-dev-server', address: server.address, durable: false },
    banner:
      `Temporal: ${OFFLINE_START} (${cause}), so incidents run on the in-process dev server at ${server.address}: ` +
      'IN MEMORY, running incidents do not survive a restart (the ledger and the store do). ' +
      'For a durable one set TEMPORAL_ADDRESS, or run `temporal server start-dev` and set TEMPORAL_ADDRESS=localhost:7233.',
    async close() {
      await connection.close();
      await workerConnection.close();
      await server.close();
    },
  };
}
