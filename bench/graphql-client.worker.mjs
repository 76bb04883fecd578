// A GraphQL client for the benchmarks in its own thread: real clients are other processes, and a client
// on the server's event loop shares its CPU and its garbage collector (the in-process fetch client of the
// trace lookup added ~4 ms at p50 and 8-16 ms at p99, bench/RESULTS.md, session 20). Each message
// `{ seq, query, variables }` is POSTed to `url` over one keep-alive connection; the answer
// `{ seq, ms, body }` gives the time from sending to the parsed JSON answer, timed in this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { poster } from './http-post.mjs';

const { post } = poster(workerData);

parentPort.on('message', async ({ seq, query, variables }) => {
  try {
    const t = performance.now();
    const body = JSON.parse((await post(JSON.stringify({ query, variables }))).body.toString('utf8'));
    parentPort.postMessage({ seq, ms: performance.now() - t, body });
  } catch (err) {
    parentPort.postMessage({ seq, error: String(err) });
  }
});
