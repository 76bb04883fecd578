import { describe, expect, it } from 'vitest';
import { DURATION_UNITS } from '../runs/compare.js';
import { defaultWebhookFormat, duration, parseLabels, runIdOf, seriesText, webhookFormatChoices, webhookFormatLabel } from './alerts.js';

describe('alerts page helpers', () => {
  it('reads key=value lines and names the first bad one', () => {
    expect(parseLabels('queue = ingest\n\nregion=eu=west\n')).toEqual({ labels: [{ key: 'queue', value: 'ingest' }, { key: 'region', value: 'eu=west' }] });
    expect(parseLabels('a=1\nnoequals\n=x')).toEqual({ badLine: 2 });
    expect(parseLabels('')).toEqual({ labels: [] });
  });
  it('shows durations in the largest whole unit', () => {
    expect([0, 45, 60, 300, 5400, 7200, 86_400].map((s) => duration(s))).toEqual(['0 s', '45 s', '1 min', '5 min', '90 min', '2 h', '1 d']);
    expect([0, 300, 86_400].map((s) => duration(s, DURATION_UNITS.zh))).toEqual(['0 秒', '5 分', '1 天']);
  });
  it('puts the telling labels first and leaves out empty ones', () => {
    expect(seriesText({ host: 'n1', gpu_uuid: 'GPU-1', pod: 'p', namespace: 'ml', container: '', gpu_model: 'A100' })).toBe('namespace=ml pod=p gpu_uuid=GPU-1 host=n1');
    expect(seriesText({ queue: 'a', 'service.name': 'w' })).toBe('service.name=w queue=a');
    expect(runIdOf('run:abc')).toBe('abc');
  });
  it('offers LOOM, SLACK and the plugins\' webhook formats, labelled', () => {
    expect(webhookFormatChoices(['LOOM', 'SLACK', 'TEAMS'], 'LOOM')).toEqual(['LOOM', 'SLACK', 'TEAMS']);
    expect(webhookFormatChoices(undefined, 'SLACK')).toEqual(['LOOM', 'SLACK']);
    expect(webhookFormatChoices(['LOOM', 'SLACK'], 'PAGER')).toEqual(['LOOM', 'SLACK', 'PAGER']);
    const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key}:${vars.name}` : key);
    expect(['LOOM', 'SLACK', 'EMAIL', 'TEAMS'].map((f) => webhookFormatLabel(f, t))).toEqual(['formatLOOM', 'formatSLACK', 'formatEMAIL', 'formatPlugin:TEAMS']);
    expect(['mailto:a@b.org', ' https://hooks.slack.com/services/x', 'https://example.com/hook'].map(defaultWebhookFormat)).toEqual(['EMAIL', 'SLACK', 'LOOM']);
  });
});
