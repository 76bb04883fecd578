import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { IngestLog, LoggedEvent } from '../domain/ports/IngestLog.js';
import { unavailable } from '../domain/errors.js';
import { SerialLoop } from '../domain/serial-loop.js';

const SEGMENT = /^(\d{20})\.log$/;
const APPLIED = 'applied';
/** How often the applied mark is written (a lost mark only means those events are written again: writes are idempotent). */
const MARK_EVERY_MS = 1_000;

interface Segment { file: string; first: number; last: number }
interface Waiting { lines: string[]; seqs: number[]; resolve: (seqs: number[]) => void; reject: (err: unknown) => void }

const segmentName = (first: number) => `${String(first).padStart(20, '0')}.log`;

/**
 * The ingest log in files: segments of newline-delimited JSON records (`{"s":seq,"t":tenant,"e":event}`)
 * named by their first sequence number, and an `applied` file with the mark. Group commit: appends
 * that arrive while a write is on its way to disk go out together, with one fdatasync (0.3 ms on this
 * machine's disk). A record torn by a crash (the end of the last segment) is cut off at open: it was
 * never answered. Segments wholly applied are deleted.
 */
export class FileIngestLog implements IngestLog {
  private waiting: Waiting[] = [];
  private readonly flushing = new SerialLoop(() => this.flush(), () => this.waiting.length > 0);
  private appliedSeq: number;
  private markedSeq: number;
  private markTimer: NodeJS.Timeout | null = null;
  private marking: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private fh: FileHandle,
    private current: { file: string; first: number; bytes: number },
    private readonly older: Segment[],
    private nextSeq: number,
    applied: number,
    private recovered: LoggedEvent[],
  ) {
    this.appliedSeq = this.markedSeq = applied;
  }

  /** Opens (or creates) the log in `dir`, reading the events not yet applied. */
  static async open(dir: string, opts: { segmentBytes?: number } = {}): Promise<FileIngestLog> {
    await mkdir(dir, { recursive: true });
    const applied = await readMark(path.join(dir, APPLIED));
    const names = (await readdir(dir)).filter((f) => SEGMENT.test(f)).sort();
    const segments: Segment[] = [];
    const recovered: LoggedEvent[] = [];
    let tailBytes = 0; // of the last segment read: appends go on there
    let maxSeq = applied;
    for (const [i, name] of names.entries()) {
      const first = Number(SEGMENT.exec(name)![1]);
      const next = names[i + 1] ? Number(SEGMENT.exec(names[i + 1])![1]) : null;
      const file = path.join(dir, name);
      if (next !== null && next - 1 <= applied) {
        await rm(file, { force: true }); // applied in full (a mark written after the last delete)
        continue;
      }
      const { records, goodBytes, totalBytes } = parseSegment(await readFile(file));
      if (goodBytes < totalBytes) await truncateTo(file, goodBytes); // a record torn by a crash: never answered
      for (const r of records) if (r.seq > applied) recovered.push(r);
      const last = records.at(-1)?.seq ?? first - 1;
      maxSeq = Math.max(maxSeq, last);
      segments.push({ file, first, last });
      tailBytes = goodBytes;
    }
    const nextSeq = maxSeq + 1;
    const tail = segments.pop();
    const current = tail ? { file: tail.file, first: tail.first, bytes: tailBytes } : { file: path.join(dir, segmentName(nextSeq)), first: nextSeq, bytes: 0 };
    const fh = await open(current.file, 'a');
    if (!tail) await syncDir(dir);
    return new FileIngestLog(dir, opts.segmentBytes ?? 64 * 1024 * 1024, fh, current, segments, nextSeq, applied, recovered);
  }

  unapplied(): LoggedEvent[] {
    const out = this.recovered;
    this.recovered = [];
    return out;
  }

  append(entries: readonly { tenant: string; event: unknown; json?: string }[]): Promise<number[]> {
    if (this.closed) return Promise.reject(unavailable('the ingest log is closed', 5));
    if (entries.length === 0) return Promise.resolve([]);
    const seqs = entries.map(() => this.nextSeq++);
    const lines = entries.map((e, i) => `{"s":${seqs[i]},"t":${JSON.stringify(e.tenant)},"e":${e.json ?? JSON.stringify(e.event ?? null)}}\n`);
    return new Promise((resolve, reject) => {
      this.waiting.push({ lines, seqs, resolve, reject });
      this.flushing.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length) {
      const group = this.waiting.splice(0);
      const buf = Buffer.from(group.flatMap((w) => w.lines).join(''));
      try {
        if (this.current.bytes > 0 && this.current.bytes + buf.length > this.segmentBytes) await this.rotate(group[0].seqs[0]);
        await this.fh.write(buf);
        await this.fh.datasync();
        this.current.bytes += buf.length;
        for (const w of group) w.resolve(w.seqs);
      } catch (err) {
        // Nothing of this group was answered: cut what may have reached the file, so no later record follows a torn one.
        await this.fh.truncate(this.current.bytes).catch(() => undefined);
        const failure = unavailable(`the ingest log cannot be written (${(err as Error).message}); retry shortly`, 5);
        for (const w of group) w.reject(failure);
      }
    }
  }

  private async rotate(first: number): Promise<void> {
    await this.fh.close();
    this.older.push({ file: this.current.file, first: this.current.first, last: first - 1 });
    this.current = { file: path.join(this.dir, segmentName(first)), first, bytes: 0 };
    this.fh = await open(this.current.file, 'a');
    await syncDir(this.dir);
  }

  applied(seq: number): void {
    if (seq <= this.appliedSeq) return;
    this.appliedSeq = seq;
    this.markTimer ??= setTimeout(() => {
      this.markTimer = null;
      this.marking = this.marking.then(() => this.mark());
    }, MARK_EVERY_MS);
    this.markTimer.unref();
  }

  /** Writes the applied mark (atomically: a new file renamed over the old), then deletes the segments it covers. */
  private async mark(): Promise<void> {
    const seq = this.appliedSeq;
    if (seq === this.markedSeq) return;
    const file = path.join(this.dir, APPLIED);
    await writeFile(`${file}.tmp`, String(seq));
    await rename(`${file}.tmp`, file);
    this.markedSeq = seq;
    while (this.older.length && this.older[0].last <= seq) await rm(this.older.shift()!.file, { force: true });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing.idle();
    if (this.markTimer) clearTimeout(this.markTimer);
    this.markTimer = null;
    await this.marking;
    await this.mark().catch(() => undefined); // at worst the next start writes a few events again
    await this.fh.close();
  }
}

async function readMark(file: string): Promise<number> {
  try {
    const n = Number((await readFile(file, 'utf8')).trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/** Complete records; a last line without its newline, or that does not parse, is torn. */
function parseSegment(buf: Buffer): { records: LoggedEvent[]; goodBytes: number; totalBytes: number } {
  const records: LoggedEvent[] = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) break;
    try {
      const r = JSON.parse(buf.toString('utf8', start, nl)) as { s: number; t: string; e: unknown };
      records.push({ seq: r.s, tenant: r.t, event: r.e });
    } catch {
      break;
    }
    start = nl + 1;
  }
  return { records, goodBytes: start, totalBytes: buf.length };
}

async function truncateTo(file: string, bytes: number): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.truncate(bytes);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

/** A new file's directory entry reaches the disk only with the directory's own fsync. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
