/**
 * Protobuf's wire format, read by hand: a cursor over a message's bytes (varints, fixed-width
 * fields, length-delimited fields, groups skipped) and the walk over a message's fields. No objects
 * are made for messages; the reader of each message decides what to keep (otlp.wire.ts).
 */
/** The bytes are not the message they were read as. */
export class WireError extends Error {}

export const VARINT = 0;
export const I64 = 1;
export const LEN = 2;
export const SGROUP = 3;
export const EGROUP = 4;
export const I32 = 5;

/** A field's tag: field number << 3 | wire type. */
export const tag = (field: number, wireType: number) => field * 8 + wireType;

/** Node's Buffer slices without toString's argument handling (protobufjs reads strings the same way). */
export interface SliceBuffer extends Buffer { utf8Slice(start: number, end: number): string; hexSlice(start: number, end: number): string; base64Slice(start: number, end: number): string }

/** A cursor over a message's bytes; every read is bounded by the end of the message it is in. */
export class ProtoCursor {
  pos = 0;
  /** The high 32 bits of the last varint read. */
  hi = 0;

  constructor(readonly buf: SliceBuffer) {}

  /** A varint: its low 32 bits (unsigned); the high ones are left in `hi`. */
  varint(end: number): number {
    const b = this.buf;
    let p = this.pos;
    if (p >= end) throw new WireError(`truncated varint at offset ${p}`);
    let c = b[p++];
    if (c < 0x80) {
      this.pos = p;
      this.hi = 0;
      return c;
    }
    let lo = c & 0x7f;
    let hi = 0;
    for (let shift = 7; ; shift += 7) {
      if (p >= end) throw new WireError(`truncated varint at offset ${p}`);
      if (shift === 70) throw new WireError(`varint longer than 10 bytes at offset ${p}`);
      c = b[p++];
      const bits = c & 0x7f;
      if (shift < 28) lo |= bits << shift;
      else if (shift === 28) {
        lo |= (bits & 0x0f) << 28;
        hi |= bits >>> 4;
      } else hi |= bits << (shift - 32);
      if (c < 0x80) break;
    }
    this.pos = p;
    this.hi = hi >>> 0;
    return lo >>> 0;
  }

  /** A length-delimited field's bounds: returns its end, leaves `pos` at its start. */
  len(end: number): number {
    const n = this.varint(end);
    if (this.hi !== 0 || this.pos + n > end) throw new WireError(`length ${n} past the end of its message at offset ${this.pos}`);
    return this.pos + n;
  }

  string(end: number): string {
    const e = this.len(end);
    const s = this.buf.utf8Slice(this.pos, e);
    this.pos = e;
    return s;
  }

  /** An id of `bytes` bytes as lower-case hex; '' when absent or empty, null when not that long or all zero. */
  id(end: number, bytes: number): string | null {
    const e = this.len(end);
    const s = this.pos;
    this.pos = e;
    if (e === s) return '';
    if (e - s !== bytes) return null;
    for (let i = s; i < e; i++) if (this.buf[i] !== 0) return this.buf.hexSlice(s, e);
    return null;
  }

  double(end: number): number {
    if (this.pos + 8 > end) throw new WireError(`truncated double at offset ${this.pos}`);
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  fixed64(end: number): bigint {
    if (this.pos + 8 > end) throw new WireError(`truncated fixed64 at offset ${this.pos}`);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }

  /** An int32 field (enums): negative values come as 10-byte varints. */
  int32(end: number): number {
    return this.varint(end) | 0;
  }

  /** Skips one field of the given wire type (groups included). */
  skip(wireType: number, end: number): void {
    switch (wireType) {
      case VARINT: this.varint(end); return;
      case I64: this.advance(8, end); return;
      case LEN: this.pos = this.len(end); return;
      case I32: this.advance(4, end); return;
      case SGROUP:
        for (;;) {
          const t = this.varint(end);
          if ((t & 7) === EGROUP) return;
          this.skip(t & 7, end);
        }
      default: throw new WireError(`invalid wire type ${wireType} at offset ${this.pos}`);
    }
  }

  /** The next field's tag, or throws on field number 0. */
  tag(end: number): number {
    const t = this.varint(end);
    if (t >>> 3 === 0) throw new WireError(`invalid field number 0 at offset ${this.pos}`);
    return t;
  }

  private advance(n: number, end: number): void {
    if (this.pos + n > end) throw new WireError(`truncated field at offset ${this.pos}`);
    this.pos += n;
  }
}

/** The message of the last occurrence of field `field` (LEN) in [pos, end), or null; `pos` is left at `end`. */
export function lastMessage(w: ProtoCursor, end: number, field: number): [number, number] | null {
  let found: [number, number] | null = null;
  while (w.pos < end) {
    const t = w.tag(end);
    if (t === tag(field, LEN)) {
      const e = w.len(end);
      found = [w.pos, e];
      w.pos = e;
    } else w.skip(t & 7, end);
  }
  return found;
}

/** Every occurrence of field `field` (LEN) in [start, end), in order. */
export function eachMessage(w: ProtoCursor, start: number, end: number, field: number, read: (end: number) => void): void {
  w.pos = start;
  while (w.pos < end) {
    const t = w.tag(end);
    if (t === tag(field, LEN)) {
      const e = w.len(end);
      read(e);
      w.pos = e;
    } else w.skip(t & 7, end);
  }
}
