import { TEXT_SEARCH_KINDS, type NodeHead, type NodeKind } from '../../domain/model.js';
import { readCsv } from './csv.js';

/**
 * Every stored node's id, name, namespace, kind and liveness, in memory, per tenant: what `search`
 * matches (case-insensitive substring of the name or the id) and ranks (exact name first, then primary
 * kinds, shorter names, id), and what it answers (the winners' heads), without reading the graph.
 *
 * Why: the same filter in Kuzu scans and lowercases two string columns of the whole Node table.
 * At 1.61M nodes that took 0.5-0.7 s a word (4-5 s on a freshly copied store with the default 1 GB
 * buffer pool), its pages pushed lineage's out of the pool, and no form of the query avoided
 * `lower()` (bench/RESULTS.md, sessions 13-15). A case-insensitive regular expression over the ids
 * and names (88 MB of text at 1.61M nodes) joined into strings of 4,096 entries finds and ranks the
 * same rows in 14-80 ms.
 *
 * Exact because the embedded database has one writer, this store: filled from the table when the
 * store opens (`load`, through a CSV export), then told of every committed creation and of every
 * change of a node's kind or validity (ids, names and namespaces never change). Only nodes of
 * TEXT_SEARCH_KINDS are kept (not Trace: they come with the traffic). Costs ~55 bytes a node (85 MB
 * of heap at 1.61M nodes), plus 4 for its namespace (each distinct one kept once); loading that many
 * takes ~3 s, after the store has opened.
 *
 * Answering heads from here, not the winners read from the graph, took a search's CPU from ~6 to
 * ~1 ms at 3,000 events' nodes; the ingest bench's warm pass (two readers searching) went from
 * 0.42-0.48 of the raw engine to 0.51-0.53 (bench/RESULTS.md, session 19).
 */
export class SearchIndex {
  private readonly tenants = new Map<string, TenantEntries>();
  /** While `load` runs: the puts that came meanwhile, applied after it (they are newer than the file). */
  private pending: Parameters<SearchIndex['put']>[] | null = null;

  /**
   * A node's kind and validity: `created` when the store has just created it (no lookup then), else
   * changed. A node of another kind than TEXT_SEARCH_KINDS is not found.
   */
  put(tenant: string, id: string, name: string, namespace: string, kind: string, alive: boolean, created = false): void {
    if (this.pending) this.pending.push([tenant, id, name, namespace, kind, alive, created]);
    else if (SEARCHED.has(kind)) this.entries(tenant).put(id, name, namespace, kindCode(kind), alive, !created);
    else if (!created) this.tenants.get(tenant)?.hide(id); // never in practice: a node whose kind became Trace
  }

  private entries(tenant: string): TenantEntries {
    let t = this.tenants.get(tenant);
    if (!t) this.tenants.set(tenant, (t = new TenantEntries()));
    return t;
  }

  /**
   * The heads of the best `limit` matches, best first (the order of the graph's search; see
   * TenantEntries.search). All current: dropped nodes are not matched.
   */
  heads(tenant: string, text: string, kinds: readonly string[] | null, limit: number): NodeHead[] {
    const t = this.tenants.get(tenant);
    if (!t || limit <= 0) return [];
    let allowed: Uint8Array | null = null;
    if (kinds) {
      allowed = new Uint8Array(256);
      for (const k of kinds) allowed[kindCode(k)] = 1;
    }
    return t.search(text.toLowerCase(), allowed, limit);
  }

  /** How many nodes are indexed (all tenants). */
  get size(): number {
    let n = 0;
    for (const t of this.tenants.values()) n += t.count;
    return n;
  }

  /**
   * Fill from a CSV file of (tenant, id, name, namespace, kind, validTo) rows as Kuzu's COPY TO writes it (no
   * header; a field is quoted, quotes doubled, when it holds a quote, comma or line break), holding
   * only nodes of TEXT_SEARCH_KINDS (`Q.copySearchTo` exports no others). Returns how many rows.
   */
  async load(file: string): Promise<number> {
    if (this.pending) throw new Error('search index: already loading');
    this.pending = [];
    let rows = 0;
    try {
      // Keys are unique in the file: no lookup before appending.
      await readCsv(file, 6, (f) => {
        this.entries(f[0]).put(f[1], f[2], f[3], kindCode(f[4]), f[5] === '', false);
        rows++;
      });
    } finally {
      const later = this.pending;
      this.pending = null;
      for (const p of later) this.put(...p);
    }
    return rows;
  }
}

const SEARCHED: ReadonlySet<string> = new Set(TEXT_SEARCH_KINDS);
/** Kinds ranked after the others (the graph search's `secondary`). */
const SECONDARY = new Set(['Field', 'DatasetVersion', 'JobVersion', 'Namespace', 'Run']);
/** Kinds are few: one byte each (the order they are first seen); per code, the kind and whether it is secondary. */
const KIND_CODES = new Map<string, number>();
const KIND_OF: string[] = [];
const SECONDARY_CODE: boolean[] = [];
function kindCode(kind: string): number {
  let c = KIND_CODES.get(kind);
  if (c === undefined) {
    if (KIND_CODES.size === 256) throw new Error('search index: more than 256 node kinds');
    c = KIND_CODES.size;
    KIND_CODES.set(kind, c);
    KIND_OF[c] = kind;
    SECONDARY_CODE[c] = SECONDARY.has(kind);
  }
  return c;
}

/** Entries per sealed chunk: one string each, entries separated by '\n'. */
const CHUNK = 4096;
const CHUNK_BITS = 12;
/** Inside an entry, between an id and a name the id does not contain. */
const SEP = '\u0001';
const ALIVE = 0x100;

/**
 * One tenant's nodes, entry i for the i-th node indexed. An entry's text is its id, followed by
 * SEP and its name when the id does not contain the name (case-sensitively; most ids do). Ids and
 * names holding '\n' or SEP are kept aside (`odd`) and their entry text left empty, so a match never
 * spans two entries or an id and a name.
 */
class TenantEntries {
  count = 0;
  /** Sealed chunks' texts and, per chunk, where each entry starts (CHUNK + 1 offsets). */
  private readonly chunks: string[] = [];
  private readonly starts: Int32Array[] = [];
  /** Entries of the chunk being filled, and its joined text once a search asked for it. */
  private open: string[] = [];
  private openText: { text: string; starts: Int32Array } | null = null;
  /** Per entry: kind code | ALIVE, where the name starts in the entry and its length, the id's hash, its namespace's code. */
  private meta = new Uint16Array(1024);
  private nameAt = new Int32Array(1024);
  private nameLen = new Int32Array(1024);
  private hashes = new Uint32Array(1024);
  private namespaceOf = new Int32Array(1024);
  /** The tenant's distinct namespaces (a few per thousand nodes), each kept once. */
  private readonly namespaces: string[] = [];
  private readonly namespaceCodes = new Map<string, number>();
  /** Open addressing on the id's hash: entry index, or -1. Kept at most half full. */
  private slots = new Int32Array(2048).fill(-1);
  private readonly odd = new Map<number, { id: string; name: string }>();

  /** `lookup` false: the id is known to be new. */
  put(id: string, name: string, namespace: string, kind: number, alive: boolean, lookup: boolean): void {
    const h = hashOf(id);
    const found = lookup ? this.find(id, h) : -1;
    const flags = kind | (alive ? ALIVE : 0);
    if (found >= 0) {
      this.meta[found] = flags;
      return;
    }
    const e = this.count++;
    if (e === this.meta.length) this.grow();
    let text: string;
    if (id.includes('\n') || id.includes(SEP) || name.includes('\n') || name.includes(SEP)) {
      this.odd.set(e, { id, name });
      text = '';
    } else {
      const at = id.lastIndexOf(name);
      text = at >= 0 ? id : id + SEP + name;
      this.nameAt[e] = at >= 0 ? at : id.length + 1;
    }
    this.nameLen[e] = name.length;
    let ns = this.namespaceCodes.get(namespace);
    if (ns === undefined) {
      ns = this.namespaces.push(namespace) - 1;
      this.namespaceCodes.set(namespace, ns);
    }
    this.namespaceOf[e] = ns;
    this.meta[e] = flags;
    this.hashes[e] = h;
    this.insertSlot(e, h);
    this.open.push(text);
    this.openText = null;
    if (this.open.length === CHUNK) this.seal();
  }

  /** The entry of `id`, if any, no longer matches. */
  hide(id: string): void {
    const e = this.find(id, hashOf(id));
    if (e >= 0) this.meta[e] &= ~ALIVE;
  }

  /**
   * Heads of the best `limit` live entries of the `allowed` kinds (all when null) whose name or id
   * contains `q` (lowercased) case-insensitively, best first: exact name, then primary kinds, then
   * shorter names, then id.
   */
  search(q: string, allowed: Uint8Array | null, limit: number): NodeHead[] {
    const top = new TopK(limit, (e) => this.idOf(e));
    const consider = (e: number) => {
      const m = this.meta[e];
      if (!(m & ALIVE) || (allowed && !allowed[m & 0xff])) return;
      const len = this.nameLen[e];
      const exact = len === q.length && this.nameOf(e).toLowerCase() === q;
      top.offer(e, (exact ? 0 : 2 ** 40) + (SECONDARY_CODE[m & 0xff] ? 2 ** 39 : 0) + len);
    };
    if (q === '') {
      for (let e = 0; e < this.count; e++) consider(e);
    } else if (!q.includes('\n') && !q.includes(SEP)) {
      const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
      this.texts().forEach(({ text, starts }, c) => {
        re.lastIndex = 0;
        // test(), not exec(): no match object per hit. A match of the escaped literal is q.length code units long.
        while (re.test(text)) {
          const local = entryAt(starts, re.lastIndex - q.length);
          consider((c << CHUNK_BITS) + local);
          re.lastIndex = starts[local + 1]; // the entry's next matches change nothing
        }
      });
    }
    if (q !== '') {
      for (const [e, { id, name }] of this.odd) if (id.toLowerCase().includes(q) || name.toLowerCase().includes(q)) consider(e);
    }
    return top.entries().map(({ e, id }) => ({
      id, kind: KIND_OF[this.meta[e] & 0xff] as NodeKind, namespace: this.namespaces[this.namespaceOf[e]], name: this.nameOf(e), validTo: null,
    }));
  }

  private texts(): { text: string; starts: Int32Array }[] {
    const sealed = this.chunks.map((text, i) => ({ text, starts: this.starts[i] }));
    if (!this.open.length) return sealed;
    this.openText ??= joinEntries(this.open);
    return [...sealed, this.openText];
  }

  private seal(): void {
    const { text, starts } = this.openText ?? joinEntries(this.open);
    this.chunks.push(text);
    this.starts.push(starts);
    this.open = [];
    this.openText = null;
  }

  private entryText(e: number): string {
    const c = e >>> CHUNK_BITS;
    const local = e & (CHUNK - 1);
    if (c < this.chunks.length) return this.chunks[c].slice(this.starts[c][local], this.starts[c][local + 1] - 1);
    return this.open[local];
  }

  private idOf(e: number): string {
    const odd = this.odd.get(e);
    if (odd) return odd.id;
    const text = this.entryText(e);
    const at = this.nameAt[e];
    return at > 0 && text.charCodeAt(at - 1) === 1 && at + this.nameLen[e] === text.length ? text.slice(0, at - 1) : text;
  }

  private nameOf(e: number): string {
    const odd = this.odd.get(e);
    if (odd) return odd.name;
    const at = this.nameAt[e];
    return this.entryText(e).slice(at, at + this.nameLen[e]);
  }

  private find(id: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.idOf(e) === id) return e;
    }
  }

  private insertSlot(e: number, h: number): void {
    if ((this.count + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let i = 0; i < e; i++) this.placeSlot(i, this.hashes[i]);
    }
    this.placeSlot(e, h);
  }

  private placeSlot(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = e;
  }

  private grow(): void {
    const n = this.meta.length * 2;
    const more = <T extends Uint16Array | Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.meta = more(this.meta, (k) => new Uint16Array(k));
    this.nameAt = more(this.nameAt, (k) => new Int32Array(k));
    this.nameLen = more(this.nameLen, (k) => new Int32Array(k));
    this.hashes = more(this.hashes, (k) => new Uint32Array(k));
    this.namespaceOf = more(this.namespaceOf, (k) => new Int32Array(k));
  }
}

/** Entries joined by '\n' (one after the last too), and where each starts (one more: the end). */
function joinEntries(entries: readonly string[]): { text: string; starts: Int32Array } {
  const starts = new Int32Array(entries.length + 1);
  let at = 0;
  entries.forEach((t, i) => {
    starts[i] = at;
    at += t.length + 1;
  });
  starts[entries.length] = at;
  return { text: entries.join('\n') + '\n', starts };
}

/** The entry whose text holds offset `at`: the last start at or before it. */
function entryAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The best `limit` entries by (score, id), kept sorted. A candidate whose score is worse than the
 * worst kept is refused by one comparison, so most entries of a broad match never make an id.
 */
class TopK {
  private readonly items: { e: number; score: number; id: string }[] = [];
  constructor(private readonly limit: number, private readonly idOf: (e: number) => string) {}

  offer(e: number, score: number): void {
    const full = this.items.length === this.limit;
    if (full && score > this.items[this.limit - 1].score) return;
    const id = this.idOf(e);
    const before = (x: { score: number; id: string }) => x.score < score || (x.score === score && x.id < id);
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid])) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { e, score, id });
    if (this.items.length > this.limit) this.items.pop();
  }

  entries(): readonly { e: number; id: string }[] {
    return this.items;
  }
}
