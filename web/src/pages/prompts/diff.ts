/** Prompt diffs for display: the server's line diff paired into side-by-side rows. */

export type DiffOp = 'EQUAL' | 'REMOVED' | 'ADDED';
export interface DiffLine { op: DiffOp; text: string }
export interface Cell { text: string; op: DiffOp; line: number }
export interface SideBySideRow { left: Cell | null; right: Cell | null }

/**
 * Equal lines sit on both sides; a run of removed lines followed by a run of added lines is paired
 * row by row (a changed line reads across), the longer run's rest facing blanks.
 */
export function sideBySide(lines: ReadonlyArray<DiffLine>): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let leftNo = 0;
  let rightNo = 0;
  let i = 0;
  while (i < lines.length) {
    if (lines[i].op === 'EQUAL') {
      const text = lines[i++].text;
      rows.push({ left: { text, op: 'EQUAL', line: ++leftNo }, right: { text, op: 'EQUAL', line: ++rightNo } });
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < lines.length && lines[i].op === 'REMOVED') removed.push(lines[i++].text);
    while (i < lines.length && lines[i].op === 'ADDED') added.push(lines[i++].text);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      rows.push({
        left: k < removed.length ? { text: removed[k], op: 'REMOVED', line: ++leftNo } : null,
        right: k < added.length ? { text: added[k], op: 'ADDED', line: ++rightNo } : null,
      });
    }
  }
  return rows;
}

/** Counts for the diff's header. */
export function diffStats(lines: ReadonlyArray<DiffLine>): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === 'ADDED') added += 1;
    else if (l.op === 'REMOVED') removed += 1;
  }
  return { added, removed };
}
