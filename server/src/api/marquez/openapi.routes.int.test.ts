import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';

const SPEC = new URL('../../../../../shared/openlineage/marquez/openapi.yml', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete'] as const;
/** A value for each path parameter of the document. */
const SAMPLE: Record<string, string> = {
  namespace: 'no-such-namespace', dataset: 'no_such_dataset', job: 'no_such_job', version: '00000000-0000-0000-0000-000000000000',
  field: 'no_such_field', tag: 'SOME_TAG', source: 'no_such_source', id: '00000000-0000-4000-8000-000000000000',
};

/** Every operation Marquez's openapi.yml declares is served: none answers "no such route", whatever its answer to these (mostly unknown) names. */
describe("Marquez's API, every operation of its document", () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom(); });
  afterAll(() => loom?.close());

  it('has a route for each path and method', async () => {
    const spec = parse(readFileSync(SPEC, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, item]) => METHODS.filter((m) => m in item).map((m) => [m, path] as const));
    expect(operations.length).toBe(37);
    // The check itself: an operation Loom does not serve is reported.
    operations.push(['put', '/no/such/route']);
    const missing: string[] = [];
    for (const [method, path] of operations) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(SAMPLE[name] ?? 'x'));
      const res = await fetch(`${loom.url}/api/v1${url}`, {
        method: method.toUpperCase(), headers: { authorization: `Bearer ${loom.key}`, ...(method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' }) },
        body: method === 'get' || method === 'delete' ? undefined : '{}',
      });
      const body = await res.text();
      if (res.status === 404 && /^\{"(code":"NOT_FOUND","message":"[A-Z]+ \/api|message":"Route )/.test(body)) missing.push(`${method.toUpperCase()} ${path}`);
      expect(res.status, `${method.toUpperCase()} ${path}: ${body}`).toBeLessThan(500);
    }
    expect(missing).toEqual(['PUT /no/such/route']);
  });
});
