// OTLP/gRPC load generator for the benchmarks, in its own thread as http-load.worker.mjs is: `concurrency`
// exporters each sending one TraceService/Export at a time over one HTTP/2 connection (a Collector's
// exporter queue consumers share one); UNAVAILABLE is sent again with backoff, as OTLP exporters do (load-loop.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { credentials, Metadata, makeGenericClientConstructor, status } from '@grpc/grpc-js';
import { runLoad } from './load-loop.mjs';

const { address, key, bodies, concurrency } = workerData;
const raw = (b) => b;
const Client = makeGenericClientConstructor({
  Export: { path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export', requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw },
}, 'TraceService');
const client = new Client(address, credentials.createInsecure(), { 'grpc.max_send_message_length': 64 * 1024 * 1024 });
const metadata = new Metadata();
metadata.set('authorization', `Bearer ${key}`);
const exportOnce = (body) => new Promise((resolve) => client.Export(Buffer.from(body), metadata, (err) => resolve(err ? err.code : status.OK)));

const result = await runLoad(bodies, concurrency, async (body) => {
  const code = await exportOnce(body);
  if (code === status.UNAVAILABLE) return { refused: true };
  if (code !== status.OK) throw new Error(`${address} answered gRPC status ${code}`);
  return { refused: false };
});
client.close();
parentPort.postMessage({ done: true, ...result });
