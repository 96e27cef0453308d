import { describe, expect, it } from "vitest";
import { mapConcurrently } from "../src/map-concurrently.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapConcurrently", () => {
  it("keeps input order and at most `limit` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapConcurrently([30, 5, 20, 1, 10], 2, async (ms) => {
      most = Math.max(most, ++inFlight);
      await pause(ms);
      inFlight--;
      return ms * 2;
    });
    expect(out).toEqual([60, 10, 40, 2, 20]);
    expect(most).toBe(2);
  });

  it("on a failure starts nothing more, and rejects with the first error after the calls in flight end", async () => {
    const ended: number[] = [];
    const started: number[] = [];
    const run = mapConcurrently([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      if (i === 0) throw new Error("first");
      await pause(20);
      ended.push(i);
      if (i === 1) throw new Error("second");
      return i;
    });
    await expect(run).rejects.toThrow("first");
    expect(started).toEqual([0, 1]); // item 2 never started
    expect(ended).toEqual([1]); // item 1 had finished before the rejection
  });

  it("an empty list gives an empty result", async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
