// The load generators' loop (http-load.worker.mjs, grpc-load.worker.mjs), in the worker thread it runs in:
// `concurrency` clients each send one body at a time until all are sent. A refusal (429/503 over HTTP,
// UNAVAILABLE over gRPC) is waited out and sent again, as real emitters do (OTLP exporters honour
// Retry-After; the OpenLineage clients retry with backoff): Loom refuses work it cannot queue, by design,
// and a bench that then stopped could not measure a server run at its limit. The wait counts in that
// request's latency, and the number of refusals is reported. Ends by posting `{ done, ms, startedAt, lat, refused }`.
import { parentPort } from 'node:worker_threads';

const RETRIES = 20;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `send(body)` resolves to `{ refused: false }` once answered (it throws on an answer that is an error),
 * or `{ refused: true, retryAfterMs }` (without retryAfterMs: exponential backoff from 100 ms).
 */
export async function runLoad(bodies, concurrency, send) {
  let next = 0;
  let refused = 0;
  const lat = [];
  const t0 = performance.now();
  /** When the first request went, on a clock every thread shares: the caller may time a pass from here to a later event of its own. */
  const startedAt = performance.timeOrigin + t0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t = performance.now();
      for (let attempt = 1; ; attempt++) {
        const answer = await send(body);
        if (!answer.refused) break;
        if (attempt > RETRIES) throw new Error(`refused ${RETRIES} times in a row`);
        refused++;
        await sleep(answer.retryAfterMs ?? Math.min(100 * 2 ** (attempt - 1), 5_000));
      }
      lat.push(performance.now() - t);
      if (lat.length % 200 === 0) parentPort.postMessage({ progress: lat.length });
    }
  }));
  return { ms: performance.now() - t0, startedAt, lat, refused };
}
