import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../testing/harness.js';

let loom: TestLoom;
let key: string;
const TENANT = 'impact_usage';

beforeAll(async () => {
  loom = await startTestLoom();
  await loom.services.tenancy.createTenant(TENANT);
  key = await loom.services.tenancy.createApiKey(TENANT, 'editor');
});
afterAll(async () => { await loom?.close(); });

/** An OTLP/JSON export of LLM calls of prompt `answer` v7, one of them failed. */
function llmExport(calls: number, startMs: number) {
  const attr = (k: string, v: string | number) => ({ key: k, value: typeof v === 'number' ? { intValue: v } : { stringValue: v } });
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
  const spans = Array.from({ length: calls }, (_, i) => ({
    traceId: hex(0xabc000 + i, 32), spanId: hex(0xdef000 + i, 16), name: 'chat gpt-4o-mini', kind: 3,
    startTimeUnixNano: String(BigInt(startMs + i) * 1_000_000n), endTimeUnixNano: String(BigInt(startMs + i + 500) * 1_000_000n),
    status: { code: i === 0 ? 2 : 1 },
    attributes: [attr('gen_ai.operation.name', 'chat'), attr('gen_ai.request.model', 'gpt-4o-mini'), attr('gen_ai.usage.input_tokens', 100), attr('gen_ai.usage.output_tokens', 20),
      attr('loom.prompt.name', 'answer'), attr('loom.prompt.version', '7')],
  }));
  return { resourceSpans: [{ resource: { attributes: [attr('service.name', 'rag-api')] }, scopeSpans: [{ scope: { name: 'test' }, spans }] }] };
}

describe('impact usage: the LLM traffic behind the versions downstream', () => {
  it('counts a span an exporter sent twice (a retried export) once', async () => {
    const body = JSON.stringify(llmExport(3, Date.now() - 60_000));
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${loom.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
      expect(res.status).toBe(200);
    }
    await loom.services.traceIngest.settled();
    const stored = await loom.services.analytics.query<{ n: string }>(TENANT, 'SELECT count() AS n FROM spans WHERE tenant_id = {tenant:String}', {});
    expect(Number(stored[0].n)).toBeGreaterThanOrEqual(3); // both copies may still be stored apart
    const usage = await loom.services.impactUsage.usage(TENANT, { modelVersions: [], promptVersions: ['answer@7'], runs: [] }, 1);
    expect(usage).toMatchObject({ promptVersions: 1, llmCalls: 3, llmErrors: 1, llmTokens: 360 });
    // Another tenant's identical traffic is not counted.
    expect((await loom.services.impactUsage.usage('demo', { modelVersions: [], promptVersions: ['answer@7'], runs: [] }, 1)).llmCalls).toBe(0);
  });
});
