/** Small pieces shared by the registry, prompt and trace pages: states, errors, actors, times. */
import type { KeyboardEvent, ReactNode } from 'react';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import './registry.css';

const M = defineMessages(
  {
    loading: 'Loading…',
    FORBIDDEN: 'Not allowed for your role',
    CONFLICT: 'Refused',
    BAD_USER_INPUT: 'Check the input',
    NOT_FOUND: 'Not found',
    error: 'Error',
    system: 'system',
    next: 'Next page',
    prev: 'Previous page',
    page: 'Page {n}',
  },
  {
    loading: '加载中…',
    FORBIDDEN: '你的角色无权执行此操作',
    CONFLICT: '已拒绝',
    BAD_USER_INPUT: '请检查输入',
    NOT_FOUND: '未找到',
    error: '错误',
    system: '系统',
    next: '下一页',
    prev: '上一页',
    page: '第 {n} 页',
  },
);

type Code = 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT' | 'NOT_FOUND';
const CODES: ReadonlyArray<string> = ['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND'];

/** A server error: its message, headed by what its code means. */
export function ErrorNote({ message, code, testId = 'error' }: { message: string; code?: string | null; testId?: string }) {
  const t = useT(M);
  const known = code && CODES.includes(code) ? (code as Code) : null;
  return (
    <div className={`note error-note${known ? ` code-${known.toLowerCase()}` : ''}`} role="alert" data-testid={testId} data-code={code ?? undefined}>
      <strong>{known ? t(known) : t('error')}</strong>
      {code && <span className="code">{code}</span>}
      <span>{message}</span>
    </div>
  );
}

export function Loading() {
  const t = useT(M);
  return <p className="muted" data-testid="loading" aria-busy="true">{t('loading')}</p>;
}

/** Loading / error / empty / content, in that order. */
export function QueryView({ loading, error, empty, emptyText, children }: { loading: boolean; error: string | null; empty: boolean; emptyText: ReactNode; children: ReactNode }) {
  if (error) return <ErrorNote message={error} />;
  if (empty && loading) return <Loading />;
  if (empty) return <div className="empty-state" data-testid="empty">{emptyText}</div>;
  return <>{children}</>;
}

export function Actor({ actor }: { actor: { name?: string | null; role: string } | null | undefined }) {
  const t = useT(M);
  if (!actor) return <span className="muted">{t('system')}</span>;
  return <span className="actor">{actor.name ?? actor.role}{actor.name && <span className="muted"> ({actor.role})</span>}</span>;
}

export function When({ iso }: { iso: string | null | undefined }) {
  const f = useFormat();
  return <time dateTime={iso ?? undefined} title={iso ?? undefined}>{f.dateTime(iso)}</time>;
}

export function Tags({ tags }: { tags: ReadonlyArray<{ key: string; value?: string | null }> }) {
  if (!tags.length) return <span className="muted">–</span>;
  return <span className="tags">{tags.map((t) => <span className="tag" key={t.key}>{t.key}{t.value ? `=${t.value}` : ''}</span>)}</span>;
}

export function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">–</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Previous / next for offset-paged lists. */
export function Pager({ page, hasNext, onPage }: { page: number; hasNext: boolean; onPage: (page: number) => void }) {
  const t = useT(M);
  if (page === 0 && !hasNext) return null;
  return (
    <div className="pager">
      <button type="button" className="btn secondary small" disabled={page === 0} onClick={() => onPage(page - 1)} data-testid="prev-page">{t('prev')}</button>
      <span className="muted">{t('page', { n: page + 1 })}</span>
      <button type="button" className="btn secondary small" disabled={!hasNext} onClick={() => onPage(page + 1)} data-testid="next-page">{t('next')}</button>
    </div>
  );
}

/** Enter or Space on a focusable row does what a click does. */
export function activate(event: KeyboardEvent, action: () => void): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  action();
}
