/** Real OTel SDK emitters pointed at a running Loom, for the OTLP integration tests. */
import http from 'node:http';
import { expect } from 'vitest';
import { ROOT_CONTEXT, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { DEMO_KEY, type TestLoom } from '../../server/src/testing/harness.js';

/**
 * The tenants of the OTLP tests on a Loom started without the demo story (whose traces and GPU points
 * would join the tests' counts): `demo` with DEMO_KEY (admin) and a viewer's key, and `other`'s admin key.
 */
export async function otlpTenants(loom: TestLoom): Promise<{ otherKey: string; viewerKey: string }> {
  await loom.services.tenancy.createTenant('demo');
  await loom.services.tenancy.createApiKey('demo', 'admin', DEMO_KEY);
  await loom.services.tenancy.createTenant('other');
  return { otherKey: await loom.services.tenancy.createApiKey('other', 'admin'), viewerKey: await loom.services.tenancy.createApiKey('demo', 'viewer') };
}

type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];

/** Wraps an exporter to keep every export's result (the SDK only logs failures). */
export class RecordingExporter implements SpanExporter {
  readonly results: ExportResult[] = [];
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (r: ExportResult) => void): void {
    this.inner.export(spans, (r) => { this.results.push(r); done(r); });
  }
  shutdown() { return this.inner.shutdown(); }
  forceFlush() { return this.inner.forceFlush?.() ?? Promise.resolve(); }
}

export interface Emitter { provider: NodeTracerProvider; tracer: Tracer; exporter: RecordingExporter; flush(): Promise<void>; close(): Promise<void> }

/** A tracer provider exporting to `url` over OTLP/HTTP protobuf or JSON, like an application's SDK setup. */
export function emitter(url: string, key: string, encoding: 'proto' | 'json', resource: Attributes, register = false): Emitter {
  const opts = { url: `${url}/v1/traces`, headers: { authorization: `Bearer ${key}` } };
  const exporter = new RecordingExporter(encoding === 'proto' ? new ProtoExporter(opts) : new JsonExporter(opts));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes(resource) as never,
    spanProcessors: [new BatchSpanProcessor(exporter, { maxExportBatchSize: 512, scheduledDelayMillis: 60_000 })],
  });
  if (register) provider.register();
  return {
    provider, exporter, tracer: provider.getTracer('loom-otlp-test', '1.0.0'),
    flush: () => provider.forceFlush(),
    close: () => provider.shutdown(),
  };
}

/** A child span of `parent` (explicit context: no context manager needed). */
export const child = (tracer: Tracer, parent: Span, name: string, attributes: Attributes = {}) =>
  tracer.startSpan(name, { attributes }, trace.setSpan(ROOT_CONTEXT, parent));

/** A small stand-in for the OpenAI chat completions API: answers every call with a fixed completion and usage. */
export async function openAiStandIn(usage: { prompt_tokens: number; completion_tokens: number }, model: string) {
  const calls: unknown[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      calls.push({ path: req.url, body });
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${calls.length}` });
      res.end(JSON.stringify({
        id: `chatcmpl-${calls.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
        choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        system_fingerprint: 'fp_test',
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1`, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** POST raw bytes; the answer's body as bytes. */
export async function postRaw(url: string, body: Uint8Array | string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** google.rpc.Status bytes → { code, message } (fields 1 and 2, as Loom writes them). */
export function readStatus(buf: Buffer) {
  expect(buf[0]).toBe(0x08);
  const code = buf[1];
  expect(buf[2]).toBe(0x12);
  let len = 0; let shift = 0; let i = 3;
  for (;; i++) { len |= (buf[i] & 0x7f) << shift; shift += 7; if (buf[i] < 0x80) break; }
  return { code, message: buf.subarray(i + 1, i + 1 + len).toString('utf8') };
}
