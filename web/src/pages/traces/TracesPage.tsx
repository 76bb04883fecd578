/** /traces: LLM and service traces with filters and usage rollups; /traces/<traceId>: one trace's waterfall. */
import { useLocation } from '../../shell/router.js';
import { pathRest } from '../models/links.js';
import { TraceList } from './TraceList.js';
import { TraceDetail } from './TraceDetail.js';

export function TracesPage() {
  const { path } = useLocation();
  const traceId = pathRest(path, '/traces');
  return <main className="reg-page" data-testid="traces-page">{traceId ? <TraceDetail key={traceId} traceId={traceId} /> : <TraceList />}</main>;
}
