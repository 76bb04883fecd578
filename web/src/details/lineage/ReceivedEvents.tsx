import { ReceivedEventsDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';

const M = defineMessages(
  {
    title: 'Events received', none: 'No OpenLineage events received for it.', loading: 'Loading…',
    more: 'The newest {n} of {total}; the rest through GraphQL lineageEvents or /api/v1/events/lineage.',
    hint: 'As the emitter sent it',
  },
  {
    title: '收到的事件', none: '没有收到它的 OpenLineage 事件。', loading: '加载中…',
    more: '最新的 {n} 个，共 {total} 个；其余请通过 GraphQL lineageEvents 或 /api/v1/events/lineage 查看。',
    hint: '与发送方发送的内容一致',
  },
);

/** How many events the panel shows; the API pages through the rest. */
const SHOWN = 20;

type Target = { runId: string } | { job: { namespace: string; name: string } } | { dataset: { namespace: string; name: string } };

interface Received { eventType?: unknown; eventTime?: unknown; producer?: unknown }

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** A run event's type, else what kind of event it is (the spec's DatasetEvent and JobEvent have no type). */
const label = (e: Received & { run?: unknown; dataset?: unknown }) => text(e.eventType) || (e.run ? 'RunEvent' : e.dataset ? 'DatasetEvent' : 'JobEvent');

/** The OpenLineage events Loom received for a run, a job or a dataset, newest first; each opens to the JSON its emitter sent. */
export function ReceivedEvents(target: Target) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const vars = 'runId' in target ? { runId: target.runId, first: SHOWN }
    : 'job' in target ? { jobNamespace: target.job.namespace, jobName: target.job.name, first: SHOWN }
      : { datasetNamespace: target.dataset.namespace, datasetName: target.dataset.name, first: SHOWN };
  const { data, loading, error } = useQuery(ReceivedEventsDocument, vars);
  const page = data?.lineageEvents;
  const events = (page?.events ?? []) as Received[];
  return (
    <section className="details-section" data-testid="details-events">
      <h3>{t('title')}{page && <span className="count"> {page.totalCount}</span>}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!page && loading && <p className="muted">{t('loading')}</p>}
      {page && events.length === 0 && <p className="muted">{t('none')}</p>}
      {events.length > 0 && (
        <ol className="received-events">
          {events.map((e, i) => (
            <li key={i}>
              <details>
                <summary title={t('hint')}>
                  <span className="mono">{label(e)}</span>{' '}
                  <time className="muted small" dateTime={text(e.eventTime)} title={text(e.eventTime)}>{dateTime(text(e.eventTime))}</time>
                </summary>
                <pre className="json" data-testid="details-event-json">{JSON.stringify(e, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      {page && page.totalCount > events.length && <p className="muted small">{t('more', { n: events.length, total: page.totalCount })}</p>}
    </section>
  );
}
