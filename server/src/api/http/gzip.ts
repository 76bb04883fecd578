import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { LoomError } from '../../domain/errors.js';

/** Accept `Content-Encoding: gzip|deflate` request bodies; the body limit applies to the decoded bytes. */
export function registerRequestDecompression(app: FastifyInstance): void {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'deflate' && encoding !== 'x-gzip') {
      throw Object.assign(new LoomError('BAD_USER_INPUT', `unsupported Content-Encoding ${encoding}; use gzip, deflate or identity`, 'Content-Encoding'), { statusCode: 415 });
    }
    const decoder = encoding === 'deflate' ? createInflate() : createGunzip();
    payload.on('error', (e) => decoder.destroy(e));
    const decoded = payload.pipe(decoder) as typeof decoder & { receivedEncodedLength?: number };
    let received = 0;
    payload.on('data', (chunk: Buffer) => { received += chunk.length; decoded.receivedEncodedLength = received; });
    delete req.headers['content-length'];
    return decoded;
  });
}
