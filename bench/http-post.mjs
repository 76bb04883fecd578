// POSTs for the benchmarks' client threads (http-load.worker.mjs, graphql-client.worker.mjs): HTTP/1.1
// written straight to keep-alive sockets, the answer read by a minimal parser, as load generators such
// as wrk do. The benchmarks' clients share the machine's two cores with the server they measure, so
// every microsecond a client spends is taken from the server: node:http cost the client thread 230-260
// µs of CPU a single-event lineage POST, fetch (undici) about three times that (bench/RESULTS.md,
// sessions 10, 19 and 23).
import net from 'node:net';

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * A poster to `url` with the bearer `key`, over at most `maxSockets` keep-alive connections.
 * `post(body)` resolves with the status, the Retry-After header (seconds) and the answer's bytes.
 */
export function poster({ url, key, contentType = 'application/json', maxSockets = 1 }) {
  const target = new URL(url);
  const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n`
    + `Content-Type: ${contentType}\r\nAuthorization: Bearer ${key}\r\nContent-Length: `;
  const idle = [];
  const waiters = [];
  const all = new Set();

  const connect = () => {
    const socket = net.connect({ host: target.hostname, port: Number(target.port) || 80, noDelay: true });
    const conn = { socket, pending: null, buf: null };
    all.add(conn);
    socket.on('data', (chunk) => {
      conn.buf = conn.buf ? Buffer.concat([conn.buf, chunk]) : chunk;
      const answer = conn.pending && parseAnswer(conn.buf);
      if (!answer) return;
      const { resolve } = conn.pending;
      conn.pending = null;
      conn.buf = answer.rest.length ? answer.rest : null;
      release(conn, answer.close);
      resolve(answer);
    });
    const gone = (err) => {
      all.delete(conn);
      const i = idle.indexOf(conn);
      if (i >= 0) idle.splice(i, 1);
      if (conn.pending) conn.pending.reject(err ?? new Error(`${url}: connection closed before the answer`));
      conn.pending = null;
    };
    socket.on('error', gone);
    socket.on('close', () => gone());
    return conn;
  };

  const release = (conn, close) => {
    if (close) {
      all.delete(conn);
      conn.socket.destroy();
    } else if (waiters.length) waiters.shift()(conn);
    else idle.push(conn);
  };

  const acquire = () => {
    const conn = idle.pop();
    if (conn) return Promise.resolve(conn);
    if (all.size < maxSockets) return Promise.resolve(connect());
    return new Promise((resolve) => waiters.push(resolve));
  };

  const post = async (body) => {
    const payload = typeof body === 'string' ? Buffer.from(body) : body;
    const conn = await acquire();
    return new Promise((resolve, reject) => {
      conn.pending = { resolve, reject };
      conn.socket.write(Buffer.concat([Buffer.from(`${head}${payload.length}\r\n\r\n`), payload]));
    });
  };

  return { post, close: () => { for (const c of all) c.socket.destroy(); } };
}

/**
 * One complete answer at the start of `buf` (status line, headers, a Content-Length or chunked body),
 * or null while it is incomplete.
 */
function parseAnswer(buf) {
  const end = buf.indexOf(CRLF2);
  if (end < 0) return null;
  const lines = buf.toString('latin1', 0, end).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  let length = 0;
  let chunked = false;
  let retryAfter = NaN;
  let close = false;
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    const name = lines[i].slice(0, colon).trim().toLowerCase();
    const value = lines[i].slice(colon + 1).trim();
    if (name === 'content-length') length = Number(value);
    else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
    else if (name === 'retry-after') retryAfter = Number(value);
    else if (name === 'connection') close = value.toLowerCase() === 'close';
  }
  const start = end + 4;
  if (!chunked) {
    if (buf.length < start + length) return null;
    return { status, retryAfter, close, body: buf.subarray(start, start + length), rest: buf.subarray(start + length) };
  }
  const parts = [];
  for (let at = start; ;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) return null;
    const size = parseInt(buf.toString('latin1', at, eol), 16);
    if (buf.length < eol + 2 + size + 2) return null;
    if (size === 0) return { status, retryAfter, close, body: Buffer.concat(parts), rest: buf.subarray(eol + 4) };
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
