/** Line diff (longest common subsequence, common prefix and suffix trimmed first) and key-level JSON diff. Pure. */
import { isDeepStrictEqual } from 'node:util';

export interface DiffLine { op: 'EQUAL' | 'ADDED' | 'REMOVED'; text: string }
export interface ValueChange { key: string; from: unknown; to: unknown }

const MAX_CELLS = 4_000_000;

export function diffLines(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const mx = x.slice(pre, x.length - suf);
  const my = y.slice(pre, y.length - suf);
  const eq = (t: string): DiffLine => ({ op: 'EQUAL', text: t });
  return [...x.slice(0, pre).map(eq), ...middle(mx, my), ...x.slice(x.length - suf).map(eq)];
}

function middle(x: string[], y: string[]): DiffLine[] {
  const removed = x.map((t): DiffLine => ({ op: 'REMOVED', text: t }));
  const added = y.map((t): DiffLine => ({ op: 'ADDED', text: t }));
  if (!x.length || !y.length || (x.length + 1) * (y.length + 1) > MAX_CELLS) return [...removed, ...added];
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) { out.push({ op: 'EQUAL', text: x[i] }); i++; j++; }
    else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) out.push(removed[i++]);
    else out.push(added[j++]);
  }
  return [...out, ...removed.slice(i), ...added.slice(j)];
}

/** A unified-diff-like text: `-`, `+` and ` ` prefixed lines. */
export const unified = (lines: readonly DiffLine[]) => lines.map((l) => `${l.op === 'ADDED' ? '+' : l.op === 'REMOVED' ? '-' : ' '}${l.text}`).join('\n');

/** Top-level keys added, removed or changed between two JSON objects (values compared as JSON values: the order of an object's keys is no change). */
export function diffObjects(a: Record<string, unknown> | null, b: Record<string, unknown> | null): ValueChange[] {
  const from = a ?? {};
  const to = b ?? {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return keys.filter((k) => !isDeepStrictEqual(from[k], to[k])).map((k) => ({ key: k, from: from[k] ?? null, to: to[k] ?? null }));
}
