/** A run's alerts (GPU rules' alerts on its pods), newest first, on the run's page; nothing when it has none. */
import { useQuery } from '../../api/useQuery.js';
import { Link } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../charts/scale.js';
import { RunAlertsDocument } from './documents.js';
import { OP_SYMBOL, seriesText, STATE_CLASS } from './alerts.js';
import { M } from './messages.js';


export function RunAlerts({ runId }: { runId: string }) {
  const t = useT(M);
  const f = useFormat();
  const { data } = useQuery(RunAlertsDocument, { runId });
  const alerts = data?.alerts ?? [];
  if (!alerts.length) return null;
  return (
    <section className="card" data-testid="run-alerts">
      <div className="row"><h3>{t('runAlerts')}</h3><Link to="/alerts" className="small">{t('allAlerts')}</Link></div>
      <table className="table">
        <thead><tr><th>{t('state')}</th><th>{t('rule')}</th><th>{t('series')}</th><th>{t('value')}</th><th>{t('since')}</th><th>{t('closed')}</th></tr></thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="run-alert" data-state={a.state}>
              <td><span className={`status ${STATE_CLASS[a.state]}`}>{t(a.state)}</span></td>
              <td>{a.ruleName} <span className="muted small">{t(a.severity)}</span></td>
              <td className="mono small">{seriesText(a.labels as Record<string, string>)}</td>
              <td className="mono nowrap">{a.value === null ? '–' : formatNumber(a.value)} {OP_SYMBOL[a.op]} {formatNumber(a.threshold)}</td>
              <td>{f.dateTime(a.firedAt ?? a.pendingSince)}</td>
              <td>{a.closedAt ? f.dateTime(a.closedAt) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
