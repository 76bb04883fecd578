/** Finds datasets (or feature groups) by name and adds their node ids to the request's inputs. */
import { useState } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { useDebounced } from '../../search/useDebounced.js';
import { useT } from '../../i18n/i18n.js';
import { SearchDatasetsDocument } from './documents.js';
import { M } from './messages.js';

const KINDS = { datasets: ['Dataset', 'DatasetVersion'], featureGroups: ['FeatureGroup'] } as const;
const TEST_ID = { datasets: 'training-dataset', featureGroups: 'training-feature-group' } as const;

export function DatasetPicker({ chosen, onAdd, of = 'datasets' }: { chosen: readonly string[]; onAdd: (id: string) => void; of?: keyof typeof KINDS }) {
  const t = useT(M);
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const { data, loading, error } = useQuery(SearchDatasetsDocument, query ? { text: query, kinds: [...KINDS[of]] } : null);
  const found = query && data ? data.search.filter((n) => !chosen.includes(n.id)) : [];
  return (
    <div className="dataset-picker">
      <input type="search" value={text} placeholder={t(of === 'datasets' ? 'findDataset' : 'findFeatureGroup')} aria-label={t(of === 'datasets' ? 'findDataset' : 'findFeatureGroup')} data-testid={`${TEST_ID[of]}-search`} onChange={(e) => setText(e.target.value)} />
      {error && <span className="field-error">{error}</span>}
      {query && !loading && data && found.length === 0 && <span className="hint">{t(of === 'datasets' ? 'noDatasetFound' : 'noFeatureGroupFound')}</span>}
      {found.length > 0 && (
        <ul className="picker-list">
          {found.map((n) => (
            <li key={n.id}>
              <button type="button" data-testid={`${TEST_ID[of]}-option`} onClick={() => { onAdd(n.id); setText(''); }}>
                + {n.name} <span className="muted small">{n.kind} · {n.namespace}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
