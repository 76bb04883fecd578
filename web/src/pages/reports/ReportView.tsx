/**
 * A report's content, section by section (those it holds): its figures, then tables of what moved
 * (a list's first entries, and how many more there were). Shared by kept and on-demand reports.
 */
import type { ReactNode } from 'react';
import { Link } from '../../shell/router.js';
import type { ReportSection } from '../../gql/graphql.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { formatDuration } from '../traces/waterfall.js';
import { SEVERITY_CLASS } from '../alerts/alerts.js';
import { M as ALERT_WORDS } from '../alerts/messages.js';
import { lineagePath } from '../models/links.js';
import { changeText, utcText, type ReportContent } from './reports.js';
import { M } from './messages.js';

type Part<K extends keyof ReportContent> = NonNullable<ReportContent[K]>;

export function ReportView({ content }: { content: ReportContent }) {
  return <div className="report-view" data-testid="report-view">{content.sections.map((s) => <SectionOf key={s} section={s} content={content} />)}</div>;
}

function SectionOf({ section, content }: { section: ReportSection; content: ReportContent }) {
  switch (section) {
    case 'LINEAGE': return content.lineage ? <Lineage l={content.lineage} /> : null;
    case 'QUALITY': return content.quality ? <Quality q={content.quality} /> : null;
    case 'MODELS': return content.models ? <Models m={content.models} /> : null;
    case 'LLM': return content.llm ? <Llm l={content.llm} /> : null;
    case 'GPU': return content.gpu ? <Gpu g={content.gpu} /> : null;
    case 'ALERTS': return content.alerts ? <Alerts a={content.alerts} /> : null;
    default:
      section satisfies never;
      return null;
  }
}

function Section({ section, figures, children }: { section: ReportSection; figures: ReactNode; children?: ReactNode }) {
  const t = useT(M);
  return (
    <section className="report-section" data-testid={`report-section-${section.toLowerCase()}`}>
      <h3>{t(section)}</h3>
      <dl className="figures">{figures}</dl>
      {children}
    </section>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return <div><dt>{label}</dt><dd data-testid={testId}>{value}</dd>{note && <dd className="figure-note">{note}</dd>}</div>;
}

/** A section's table: its header cells (a `[label, 'num']` one right-aligned, as numbers are), then its rows. */
function Table({ heads, children }: { heads: (string | [string, 'num'])[]; children: ReactNode }) {
  return (
    <table className="table">
      <thead><tr>{heads.map((h, i) => (Array.isArray(h) ? <th key={i} className="num">{h[0]}</th> : <th key={i}>{h}</th>))}</tr></thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** "and 4 more" when a list was cut. */
function More({ count, shown }: { count: number; shown: number }) {
  const t = useT(M);
  return count > shown ? <span className="muted small"> {t('more', { n: count - shown })}</span> : null;
}

function Lineage({ l }: { l: Part<'lineage'> }) {
  const t = useT(M);
  const f = useFormat();
  const n = (v: number) => f.number(v, 0);
  return (
    <Section section="LINEAGE" figures={<>
      <Figure label={t('events')} value={n(l.events)} />
      <Figure label={t('runs')} value={n(l.runs)} note={t('runOutcomes', { completed: n(l.completedRuns), failed: n(l.failedRuns), aborted: n(l.abortedRuns) })} testId="report-lineage-runs" />
      <Figure label={t('jobs')} value={n(l.jobs)} />
      <Figure label={t('datasets')} value={n(l.datasets)} />
      <Figure label={t('newDatasets')} value={n(l.newDatasets.count)} />
    </>}>
      {l.newDatasets.count > 0 && (
        <p className="small">{t('newDatasets')}: {l.newDatasets.first.map((d, i) => (
          // `namespace:name`, as the event archive files datasets: the dataset's node id is `dataset:` and that.
          <span key={d}>{i > 0 && ', '}<Link to={lineagePath(`dataset:${d}`, { select: true })} className="mono" data-testid="report-new-dataset">{d}</Link></span>
        ))}<More count={l.newDatasets.count} shown={l.newDatasets.first.length} /></p>
      )}
      {l.failingJobs.length > 0 && (
        <Table heads={[t('failingJobs'), [t('failed'), 'num'], [t('completed'), 'num']]}>{l.failingJobs.map((j) => <tr key={`${j.namespace}/${j.name}`}><td><Link to={lineagePath(`job:${j.namespace}:${j.name}`, { select: true })} className="mono" data-testid="report-failing-job">{j.namespace}/{j.name}</Link></td><td className="num">{n(j.failedRuns)}</td><td className="num">{n(j.completedRuns)}</td></tr>)}</Table>
      )}
    </Section>
  );
}

function Quality({ q }: { q: Part<'quality'> }) {
  const t = useT(M);
  const f = useFormat();
  return (
    <Section section="QUALITY" figures={<>
      <Figure label={t('checks')} value={f.number(q.checks, 0)} />
      <Figure label={t('failedChecks')} value={f.number(q.failedChecks, 0)} />
    </>}>
      {q.groups.length > 0 && (
        <Table heads={[t('group'), [t('checks'), 'num'], [t('failed'), 'num'], t('latest')]}>
          {q.groups.map((g) => (
            <tr key={g.id}>
              <td className="mono">{g.name}</td><td className="num">{f.number(g.checks, 0)}</td><td className="num">{f.number(g.failedChecks, 0)}</td>
              <td><span className={`status ${g.latestPassed ? 'COMPLETED' : 'FAILED'}`}>{t(g.latestPassed ? 'passed' : 'failedCheck')}</span></td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

function Models({ m }: { m: Part<'models'> }) {
  const t = useT(M);
  const f = useFormat();
  const v = (version: number | null) => (version === null ? '–' : `v${version}`);
  return (
    <Section section="MODELS" figures={<>
      <Figure label={t('registered')} value={f.number(m.registered.count, 0)} />
      <Figure label={t('stageChanges')} value={f.number(m.stageChanges.count, 0)} />
      <Figure label={t('refused')} value={f.number(m.refused.count, 0)} />
      <Figure label={t('aliasChanges')} value={f.number(m.aliasChanges, 0)} />
    </>}>
      {m.registered.count > 0 && <p className="small">{t('registered')}: {m.registered.first.map((r) => `${r.model} ${v(r.version)}`).join(', ')}<More count={m.registered.count} shown={m.registered.first.length} /></p>}
      {m.stageChanges.count > 0 && (
        <Table heads={[t('stageChanges'), t('version'), t('change'), t('by'), t('when')]}>{m.stageChanges.first.map((c, i) => <tr key={i}><td>{c.model}</td><td>{v(c.version)}</td><td>{c.from ?? '–'} → {c.to ?? '–'}</td><td>{c.actor ?? '–'}</td><td className="nowrap">{utcText(c.at)}</td></tr>)}</Table>
      )}
      {m.refused.count > 0 && (
        <Table heads={[t('refused'), t('version'), t('toStage'), t('reason'), t('when')]}>{m.refused.first.map((r, i) => <tr key={i}><td>{r.model}</td><td>{v(r.version)}</td><td>{r.to ?? '–'}</td><td className="small">{r.reason}</td><td className="nowrap">{utcText(r.at)}</td></tr>)}</Table>
      )}
    </Section>
  );
}

function Llm({ l }: { l: Part<'llm'> }) {
  const t = useT(M);
  const f = useFormat();
  const usd = (v: number) => f.number(v, 4);
  const before = (value: string, now: number, then: number) => {
    const change = changeText(now, then);
    return `${t('before', { value })}${change ? ` (${change})` : ''}`;
  };
  return (
    <Section section="LLM" figures={<>
      <Figure label={t('calls')} value={f.number(l.calls, 0)} note={before(f.number(l.previous.calls, 0), l.calls, l.previous.calls)} testId="report-llm-calls" />
      <Figure label={t('tokens')} value={f.number(l.inputTokens + l.outputTokens, 0)} note={t('tokensSplit', { input: f.number(l.inputTokens, 0), output: f.number(l.outputTokens, 0) })} />
      <Figure label={t('cost')} value={usd(l.costUsd)} note={before(usd(l.previous.costUsd), l.costUsd, l.previous.costUsd)} testId="report-llm-cost" />
    </>}>
      {l.byModel.length > 0 && (
        <Table heads={[t('model'), [t('calls'), 'num'], [t('tokens'), 'num'], [t('cost'), 'num'], [t('p50'), 'num'], [t('p99'), 'num']]}>
          {l.byModel.map((r) => (
            <tr key={r.model}>
              <td className="mono">{r.model || '–'}</td><td className="num">{f.number(r.calls, 0)}</td><td className="num">{f.number(r.totalTokens, 0)}</td>
              <td className="num">{usd(r.costUsd)}</td><td className="num">{formatDuration(r.latencyP50Ms)}</td><td className="num">{formatDuration(r.latencyP99Ms)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

function Gpu({ g }: { g: Part<'gpu'> }) {
  const t = useT(M);
  const f = useFormat();
  return (
    <Section section="GPU" figures={<>
      <Figure label={t('gpuHours')} value={f.number(g.gpuHours, 2)} testId="report-gpu-hours" />
      <Figure label={t('gpus')} value={f.number(g.gpus, 0)} />
    </>}>
      {g.byPod.length > 0 && (
        <Table heads={[t('pod'), [t('gpus'), 'num'], [t('gpuHours'), 'num'], [t('meanUtil'), 'num']]}>
          {g.byPod.map((p) => (
            <tr key={`${p.namespace}/${p.pod}`}>
              <td className="mono">{p.namespace}/{p.pod}</td><td className="num">{f.number(p.gpus, 0)}</td><td className="num">{f.number(p.gpuHours, 2)}</td>
              <td className="num">{p.meanUtilization === null ? '–' : `${f.number(p.meanUtilization, 1)} %`}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

function Alerts({ a }: { a: Part<'alerts'> }) {
  const t = useT(M);
  const severity = useT(ALERT_WORDS);
  const f = useFormat();
  return (
    <Section section="ALERTS" figures={<>
      <Figure label={t('fired')} value={f.number(a.fired, 0)} />
      <Figure label={t('resolved')} value={f.number(a.resolved, 0)} />
      <Figure label={t('firingAtEnd')} value={f.number(a.firingAtEnd, 0)} />
    </>}>
      {a.byRule.length > 0 && (
        <Table heads={[t('rule'), t('severity'), [t('fired'), 'num']]}>
          {a.byRule.map((r) => (
            <tr key={r.rule}>
              <td>{r.rule}</td>
              <td><span className={`status ${SEVERITY_CLASS[r.severity] ?? ''}`}>{severity(r.severity as 'INFO')}</span></td>
              <td className="num">{f.number(r.fired, 0)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
