/**
 * Benchmark runner: `npm run bench -- [--only graph] [--nodes 100000]`.
 * Runs every bench/*.bench.ts (each exports `name` and `run(opts, emit)`), prints one JSON line per
 * figure to stdout, progress and a closing summary table to stderr.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { progress } from './progress.js';

export interface BenchOptions {
  /** Size of the generated graph. */
  nodes: number;
  /** Report progress on stderr (one line, rewritten in place). */
  progress(label: string, done: number, total: number, unit: string): void;
}

/** One measured figure; `raw_engine` is the same measurement on the bare engine, when there is one. */
export interface Figure { bench: string; metric: string; value: number; raw_engine?: number; n: number }
export type Emit = (figure: Figure) => void;
export interface BenchModule { name: string; run(opts: BenchOptions, emit: Emit): Promise<void> }

interface Line extends Omit<Figure, 'raw_engine'> { raw_engine: number | null; ratio: number | null; machine: string; date: string }

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Number(v.toPrecision(3)));

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length}x ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** `x.bench.ts` exports the benchmark named `x`; only the selected files are imported (a module may read fixtures on import). */
async function loadBenches(only: string | undefined): Promise<BenchModule[]> {
  const dir = new URL('./', import.meta.url);
  const names = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).map((f) => f.slice(0, -'.bench.ts'.length)).sort();
  const selected = names.filter((n) => !only || n === only);
  if (!selected.length) throw new Error(`no benchmark named ${only}; have: ${names.join(', ')}`);
  return Promise.all(selected.map(async (n) => (await import(new URL(`${n}.bench.ts`, dir).href)) as BenchModule));
}

function printSummary(lines: Line[]): void {
  const rows = [['bench', 'metric', 'value', 'raw_engine', 'ratio'],
    ...lines.map((l) => [l.bench, l.metric, String(l.value), l.raw_engine == null ? '' : String(l.raw_engine), l.ratio == null ? '' : String(l.ratio)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stderr.write(`\n${fmt(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.slice(1).map(fmt).join('\n')}\n`);
  process.stderr.write(`${lines[0]?.machine ?? machine()}, ${lines[0]?.date ?? ''}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, nodes: { type: 'string', default: '100000' } } });
  const nodes = Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 100) throw new Error('--nodes must be an integer >= 100');
  const lines: Line[] = [];
  const base = { machine: machine(), date: new Date().toISOString() };
  const emit: Emit = (f) => {
    const line: Line = {
      bench: f.bench, metric: f.metric, value: round(f.value), raw_engine: f.raw_engine == null ? null : round(f.raw_engine),
      ratio: f.raw_engine ? Number((f.value / f.raw_engine).toFixed(2)) : null, n: f.n, ...base,
    };
    lines.push(line);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  for (const bench of await loadBenches(values.only)) {
    process.stderr.write(`== ${bench.name} (${nodes} nodes)\n`);
    await bench.run({ nodes, progress }, emit);
  }
  printSummary(lines);
}

main().catch((err) => {
  process.stderr.write(`\nbench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
