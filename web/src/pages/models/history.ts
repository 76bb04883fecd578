/** A history entry (models and prompts share the shape) → which sentence describes it, and its values. */

export interface EntryLike {
  type: string;
  version?: number | null;
  pointer?: string | null;
  previousVersion?: number | null;
  fromStage?: string | null;
  toStage?: string | null;
}

export type EntryMessage =
  | 'registered' | 'created' | 'transition' | 'pointerSet' | 'pointerMoved' | 'pointerRemoved' | 'gatesSet' | 'unknown';

export function describeEntry(e: EntryLike, subject: 'model' | 'prompt'): { key: EntryMessage; vars: Record<string, string | number> } {
  const vars = {
    version: e.version ?? '?', pointer: e.pointer ?? '', previous: e.previousVersion ?? '?', from: e.fromStage ?? 'None', to: e.toStage ?? '', type: e.type,
  };
  switch (e.type) {
    case 'VERSION_REGISTERED':
      return { key: subject === 'model' ? 'registered' : 'created', vars };
    case 'STAGE_TRANSITION':
      return { key: 'transition', vars };
    case 'ALIAS_SET':
    case 'LABEL_SET':
      return { key: e.previousVersion != null && e.previousVersion !== e.version ? 'pointerMoved' : 'pointerSet', vars };
    case 'ALIAS_DELETED':
    case 'LABEL_REMOVED':
      return { key: 'pointerRemoved', vars };
    case 'GATES_SET':
      return { key: 'gatesSet', vars };
    default:
      return { key: 'unknown', vars };
  }
}
