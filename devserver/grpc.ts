/**
 * Serves the handlers as Temporal's gRPC WorkflowService on @grpc/grpc-js, with the request and
 * response codecs taken from @temporalio/proto's service description. Calls the dev server does
 * not implement answer UNIMPLEMENTED, as a server of another version would.
 */
import * as grpc from '@grpc/grpc-js';
import protoRoot from '@temporalio/proto/protos/root';
import type { Type } from 'protobufjs';
import { ServiceError } from './errors';
import { google } from './proto';
import type { Handler } from './service';

const SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
/** DEVSERVER_TRACE=1 logs every call (for debugging the server itself). */
const TRACE = process.env.DEVSERVER_TRACE === '1';

interface Logger {
  warn(message: string): void;
}

function definition(): grpc.ServiceDefinition {
  const root = protoRoot as unknown as {
    lookupService(name: string): {
      methods: Record<string, { resolve(): { resolvedRequestType: Type; resolvedResponseType: Type } }>;
    };
  };
  const service = root.lookupService(SERVICE);
  const def: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const [name, m] of Object.entries(service.methods)) {
    const method = m.resolve();
    const req = method.resolvedRequestType;
    const res = method.resolvedResponseType;
    def[name] = {
      path: `/${SERVICE}/${name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: object) => Buffer.from(req.encode(v).finish()),
      requestDeserialize: (b: Buffer) => req.decode(b),
      responseSerialize: (v: object) => Buffer.from(res.encode(res.fromObject(v)).finish()),
      responseDeserialize: (b: Buffer) => res.decode(b),
      originalName: name,
    };
  }
  return def as grpc.ServiceDefinition;
}

/** Responses in the trace: history events and payloads shortened to what tells calls apart. */
function traceable(key: string, value: unknown): unknown {
  if (key === 'events' && Array.isArray(value)) return `${value.length} events`;
  if (key === 'payloads' || key === 'taskToken') return undefined;
  return value;
}

function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof ServiceError) {
    const metadata = new grpc.Metadata();
    const details = google.rpc.Status.encode({
      code: err.code,
      message: err.message,
      details: err.detail ? [err.detail] : [],
    }).finish();
    metadata.set('grpc-status-details-bin', Buffer.from(details));
    return { code: err.code, details: err.message, metadata };
  }
  return { code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) };
}

export async function serve(
  handlers: Record<string, Handler>,
  options: { host: string; port: number; logger?: Logger },
): Promise<{ port: number; close(): Promise<void> }> {
  const def = definition();
  const impl: grpc.UntypedServiceImplementation = {};
  for (const name of Object.keys(def)) {
    const handler = handlers[name];
    impl[name] = (call: grpc.ServerUnaryCall<object, object>, callback: grpc.sendUnaryData<object>) => {
      if (!handler) {
        callback({
          code: grpc.status.UNIMPLEMENTED,
          details: `${name} is not implemented by the in-process dev server`,
        });
        return;
      }
      if (TRACE)
        options.logger?.warn(
          `${new Date().toISOString()} dev server <- ${name} ${JSON.stringify(call.request).slice(0, 300)}`,
        );
      const abort = new AbortController();
      call.on('cancelled', () => abort.abort());
      handler(call.request, abort.signal).then(
        (response) => {
          if (TRACE)
            options.logger?.warn(
              `${new Date().toISOString()} dev server -> ${name} ${JSON.stringify(response, traceable).slice(0, 300)}`,
            );
          callback(null, response);
        },
        (err: unknown) => {
          if (TRACE) options.logger?.warn(`${new Date().toISOString()} dev server -> ${name} error ${String(err)}`);
          if (!(err instanceof ServiceError))
            options.logger?.warn(`dev server: ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
          callback(toStatus(err));
        },
      );
    };
  }
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 128 * 1024 * 1024,
    'grpc.max_send_message_length': 128 * 1024 * 1024,
  });
  server.addService(def, impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        // Long polls would hold a graceful shutdown open: cut them after a moment.
        setTimeout(() => server.forceShutdown(), 500).unref();
      }),
  };
}
