/**
 * /reports: the tenant's report schedules (`?schedule=<id>`: its reports, newest first, and one of them,
 * `&report=<id>`, the newest by default), a form to create one, and a report of any period on demand.
 * Viewers read; editors and admins create, pause, delete and run schedules.
 */
import { useQuery } from '../../api/useQuery.js';
import { useMutation } from '../../api/useMutation.js';
import type { ReportSchedulesQuery } from '../../gql/graphql.js';
import { Link, useQueryParams, withQuery } from '../../shell/router.js';
import { useCanWrite, useViewer } from '../../ViewerBadge.js';
import { useT } from '../../i18n/i18n.js';
import { DeleteReportScheduleDocument, ReportDocument, ReportSchedulesDocument, RunReportScheduleDocument, ScheduleReportsDocument, UpdateReportScheduleDocument } from './documents.js';
import { cadenceText, periodText, toggledInput, utcText } from './reports.js';
import { ReportView } from './ReportView.js';
import { ScheduleForm } from './ScheduleForm.js';
import { OnDemand } from './OnDemand.js';
import { M } from './messages.js';
import '../runs/tracking.css';

type Schedule = ReportSchedulesQuery['reportSchedules'][number];
const NO_VARIABLES = {};

export function ReportsPage() {
  const t = useT(M);
  const viewer = useViewer();
  const canWrite = useCanWrite();
  const [query, setQuery] = useQueryParams();
  const schedules = useQuery(ReportSchedulesDocument, NO_VARIABLES);
  const list = schedules.data?.reportSchedules ?? null;
  const selectedId = query.get('schedule');
  const selected = list?.find((s) => s.id === selectedId) ?? null;
  const created = (id: string) => { schedules.reload(); setQuery({ schedule: id, report: null }, { push: true }); };
  return (
    <div className="tracking-page reports-page">
      <h1 data-testid="page-heading">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {schedules.error && <p className="error" role="alert">{schedules.error}</p>}
      <div className="split">
        <aside className="stack">
          <Schedules list={list} selected={selectedId} />
          {canWrite ? <ScheduleForm onCreated={created} /> : viewer && <p className="card muted" data-testid="reports-editors-only">{t('editorsOnly')}</p>}
        </aside>
        <main className="stack">
          {selected
            ? <ScheduleDetail key={selected.id} schedule={selected} canWrite={canWrite} onChange={schedules.reload} />
            : <p className="card muted empty" data-testid="reports-pick">{t(selectedId && list ? 'gone' : 'pick')}</p>}
          <OnDemand />
        </main>
      </div>
    </div>
  );
}

function Schedules({ list, selected }: { list: Schedule[] | null; selected: string | null }) {
  const t = useT(M);
  return (
    <section className="card" data-testid="reports-schedules">
      <h3>{t('schedules')}</h3>
      {!list && <p className="muted">{t('loading')}</p>}
      {list?.length === 0 && <p className="muted empty" data-testid="reports-no-schedules">{t('noSchedules')}</p>}
      {!!list?.length && (
        <ul className="device-list">
          {list.map((s) => (
            <li key={s.id} className={s.id === selected ? 'selected' : undefined} data-testid="reports-schedule" data-schedule-id={s.id}>
              <Link to={withQuery('/reports', { schedule: s.id })}>
                <div className="row"><b>{s.name}</b><ScheduleState enabled={s.enabled} /></div>
                <div className="small">{cadenceText(s, t)}</div>
                <div className="small muted">{s.sections.map((x) => t(x)).join(' · ')}</div>
                {s.createdBy && <div className="small muted">{t('createdBy', { who: s.createdBy })}</div>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScheduleState({ enabled }: { enabled: boolean }) {
  const t = useT(M);
  return <span className={`status ${enabled ? 'COMPLETED' : ''}`} data-testid="reports-schedule-state">{t(enabled ? 'enabled' : 'paused')}</span>;
}

/** A schedule: what it sums up and when, its actions (editors), its reports and the one picked. */
function ScheduleDetail({ schedule, canWrite, onChange }: { schedule: Schedule; canWrite: boolean; onChange: () => void }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const reports = useQuery(ScheduleReportsDocument, { id: schedule.id });
  const list = reports.data?.reportSchedule.reports ?? null;
  const reportId = query.get('report') ?? list?.[0]?.id ?? null;
  const report = useQuery(ReportDocument, reportId ? { id: reportId } : null);
  const [update, updating] = useMutation(UpdateReportScheduleDocument);
  const [remove, removing] = useMutation(DeleteReportScheduleDocument);
  const [run, running] = useMutation(RunReportScheduleDocument);
  const toggle = async () => { if (await update({ id: schedule.id, input: toggledInput(schedule) })) onChange(); };
  const del = async () => {
    if (!window.confirm(t('confirmDelete', { name: schedule.name }))) return;
    if (await remove({ id: schedule.id })) { setQuery({ schedule: null, report: null }); onChange(); }
  };
  const runNow = async () => {
    const made = await run({ id: schedule.id });
    if (!made) return;
    setQuery({ report: made.runReportSchedule.id });
    reports.reload();
    report.reload();
  };
  const error = updating.error ?? removing.error ?? running.error ?? reports.error;
  const shown = report.data?.report;
  return (
    <>
      <section className="card stack-sm" data-testid="reports-schedule-detail">
        <h2>{schedule.name} <ScheduleState enabled={schedule.enabled} /></h2>
        <p className="muted">{cadenceText(schedule, t)} · {schedule.sections.map((x) => t(x)).join(' · ')}</p>
        {canWrite && (
          <div className="row">
            <button type="button" className="primary" data-testid="reports-run" onClick={runNow} disabled={running.running}>{t(running.running ? 'making' : 'runNow')}</button>
            <button type="button" data-testid="reports-toggle" onClick={toggle} disabled={updating.running}>{t(schedule.enabled ? 'pause' : 'resume')}</button>
            <button type="button" className="danger" data-testid="reports-delete" onClick={del} disabled={removing.running}>{t('delete')}</button>
          </div>
        )}
        {error && <p className="error" role="alert" data-testid="reports-action-error">{error}</p>}
        <h3>{t('reports')}</h3>
        {!list && !reports.error && <p className="muted">{t('loading')}</p>}
        {list?.length === 0 && <p className="muted" data-testid="reports-no-reports">{t('noReports')}</p>}
        {!!list?.length && (
          <table className="table">
            <thead><tr><th>{t('report')}</th><th>{t('period')}</th><th>{t('made')}</th></tr></thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} className={r.id === reportId ? 'selected' : undefined} data-testid="reports-report-row" data-to={r.to}>
                  <td><Link to={withQuery(`/reports?${query.toString()}`, { report: r.id })}>{r.name}</Link></td>
                  <td className="nowrap">{periodText(r.from, r.to)}</td>
                  <td className="nowrap">{utcText(r.generatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {reportId && (
        <section className="card" data-testid="reports-report" data-report-id={shown?.id}>
          {report.error && <p className="error" role="alert">{report.error}</p>}
          {!shown && !report.error && <p className="muted">{t('loading')}</p>}
          {shown && (
            <>
              <h2>{shown.name} <span className="muted small">{periodText(shown.from, shown.to)}</span></h2>
              <ReportView content={shown.content} />
            </>
          )}
        </section>
      )}
    </>
  );
}
