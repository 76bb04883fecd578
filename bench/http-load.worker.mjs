// HTTP load generator for the benchmarks: runs in its own thread so the clients' work does not share
// the server's event loop (real emitters are other processes), over one keep-alive connection per
// client written to directly (http-post.mjs): the thread still shares the machine's cores with the
// server, and fetch, then node:http, cost it several times the CPU a request (bench/RESULTS.md,
// sessions 10 and 23). A 429 or 503 is sent again after its Retry-After (load-loop.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { poster } from './http-post.mjs';
import { runLoad } from './load-loop.mjs';

const { url, key, bodies, concurrency, contentType = 'application/json', expect = 300 } = workerData;
const { post, close } = poster({ url, key, contentType, maxSockets: concurrency });

const result = await runLoad(bodies, concurrency, async (body) => {
  const { status, retryAfter } = await post(body);
  // Retry-After in whole seconds, as Loom sends it.
  if (status === 429 || status === 503) return { refused: true, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined };
  if (status >= expect) throw new Error(`${url} answered ${status}`);
  return { refused: false };
});
close();
parentPort.postMessage({ done: true, ...result });
