import { useState, type KeyboardEvent } from 'react';
import { SearchNodesDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import type { SearchNodesQuery } from '../gql/graphql.js';
import { KindBadge } from '../KindBadge.js';
import { useDebounced } from './useDebounced.js';

export type SearchHit = SearchNodesQuery['search'][number];

const DEBOUNCE_MS = 150;
const MAX_SUGGESTIONS = 10;

/** A search box whose suggestions follow the text as it is typed; choosing one calls `onPick`. */
export function SearchBox({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const { data, loading, error } = useQuery(SearchNodesDocument, query ? { text: query, first: MAX_SUGGESTIONS } : null);
  const hits = query ? (data?.search ?? []) : [];

  const pick = (hit: SearchHit) => {
    setText(hit.name);
    setOpen(false);
    onPick(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (hits.length ? (index + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter' && open && hits[active]) {
      event.preventDefault();
      pick(hits[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && query !== '';
  return (
    <div className="search-box">
      <input
        type="search"
        placeholder="Search datasets, jobs, models…"
        aria-label="Search nodes"
        aria-expanded={showList}
        aria-controls="search-suggestions"
        role="combobox"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {showList && (
        <ul className="suggestions" id="search-suggestions" role="listbox">
          {error && <li className="suggestion-note error">{error}</li>}
          {!error && hits.length === 0 && (
            <li className="suggestion-note">{loading || query !== text.trim() ? 'Searching…' : 'No matches.'}</li>
          )}
          {hits.map((hit, index) => (
            <li
              key={`${hit.kind}|${hit.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(hit)}
              onMouseEnter={() => setActive(index)}
              data-testid="search-suggestion"
              data-node-id={hit.id}
            >
              <KindBadge kind={hit.kind} />
              <span className="suggestion-name" title={hit.name}>{hit.name}</span>
              <span className="suggestion-namespace" title={hit.namespace}>{hit.namespace}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
