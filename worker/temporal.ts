/** Connection to Temporal: the configured cluster, or a local dev server started for the user. */
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config';

export class TemporalUnavailable extends Error { override name = 'TemporalUnavailable'; }

export interface TemporalHandles {
  client: Client;
  workerConnection: NativeConnection;
  address: string;
  close(): Promise<void>;
}

const OFFLINE_HELP = 'could not start a local Temporal dev server (its one-time download needs internet). '
  + 'Start one yourself with `temporal server start-dev` and set TEMPORAL_ADDRESS=localhost:7233, or point TEMPORAL_ADDRESS at your cluster.';

export async function connectTemporal(config: Config, dataConverter: DataConverter, timeoutMs = 30_000): Promise<TemporalHandles> {
  const namespace = config.TEMPORAL_NAMESPACE;
  if (config.TEMPORAL_ADDRESS) {
    const opts = { address: config.TEMPORAL_ADDRESS, tls: config.TEMPORAL_TLS || Boolean(config.TEMPORAL_API_KEY), ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}) };
    try {
      const workerConnection = await NativeConnection.connect(opts);
      const connection = await Connection.connect(opts);
      return {
        client: new Client({ connection, namespace, dataConverter }), workerConnection, address: config.TEMPORAL_ADDRESS,
        async close() { await connection.close(); await workerConnection.close(); },
      };
    } catch (err) {
      throw new TemporalUnavailable(`cannot reach Temporal at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS}: ${(err as Error).message.split('\n')[0]}`);
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
        server: { dbFilename: join(dataDir, 'temporal-dev.db'), namespace, executable: { type: 'cached-download', downloadDir: join(dataDir, 'temporal-cli') } },
      }),
      new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error('timed out')), timeoutMs); }),
    ]);
    return {
      client: new Client({ connection: env.connection, namespace, dataConverter }),
      workerConnection: env.nativeConnection,
      address: 'local dev server',
      close: () => env.teardown(),
    };
  } catch (err) {
    // The SDK's message nests the cause several times; its innermost part is what a user can act on.
    const cause = (err as Error).message.split('\n')[0].split(': ').slice(-3).join(': ');
    throw new TemporalUnavailable(`TEMPORAL_ADDRESS is not set and ${OFFLINE_HELP} (${cause})`);
  } finally {
    clearTimeout(timer);
  }
}
