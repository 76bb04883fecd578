/** A trace's spans as a waterfall: depth-first from the roots, children by start time, with offsets. */

export interface TreeInput { spanId: string; parentSpanId: string; startNs: string; endNs: string }
export interface TreePlacement { depth: number; startOffsetMs: number; durationMs: number; childCount: number }

const cmpStart = (a: TreeInput, b: TreeInput) => {
  const d = BigInt(a.startNs) - BigInt(b.startNs);
  return d < 0n ? -1 : d > 0n ? 1 : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
};

/**
 * Orders spans for a waterfall: every span after its parent, siblings by start time. A span whose
 * parent is not in the trace (not received, or the trace's entry from another service) is a root.
 * Offsets are from the earliest start in the trace. Never loops on bad data (a parent cycle).
 */
export function waterfall<T extends TreeInput>(spans: T[]): { span: T; placement: TreePlacement }[] {
  if (!spans.length) return [];
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const s of spans) {
    if (s.parentSpanId && s.parentSpanId !== s.spanId && byId.has(s.parentSpanId)) {
      const list = children.get(s.parentSpanId);
      if (list) list.push(s);
      else children.set(s.parentSpanId, [s]);
    } else {
      roots.push(s);
    }
  }
  const t0 = spans.reduce((min, s) => (BigInt(s.startNs) < min ? BigInt(s.startNs) : min), BigInt(spans[0].startNs));
  const out: { span: T; placement: TreePlacement }[] = [];
  const seen = new Set<string>();
  const visit = (start: T[]) => {
    const stack: { span: T; depth: number }[] = [...start].sort(cmpStart).reverse().map((span) => ({ span, depth: 0 }));
    while (stack.length) {
      const { span, depth } = stack.pop()!;
      if (seen.has(span.spanId)) continue;
      seen.add(span.spanId);
      const kids = (children.get(span.spanId) ?? []).sort(cmpStart);
      out.push({
        span,
        placement: {
          depth,
          startOffsetMs: Number(BigInt(span.startNs) - t0) / 1e6,
          durationMs: Number(BigInt(span.endNs) - BigInt(span.startNs)) / 1e6,
          childCount: kids.length,
        },
      });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
    }
  };
  visit(roots);
  // Spans only reachable through a parent cycle: shown as roots rather than dropped.
  if (seen.size < spans.length) visit(spans.filter((s) => !seen.has(s.spanId)));
  return out;
}
