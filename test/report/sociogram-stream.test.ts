import { describe, expect, it } from "vitest";
import { makeStudyPlan } from "../../src/model/study-plan.js";
import type { EgoNetwork } from "../../src/model/index.js";
import { drawSociograms } from "../../src/report/sociogram-stream.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";

const plan = makeStudyPlan(makeCodebook({}), {});
const options = { colour: { kind: "core" } as const, nameVariable: null, layout: "force" as const, seed: 1 };

/** `count` small egos (a tied pair and an isolate each), counting how many were read. */
function egos(count: number, read: { n: number }): AsyncIterable<EgoNetwork> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 1; i <= count; i++) {
        read.n++;
        yield makeNetwork({ egoId: `e${i}`, alters: ["a", "b", "c"], ties: [["a", "b"]] });
      }
    },
  };
}

describe("drawSociograms", () => {
  it("draws the first `max` egos in input order, keeps only what draw returns, and counts the rest", async () => {
    const read = { n: 0 };
    const result = await drawSociograms(egos(5000, read), plan, options, { egos: null, max: 3 }, (s, i) => `${i}:${s.egoId}:${s.graphNodes.length}`);
    expect(result.drawn).toEqual([
      { egoId: "e1", figure: "0:e1:2" },
      { egoId: "e2", figure: "1:e2:2" },
      { egoId: "e3", figure: "2:e3:2" },
    ]);
    expect(result.leftOut).toBe(4997);
    expect(read.n).toBe(5000);
  });

  it("stops reading at the cap when the total is known", async () => {
    const read = { n: 0 };
    const result = await drawSociograms(egos(5000, read), plan, options, { egos: null, max: 3, total: 5000 }, (s) => s.egoId);
    expect(result.drawn.map((d) => d.figure)).toEqual(["e1", "e2", "e3"]);
    expect(result.leftOut).toBe(4997);
    expect(read.n).toBe(3);
  });

  it("draws named egos in the order named and stops reading once it has them all", async () => {
    const read = { n: 0 };
    const result = await drawSociograms(egos(5000, read), plan, options, { egos: ["e40", "e7"], max: 200 }, (s) => s.egoId);
    expect(result.drawn.map((d) => d.figure)).toEqual(["e40", "e7"]);
    expect(result.leftOut).toBe(0);
    expect(read.n).toBe(40);
  });

  it("skips egos left out of the analysis, and applies the cap to named egos too", async () => {
    const skipped = await drawSociograms(egos(10, { n: 0 }), plan, options, { egos: null, max: 200, skip: new Set(["e2", "e5"]) }, (s) => s.egoId);
    expect(skipped.drawn.map((d) => d.egoId)).toEqual(["e1", "e3", "e4", "e6", "e7", "e8", "e9", "e10"]);
    const capped = await drawSociograms(egos(10, { n: 0 }), plan, options, { egos: ["e3", "e1", "e2"], max: 2 }, (s) => s.egoId);
    expect(capped.drawn.map((d) => d.egoId)).toEqual(["e3", "e1"]);
    expect(capped.leftOut).toBe(1);
  });
});
