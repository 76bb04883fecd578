import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('defaults to the embedded engines', () => {
    const cfg = loadConfig({});
    expect(cfg.graph.engine).toBe('embedded');
    expect(cfg.analytics.engine).toBe('chdb');
    expect(cfg.http.port).toBe(4000);
    expect(cfg.role).toBe('all');
  });

  it('listens for OTLP/gRPC on 4317, on any free port beside an HTTP port chosen so, or not at all', () => {
    expect(loadConfig({}).grpc.port).toBe(4317);
    expect(loadConfig({ LOOM_PORT: '0' }).grpc.port).toBe(0);
    expect(loadConfig({ LOOM_PORT: '0', LOOM_OTLP_GRPC_PORT: '14317' }).grpc.port).toBe(14317);
    expect(loadConfig({ LOOM_OTLP_GRPC_PORT: 'off' }).grpc.port).toBeNull();
    expect(() => loadConfig({ LOOM_OTLP_GRPC_PORT: 'grpc' })).toThrow(/LOOM_OTLP_GRPC_PORT="grpc": must be a port \(0-65535\) or "off"/);
  });

  it('evaluates alert rules every 30 s unless told otherwise', () => {
    expect(loadConfig({}).alerts.intervalMs).toBe(30_000);
    expect(loadConfig({ LOOM_ALERT_INTERVAL_SECONDS: '5' }).alerts.intervalMs).toBe(5000);
    expect(loadConfig({ LOOM_ALERT_INTERVAL_SECONDS: 'off' }).alerts.intervalMs).toBeNull();
    for (const bad of ['0', '3601', '1.5', 'soon']) expect(() => loadConfig({ LOOM_ALERT_INTERVAL_SECONDS: bad })).toThrow(/LOOM_ALERT_INTERVAL_SECONDS=.*must be 1-3600 seconds or "off"/);
  });

  it('sends email only through an SMTP server given with its sender', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ LOOM_SMTP_URL: 'smtp://u:p@mail.example.com:587', LOOM_SMTP_FROM: 'Loom <loom@example.com>' }).smtp).toEqual({ url: 'smtp://u:p@mail.example.com:587', from: 'Loom <loom@example.com>' });
    expect(() => loadConfig({ LOOM_SMTP_URL: 'smtps://mail.example.com' })).toThrow(/LOOM_SMTP_FROM: required with LOOM_SMTP_URL/);
    expect(() => loadConfig({ LOOM_SMTP_URL: 'mail.example.com:25', LOOM_SMTP_FROM: 'a@b.c' })).toThrow(/LOOM_SMTP_URL=.*must be smtp:\/\//);
    expect(() => loadConfig({ LOOM_SMTP_URL: 'smtp://mail.example.com', LOOM_SMTP_FROM: 'loom' })).toThrow(/LOOM_SMTP_FROM=.*must be the sender/);
  });

  it('has no LLM judge unless given its API\'s URL: OpenAI-compatible, or Anthropic\'s with its model named', () => {
    expect(loadConfig({}).judge).toBeNull();
    expect(loadConfig({ LOOM_JUDGE_URL: 'http://vllm:8000/v1', LOOM_JUDGE_API_KEY: 'k' }).judge).toEqual({ api: 'openai', url: 'http://vllm:8000/v1', apiKey: 'k', model: 'gpt-4o-mini', concurrency: 4 });
    expect(loadConfig({ LOOM_JUDGE_URL: 'https://api.anthropic.com/v1', LOOM_JUDGE_API: 'anthropic', LOOM_JUDGE_MODEL: 'claude-x' }).judge).toMatchObject({ api: 'anthropic', model: 'claude-x' });
    expect(() => loadConfig({ LOOM_JUDGE_URL: 'https://api.anthropic.com/v1', LOOM_JUDGE_API: 'anthropic' })).toThrow(/LOOM_JUDGE_MODEL: required with LOOM_JUDGE_API=anthropic/);
    expect(() => loadConfig({ LOOM_JUDGE_URL: 'http://x/v1', LOOM_JUDGE_API: 'claude' })).toThrow(/LOOM_JUDGE_API/);
    expect(() => loadConfig({ LOOM_JUDGE_URL: 'api.openai.com' })).toThrow(/LOOM_JUDGE_URL=.*must be the base URL of the judge's API/);
    expect(() => loadConfig({ LOOM_JUDGE_URL: 'http://x/v1', LOOM_JUDGE_CONCURRENCY: '0' })).toThrow(/LOOM_JUDGE_CONCURRENCY/);
  });

  it('chooses the production engines from their URLs', () => {
    const cfg = loadConfig({ LOOM_GRAPH: 'neo4j', LOOM_NEO4J_URL: 'neo4j://db:7687', LOOM_CLICKHOUSE_URL: 'http://ch:8123' });
    expect(cfg.graph).toMatchObject({ engine: 'neo4j', url: 'neo4j://db:7687' });
    expect(cfg.analytics).toMatchObject({ engine: 'clickhouse', url: 'http://ch:8123' });
  });

  it('names the bad variable and says what to do', () => {
    expect(() => loadConfig({ LOOM_PORT: 'eighty' })).toThrow(/LOOM_PORT="eighty"/);
    expect(() => loadConfig({ LOOM_GRAPH: 'neo4j' })).toThrow(/LOOM_NEO4J_URL: required/);
    expect(() => loadConfig({ LOOM_ROLE: 'api' })).toThrow(/LOOM_ROLE=api: separate roles need LOOM_GRAPH=neo4j/);
    // a URL without the engine's scheme (it passed, then failed at start with a library's stack), a blank port (it meant any free port)
    expect(() => loadConfig({ LOOM_GRAPH: 'neo4j', LOOM_NEO4J_URL: 'localhost:7687' })).toThrow(/LOOM_NEO4J_URL="localhost:7687".*must be a URL starting neo4j:\/\//);
    expect(() => loadConfig({ LOOM_CLICKHOUSE_URL: 'clickhouse:8123' })).toThrow(/LOOM_CLICKHOUSE_URL=.*http:\/\/, https:\/\//);
    expect(() => loadConfig({ LOOM_REDIS_URL: 'localhost:6379' })).toThrow(/LOOM_REDIS_URL=.*redis:\/\//);
    for (const p of [' ', '1e3', '0x10', '-1', '65536']) expect(() => loadConfig({ LOOM_PORT: p }), p).toThrow(/LOOM_PORT/);
    expect(loadConfig({ LOOM_PORT: ' 8080 ' }).http.port).toBe(8080);
  });

  it('answers lineage events from the ingest log in the data directory unless told to wait for the graph', () => {
    expect(loadConfig({ LOOM_DATA_DIR: '/srv/loom' }).ingest).toEqual({ ack: 'logged', logDir: '/srv/loom/ingest-log', lingerMs: 100 });
    expect(loadConfig({ LOOM_INGEST_LINGER_MS: '0' }).ingest.lingerMs).toBe(0);
    expect(() => loadConfig({ LOOM_INGEST_LINGER_MS: '-5' })).toThrow(/LOOM_INGEST_LINGER_MS="-5"/);
    expect(loadConfig({ LOOM_INGEST_ACK: 'committed' }).ingest.ack).toBe('committed');
    // Neo4j: separate processes, often pods without a lasting disk.
    expect(loadConfig({ LOOM_GRAPH: 'neo4j', LOOM_NEO4J_URL: 'neo4j://db:7687' }).ingest.ack).toBe('committed');
    expect(loadConfig({ LOOM_GRAPH: 'neo4j', LOOM_NEO4J_URL: 'neo4j://db:7687', LOOM_INGEST_ACK: 'logged' }).ingest.ack).toBe('logged');
    expect(() => loadConfig({ LOOM_INGEST_ACK: 'later' })).toThrow(/LOOM_INGEST_ACK="later"/);
  });

  it('keeps the lineage events received forever unless given days, on either analytics engine', () => {
    expect(loadConfig({}).analytics).toMatchObject({ lineageEventTtlDays: 0 });
    expect(loadConfig({ LOOM_LINEAGE_EVENT_TTL_DAYS: '90', LOOM_CLICKHOUSE_URL: 'http://ch:8123' }).analytics).toMatchObject({ engine: 'clickhouse', lineageEventTtlDays: 90 });
    expect(() => loadConfig({ LOOM_LINEAGE_EVENT_TTL_DAYS: '-1' })).toThrow(/LOOM_LINEAGE_EVENT_TTL_DAYS="-1"/);
  });

  it('ignores variables outside LOOM_*', () => {
    expect(() => loadConfig({ PORT: 'x', HOME: '/root' })).not.toThrow();
  });
});
