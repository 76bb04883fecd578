// A GraphQL client for the benchmarks in its own thread: real clients are other processes, and a client
// on the server's event loop shares its CPU and its garbage collector (the in-process fetch client of the
// trace lookup added ~4 ms at p50 and 8-16 ms at p99, bench/RESULTS.md, session 20). Each message
// `{ seq, query, variables }` is POSTed to `url` over one keep-alive connection; the answer
// `{ seq, ms, body }` gives the time from sending to the parsed JSON answer, timed in this thread.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, key } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

parentPort.on('message', async ({ seq, query, variables }) => {
  try {
    const t = performance.now();
    const body = await post(JSON.stringify({ query, variables }));
    parentPort.postMessage({ seq, ms: performance.now() - t, body });
  } catch (err) {
    parentPort.postMessage({ seq, error: String(err) });
  }
});
