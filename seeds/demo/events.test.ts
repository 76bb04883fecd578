import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Dataset { namespace: string; name: string; facets?: Record<string, { kind?: string }> }
interface RunEvent {
  eventType: string;
  eventTime: string;
  run: { runId: string; facets?: { parent?: { run: { runId: string }; job: { namespace: string; name: string } } } };
  job: { namespace: string; name: string };
  inputs?: Dataset[];
  outputs?: Dataset[];
}

const lines = readFileSync(new URL('./events.ndjson', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
const events = lines.map((l) => JSON.parse(l) as RunEvent);
const key = (d: { namespace: string; name: string }) => `${d.namespace}/${d.name}`;
const RAW_SOURCES = new Set([
  'postgres://crm-db.prod.internal:5432/crm.public.customers',
  'postgres://crm-db.prod.internal:5432/crm.public.subscriptions',
  'postgres://crm-db.prod.internal:5432/crm.public.plans',
  's3://raw-events/clickstream',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seeds/demo/events.ndjson', () => {
  it('has one well-formed RunEvent per line, in time order', () => {
    expect(lines.length).toBeGreaterThan(20);
    events.forEach((e, i) => {
      expect(['START', 'COMPLETE', 'FAIL'], `line ${i + 1}`).toContain(e.eventType);
      expect(Number.isNaN(Date.parse(e.eventTime)), `line ${i + 1} eventTime`).toBe(false);
      expect(e.run.runId, `line ${i + 1}`).toMatch(UUID);
      expect(e.job.namespace && e.job.name, `line ${i + 1} job`).toBeTruthy();
      if (i > 0) expect(Date.parse(e.eventTime)).toBeGreaterThanOrEqual(Date.parse(events[i - 1].eventTime));
    });
  });

  it('gives every run exactly one START then one COMPLETE or FAIL, for one job', () => {
    const byRun = new Map<string, RunEvent[]>();
    for (const e of events) byRun.set(e.run.runId, [...(byRun.get(e.run.runId) ?? []), e]);
    for (const [runId, evs] of byRun) {
      expect(evs.map((e) => e.eventType), runId).toEqual([expect.stringMatching(/^START$/), expect.stringMatching(/^(COMPLETE|FAIL)$/)]);
      expect(new Set(evs.map((e) => key(e.job))).size, runId).toBe(1);
    }
  });

  it('feeds every input but the raw sources from an earlier completed output', () => {
    const produced = new Set<string>();
    for (const e of events) {
      for (const d of e.inputs ?? []) {
        if (!RAW_SOURCES.has(key(d))) expect(produced, `${e.job.name} reads ${key(d)}`).toContain(key(d));
      }
      if (e.eventType === 'COMPLETE') (e.outputs ?? []).forEach((d) => produced.add(key(d)));
    }
  });

  it('links task runs to a parent run of the named parent job', () => {
    const runJob = new Map(events.map((e) => [e.run.runId, key(e.job)]));
    const children = events.filter((e) => e.run.facets?.parent);
    expect(children.length).toBeGreaterThanOrEqual(10);
    for (const e of children) {
      const p = e.run.facets!.parent!;
      expect(runJob.get(p.run.runId), e.job.name).toBe(key(p.job));
    }
  });

  it('has a failed run that a later run of the same job retried successfully', () => {
    const failed = events.filter((e) => e.eventType === 'FAIL');
    expect(failed).toHaveLength(1);
    const retry = events.find((e) => e.eventType === 'COMPLETE' && key(e.job) === key(failed[0].job) && e.eventTime > failed[0].eventTime);
    expect(retry?.run.runId).not.toBe(failed[0].run.runId);
  });

  it('marks the model artifact and the feature group with a loom_kind facet', () => {
    const kinds = new Map<string, string | undefined>();
    for (const e of events) for (const d of e.outputs ?? []) if (d.facets?.loom_kind) kinds.set(key(d), d.facets.loom_kind.kind);
    expect(Object.fromEntries(kinds)).toEqual({
      's3://models/churn/xgboost': 'Model',
      'hive://metastore.data.internal:9083/features.customer_churn_features': 'FeatureGroup',
    });
  });
});
