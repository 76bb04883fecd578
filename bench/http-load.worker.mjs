// HTTP load generator for the benchmarks: runs in its own thread so the clients' work does not share
// the server's event loop (real emitters are other processes). Plain node:http with keep-alive, one
// connection per client: fetch (undici) cost this thread ~1.2 ms of CPU a request, 0.75 of a core at
// 600 lineage events/s on a 2-core machine the server shares; node:http costs about a third of that
// (bench/RESULTS.md, session 10).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, key, bodies, concurrency, contentType = 'application/json', expect = 300 } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** POSTs one body; resolves with the status once the whole answer is read. */
function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST',
      headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
    }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let next = 0;
const lat = [];
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < bodies.length) {
    const body = bodies[next++];
    const t = performance.now();
    const status = await post(body);
    if (status >= expect) throw new Error(`${url} answered ${status}`);
    lat.push(performance.now() - t);
    if (lat.length % 200 === 0) parentPort.postMessage({ progress: lat.length });
  }
}));
agent.destroy();
parentPort.postMessage({ done: true, ms: performance.now() - t0, lat });
