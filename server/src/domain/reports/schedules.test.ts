import { describe, expect, it } from 'vitest';
import { checkSchedule, lastPeriod } from './schedules.js';
import { slackText } from '../registry/webhook-format.js';

const T = (iso: string) => Date.parse(iso);

describe('report periods', () => {
  it('a daily schedule covers the 24 hours before its latest hour', () => {
    const s = { cadence: 'DAILY' as const, hourUtc: 6, weekday: null };
    expect(lastPeriod(s, T('2026-12-06T14:00:00Z'))).toEqual({ from: '2026-12-05T06:00:00.000Z', to: '2026-12-06T06:00:00.000Z' });
    expect(lastPeriod(s, T('2026-12-06T05:59:59Z'))).toEqual({ from: '2026-12-04T06:00:00.000Z', to: '2026-12-05T06:00:00.000Z' });
    expect(lastPeriod(s, T('2026-12-06T06:00:00Z')).to).toBe('2026-12-06T06:00:00.000Z'); // the boundary itself has ended the period
  });

  it('a weekly schedule covers the 7 days before its latest weekday at its hour', () => {
    // 2026-12-06 is a Sunday (ISO 7); Monday 2026-11-30 is the latest Monday.
    const monday = { cadence: 'WEEKLY' as const, hourUtc: 8, weekday: 1 };
    expect(lastPeriod(monday, T('2026-12-06T14:00:00Z'))).toEqual({ from: '2026-11-23T08:00:00.000Z', to: '2026-11-30T08:00:00.000Z' });
    const sunday = { cadence: 'WEEKLY' as const, hourUtc: 8, weekday: 7 };
    expect(lastPeriod(sunday, T('2026-12-06T14:00:00Z')).to).toBe('2026-12-06T08:00:00.000Z');
    expect(lastPeriod(sunday, T('2026-12-06T07:00:00Z')).to).toBe('2026-11-29T08:00:00.000Z');
  });

  it('checks a definition, naming the field', () => {
    expect(checkSchedule({ name: 'd', cadence: 'DAILY' })).toMatchObject({ hourUtc: 6, weekday: null, sections: ['LINEAGE', 'QUALITY', 'MODELS', 'LLM', 'GPU', 'ALERTS'] });
    expect(checkSchedule({ name: 'd', cadence: 'DAILY', sections: ['GPU', 'LLM', 'GPU'] }).sections).toEqual(['LLM', 'GPU']);
    expect(() => checkSchedule({ name: 'd', cadence: 'DAILY', sections: ['LLM', 'COSTS'] })).toThrow(/^input\.sections\[1\]: must be one of/);
    expect(() => checkSchedule({ name: 'd', cadence: 'HOURLY' as never })).toThrow(/^input\.cadence: /);
    expect(() => checkSchedule({ name: 'd', cadence: 'DAILY', hourUtc: 6.5 })).toThrow(/^input\.hourUtc: /);
  });
});

describe('a report in Slack', () => {
  it('says the period and each section\'s headline, escaping what emitters named', () => {
    const text = slackText('REPORT_READY', 'demo', {
      report: { schedule: 'Ops <daily>', from: '2026-12-05T06:00:00.000Z', to: '2026-12-06T06:00:00.000Z' },
      content: {
        lineage: { events: 1200, runs: 40, completedRuns: 37, failedRuns: 2, abortedRuns: 1, newDatasets: { count: 1 }, failingJobs: [{ namespace: 'etl', name: 'load_<x>', failedRuns: 2 }] },
        llm: { calls: 30, costUsd: 0.0082, previous: { calls: 12, costUsd: 0.003 }, byModel: [{ model: 'gpt-4o-mini', latencyP99Ms: 2400.4 }] },
        gpu: { gpuHours: 2, gpus: 2 },
        alerts: { fired: 1, resolved: 0, firingAtEnd: 1 },
      },
    });
    expect(text.split('\n')).toEqual([
      ':bar_chart: *Ops &lt;daily&gt;* for demo: 2026-12-05 06:00 → 2026-12-06 06:00 UTC',
      '• Lineage: 1,200 events, 40 runs (37 completed, 2 failed, 1 aborted), 1 new dataset; failing: `etl/load_&lt;x&gt;` (2)',
      '• LLM: 30 calls (before: 12), $0.0082 (before: $0.0030); most spent on `gpt-4o-mini`, p99 2400 ms',
      '• GPUs: 2.0 GPU-hours on 2 GPUs',
      '• Alerts: 1 fired, 0 resolved, 1 firing at the end',
    ]);
  });
});
