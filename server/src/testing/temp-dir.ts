/** A temporary directory for the tests of one file, without the harness's engines (unit tests use it too). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Made before the file's tests, removed after them; the getter gives its path. */
export function suiteTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), prefix)); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
