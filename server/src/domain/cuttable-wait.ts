/**
 * Waits `ms`, or less: `register` is given a function that ends the wait at once (a linger cut short
 * by a waiting reader or a shutdown), and null once the wait is over. Used by the trace summaries'
 * cycle and the lineage event archive's groups.
 */
export function cuttableWait(ms: number, register: (cut: (() => void) | null) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      register(null);
      resolve();
    };
    const timer = setTimeout(done, ms);
    register(done);
  });
}
