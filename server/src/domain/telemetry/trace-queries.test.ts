import { describe, expect, it } from 'vitest';
import { llmUsageQuery, SPAN_DETAILS, spanDetailsQuery, traceListQuery, traceSpansQuery } from './trace-queries.js';

describe('trace SQL builders', () => {
  it('lists traces with only the filters given, as parameters, newest first with a keyset cursor', () => {
    const q = traceListQuery({ service: 'api', model: 'gpt-4o', promptName: 'p', promptVersion: '2', status: 'ERROR', fromNs: '1', toNs: '2' }, 20, { startNs: '5', traceId: 'ab' });
    expect(q.sql).toMatchInlineSnapshot(`
      "SELECT trace_id, toString(toUnixTimestamp64Nano(start_time)) AS start_ns, toString(toUnixTimestamp64Nano(end_time)) AS end_ns,
        duration_ns, service_name, root_span_id, root_span_name, span_count, error_count, llm_calls, input_tokens, output_tokens, cost_usd,
        models, prompts, run_ids, model_versions
      FROM traces FINAL
      WHERE tenant_id = {tenant:String}
        AND service_name = {service:String}
        AND has(models, {model:String})
        AND arrayExists(p -> p.1 = {promptName:String} AND p.2 = {promptVersion:String}, prompts)
        AND error_count > 0
        AND start_time >= fromUnixTimestamp64Nano({fromNs:Int64})
        AND start_time < fromUnixTimestamp64Nano({toNs:Int64})
        AND (start_time, trace_id) < (fromUnixTimestamp64Nano({afterNs:Int64}), {afterId:String})
      ORDER BY start_time DESC, trace_id DESC
      LIMIT {limit:UInt32}"
    `);
    expect(q.params).toEqual({ limit: 21, service: 'api', model: 'gpt-4o', promptName: 'p', promptVersion: '2', fromNs: '1', toNs: '2', afterNs: '5', afterId: 'ab' });
    const plain = traceListQuery({}, 10, null);
    expect(plain.sql).toContain('WHERE tenant_id = {tenant:String}\nORDER BY');
    expect(plain.params).toEqual({ limit: 11 });
    expect(traceListQuery({ promptVersion: '3' }, 1, null).sql).toContain('arrayExists(p -> p.2 = {promptVersion:String}, prompts)');
  });

  it("reads one trace's spans by primary key, each span once", () => {
    const q = traceSpansQuery('ab', 10);
    expect(q.sql).toContain('PREWHERE tenant_id = {tenant:String} AND trace_id = {traceId:String}\nWHERE start_time BETWEEN trace_range.1 - INTERVAL 1 HOUR AND trace_range.2 + INTERVAL 1 HOUR\nORDER BY start_time, span_id\nLIMIT 1 BY span_id');
    expect(q.params).toEqual({ traceId: 'ab', limit: 10 });
  });

  it("bounds the span read by the trace's time range from its summary, unbounded without one", () => {
    expect(traceSpansQuery('ab', 10).sql).toMatch(/^WITH \(\n {2}SELECT if\(count\(\) = 0, \(toDateTime64\(0, 9, 'UTC'\), toDateTime64\('2261-12-31 00:00:00', 9, 'UTC'\)\), \(min\(start_time\), max\(end_time\)\)\)\n {2}FROM traces PREWHERE tenant_id = \{tenant:String\} AND trace_id = \{traceId:String\}\n\) AS trace_range\n/);
  });

  it("reads a span's wide columns only for the details asked for (all by default)", () => {
    const WIDE = ['attributes', 'attribute_types', 'resource_attributes', 'events.', 'links.'];
    const reads = (sql: string) => WIDE.filter((c) => new RegExp(`(?<![\\w.])${c.replace('.', '\\.')}`).test(sql.split('\nFROM spans')[0]));
    expect(reads(traceSpansQuery('ab', 10).sql)).toEqual(WIDE);
    expect(reads(traceSpansQuery('ab', 10, SPAN_DETAILS).sql)).toEqual(WIDE);
    expect(reads(traceSpansQuery('ab', 10, new Set()).sql)).toEqual([]);
    expect(reads(traceSpansQuery('ab', 10, new Set(['events', 'resourceAttributes'])).sql)).toEqual(['resource_attributes', 'events.']);
    expect(traceSpansQuery('ab', 10, new Set()).sql).toContain('span_id, parent_span_id, name, kind, status_code, status_message,');
  });

  it("reads some spans' wide columns by id, as parameters, bounded and deduplicated as the trace's read", () => {
    const q = spanDetailsQuery('ab', ['01', '02']);
    expect(q.params).toEqual({ traceId: 'ab', spanIds: ['01', '02'] });
    expect(q.sql).toMatch(/^SELECT span_id, attributes, attribute_types,\n {2}resource_attributes,\n/m);
    expect(q.sql).toContain('PREWHERE tenant_id = {tenant:String} AND trace_id = {traceId:String} AND span_id IN {spanIds:Array(String)}\nWHERE start_time BETWEEN trace_range.1');
    expect(q.sql).toMatch(/LIMIT 1 BY span_id$/);
  });

  it('groups LLM usage by model, prompt version or time bucket', () => {
    expect(llmUsageQuery('TIME_BUCKET', '1', '2', 3600, 'api', 100)).toMatchInlineSnapshot(`
      {
        "params": {
          "bucketSeconds": 3600,
          "fromNs": "1",
          "limit": 100,
          "service": "api",
          "toNs": "2",
        },
        "sql": "SELECT toUnixTimestamp(toStartOfInterval(start_time, INTERVAL {bucketSeconds:UInt32} SECOND)) AS bucket_s,
        count() AS calls, sum(llm_input_tokens) AS input_tokens, sum(llm_output_tokens) AS output_tokens, sum(llm_total_tokens) AS total_tokens,
        sum(llm_cost_usd) AS cost_usd, quantiles(0.5, 0.99)(duration_ns) AS latency_ns
      FROM spans FINAL
      WHERE tenant_id = {tenant:String} AND is_llm
        AND start_time >= fromUnixTimestamp64Nano({fromNs:Int64}) AND start_time < fromUnixTimestamp64Nano({toNs:Int64})
        AND service_name = {service:String}
      GROUP BY bucket_s
      ORDER BY bucket_s
      LIMIT {limit:UInt32}
      SETTINGS do_not_merge_across_partitions_select_final = 1",
      }
    `);
    expect(llmUsageQuery('MODEL', '1', '2', 3600, undefined, 100).sql).toContain("GROUP BY model\nORDER BY cost_usd DESC");
    expect(llmUsageQuery('PROMPT_VERSION', '1', '2', 3600, undefined, 100).params).toEqual({ fromNs: '1', toNs: '2', limit: 100 });
  });
});
