/** Pure helpers of the model registry pages: as-of dates, stage summaries, history filters. */

export const STAGES = ['Production', 'Staging', 'None', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** A `<input type="datetime-local">` value (local time) → ISO instant for the API; '' or invalid → null. */
export function inputToAsOf(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** ISO instant → the datetime-local value showing the same instant in local time. */
export function asOfToInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface StagedVersion { version: number; stage: string }

/** Stage → the version in it (the highest when several), Production first; stages with none omitted. */
export function stageSummary(latest: ReadonlyArray<StagedVersion>): { stage: Stage; version: number }[] {
  const out: { stage: Stage; version: number }[] = [];
  for (const stage of STAGES) {
    const versions = latest.filter((v) => v.stage === stage).map((v) => v.version);
    if (versions.length) out.push({ stage, version: Math.max(...versions) });
  }
  return out;
}

export type HistoryKind = 'all' | 'stages' | 'aliases' | 'gates' | 'rejected';
export const HISTORY_KINDS: ReadonlyArray<HistoryKind> = ['all', 'stages', 'aliases', 'gates', 'rejected'];

export interface HistoryLike { type: string; outcome: string; version?: number | null; seq?: number | null }

const KIND_TYPES: Record<Exclude<HistoryKind, 'all' | 'rejected'>, ReadonlyArray<string>> = {
  stages: ['STAGE_TRANSITION', 'VERSION_REGISTERED'],
  aliases: ['ALIAS_SET', 'ALIAS_DELETED', 'LABEL_SET', 'LABEL_REMOVED'],
  gates: ['GATES_SET'],
};

export function filterHistory<T extends HistoryLike>(history: ReadonlyArray<T>, kind: HistoryKind, version: number | null = null): T[] {
  return history.filter((e) => {
    if (version !== null && e.version !== version) return false;
    if (kind === 'all') return true;
    if (kind === 'rejected') return e.outcome === 'REJECTED';
    return KIND_TYPES[kind].includes(e.type);
  });
}

/** The newest refused attempt on a version made after `afterSeq` (history is newest first): what a blocked change shows. */
export function latestRejection<T extends HistoryLike>(history: ReadonlyArray<T>, version: number, types: ReadonlyArray<string>, afterSeq = -Infinity): T | null {
  const newest = history.find((e) => e.version === version && types.includes(e.type));
  return newest?.outcome === 'REJECTED' && (newest.seq ?? -1) > afterSeq ? newest : null;
}

/** The sequence number of the newest recorded change (-1 when none): taken before an attempt. */
export function maxSeq(history: ReadonlyArray<HistoryLike>): number {
  return history.reduce((max, e) => Math.max(max, e.seq ?? -1), -1);
}
