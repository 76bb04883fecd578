/**
 * Experiment tracking. /runs: the runs listing (filters in the URL) with a selection to compare;
 * /runs?compare=a,b,c: those runs side by side; /runs/<runId>: one run.
 */
import { useLocation } from '../../shell/router.js';
import { parseRunIds } from './compare.js';
import { RunCompare } from './RunCompare.js';
import { RunDetail } from './RunDetail.js';
import { RunList } from './RunList.js';
import './tracking.css';

export function RunsPage() {
  const { path, query } = useLocation();
  const runId = path.startsWith('/runs/') ? decodeURIComponent(path.slice('/runs/'.length)) : '';
  const compare = parseRunIds(query.get('compare'));
  return (
    <div className="tracking-page runs-page">
      {runId ? <RunDetail key={runId} runId={runId} /> : compare.length > 0 ? <RunCompare runIds={compare} /> : <RunList />}
    </div>
  );
}
