/**
 * A small seeded pseudo-random generator, so synthetic studies are reproducible byte for byte: the same
 * seed gives the same numbers on every platform (integer arithmetic only, no Math.random).
 *
 * Generator: mulberry32 (Tommy Ettinger, 2017, public domain): a 32-bit state advanced by the Weyl
 * increment 0x6D2B79F5 and passed through a multiply-xorshift mix; period 2^32. Good enough for test data,
 * not for cryptography. Seeds for independent streams (one per interview) come from `deriveSeed`, an
 * FNV-1a hash of the labels finished with the murmur3 avalanche step, so an interview's data do not depend
 * on how many numbers earlier interviews drew.
 *
 * Example: new Random(1).next() === 0.6270739405881613 (reference: test/synth/random.test.ts).
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1) with 32 random bits. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`bug: Random.int(${min}, ${max})`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("bug: Random.pick from an empty list");
    return items[this.int(0, items.length - 1)];
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /**
   * `k` distinct indices from 0 … n−1, uniformly (Floyd's algorithm: O(k) draws, however large n is).
   * The order is the order of drawing, not sorted.
   */
  sampleIndices(n: number, k: number): number[] {
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`bug: sampleIndices(${n}, ${k})`);
    const chosen = new Set<number>();
    for (let j = n - k; j < n; j++) {
      const t = this.int(0, j);
      chosen.add(chosen.has(t) ? j : t);
    }
    return [...chosen];
  }

  /** A random (version 4, RFC 9562) UUID in lower-case 8-4-4-4-12 form. */
  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const w = this.nextUint32();
      bytes.push(w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/**
 * A 32-bit seed for an independent stream, from a base seed and labels (e.g. the interview's case id):
 * FNV-1a over the UTF-16 code units of `seed` and the labels joined by NUL, then the murmur3 finaliser.
 *
 * Example: deriveSeed(1, "interview", "LW01") is the same number on every run.
 */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  const text = [String(seed >>> 0), ...labels.map(String)].join("\u0000");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
