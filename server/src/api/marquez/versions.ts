import { createHash } from 'node:crypto';

/**
 * Marquez versions are UUIDs; Loom's are a content hash (16 hex digits), the producer's own string
 * (the `version` facet: an Iceberg snapshot id, a Delta version...), or none at all. A hash is embedded
 * in a UUID reversibly (a v8 UUID ending in "loom"); a UUID is kept; anything else, and "no version",
 * gets a name-based UUID (v3, like Java's UUID.nameUUIDFromBytes) that a lookup matches by scanning.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{16}$/;
const EMBEDDED = /^([0-9a-f]{8})-([0-9a-f]{4})-8([0-9a-f]{3})-b([0-9a-f])00-6c6f6f6d0000$/;

export const isUuid = (s: string) => UUID.test(s);

/** The Marquez version of a Loom version of `baseId` (null: the node has no version node). */
export function versionUuid(baseId: string, version: string | null): string {
  if (version === null) return nameUuid(`${baseId}@`);
  if (UUID.test(version)) return version;
  if (HASH.test(version)) return `${version.slice(0, 8)}-${version.slice(8, 12)}-8${version.slice(12, 15)}-b${version[15]}00-6c6f6f6d0000`;
  return nameUuid(`${baseId}@${version}`);
}

/** The Loom versions a Marquez version parameter may name, most likely first. */
export function versionCandidates(param: string): string[] {
  const m = EMBEDDED.exec(param);
  return m ? [param, m.slice(1).join('')] : [param];
}

/** RFC 4122 version 3 (MD5, name-based) UUID of a string. */
export function nameUuid(name: string): string {
  const b = createHash('md5').update(name, 'utf8').digest();
  b[6] = (b[6] & 0x0f) | 0x30;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
