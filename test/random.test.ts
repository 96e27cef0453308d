import { describe, expect, it } from "vitest";
import { deriveSeed, Random } from "../src/random.js";

describe("Random (mulberry32)", () => {
  it("matches an independent port of mulberry32", () => {
    // Expected: python3 test/synth/reference/mulberry32.py
    const reference: Array<[number, number[]]> = [
      [1, [2693262067, 11749833, 2265367787, 4213581821, 4159151403]],
      [4331, [792067295, 3629274903, 1697764263, 3460469576, 1018731381]],
      [4294967295, [3850105811, 813802916, 3073704848, 4054706436, 3630262831]],
    ];
    for (const [seed, values] of reference) {
      const rng = new Random(seed);
      expect(values.map(() => rng.nextUint32())).toEqual(values);
    }
    // 2693262067 / 2^32 (python3 -c "print(2693262067 / 4294967296)")
    expect(new Random(1).next()).toBe(0.6270739405881613);
  });

  it("draws integers inside the bounds, reaching both ends", () => {
    const rng = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(-2, 3);
      expect(Number.isInteger(v) && v >= -2 && v <= 3).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(3, 2)).toThrow();
  });

  it("samples k distinct indices below n", () => {
    const rng = new Random(11);
    for (const [n, k] of [[10, 0], [10, 10], [50, 7], [1, 1], [1000, 20]]) {
      const s = rng.sampleIndices(n, k);
      expect(s).toHaveLength(k);
      expect(new Set(s).size).toBe(k);
      for (const i of s) expect(i >= 0 && i < n).toBe(true);
    }
    expect(() => rng.sampleIndices(3, 4)).toThrow();
  });

  it("shuffles into a permutation of the same items", () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = new Random(3).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it("writes version-4 UUIDs", () => {
    const rng = new Random(5);
    const ids = Array.from({ length: 200 }, () => rng.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("repeats exactly for the same seed, and differs between seeds and labels", () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 10 }, () => a.next())).toEqual(Array.from({ length: 10 }, () => b.next()));
    expect(deriveSeed(1, "interview", "LW01")).toBe(deriveSeed(1, "interview", "LW01"));
    const seeds = new Set([
      deriveSeed(1, "interview", "LW01"),
      deriveSeed(1, "interview", "LW02"),
      deriveSeed(2, "interview", "LW01"),
      deriveSeed(1, "interviewLW01"),
    ]);
    expect(seeds.size).toBe(4);
  });
});
