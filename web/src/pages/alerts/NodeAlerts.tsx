/**
 * The alerts about one node (a run's GPU alerts, a job's failed-runs alerts), newest first: on a run's
 * page and in the lineage map's details panel (`compact`: fewer columns). Nothing when it has none.
 */
import { useQuery } from '../../api/useQuery.js';
import { Link } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../charts/scale.js';
import { NodeAlertsDocument } from './documents.js';
import { OP_SYMBOL, seriesText, STATE_CLASS } from './alerts.js';
import { M } from './messages.js';
import '../runs/tracking.css';

export function NodeAlerts({ nodeId, compact = false }: { nodeId: string; compact?: boolean }) {
  const t = useT(M);
  const f = useFormat();
  const { data } = useQuery(NodeAlertsDocument, { nodeId });
  const alerts = data?.alerts ?? [];
  if (!alerts.length) return null;
  return (
    <section className={compact ? 'kind-section node-alerts' : 'card'} data-testid="node-alerts">
      <div className="row"><h3>{t('nodeAlerts')}</h3><Link to="/alerts" className="small">{t('allAlerts')}</Link></div>
      <table className={compact ? 'fields-table' : 'table'}>
        <thead><tr><th>{t('state')}</th><th>{t('rule')}</th>{!compact && <th>{t('series')}</th>}<th>{t('value')}</th><th>{t('since')}</th>{!compact && <th>{t('closed')}</th>}</tr></thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="node-alert" data-state={a.state}>
              <td><span className={`status ${STATE_CLASS[a.state]}`}>{t(a.state)}</span></td>
              <td>{a.ruleName} <span className="muted small">{t(a.severity)}</span></td>
              {!compact && <td className="mono small">{seriesText(a.labels as Record<string, string>)}</td>}
              <td className="mono nowrap">{a.noData ? t('noDataValue') : `${a.value === null ? '–' : formatNumber(a.value)} ${OP_SYMBOL[a.op]} ${formatNumber(a.threshold)}`}</td>
              <td>{f.dateTime(a.firedAt ?? a.pendingSince)}</td>
              {!compact && <td>{a.closedAt ? f.dateTime(a.closedAt) : '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
