/** The head of the registry list pages: title, a name search kept in the URL (`q`), and the page number (`page`). */
import { useQueryParams } from '../../shell/router.js';
import { useDebounced } from '../../search/useDebounced.js';

const SEARCH_DEBOUNCE_MS = 250;

/** The list's page and search text from the URL; the search the server sees settles after typing pauses. */
export function useListParams() {
  const [query, setQuery] = useQueryParams();
  const page = Math.max(0, Number(query.get('page') ?? 0) || 0);
  const text = query.get('q') ?? '';
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  return {
    page, text, search,
    setText: (q: string) => setQuery({ q, page: null }),
    setPage: (p: number) => setQuery({ page: p || null }, { push: true }),
  };
}

export function ListHeader({ title, subtitle, placeholder, testId, text, onText }: { title: string; subtitle: string; placeholder: string; testId: string; text: string; onText: (text: string) => void }) {
  return (
    <div className="reg-head">
      <div>
        <h1>{title}</h1>
        <p className="muted hint">{subtitle}</p>
      </div>
      <span className="spacer" />
      <input className="filter" type="search" data-testid={testId} placeholder={placeholder} aria-label={placeholder} value={text} onChange={(e) => onText(e.target.value)} />
    </div>
  );
}
