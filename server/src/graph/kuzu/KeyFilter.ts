import { createReadStream } from 'node:fs';

/**
 * A Bloom filter over every node key (or edge key) in the store: "absent" is certain, "present" may be wrong.
 * Writes skip the primary-key lookup of keys that are certainly absent (a new run, version or field
 * is most of an event) and CREATE them directly. Exact because the embedded database has one
 * writer, this store: it is filled from the table when the store opens and told of every key a
 * committed transaction created.
 *
 * Sized at open for four times the keys present (at least a million; ~10 bits a key, about 1% false
 * positives), in blocks of one cache line. A store that grows far past that in one process life
 * only gets more false positives (an extra lookup each), never a wrong answer; the next open sizes
 * it again.
 */
export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly blocks: number;
  private static readonly HASHES = 7;
  /** 512 bits (a 64-byte cache line) a block: all of a key's bits are in one block, so adding or testing a key touches one line of memory. */
  private static readonly BLOCK_WORDS = 16;

  constructor(expectedKeys: number) {
    const bits = Math.ceil(Math.max(expectedKeys * 4, 1_000_000) * 10);
    this.blocks = Math.ceil(bits / (KeyFilter.BLOCK_WORDS * 32));
    this.bits = new Uint32Array(this.blocks * KeyFilter.BLOCK_WORDS);
  }

  add(key: string): void {
    const [h1, h2] = keyHashes(key);
    this.probe(h1, h2, true);
  }

  /** A key given by its two hashes (keyHashes, readCsvColumn). */
  addHash(h1: number, h2: number): void {
    this.probe(h1, h2, true);
  }

  /** False: the key is certainly not stored. True: it may be. */
  mayContain(key: string): boolean {
    const [h1, h2] = keyHashes(key);
    return this.probe(h1, h2, false);
  }

  /** A key's bits, set or tested: the first hash picks its block, the second its bits in it. */
  private probe(h1: number, h2: number, set: boolean): boolean {
    const base = (h1 % this.blocks) * KeyFilter.BLOCK_WORDS;
    const step = (h2 >>> 9) | 1;
    for (let i = 0; i < KeyFilter.HASHES; i++) {
      const bit = (h2 + i * step) & 511;
      const word = base + (bit >>> 5);
      const mask = 1 << (bit & 31);
      if (set) this.bits[word] |= mask;
      else if ((this.bits[word] & mask) === 0) return false;
    }
    return true;
  }
}

const [SEED_A, SEED_B] = [0x811c9dc5, 0x01000193];

/**
 * Two independent 32-bit FNV-1a style hashes of a key's UTF-8 bytes (double hashing gives the k
 * probes), fed a byte at a time: the same key hashes the same from a JS string or from the bytes of
 * a file the engine wrote (readCsvColumn repeats these steps inline), without making a string of it.
 */
class KeyHash {
  a = SEED_A;
  b = SEED_B;
  byte(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    let b = Math.imul(this.b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
    this.b = b;
  }
}

/** The two hashes of a key's UTF-8 bytes (a lone surrogate counts as U+FFFD, as the engine stores it). */
export function keyHashes(key: string): [number, number] {
  const h = new KeyHash();
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (c < 0x80) { h.byte(c); continue; }
    if (c < 0x800) { h.byte(0xc0 | (c >> 6)); h.byte(0x80 | (c & 63)); continue; }
    if (c >= 0xd800 && c < 0xe000) {
      const d = key.charCodeAt(i + 1);
      if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        h.byte(0xf0 | (cp >> 18)); h.byte(0x80 | ((cp >> 12) & 63)); h.byte(0x80 | ((cp >> 6) & 63)); h.byte(0x80 | (cp & 63));
        i++;
        continue;
      }
      c = 0xfffd;
    }
    h.byte(0xe0 | (c >> 12)); h.byte(0x80 | ((c >> 6) & 63)); h.byte(0x80 | (c & 63));
  }
  return finish(h.a, h.b);
}

/** A key's two hashes from the running state (the second odd, so double hashing visits distinct bits). */
const finish = (a: number, b: number): [number, number] => [a >>> 0, (b | 1) >>> 0];

/**
 * Hash every field of a one-column CSV file as Kuzu's COPY TO writes it (a field is quoted, quotes
 * doubled, when it holds a quote, comma or line break; lines end in \n), streaming its bytes, without
 * decoding the file or making a string per key: for 1.6M node keys and 3.7M edge keys (530 MB),
 * those two steps took ~7 s of a 15 s start. Returns how many fields there were.
 */
export async function readCsvColumn(file: string, each: (h1: number, h2: number) => void): Promise<number> {
  // KeyHash's steps, inlined over local variables: every byte of the export passes through this loop.
  let a = SEED_A;
  let b = SEED_B;
  let count = 0;
  let field = false; // inside a field (some byte or an opening quote seen)
  let quoted = false; // inside a quoted field
  let quote = false; // the last byte was a quote inside a quoted field (closing, or the first of a doubled one)
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (quoted) {
        if (quote) {
          quote = false;
          if (c !== 0x22) quoted = false; // the previous quote closed the field: c is read below
        } else if (c === 0x22) { quote = true; continue; }
      }
      if (!quoted) {
        if (c === 0x0a) {
          if (field) { each(...finish(a, b)); a = SEED_A; b = SEED_B; count++; }
          field = false;
          continue;
        }
        if (c === 0x0d) continue;
        if (!field && c === 0x22) { field = true; quoted = true; continue; }
        field = true;
      }
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  if (field) { each(...finish(a, b)); count++; }
  return count;
}
