import { createHash } from 'node:crypto';

/**
 * Marquez versions are UUIDs, unique across datasets and jobs. Loom's are a content hash (16 hex
 * digits, the same for two datasets with the same schema), the producer's own string (the `version`
 * facet: an Iceberg snapshot id, a Delta version...), or none at all. So a hash, XOR-ed with a hash of
 * the versioned node's id, is embedded in a v8 UUID ending in "loom" (reversible given that id); a UUID
 * is kept; anything else, and "no version", gets a name-based UUID (v3) a lookup matches by scanning.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{16}$/;
const EMBEDDED = /^([0-9a-f]{8})-([0-9a-f]{4})-8([0-9a-f]{3})-b([0-9a-f])00-6c6f6f6d0000$/;

/** The Marquez version of a Loom version of `baseId` (null: the node has no version node). */
export function versionUuid(baseId: string, version: string | null): string {
  if (version === null) return nameUuid(`${baseId}@`);
  if (UUID.test(version)) return version;
  if (HASH.test(version)) {
    const h = xor(version, baseId);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-b${h[15]}00-6c6f6f6d0000`;
  }
  return nameUuid(`${baseId}@${version}`);
}

/** The Loom versions of `baseId` a Marquez version parameter may name, most likely first. */
export function versionCandidates(baseId: string, param: string): string[] {
  const m = EMBEDDED.exec(param);
  return m ? [param, xor(m.slice(1).join(''), baseId)] : [param];
}

/** RFC 4122 version 3 (MD5, name-based) UUID of a string, as Java's UUID.nameUUIDFromBytes. */
export function nameUuid(name: string): string {
  const b = createHash('md5').update(name, 'utf8').digest();
  b[6] = (b[6] & 0x0f) | 0x30;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 16 hex digits XOR the first 16 hex digits of sha256(id): its own inverse. */
function xor(hex16: string, id: string): string {
  const mask = createHash('sha256').update(id, 'utf8').digest();
  const out = Buffer.from(hex16, 'hex').map((byte, i) => byte ^ mask[i]);
  return Buffer.from(out).toString('hex');
}
