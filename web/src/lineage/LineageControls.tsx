import type { Direction } from '../gql/graphql.js';

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 10;

const DIRECTIONS: ReadonlyArray<{ value: Direction; label: string }> = [
  { value: 'BOTH', label: 'Both ways' },
  { value: 'UPSTREAM', label: 'Upstream' },
  { value: 'DOWNSTREAM', label: 'Downstream' },
];
const DEPTHS = Array.from({ length: MAX_DEPTH - MIN_DEPTH + 1 }, (_, i) => MIN_DEPTH + i);

interface Props {
  direction: Direction;
  depth: number;
  onDirection: (direction: Direction) => void;
  onDepth: (depth: number) => void;
}

export function LineageControls({ direction, depth, onDirection, onDepth }: Props) {
  return (
    <div className="lineage-controls">
      <label>
        Direction
        <select
          value={direction}
          onChange={(event) => onDirection(event.target.value as Direction)}
          data-testid="direction-select"
        >
          {DIRECTIONS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
        </select>
      </label>
      <label>
        Depth
        <select value={depth} onChange={(event) => onDepth(Number(event.target.value))} data-testid="depth-select">
          {DEPTHS.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </label>
    </div>
  );
}
