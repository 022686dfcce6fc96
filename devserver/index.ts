/**
 * startDevServer: an in-process, in-memory Temporal server speaking the WorkflowService gRPC API,
 * for tests (time-skipping) and for trying the product offline (real time). See README.md here.
 */
import type { TimeMode } from './clock';
import { Engine } from './engine';
import { serve } from './grpc';
import { createHandlers } from './service';

export interface DevServerOptions {
  time: TimeMode;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Skipping mode: the virtual clock's start (default: now). */
  startTime?: Date;
  namespaces?: string[];
  /** History length from which workflow tasks suggest continue-as-new (default 10,240, as the real server). */
  suggestContinueAsNewAt?: number;
  /** Real ms after which silent in-flight work no longer holds virtual time (default 5,000). */
  idleGraceMs?: number;
  logger?: { warn(message: string): void };
}

export interface DevServer {
  /** host:port for `Connection.connect({ address })` and `NativeConnection.connect({ address })`. */
  readonly address: string;
  readonly namespace: string;
  readonly time: TimeMode;
  /** The server's current time (virtual in skipping mode), epoch ms. */
  now(): number;
  /** Skipping mode: advance time by `ms`, firing due timers in order and letting work settle at each instant. */
  sleep(ms: number): Promise<void>;
  /** Resolves when no workflow or activity task is in flight. */
  settled(): Promise<void>;
  close(): Promise<void>;
  /** The engine, for the dev server's own tests. */
  readonly engine: Engine;
}

export const DEV_SERVER_VERSION = '1.24.0-devserver';

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const namespaces = options.namespaces ?? ['default'];
  const engine = new Engine({
    time: options.time,
    startTime: options.startTime?.getTime(),
    namespaces,
    suggestContinueAsNewAt: options.suggestContinueAsNewAt,
    idleGraceMs: options.idleGraceMs,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await serve(createHandlers(engine, DEV_SERVER_VERSION), {
    host,
    port: options.port ?? 0,
    logger: options.logger ?? console,
  });
  return {
    address: `${host}:${server.port}`,
    namespace: namespaces[0],
    time: options.time,
    engine,
    now: () => engine.now(),
    sleep: (ms) => engine.sleep(ms),
    settled: () => engine.settled(),
    async close() {
      engine.close();
      await server.close();
    },
  };
}
