import type { ReactNode } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { Comparison, GateKind, MetricSource } from '../../gql/graphql.js';
import { COMPARISONS, GATE_KINDS, SOURCES, toggleStage, type GateRow, type RowField, type RowProblem } from './gate-form.js';
import { OP_SYMBOLS } from './gates.js';
import { STAGES } from './model-view.js';
import { useStageLabel } from './StageBadge.js';

/** A promotion gate a loaded plugin offers (`plugins { promotionGates }`). */
export interface GateOffer { name: string; description?: string | null }

const M = defineMessages(
  {
    gate: 'Gate {n}', kind: 'Kind', remove: 'Remove', METRIC_THRESHOLD: 'Metric threshold', UPSTREAM_QUALITY: 'Upstream data quality', PLUGIN: 'Plugin gate',
    metric: 'Metric', source: 'Read from', RUN: 'source run (last value)', EVALUATION: 'latest evaluation', op: 'Must be', threshold: 'Threshold',
    depth: 'Hops upstream (1–5)', plugin: 'Plugin gate', choose: 'Choose a gate', notOffered: '{name} (not offered now)', params: 'Params (JSON, optional)',
    guards: 'Guards entering', aliases: 'and moving aliases (comma-separated)', number: 'Enter a number.', integer: 'Enter a whole number.',
    json: 'Not valid JSON: {detail}', named: 'The server refused this gate (see the message below).', metricExample: 'e.g. auc', aliasesExample: 'e.g. champion, canary',
  },
  {
    gate: '门禁 {n}', kind: '类型', remove: '删除', METRIC_THRESHOLD: '指标阈值', UPSTREAM_QUALITY: '上游数据质量', PLUGIN: '插件门禁',
    metric: '指标', source: '读取自', RUN: '来源运行（最后的值）', EVALUATION: '最新评估', op: '必须', threshold: '阈值',
    depth: '向上游的跳数（1–5）', plugin: '插件门禁', choose: '选择门禁', notOffered: '{name}（当前未提供）', params: '参数（JSON，可选）',
    guards: '守护进入阶段', aliases: '以及别名移动（以逗号分隔）', number: '请输入数字。', integer: '请输入整数。',
    json: '不是有效的 JSON：{detail}', named: '服务器拒绝了此门禁（见下方消息）。', metricExample: '如 auc', aliasesExample: '如 champion, canary',
  },
);

function Field({ label, error, invalid, wide, children }: { label: string; error?: string | null; invalid: boolean; wide?: boolean; children: ReactNode }) {
  return (
    <label className={[wide && 'wide', invalid && 'invalid'].filter(Boolean).join(' ') || undefined}>
      {label}
      {children}
      {error && <span className="field-error" role="alert" data-testid="gate-field-error">{error}</span>}
    </label>
  );
}

/**
 * One gate of the editor: its kind, that kind's fields, the stages and aliases it guards. `problems`:
 * what the browser could not read in this row; `named`: the server's error names this row (and maybe one field).
 */
export function GateRowEditor({ row, index, offers, problems, named, onChange, onRemove }: {
  row: GateRow; index: number; offers: ReadonlyArray<GateOffer>; problems: ReadonlyArray<RowProblem>;
  named: { field: string | null } | null; onChange: (patch: Partial<GateRow>) => void; onRemove: () => void;
}) {
  const t = useT(M);
  const stageLabel = useStageLabel();
  const problem = (field: RowField) => problems.find((p) => p.field === field);
  const invalid = (field: RowField) => Boolean(problem(field)) || named?.field === field;
  const error = (field: RowField) => {
    const p = problem(field);
    return p ? t(p.key, { detail: p.detail ?? '' }) : null;
  };
  const offer = offers.find((o) => o.name === row.plugin);
  const flagged = problems.length > 0 || named !== null;

  return (
    <div className={`gate-row${flagged ? ' invalid' : ''}`} data-testid="gate-row" data-invalid={flagged || undefined}>
      <div className="gate-row-head">
        <strong>{t('gate', { n: index })}</strong>
        <select aria-label={t('kind')} value={row.kind} onChange={(e) => onChange({ kind: e.target.value as GateKind })} data-testid="gate-kind">
          {GATE_KINDS.map((k) => <option key={k} value={k} disabled={k === 'PLUGIN' && !offers.length}>{t(k)}</option>)}
        </select>
        <span className="spacer" />
        <button type="button" className="btn secondary small" onClick={onRemove} data-testid="gate-remove">{t('remove')}</button>
      </div>
      {named && <p className="field-error">{t('named')}</p>}
      <div className="gate-fields">
        {row.kind === 'METRIC_THRESHOLD' && (
          <>
            <Field label={t('metric')} invalid={invalid('metric')}>
              <input type="text" value={row.metric} onChange={(e) => onChange({ metric: e.target.value })} placeholder={t('metricExample')} data-testid="gate-metric" />
            </Field>
            <Field label={t('source')} invalid={invalid('source')}>
              <select value={row.source} onChange={(e) => onChange({ source: e.target.value as MetricSource })} data-testid="gate-source">
                {SOURCES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
              </select>
            </Field>
            <Field label={t('op')} invalid={invalid('op')}>
              <select value={row.op} onChange={(e) => onChange({ op: e.target.value as Comparison })} data-testid="gate-op">
                {COMPARISONS.map((o) => <option key={o} value={o}>{OP_SYMBOLS[o]}</option>)}
              </select>
            </Field>
            <Field label={t('threshold')} invalid={invalid('threshold')} error={error('threshold')}>
              <input type="text" inputMode="decimal" value={row.threshold} onChange={(e) => onChange({ threshold: e.target.value })} data-testid="gate-threshold" />
            </Field>
          </>
        )}
        {row.kind === 'UPSTREAM_QUALITY' && (
          <Field label={t('depth')} invalid={invalid('depth')} error={error('depth')}>
            <input type="text" inputMode="numeric" value={row.depth} onChange={(e) => onChange({ depth: e.target.value })} data-testid="gate-depth" />
          </Field>
        )}
        {row.kind === 'PLUGIN' && (
          <>
            <Field label={t('plugin')} invalid={invalid('plugin')}>
              <select value={row.plugin} onChange={(e) => onChange({ plugin: e.target.value })} data-testid="gate-plugin">
                {!row.plugin && <option value="">{t('choose')}</option>}
                {row.plugin && !offer && <option value={row.plugin}>{t('notOffered', { name: row.plugin })}</option>}
                {offers.map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
              </select>
            </Field>
            {offer?.description && <p className="hint gate-description" data-testid="gate-plugin-description">{offer.description}</p>}
            <Field label={t('params')} invalid={invalid('params')} error={error('params')} wide>
              <textarea rows={3} value={row.params} onChange={(e) => onChange({ params: e.target.value })} placeholder='{"url": "https://changes.example/api/approval"}' spellCheck={false} data-testid="gate-params" />
            </Field>
          </>
        )}
      </div>
      <div className={`gate-scope${invalid('stages') ? ' invalid' : ''}`}>
        <span>{t('guards')}</span>
        {STAGES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={row.stages.includes(s)} onChange={(e) => onChange({ stages: toggleStage(row.stages, s, e.target.checked) })} data-testid={`gate-stage-${s}`} />
            {stageLabel(s)}
          </label>
        ))}
      </div>
      <Field label={t('aliases')} invalid={invalid('aliases')}>
        <input type="text" value={row.aliases} onChange={(e) => onChange({ aliases: e.target.value })} placeholder={t('aliasesExample')} data-testid="gate-aliases" />
      </Field>
    </div>
  );
}
