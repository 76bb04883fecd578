/** Pure point thinning for charts: keep a curve's shape with about one point per pixel. */

export interface Point { x: number; y: number }

/**
 * Largest-triangle-three-buckets: at most `threshold` points, always keeping the first and the last,
 * picking in each bucket the point that spans the largest triangle with its neighbours (so peaks and
 * dips survive, unlike every-k-th sampling). Input must be sorted by x.
 */
export function downsample(points: readonly Point[], threshold: number): Point[] {
  const n = points.length;
  if (threshold >= n || n <= 2) return points.slice();
  if (threshold < 3) return [points[0], points[n - 1]];
  const out: Point[] = [points[0]];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor(i * every) + 1;
    const end = Math.min(Math.floor((i + 1) * every) + 1, n - 1);
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = end; j < nextEnd; j++) { avgX += points[j].x; avgY += points[j].y; }
    const len = Math.max(nextEnd - end, 1);
    avgX /= len;
    avgY /= len;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((points[a].x - avgX) * (points[j].y - points[a].y) - (points[a].x - points[j].x) * (avgY - points[a].y));
      if (area > bestArea) { bestArea = area; best = j; }
    }
    out.push(points[best]);
    a = best;
  }
  out.push(points[n - 1]);
  return out;
}

/** Index of the point whose x is closest to `x` (binary search; points sorted by x); -1 when empty. */
export function nearestIndex(points: readonly Point[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo].x - x) <= Math.abs(points[hi].x - x) ? lo : hi;
}

/** SVG path data for a polyline; gaps (non-finite y) start a new sub-path. */
export function linePath(points: readonly Point[], sx: (v: number) => number, sy: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.y)) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}
