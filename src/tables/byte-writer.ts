/**
 * A growable little-endian byte buffer: what the binary writers (SPSS .sav, Stata .dta) assemble their
 * records with. Text is written as UTF-8, fixed-width fields padded with a given byte.
 */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  get offset(): number {
    return this.length;
  }

  /** Room for n more bytes; the offset they start at. Call it before touching `buffer` or `view`, which it may replace. */
  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < at + n) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buffer.subarray(0, at));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length += n;
    return at;
  }

  int8(value: number): this {
    const at = this.reserve(1);
    this.view.setUint8(at, value & 0xff);
    return this;
  }

  uint16(value: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return this;
  }

  int32(value: number): this {
    const at = this.reserve(4);
    this.view.setInt32(at, value, true);
    return this;
  }

  uint32(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value, true);
    return this;
  }

  /** An unsigned integer in `bytes` bytes (up to 8; exact below 2^53). */
  uint(value: number, bytes: number): this {
    const at = this.reserve(bytes);
    let rest = value;
    for (let i = 0; i < bytes; i++) {
      this.buffer[at + i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    return this;
  }

  float64(value: number): this {
    const at = this.reserve(8);
    this.view.setFloat64(at, value, true);
    return this;
  }

  bytes(data: Uint8Array): this {
    const at = this.reserve(data.length);
    this.buffer.set(data, at);
    return this;
  }

  /** `data` cut or padded with `pad` to exactly `width` bytes. */
  fixed(data: Uint8Array | string, width: number, pad = 0x20): this {
    const b = typeof data === "string" ? utf8(data) : data;
    const at = this.reserve(width);
    const n = Math.min(b.length, width);
    this.buffer.set(b.subarray(0, n), at);
    this.buffer.fill(pad, at + n, at + width);
    return this;
  }

  /** ASCII text as is (tags, record names). */
  text(s: string): this {
    return this.bytes(utf8(s));
  }

  /** Overwrites a little-endian unsigned integer already written (an offset known only later). */
  patchUint(at: number, value: number, bytes: number): void {
    let rest = value;
    for (let i = 0; i < bytes; i++) {
      this.buffer[at + i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
  }

  patchInt32(at: number, value: number): void {
    this.view.setInt32(at, value, true);
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

const encoder = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The longest prefix of `s` that is at most `maxBytes` bytes of UTF-8, never cutting a character. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8(s).length <= maxBytes) return s;
  let out = "";
  let used = 0;
  for (const ch of s) {
    const n = utf8(ch).length;
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}
