/**
 * /alerts: the alerts open now (refreshed every 15 s), the tenant's rules with their last evaluation
 * and history, and a form to create one, with a preview of what it would see now. Viewers read;
 * editors and admins change.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from '../../shell/router.js';
import { lineagePath } from '../models/links.js';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import type { AlertRuleInput, AlertsPageQuery } from '../../gql/graphql.js';
import { useCanWrite, useViewer } from '../../ViewerBadge.js';
import { useFormat, useLang, useT } from '../../i18n/i18n.js';
import { DURATION_UNITS } from '../runs/compare.js';
import { formatNumber } from '../../charts/scale.js';
import {
  AlertHistoryDocument, AlertsPageDocument, CreateAlertRuleDocument, DeleteAlertRuleDocument, PreviewAlertRuleDocument, SetAlertRuleEnabledDocument, SilenceAlertRuleDocument, UpdateAlertRuleDocument,
} from './documents.js';
import { duration, OP_SYMBOL, parseLabels, runIdOf, seriesText, SEVERITY_CLASS, STATE_CLASS } from './alerts.js';
import { M } from './messages.js';
import { Notifications } from './Notifications.js';
import '../runs/tracking.css';

type Rule = AlertsPageQuery['alertRules'][number];
type Source = AlertRuleInput['source'];
const NO_VARIABLES = {};
const REFRESH_MS = 15_000;
const SOURCES = ['GPU', 'METRIC', 'TRACES', 'RUNS', 'FEATURES', 'TAGS'] as const satisfies readonly Source[];
const GPU_METRICS = ['utilization', 'memory_utilization', 'memory_used', 'memory_free', 'temperature', 'memory_temperature', 'power', 'sm_active', 'sm_occupancy', 'tensor_active', 'dram_active'];
const AGGREGATIONS = ['AVG', 'MIN', 'MAX', 'LAST', 'SUM'] as const satisfies readonly NonNullable<AlertRuleInput['aggregation']>[];
const TRACE_MEASURES = ['ERROR_RATE', 'LATENCY_P50_MS', 'LATENCY_P95_MS', 'LATENCY_P99_MS', 'COST_USD', 'TOKENS', 'COUNT'] as const satisfies readonly NonNullable<AlertRuleInput['measure']>[];
const RUN_MEASURES = ['FAILED_RUNS', 'ABORTED_RUNS', 'COMPLETED_RUNS', 'STARTED_RUNS'] as const satisfies readonly NonNullable<AlertRuleInput['measure']>[];
const FEATURE_MEASURES = ['FEATURE_VALUES', 'FEATURE_NULL_RATE', 'FEATURE_MEAN'] as const satisfies readonly NonNullable<AlertRuleInput['measure']>[];
const TAG_MEASURES = ['UNTAGGED_DOWNSTREAM'] as const satisfies readonly NonNullable<AlertRuleInput['measure']>[];
const MEASURES: Partial<Record<Source, readonly string[]>> = { TRACES: TRACE_MEASURES, RUNS: RUN_MEASURES, FEATURES: FEATURE_MEASURES, TAGS: TAG_MEASURES };
const LABELS_PLACEHOLDER: Record<Source, string> = { GPU: 'namespace=ml', METRIC: 'queue=ingest', TRACES: '', RUNS: 'job_namespace=airflow', FEATURES: 'group=dataset:<namespace>:<name>\nfeature=tenure_days', TAGS: 'tag=pii' };
/** Sources measured by a measure (not a metric and an aggregation). */
const MEASURED: readonly Source[] = ['TRACES', 'RUNS', 'FEATURES', 'TAGS'];
const OPS = ['GT', 'GTE', 'LT', 'LTE'] as const satisfies readonly AlertRuleInput['op'][];
const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const satisfies readonly NonNullable<AlertRuleInput['severity']>[];

export function AlertsPage() {
  const t = useT(M);
  const viewer = useViewer();
  const role = viewer?.role.toLowerCase() ?? '';
  const canWrite = useCanWrite();
  const page = useQuery(AlertsPageDocument, NO_VARIABLES);
  const { reload } = page;
  const [editing, setEditing] = useState<Rule | null>(null);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <div className="tracking-page alerts-page">
      <h1 data-testid="page-heading">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {page.error && <p className="error" role="alert">{page.error}</p>}
      <OpenAlerts alerts={page.data?.alerts ?? null} onRefresh={reload} />
      <Rules rules={page.data?.alertRules ?? null} canWrite={canWrite} onChange={reload} onEdit={setEditing} />
      {role === 'admin' ? <Notifications /> : viewer && <p className="card muted" data-testid="alerts-admins-choose">{t('adminsChoose')}</p>}
      {canWrite ? <RuleForm key={editing?.id ?? 'new'} editing={editing} onDone={() => { setEditing(null); reload(); }} onCancel={() => setEditing(null)} /> : viewer && <p className="card muted" data-testid="alerts-editors-only">{t('editorsOnly')}</p>}
    </div>
  );
}

function OpenAlerts({ alerts, onRefresh }: { alerts: AlertsPageQuery['alerts'] | null; onRefresh: () => void }) {
  const t = useT(M);
  const f = useFormat();
  return (
    <section className="card" data-testid="open-alerts">
      <div className="row"><h3>{t('open')}</h3><button type="button" className="small" onClick={onRefresh}>{t('refresh')}</button></div>
      {!alerts && <p className="muted">{t('loading')}</p>}
      {alerts?.length === 0 && <p className="muted empty" data-testid="no-open-alerts">{t('noOpen')}</p>}
      {!!alerts?.length && (
        <table className="table">
          <thead><tr><th>{t('severity')}</th><th>{t('state')}</th><th>{t('rule')}</th><th>{t('series')}</th><th>{t('value')}</th><th>{t('since')}</th><th>{t('run')}</th></tr></thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} data-testid="open-alert" data-state={a.state}>
                <td className="nowrap"><span className={`status ${SEVERITY_CLASS[a.severity]}`}>{t(a.severity)}</span></td>
                <td className="nowrap"><span className={`status ${STATE_CLASS[a.state]}`}>{t(a.state)}</span></td>
                <td>{a.ruleName}</td>
                <td className="mono small">{seriesText(a.labels as Record<string, string>)}</td>
                <td className="mono nowrap">{a.noData ? t('noDataValue') : `${a.value === null ? '–' : formatNumber(a.value)} ${OP_SYMBOL[a.op]} ${formatNumber(a.threshold)}`}</td>
                <td>{f.dateTime(a.firedAt ?? a.pendingSince)}</td>
                <td><SubjectLinks alert={a} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Where an alert's subject is shown: a run's page and GPUs, or the lineage of a job or feature group. */
function SubjectLinks({ alert }: { alert: { subjectId: string | null } }) {
  const t = useT(M);
  if (!alert.subjectId) return null;
  if (alert.subjectId.startsWith('run:')) return <RunLinks runId={runIdOf(alert.subjectId)} />;
  return <Link to={lineagePath(alert.subjectId, { select: true })} className="small" data-testid="alert-job-link">{t('openLineage')}</Link>;
}

function RunLinks({ runId }: { runId: string }) {
  const t = useT(M);
  return (
    <span className="small">
      <Link to={`/runs/${encodeURIComponent(runId)}`} data-testid="alert-run-link">{t('openRun')}</Link>
      {' · '}
      <Link to={`/gpu?run=${encodeURIComponent(runId)}`}>{t('gpus')}</Link>
    </span>
  );
}

function useConditionText() {
  const t = useT(M);
  const units = DURATION_UNITS[useLang().lang];
  return (r: Pick<Rule, 'source' | 'metric' | 'aggregation' | 'measure' | 'service' | 'op' | 'threshold' | 'windowSeconds' | 'forSeconds' | 'alertOnNoData'>) => {
    const what = MEASURED.includes(r.source) ? `${t(r.measure!)}${r.service ? ` (${r.service})` : ''}` : `${t(r.aggregation!)} ${r.metric}${r.service ? ` (${r.service})` : ''}`;
    const text = t('conditionText', { what, op: OP_SYMBOL[r.op]!, threshold: formatNumber(r.threshold), window: duration(r.windowSeconds, units), for: duration(r.forSeconds, units) });
    return r.alertOnNoData ? `${text}; ${t('orNoData')}` : text;
  };
}

function Rules({ rules, canWrite, onChange, onEdit }: { rules: Rule[] | null; canWrite: boolean; onChange: () => void; onEdit: (rule: Rule) => void }) {
  const t = useT(M);
  const f = useFormat();
  const condition = useConditionText();
  const [setEnabled, enabling] = useMutation(SetAlertRuleEnabledDocument);
  const [remove, removing] = useMutation(DeleteAlertRuleDocument);
  const [silence, silencing] = useMutation(SilenceAlertRuleDocument);
  const silenced = (r: Rule) => r.silencedUntil !== null && Date.parse(r.silencedUntil) > Date.now();
  const toggleSilence = async (r: Rule) => { if (await silence({ id: r.id, minutes: silenced(r) ? 0 : 60 })) onChange(); };
  const [shown, setShown] = useState<string | null>(null);
  const toggle = async (r: Rule) => { if (await setEnabled({ id: r.id, enabled: !r.enabled })) onChange(); };
  const del = async (r: Rule) => {
    if (!window.confirm(t('confirmDelete', { name: r.name }))) return;
    if (await remove({ id: r.id })) onChange();
  };
  const error = enabling.error ?? removing.error ?? silencing.error;
  return (
    <section className="card" data-testid="alert-rules">
      <h3>{t('rules')}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!rules && <p className="muted">{t('loading')}</p>}
      {rules?.length === 0 && <p className="muted empty">{t('noRules')}</p>}
      {!!rules?.length && (
        <table className="table">
          <thead><tr><th>{t('rule')}</th><th>{t('condition')}</th><th>{t('severity')}</th><th>{t('status')}</th><th /></tr></thead>
          <tbody>
            {rules.map((r) => (
              <RuleRow key={r.id} rule={r} expanded={shown === r.id}>
                <td>{r.name}{r.description && <div className="muted small">{r.description}</div>}</td>
                <td className="small">{t(r.source)}: {condition(r)}{r.labels.length > 0 && <div className="mono muted">{r.labels.map((l) => `${l.key}=${l.value}`).join(' ')}</div>}</td>
                <td className="nowrap"><span className={`status ${SEVERITY_CLASS[r.severity]}`}>{t(r.severity)}</span></td>
                <td className="small">
                  <span className={`status ${r.enabled ? 'COMPLETED' : ''}`}>{t(r.enabled ? 'enabled' : 'paused')}</span>
                  <div className="muted">{r.lastEvaluatedAt ? t('evaluated', { at: f.dateTime(r.lastEvaluatedAt), n: r.lastSeries ?? 0 }) : t('notEvaluated')} {r.lastTruncated && t('truncated')}</div>
                  {r.lastError && <div className="error" data-testid="rule-error">{r.lastError}</div>}
                  {silenced(r) && <div className="muted" data-testid="rule-silenced">{t('silencedUntil', { at: f.dateTime(r.silencedUntil!) })}</div>}
                </td>
                <td><div className="row nowrap">
                  <button type="button" className="small" onClick={() => setShown(shown === r.id ? null : r.id)} data-testid="rule-history">{t(shown === r.id ? 'hideHistory' : 'history')}</button>
                  {canWrite && <button type="button" className="small" data-testid="rule-edit" onClick={() => onEdit(r)}>{t('edit')}</button>}
                  {canWrite && r.enabled && <button type="button" className="small" data-testid="rule-silence" onClick={() => toggleSilence(r)}>{t(silenced(r) ? 'unsilence' : 'silence')}</button>}
                  {canWrite && <button type="button" className="small" data-testid="rule-toggle" onClick={() => toggle(r)}>{t(r.enabled ? 'pause' : 'resume')}</button>}
                  {canWrite && <button type="button" className="small danger" data-testid="rule-delete" onClick={() => del(r)}>{t('delete')}</button>}
                </div></td>
              </RuleRow>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RuleRow({ rule, expanded, children }: { rule: Rule; expanded: boolean; children: ReactNode }) {
  return (
    <>
      <tr data-testid="alert-rule" data-rule-id={rule.id}>{children}</tr>
      {expanded && <tr><td colSpan={5}><RuleHistory ruleId={rule.id} /></td></tr>}
    </>
  );
}

function RuleHistory({ ruleId }: { ruleId: string }) {
  const t = useT(M);
  const f = useFormat();
  const history = useQuery(AlertHistoryDocument, { ruleId });
  const alerts = history.data?.alerts;
  if (!alerts) return <p className="muted">{history.error ?? t('loading')}</p>;
  if (!alerts.length) return <p className="muted">{t('noHistory')}</p>;
  return (
    <table className="table" data-testid="rule-history-table">
      <thead><tr><th>{t('state')}</th><th>{t('series')}</th><th>{t('value')}</th><th>{t('since')}</th><th>{t('closed')}</th><th>{t('reason')}</th></tr></thead>
      <tbody>
        {alerts.map((a) => (
          <tr key={a.id} data-testid="history-alert" data-state={a.state}>
            <td><span className={`status ${STATE_CLASS[a.state]}`}>{t(a.state)}</span></td>
            <td className="mono small">{seriesText(a.labels as Record<string, string>)}</td>
            <td className="mono">{a.noData ? t('noDataValue') : a.value === null ? '–' : formatNumber(a.value)}</td>
            <td>{f.dateTime(a.firedAt ?? a.pendingSince)}</td>
            <td>{a.closedAt ? f.dateTime(a.closedAt) : '–'}</td>
            <td>{a.closeReason ? t(a.closeReason as 'NO_DATA') : '–'} <SubjectLinks alert={a} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form of a rule's fields (text as typed), for a new rule or one being edited. */
function formOf(rule: Rule | null) {
  if (!rule) {
    return {
      name: '', source: 'GPU' as Source, metric: 'utilization', labels: '', service: '', aggregation: 'AVG', measure: 'ERROR_RATE', llmOnly: true, alertOnNoData: false,
      op: 'LT', threshold: '10', windowSeconds: '300', forSeconds: '600', severity: 'WARNING',
    };
  }
  return {
    name: rule.name, source: rule.source, metric: rule.metric ?? '', labels: rule.labels.map((l) => `${l.key}=${l.value}`).join('\n'), service: rule.service ?? '',
    aggregation: rule.aggregation ?? 'AVG', measure: rule.measure ?? 'ERROR_RATE', llmOnly: rule.llmOnly, alertOnNoData: rule.alertOnNoData, op: rule.op, threshold: String(rule.threshold),
    windowSeconds: String(rule.windowSeconds), forSeconds: String(rule.forSeconds), severity: rule.severity,
  };
}

/** A new rule, or `editing` (its fields replaced on Save). */
function RuleForm({ editing, onDone, onCancel }: { editing: Rule | null; onDone: () => void; onCancel: () => void }) {
  const t = useT(M);
  const [form, setForm] = useState(() => formOf(editing));
  const box = useRef<HTMLElement>(null);
  useEffect(() => { if (editing) box.current?.scrollIntoView?.({ block: 'nearest' }); }, [editing]);
  const [labelsError, setLabelsError] = useState<string | null>(null);
  const [preview, previewState, resetPreview] = useMutation(PreviewAlertRuleDocument);
  const [create, createState] = useMutation(CreateAlertRuleDocument);
  const [update, updateState] = useMutation(UpdateAlertRuleDocument);
  const saving = editing ? updateState : createState;
  const set = (patch: Partial<typeof form>) => { setForm({ ...form, ...patch }); resetPreview(); };
  const input = (): AlertRuleInput | null => {
    const parsed = parseLabels(form.labels);
    if ('badLine' in parsed) {
      setLabelsError(t('badLabelsLine', { labels: t('labels'), n: parsed.badLine }));
      return null;
    }
    setLabelsError(null);
    const base = {
      name: form.name.trim(), source: form.source, op: form.op as AlertRuleInput['op'], threshold: Number(form.threshold),
      windowSeconds: Number(form.windowSeconds), forSeconds: Number(form.forSeconds), severity: form.severity as AlertRuleInput['severity'],
      alertOnNoData: form.alertOnNoData,
    };
    const measure = form.measure as AlertRuleInput['measure'];
    if (form.source === 'TRACES') return { ...base, measure, llmOnly: form.llmOnly, service: form.service.trim() || null };
    // Measured by labels (a job, a feature group, a tag), not a service.
    if (form.source === 'RUNS' || form.source === 'FEATURES' || form.source === 'TAGS') return { ...base, measure, labels: parsed.labels };
    return { ...base, metric: form.metric.trim(), aggregation: form.aggregation as AlertRuleInput['aggregation'], labels: parsed.labels, service: form.source === 'METRIC' ? form.service.trim() || null : null };
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const i = input();
    if (i && await (editing ? update({ id: editing.id, input: i }) : create({ input: i }))) {
      setForm({ ...form, name: '' });
      resetPreview();
      onDone();
    }
  };
  const runPreview = async () => { const i = input(); if (i) await preview({ input: i }); };
  const p = previewState.data?.previewAlertRule;
  const f = useFormat();
  return (
    <section className="card stack-sm" data-testid="new-alert-rule" ref={box}>
      <h3>{editing ? t('editRule', { name: editing.name }) : t('newRule')}</h3>
      <form className="stack-sm" onSubmit={submit}>
        <div className="row">
          <div className="field"><label htmlFor="rule-name">{t('name')}</label>
            <input id="rule-name" data-testid="rule-name" required value={form.name} maxLength={200} placeholder={t('namePlaceholder')} onChange={(e) => set({ name: e.target.value })} /></div>
          <div className="field"><label htmlFor="rule-source">{t('source')}</label>
            <select id="rule-source" data-testid="rule-source" value={form.source} onChange={(e) => {
              const source = e.target.value as Source;
              set({ source, metric: source === 'GPU' ? 'utilization' : '', op: source === 'GPU' ? 'LT' : 'GT', measure: MEASURES[source]?.[0] ?? 'ERROR_RATE', threshold: source === 'RUNS' || source === 'TAGS' ? '0' : form.threshold });
            }}>{SOURCES.map((s) => <option key={s} value={s}>{t(s)}</option>)}</select></div>
          <div className="field"><label htmlFor="rule-severity">{t('severity')}</label>
            <select id="rule-severity" data-testid="rule-severity" value={form.severity} onChange={(e) => set({ severity: e.target.value })}>{SEVERITIES.map((s) => <option key={s} value={s}>{t(s)}</option>)}</select></div>
        </div>
        <div className="row">
          {MEASURED.includes(form.source) ? (
            <>
              <div className="field"><label htmlFor="rule-measure">{t('measure')}</label>
                <select id="rule-measure" data-testid="rule-measure" value={form.measure} onChange={(e) => set({ measure: e.target.value })}>
                  {(MEASURES[form.source] ?? []).map((m) => <option key={m} value={m}>{t(m as (typeof FEATURE_MEASURES)[number])}</option>)}
                </select></div>
              {form.source === 'TRACES' && <label className="small"><input type="checkbox" checked={form.llmOnly} onChange={(e) => set({ llmOnly: e.target.checked })} /> {t('llmOnly')}</label>}
            </>
          ) : (
            <>
              <div className="field"><label htmlFor="rule-metric">{t('metric')}</label>
                {form.source === 'GPU'
                  ? <select id="rule-metric" data-testid="rule-metric" value={form.metric} onChange={(e) => set({ metric: e.target.value })}>{GPU_METRICS.map((m) => <option key={m} value={m}>{m}</option>)}</select>
                  : <input id="rule-metric" data-testid="rule-metric" value={form.metric} placeholder={t('metricPlaceholder')} onChange={(e) => set({ metric: e.target.value })} />}</div>
              <div className="field"><label htmlFor="rule-aggregation">{t('aggregation')}</label>
                <select id="rule-aggregation" data-testid="rule-aggregation" value={form.aggregation} onChange={(e) => set({ aggregation: e.target.value })}>{AGGREGATIONS.map((a) => <option key={a} value={a}>{t(a)}</option>)}</select></div>
            </>
          )}
          {(form.source === 'METRIC' || form.source === 'TRACES') && (
            <div className="field"><label htmlFor="rule-service">{t('service')}</label>
              <input id="rule-service" data-testid="rule-service" value={form.service} placeholder={t('anyService')} onChange={(e) => set({ service: e.target.value })} /></div>
          )}
          <div className="field"><label htmlFor="rule-op">{t('op')}</label>
            <select id="rule-op" data-testid="rule-op" value={form.op} onChange={(e) => set({ op: e.target.value })}>{OPS.map((o) => <option key={o} value={o}>{OP_SYMBOL[o]}</option>)}</select></div>
          <div className="field"><label htmlFor="rule-threshold">{t('threshold')}</label>
            <input id="rule-threshold" data-testid="rule-threshold" type="number" step="any" required value={form.threshold} onChange={(e) => set({ threshold: e.target.value })} /></div>
          <div className="field"><label htmlFor="rule-window">{t('window')}</label>
            <input id="rule-window" data-testid="rule-window" type="number" min={60} max={86400} required value={form.windowSeconds} onChange={(e) => set({ windowSeconds: e.target.value })} /></div>
          <div className="field"><label htmlFor="rule-for">{t('forSeconds')}</label>
            <input id="rule-for" data-testid="rule-for" type="number" min={0} max={86400} required value={form.forSeconds} onChange={(e) => set({ forSeconds: e.target.value })} /></div>
        </div>
        {form.source !== 'TRACES' && (
          <div className="field"><label htmlFor="rule-labels">{t('labels')}</label>
            <textarea id="rule-labels" data-testid="rule-labels" rows={2} value={form.labels} placeholder={LABELS_PLACEHOLDER[form.source]} onChange={(e) => set({ labels: e.target.value })} /></div>
        )}
        <label className="small"><input type="checkbox" data-testid="rule-no-data" checked={form.alertOnNoData} onChange={(e) => set({ alertOnNoData: e.target.checked })} /> {t('alertOnNoData')}</label>
        <div className="row">
          <button type="button" data-testid="rule-preview" onClick={runPreview} disabled={previewState.running}>{previewState.running ? t('previewing') : t('preview')}</button>
          <button type="submit" className="primary" data-testid="rule-create" disabled={saving.running}>{saving.running ? t('creating') : t(editing ? 'save' : 'create')}</button>
          {editing && <button type="button" data-testid="rule-cancel" onClick={onCancel}>{t('cancel')}</button>}
        </div>
      </form>
      {(labelsError ?? previewState.error ?? saving.error) && <p className="error" role="alert" data-testid="rule-form-error">{labelsError ?? previewState.error ?? saving.error}</p>}
      {p && (
        <div data-testid="rule-preview-result">
          <p className="muted small">{p.series.length ? t('previewHead', { n: p.series.length, from: f.dateTime(p.from), to: f.dateTime(p.to) }) : t('previewNone')}</p>
          {p.series.length > 0 && (
            <table className="table">
              <thead><tr><th>{t('series')}</th><th>{t('value')}</th><th>{t('samples')}</th><th /></tr></thead>
              <tbody>
                {p.series.map((s, i) => (
                  <tr key={i} data-testid="preview-series" data-breaching={s.breaching ? 'true' : 'false'}>
                    <td className="mono small">{seriesText(s.labels as Record<string, string>)}</td>
                    <td className="mono">{s.value === null ? t('noDataValue') : formatNumber(s.value)}</td>
                    <td>{s.samples}</td>
                    <td><span className={`status ${s.breaching ? 'FAILED' : 'COMPLETED'}`}>{t(s.breaching ? 'breaching' : 'ok')}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
