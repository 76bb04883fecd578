import { useEffect, useState, type FormEvent } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { RANGES, type Range, type TraceFilterParams } from './filters.js';

const M = defineMessages(
  {
    service: 'Service', model: 'Model', prompt: 'Prompt (name or name@version)', status: 'Status', range: 'Started', any: 'Any', OK: 'OK', ERROR: 'Error',
    apply: 'Apply', clear: 'Clear', '15m': 'Last 15 minutes', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'Any time',
  },
  {
    service: '服务', model: '模型', prompt: '提示词（名称或 名称@版本）', status: '状态', range: '开始时间', any: '全部', OK: '正常', ERROR: '错误',
    apply: '应用', clear: '清除', '15m': '最近 15 分钟', '1h': '最近 1 小时', '24h': '最近 24 小时', '7d': '最近 7 天', '30d': '最近 30 天', all: '任意时间',
  },
);

/** Text filters apply on submit; status and time range apply at once. */
export function TraceFilters({ value, onChange }: { value: TraceFilterParams; onChange: (next: Partial<TraceFilterParams>) => void }) {
  const t = useT(M);
  const [draft, setDraft] = useState({ service: value.service, model: value.model, prompt: value.prompt });
  useEffect(() => setDraft({ service: value.service, model: value.model, prompt: value.prompt }), [value.service, value.model, value.prompt]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ service: draft.service.trim(), model: draft.model.trim(), prompt: draft.prompt.trim() });
  };
  const text = (key: 'service' | 'model' | 'prompt') => (
    <label>{t(key)}<input value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`filter-${key}`} /></label>
  );
  return (
    <form className="inline-form card" onSubmit={submit} data-testid="trace-filters">
      {text('service')}
      {text('model')}
      {text('prompt')}
      <label>{t('status')}
        <select value={value.status} onChange={(e) => onChange({ status: e.target.value as TraceFilterParams['status'] })} data-testid="filter-status">
          <option value="">{t('any')}</option><option value="OK">{t('OK')}</option><option value="ERROR">{t('ERROR')}</option>
        </select>
      </label>
      <label>{t('range')}
        <select value={value.range} onChange={(e) => onChange({ range: e.target.value as Range })} data-testid="filter-range">
          {RANGES.map((r) => <option key={r} value={r}>{t(r)}</option>)}
        </select>
      </label>
      <button type="submit" className="btn" data-testid="filter-apply">{t('apply')}</button>
      <button type="button" className="btn secondary" onClick={() => onChange({ service: '', model: '', prompt: '', status: '', range: 'all' })} data-testid="filter-clear">{t('clear')}</button>
    </form>
  );
}
