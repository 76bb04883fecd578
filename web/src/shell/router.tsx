/**
 * URLs that capture the view: a tiny History-API router. The page is the path (`/runs`,
 * `/models/churn`…), the view state is the query string (`?node=…&depth=5&asOf=…`), so any view can be
 * shared by copying the address. The server answers every unknown GET path with index.html.
 */
import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'loom:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export interface Location { path: string; query: URLSearchParams }

/** The current path and query; re-renders on navigation (links, back/forward). */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://loom.local');
  return { path: url.pathname, query: url.searchParams };
}

/** Go to `to` (a path with an optional query); `replace` for view tweaks that should not pile up history. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(window.history.state, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** `base` with the query parameters changed (`null`/`undefined`/'' removes one). */
export function withQuery(base: string, changes: Record<string, string | number | null | undefined>): string {
  const url = new URL(base, 'http://loom.local');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, String(value));
  }
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

/** Query parameters of the current page as state: setting one rewrites the URL (replace by default). */
export function useQueryParams(): [URLSearchParams, (changes: Record<string, string | number | null | undefined>, opts?: { push?: boolean }) => void] {
  const { query } = useLocation();
  const set = useCallback((changes: Record<string, string | number | null | undefined>, opts: { push?: boolean } = {}) => {
    navigate(withQuery(snapshot(), changes), { replace: !opts.push });
  }, []);
  return [query, set];
}

/** An <a> that navigates without reloading (modifier-clicks still open a new tab). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
