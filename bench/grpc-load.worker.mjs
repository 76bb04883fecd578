// OTLP/gRPC load generator for the benchmarks, in its own thread as http-load.worker.mjs is: `concurrency`
// exporters each sending one TraceService/Export at a time over one HTTP/2 connection (a Collector's
// exporter queue consumers share one), retrying UNAVAILABLE with backoff as OTLP exporters do.
import { parentPort, workerData } from 'node:worker_threads';
import { credentials, Metadata, makeGenericClientConstructor, status } from '@grpc/grpc-js';

const { address, key, bodies, concurrency } = workerData;
const raw = (b) => b;
const Client = makeGenericClientConstructor({
  Export: { path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export', requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw },
}, 'TraceService');
const client = new Client(address, credentials.createInsecure(), { 'grpc.max_send_message_length': 64 * 1024 * 1024 });
const metadata = new Metadata();
metadata.set('authorization', `Bearer ${key}`);
const exportOnce = (body) => new Promise((resolve) => client.Export(Buffer.from(body), metadata, (err) => resolve(err ? err.code : status.OK)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let next = 0;
let refused = 0;
const lat = [];
const t0 = performance.now();
const startedAt = performance.timeOrigin + t0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < bodies.length) {
    const body = bodies[next++];
    const t = performance.now();
    let code = await exportOnce(body);
    for (let attempt = 1; code === status.UNAVAILABLE && attempt <= 20; attempt++) {
      refused++;
      await sleep(Math.min(100 * 2 ** (attempt - 1), 5_000));
      code = await exportOnce(body);
    }
    if (code !== status.OK) throw new Error(`${address} answered gRPC status ${code}`);
    lat.push(performance.now() - t);
  }
}));
client.close();
parentPort.postMessage({ done: true, ms: performance.now() - t0, startedAt, lat, refused });
