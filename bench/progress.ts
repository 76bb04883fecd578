/** Progress on stderr: one line per label, rewritten in place (BenchOptions.progress; also in the benches' child processes). */
export function progress(label: string, done: number, total: number, unit: string): void {
  process.stderr.write(`\r[${label}] ${done}/${total} ${unit}${done >= total ? '\n' : ''}`);
}
