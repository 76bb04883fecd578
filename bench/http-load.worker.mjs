// HTTP load generator for the benchmarks: runs in its own thread so the clients' work does not share
// the server's event loop (real emitters are other processes), over one keep-alive connection per
// client written to directly (http-post.mjs): the thread still shares the machine's cores with the
// server, and fetch, then node:http, cost it several times the CPU a request (bench/RESULTS.md,
// sessions 10 and 23).
// A 429 or 503 is waited out and sent again, as real emitters do (OTLP exporters honour Retry-After;
// the OpenLineage clients retry with backoff): Loom refuses work it cannot queue, by design, and a
// bench that then stopped could not measure a server run at its limit. The wait counts in that
// request's latency, and the number of refusals is reported.
import { parentPort, workerData } from 'node:worker_threads';
import { poster } from './http-post.mjs';

const { url, key, bodies, concurrency, contentType = 'application/json', expect = 300 } = workerData;
const { post, close } = poster({ url, key, contentType, maxSockets: concurrency });

const RETRIES = 20;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
    let { status, retryAfter } = await post(body);
    for (let attempt = 1; (status === 429 || status === 503) && attempt <= RETRIES; attempt++) {
      refused++;
      // Retry-After in whole seconds, as Loom sends it; without one, exponential backoff from 100 ms.
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Math.min(100 * 2 ** (attempt - 1), 5_000));
      ({ status, retryAfter } = await post(body));
    }
    if (status >= expect) throw new Error(`${url} answered ${status}`);
    lat.push(performance.now() - t);
    if (lat.length % 200 === 0) parentPort.postMessage({ progress: lat.length });
  }
}));
close();
parentPort.postMessage({ done: true, ms: performance.now() - t0, startedAt, lat, refused });
