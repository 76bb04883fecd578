/** Small tables of the run page: key/values (params, tags), latest metrics, artifacts. */
import { useFormat, useT } from '../../i18n/i18n.js';
import { M } from './messages.js';

export function KeyValueTable({ rows, testId }: { rows: ReadonlyArray<{ key: string; value?: string | null }>; testId: string }) {
  const t = useT(M);
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="table" data-testid={testId}>
      <tbody>{rows.map((r) => <tr key={r.key}><td className="mono">{r.key}</td><td className="mono">{r.value ?? '–'}</td></tr>)}</tbody>
    </table>
  );
}

interface Latest { key: string; value: number; step: number; count: number; min: number; max: number }

export function LatestMetricsTable({ rows }: { rows: readonly Latest[] }) {
  const t = useT(M);
  const f = useFormat();
  return (
    <table className="table card" data-testid="run-latest-metrics">
      <thead><tr><th>{t('metrics')}</th><th>{t('value')}</th><th>{t('step')}</th><th>{t('min')}</th><th>{t('max')}</th></tr></thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.key}><td className="mono">{m.key}</td><td>{f.number(m.value, 6)}</td><td>{m.step}</td><td>{f.number(m.min, 6)}</td><td>{f.number(m.max, 6)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

interface Artifact { path: string; uri: string; type?: string | null; sizeBytes?: number | null }

export function ArtifactsTable({ rows }: { rows: readonly Artifact[] }) {
  const t = useT(M);
  const f = useFormat();
  if (rows.length === 0) return <p className="muted">{t('noArtifacts')}</p>;
  return (
    <table className="table" data-testid="run-artifacts">
      <thead><tr><th>{t('path')}</th><th>{t('uri')}</th><th>{t('type')}</th><th>{t('size')}</th></tr></thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.path}><td className="mono">{a.path}</td><td className="mono">{a.uri}</td><td>{a.type ?? '–'}</td><td>{a.sizeBytes == null ? '–' : `${f.number(a.sizeBytes, 0)} B`}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
