import { useState, type KeyboardEvent } from 'react';
import { SearchNodesDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import type { NodeKind, SearchNodesQuery } from '../gql/graphql.js';
import { defineMessages, useT } from '../i18n/i18n.js';
import { KindBadge } from '../KindBadge.js';
import { SEARCH_KINDS, kindsFor, type SearchKindChip } from './searchKinds.js';
import { useDebounced } from './useDebounced.js';

export type SearchHit = SearchNodesQuery['search'][number];

const M = defineMessages(
  {
    placeholder: 'Search datasets, jobs, runs, models, features, prompts…', label: 'Search nodes', searching: 'Searching…', none: 'No matches. Try fewer letters or another kind.',
    kinds: 'Kinds', all: 'All', datasets: 'Datasets', jobs: 'Jobs', runs: 'Runs', models: 'Models', features: 'Features', prompts: 'Prompts',
  },
  {
    placeholder: '搜索数据集、作业、运行、模型、特征、提示词…', label: '搜索节点', searching: '正在搜索…', none: '没有匹配项。试试更少的字母或其他类型。',
    kinds: '类型', all: '全部', datasets: '数据集', jobs: '作业', runs: '运行', models: '模型', features: '特征', prompts: '提示词',
  },
);

const DEBOUNCE_MS = 150;
const MAX_SUGGESTIONS = 10;

/** A search box whose suggestions follow the text as it is typed, narrowed by kind chips; choosing one calls `onPick`. */
export function SearchBox({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const t = useT(M);
  const [text, setText] = useState('');
  const [chip, setChip] = useState<SearchKindChip | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const kinds: NodeKind[] | null = chip ? kindsFor(chip) : null;
  const { data, loading, error } = useQuery(SearchNodesDocument, query ? { text: query, kinds, first: MAX_SUGGESTIONS } : null);
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
  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();
  const choose = (next: SearchKindChip | null) => {
    setChip(next);
    setActive(0);
    if (text.trim()) setOpen(true);
  };
  return (
    <div className="search">
      <div className="search-box">
        <input
          type="search" placeholder={t('placeholder')} aria-label={t('label')} aria-expanded={showList} aria-controls="search-suggestions"
          role="combobox" value={text} data-testid="search-input"
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {showList && (
          <ul className="suggestions" id="search-suggestions" role="listbox">
            {error && <li className="suggestion-note error">{error}</li>}
            {!error && hits.length === 0 && (
              <li className="suggestion-note">{loading || query !== text.trim() ? t('searching') : t('none')}</li>
            )}
            {hits.map((hit, index) => (
              <li
                key={`${hit.kind}|${hit.id}`} role="option" aria-selected={index === active}
                className={index === active ? 'suggestion active' : 'suggestion'}
                onMouseDown={(event) => event.preventDefault()} onClick={() => pick(hit)} onMouseEnter={() => setActive(index)}
                data-testid="search-suggestion" data-node-id={hit.id}
              >
                <KindBadge kind={hit.kind} />
                <span className="suggestion-name" title={hit.name}>{hit.name}</span>
                <span className="suggestion-namespace" title={hit.namespace}>{hit.namespace}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* A chip keeps the text's suggestions open, narrowed (its press does not take the focus from the box). */}
      <div className="chips" role="group" aria-label={t('kinds')}>
        <button type="button" className={chip === null ? 'chip active' : 'chip'} aria-pressed={chip === null} onMouseDown={keepFocus} onClick={() => choose(null)} data-testid="search-kind-all">{t('all')}</button>
        {SEARCH_KINDS.map((c) => (
          <button key={c} type="button" className={chip === c ? 'chip active' : 'chip'} aria-pressed={chip === c}
            onMouseDown={keepFocus} onClick={() => choose(chip === c ? null : c)} data-testid={`search-kind-${c}`}>
            {t(c)}
          </button>
        ))}
      </div>
    </div>
  );
}
