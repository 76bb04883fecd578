/**
 * OTLP/gRPC receivers (https://opentelemetry.io/docs/specs/otlp/#otlpgrpc): TraceService/Export and
 * MetricsService/Export on their own port (4317 by default), for the SDKs and Collectors whose OTLP
 * exporter speaks gRPC (the Collector's `otlp` exporter, SDKs set to `grpc`). The same ingest as
 * OTLP/HTTP protobuf (otlp.routes.ts): the request's bytes are read by the same readers and the
 * answer is the same ExportServiceResponse, with partial_success. The API key comes as the
 * `authorization: Bearer <key>` metadata the exporters' `headers` setting sends. Failures are gRPC
 * statuses: UNAUTHENTICATED, PERMISSION_DENIED (a viewer's key), INVALID_ARGUMENT (undecodable),
 * RESOURCE_EXHAUSTED (over the message limit, set by grpc-js), and UNAVAILABLE when Loom is saturated
 * (more than `maxConcurrent` exports in flight, or storage busy): the code OTLP exporters retry with backoff.
 */
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { Services } from '../../server/src/app/services.js';
import type { Principal } from '../../server/src/domain/tenancy/tenancy.service.js';
import { httpError, logServerError } from '../../server/src/api/errors.js';
import { bearerPrincipal } from '../../server/src/api/http/auth.js';
import { GRPC_CODE, ingestWithinQuota } from './otlp.routes.js';
import { decodeMetrics, encodeResponse, type Signal } from './otlp.codec.js';
import { traceSpanReader } from './otlp.wire.js';
import { WireError } from './protobuf-wire.js';

export interface OtlpGrpcOptions { host: string; port: number; maxConcurrent: number; maxMessageBytes: number; log: Logger }
export interface OtlpGrpcServer { port: number; close(): Promise<void> }

const SERVICES: Record<Signal, string> = {
  traces: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  metrics: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
};
const bytes = (b: Buffer) => b;
/** A unary method whose messages stay bytes: Loom reads them with its own protobuf readers. */
const rawMethod = (path: string) => ({ path, requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes });

/**
 * gRPC status of an HTTP status: OTLP/HTTP's mapping, but a refusal for load is UNAVAILABLE, which gRPC
 * exporters retry (RESOURCE_EXHAUSTED only with a RetryInfo detail).
 */
const STATUS: Record<number, status> = { ...GRPC_CODE, 429: status.UNAVAILABLE };

class Refusal extends Error {
  constructor(readonly code: status, message: string) { super(message); }
}

export async function startOtlpGrpc(services: Services, opts: OtlpGrpcOptions): Promise<OtlpGrpcServer> {
  const server = new Server({ 'grpc.max_receive_message_length': opts.maxMessageBytes });
  let inFlight = 0;

  const principalOf = async (call: ServerUnaryCall<Buffer, Buffer>): Promise<Principal> => {
    const got = await bearerPrincipal(services, String(call.metadata.get('authorization')[0] ?? ''), {
      write: true, missing: 'Send an API key as the `authorization: Bearer <key>` metadata (the exporter\'s headers)',
    });
    if ('refused' in got) throw new Refusal(got.refused === 'FORBIDDEN' ? status.PERMISSION_DENIED : status.UNAUTHENTICATED, got.message);
    return got.principal;
  };

  const handler = (signal: Signal) => async (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
    if (inFlight >= opts.maxConcurrent) return callback({ code: status.UNAVAILABLE, details: `${inFlight} exports in progress; retry shortly` });
    inFlight++;
    try {
      const { tenant } = await principalOf(call);
      const body = call.request ?? Buffer.alloc(0);
      let request: unknown;
      try {
        request = signal === 'traces' ? traceSpanReader(body) : decodeMetrics(body);
      } catch (e) {
        throw new Refusal(status.INVALID_ARGUMENT, undecodable(signal, e));
      }
      const result = await ingestWithinQuota(services, tenant, signal, request);
      callback(null, Buffer.from(encodeResponse(signal, result)));
    } catch (err) {
      callback(grpcError(err, signal, opts.log));
    } finally {
      inFlight--;
    }
  };

  server.addService({ Export: rawMethod(SERVICES.traces) } as unknown as ServiceDefinition, { Export: handler('traces') });
  server.addService({ Export: rawMethod(SERVICES.metrics) } as unknown as ServiceDefinition, { Export: handler('metrics') });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${opts.host}:${opts.port}`, ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
  return {
    port,
    close: () => new Promise<void>((resolve) => {
      // In-flight exports finish (their spans are acknowledged only once committed); a stuck one is cut after 10 s.
      const timer = setTimeout(() => server.forceShutdown(), 10_000);
      server.tryShutdown(() => { clearTimeout(timer); resolve(); });
    }),
  };
}

const undecodable = (signal: Signal, e: unknown) =>
  `cannot decode the message as an Export${signal === 'traces' ? 'Trace' : 'Metrics'}ServiceRequest: ${(e as Error).message}`;

function grpcError(err: unknown, signal: Signal, log: Logger): { code: status; details: string } {
  if (err instanceof Refusal) return { code: err.code, details: err.message };
  if (err instanceof WireError) return { code: status.INVALID_ARGUMENT, details: undecodable(signal, err) };
  const { status: http, body } = httpError(err);
  if (http >= 500) logServerError(log, err, http, `otlp/grpc ${signal} export failed`);
  return { code: STATUS[http] ?? status.INTERNAL, details: body.message };
}
