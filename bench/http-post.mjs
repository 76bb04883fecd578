// POSTs for the benchmarks' client threads (http-load.worker.mjs, graphql-client.worker.mjs): plain
// node:http over keep-alive connections, which costs the client about a third of fetch's CPU a request
// (bench/RESULTS.md, session 10).
import http from 'node:http';

/** A poster to `url` with the bearer `key`, over at most `maxSockets` keep-alive connections. */
export function poster({ url, key, contentType = 'application/json', maxSockets = 1 }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  /** POSTs one body; resolves with the status, the Retry-After header (seconds) and the answer's bytes once it is read. */
  const post = (body) => new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST',
      headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after']), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
  return { post, close: () => agent.destroy() };
}
