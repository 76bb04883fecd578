/** A report of any period (the last 24 hours to start with), composed now and kept nowhere. */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useT } from '../../i18n/i18n.js';
import { fromLocalInput, toLocalInput } from '../../lineage/timeTravel.js';
import { ComposeReportDocument } from './documents.js';
import { lastDay, periodText } from './reports.js';
import { ReportView } from './ReportView.js';
import { M } from './messages.js';

function lastDayInputs() {
  const { from, to } = lastDay(Date.now());
  return { from: toLocalInput(from), to: toLocalInput(to) };
}

export function OnDemand() {
  const t = useT(M);
  const [period, setPeriod] = useState(lastDayInputs);
  const [compose, composing] = useMutation(ComposeReportDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const from = fromLocalInput(period.from);
    const to = fromLocalInput(period.to);
    if (from && to) await compose({ from, to });
  };
  const content = composing.data?.composeReport;
  return (
    <section className="card stack-sm" data-testid="reports-on-demand">
      <h3>{t('onDemand')}</h3>
      <p className="muted small">{t('onDemandIntro')}</p>
      <form className="row" onSubmit={submit}>
        <div className="field"><label htmlFor="on-demand-from">{t('from')}</label>
          <input id="on-demand-from" data-testid="on-demand-from" type="datetime-local" required value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} /></div>
        <div className="field"><label htmlFor="on-demand-to">{t('to')}</label>
          <input id="on-demand-to" data-testid="on-demand-to" type="datetime-local" required value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} /></div>
        <button type="submit" className="primary" data-testid="on-demand-compose" disabled={composing.running}>{t(composing.running ? 'composing' : 'compose')}</button>
      </form>
      {composing.error && <p className="error" role="alert" data-testid="on-demand-error">{composing.error}</p>}
      {content && (
        <div data-testid="reports-composed">
          <p className="muted small">{periodText(content.from, content.to)}</p>
          <ReportView content={content} />
        </div>
      )}
    </section>
  );
}
