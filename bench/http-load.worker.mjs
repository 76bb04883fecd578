// HTTP load generator for the benchmarks: runs in its own thread so the clients' JSON and fetch
// work does not share the server's event loop (real emitters are other processes).
import { parentPort, workerData } from 'node:worker_threads';

const { url, key, bodies, concurrency, contentType = 'application/json', expect = 300 } = workerData;
let next = 0;
const lat = [];
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < bodies.length) {
    const body = bodies[next++];
    const t = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` }, body });
    await res.arrayBuffer();
    if (res.status >= expect) throw new Error(`${url} answered ${res.status}`);
    lat.push(performance.now() - t);
    if (lat.length % 200 === 0) parentPort.postMessage({ progress: lat.length });
  }
}));
parentPort.postMessage({ done: true, ms: performance.now() - t0, lat });
