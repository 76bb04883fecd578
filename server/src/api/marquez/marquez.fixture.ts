/** Test support: a real Loom fed with real OpenLineage events, and a Marquez client that checks every answer against openapi.yml. */
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { loadMarquezSchemas } from './openapi.validator.js';

const CORPUS = new URL('../../../../../shared/openlineage/ingestable/', import.meta.url);
const event = (dir: string) => JSON.parse(readFileSync(new URL(`${dir}/000.json`, CORPUS), 'utf8')) as Record<string, any>;

/** Spark column lineage (a parent application run, CREATE TABLE AS SELECT), an Airflow DAG with three tasks, dbt models. */
export const EVENTS = {
  spark: Array.from({ length: 9 }, (_, i) => event(`ct__consumer__scenarios__CLL__events__${i + 1}`)),
  airflow: Array.from({ length: 8 }, (_, i) => event(`ct__consumer__scenarios__airflow__events__line_0${i + 1}`)),
  dbt: readdirSync(CORPUS).filter((d) => d.startsWith('ct__producer__dbt__scenarios__csv_to_postgres__events__')).sort().map(event),
};

export const enc = encodeURIComponent;

export interface MarquezClient {
  loom: TestLoom;
  otherKey: string;
  get(path: string, key?: string | null): Promise<{ status: number; json: any }>;
  /** Any method (a JSON body when given), with this tenant's key unless another is given. */
  send(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; json: any }>;
  /** GET, expect 200 and a body valid against the named response schema. */
  ok(path: string, schema: string): Promise<any>;
  validate(schema: string, body: unknown): void;
}

export async function startMarquezLoom(): Promise<MarquezClient> {
  const loom = await startTestLoom();
  await loom.services.tenancy.createTenant('other');
  const otherKey = await loom.services.tenancy.createApiKey('other', 'admin');
  for (const e of [...EVENTS.spark, ...EVENTS.airflow, ...EVENTS.dbt]) {
    const res = await loom.post('/api/v1/lineage', e);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  const schemas = loadMarquezSchemas();
  const get: MarquezClient['get'] = async (path, key) => {
    const k = key === undefined ? loom.key : key;
    const res = await fetch(`${loom.url}/api/v1${path}`, { headers: k ? { authorization: `Bearer ${k}` } : {} });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const send: MarquezClient['send'] = async (method, path, body, key = loom.key) => {
    const res = await fetch(`${loom.url}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  const validate = (schema: string, body: unknown) => expect(schemas.validate(schema, body)).toEqual([]);
  return {
    loom, otherKey, get, send, validate,
    async ok(path, schema) {
      const res = await get(path);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(200);
      validate(schema, res.json);
      return res.json;
    },
  };
}
