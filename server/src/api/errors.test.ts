import { describe, expect, it } from 'vitest';
import { logServerError } from './errors.js';
import { badInput, unavailable } from '../domain/errors.js';

describe('logServerError', () => {
  const logger = () => {
    const lines: [string, object, string][] = [];
    return { lines, warn: (obj: object, msg: string) => lines.push(['warn', obj, msg]), error: (obj: object, msg: string) => lines.push(['error', obj, msg]) };
  };

  it('logs a refusal Loom chose as a warning with its reason, anything else on the server side as an error, a client error not at all', () => {
    const log = logger();
    logServerError(log, unavailable('the disk is nearly full', 30), 503, 'otlp export failed');
    const crash = new Error('boom');
    logServerError(log, crash, 500, 'otlp export failed');
    logServerError(log, badInput('run.runId', 'required'), 400, 'lineage ingest failed');
    expect(log.lines).toEqual([
      ['warn', { reason: 'the disk is nearly full' }, 'otlp export failed: refused (unavailable)'],
      ['error', { err: crash }, 'otlp export failed'],
    ]);
  });
});
