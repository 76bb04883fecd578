import { defineMessages, useT } from '../../i18n/i18n.js';
import { useStageLabel } from './StageBadge.js';
import { gateText, type GateConfig } from './gates.js';

interface GateResult { gate: number; kind: string; passed: boolean; detail: string }

const M = defineMessages(
  {
    METRIC_THRESHOLD: 'Metric {metric} {op} {threshold} ({source})', UPSTREAM_QUALITY: 'No failing data quality check upstream ({depth} hops)',
    PLUGIN: 'Plugin gate {plugin}', PLUGIN_PARAMS: 'Plugin gate {plugin} with params {params}',
    RUN: 'source run', EVALUATION: 'latest evaluation', on: 'for', alias: 'alias @{alias}', passed: 'passed', failed: 'failed', gate: 'Gate {n}',
  },
  {
    METRIC_THRESHOLD: '指标 {metric} {op} {threshold}（{source}）', UPSTREAM_QUALITY: '上游没有失败的数据质量检查（{depth} 跳）',
    PLUGIN: '插件门禁 {plugin}', PLUGIN_PARAMS: '插件门禁 {plugin}，参数 {params}',
    RUN: '来源运行', EVALUATION: '最新评估', on: '适用于', alias: '别名 @{alias}', passed: '通过', failed: '未通过', gate: '门禁 {n}',
  },
);

/** The gates configured on a model, in words. */
export function GateConfigList({ gates }: { gates: ReadonlyArray<GateConfig> }) {
  const t = useT(M);
  const stage = useStageLabel();
  return (
    <ul className="gates" data-testid="gate-config">
      {gates.map((g) => (
        <li key={g.index}>
          <strong>{t('gate', { n: g.index })}</strong>{': '}
          {gateText(g, t)}
          {' — '}{t('on')} {[...g.stages.map(stage), ...g.aliases.map((alias) => t('alias', { alias }))].join(', ')}
        </li>
      ))}
    </ul>
  );
}

/** What each gate said about one attempt (gates numbered from 0, as the server's messages do). */
export function GateResults({ gates }: { gates: ReadonlyArray<GateResult> }) {
  const t = useT(M);
  if (!gates.length) return null;
  return (
    <ul className="gates" data-testid="gate-results">
      {gates.map((g) => (
        <li key={g.gate} className={g.passed ? 'passed' : 'failed'} data-testid={g.passed ? 'gate-passed' : 'gate-failed'}>
          <strong>{t('gate', { n: g.gate })} · {g.passed ? t('passed') : t('failed')}</strong>: {g.detail}
        </li>
      ))}
    </ul>
  );
}
