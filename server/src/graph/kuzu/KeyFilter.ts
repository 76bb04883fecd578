/**
 * A Bloom filter over every node key in the store: "absent" is certain, "present" may be wrong.
 * Writes skip the primary-key lookup of keys that are certainly absent (a new run, version or field
 * is most of an event) and CREATE them directly. Exact because the embedded database has one
 * writer, this store: it is filled from the table when the store opens and told of every key a
 * committed transaction created.
 *
 * Sized at open for four times the keys present (at least a million; ~10 bits a key, 1% false
 * positives). A store that grows far past that in one process life only gets more false positives
 * (an extra lookup each), never a wrong answer; the next open sizes it again.
 */
export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;
  private static readonly HASHES = 7;

  constructor(expectedKeys: number) {
    this.size = Math.max(1024, Math.ceil(Math.max(expectedKeys * 4, 1_000_000) * 10));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  add(key: string): void {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < KeyFilter.HASHES; i++) {
      const bit = (h1 + i * h2) % this.size;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** False: the key is certainly not stored. True: it may be. */
  mayContain(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < KeyFilter.HASHES; i++) {
      const bit = (h1 + i * h2) % this.size;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit FNV-1a style hashes (double hashing gives the k probes). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
