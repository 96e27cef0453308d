import { describe, expect, it } from "vitest";
import { makeStudyPlan } from "../../src/model/study-plan.js";
import type { SociogramEgo } from "../../src/report/sociogram-graph.js";
import { drawSociograms } from "../../src/report/sociogram-stream.js";
import { analyseStudy } from "../../src/study/analyse-study.js";
import { sociogramGraph, sociogramSource } from "../../src/study/sociogram-source.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";

const plan = makeStudyPlan(makeCodebook({}), {});
const options = { colour: { kind: "core" } as const, layout: "force" as const, seed: 1 };

/** `count` small egos (a tied pair and an isolate each), counting how many were read and how many graphs built. */
function egos(count: number, read: { n: number; built?: number }): AsyncIterable<SociogramEgo> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 1; i <= count; i++) {
        read.n++;
        const network = makeNetwork({ egoId: `e${i}`, alters: ["a", "b", "c"], ties: [["a", "b"]] });
        yield {
          egoId: `e${i}`,
          graph: () => {
            read.built = (read.built ?? 0) + 1;
            return sociogramGraph(network, plan, { colourVariable: null, nameVariable: null });
          },
        };
      }
    },
  };
}

describe("drawSociograms", () => {
  it("draws the first `max` egos in input order, keeps only what draw returns, and counts the rest", async () => {
    const read = { n: 0, built: 0 };
    const result = await drawSociograms(egos(5000, read), options, { egos: null, max: 3 }, (s, i) => `${i}:${s.egoId}:${s.graphNodes.length}`);
    expect(result.drawn).toEqual([
      { egoId: "e1", figure: "0:e1:2" },
      { egoId: "e2", figure: "1:e2:2" },
      { egoId: "e3", figure: "2:e3:2" },
    ]);
    expect(result.leftOut).toBe(4997);
    expect(read.n).toBe(5000);
    expect(read.built).toBe(3); // graphs only of the egos drawn
  });

  it("stops reading at the cap when the total is known", async () => {
    const read = { n: 0 };
    const result = await drawSociograms(egos(5000, read), options, { egos: null, max: 3, total: 5000 }, (s) => s.egoId);
    expect(result.drawn.map((d) => d.figure)).toEqual(["e1", "e2", "e3"]);
    expect(result.leftOut).toBe(4997);
    expect(read.n).toBe(3);
  });

  it("draws named egos in the order named and stops reading once it has them all", async () => {
    const read = { n: 0, built: 0 };
    const result = await drawSociograms(egos(5000, read), options, { egos: ["e40", "e7"], max: 200 }, (s) => s.egoId);
    expect(result.drawn.map((d) => d.figure)).toEqual(["e40", "e7"]);
    expect(result.leftOut).toBe(0);
    expect(read.n).toBe(40);
    expect(read.built).toBe(2);
  });

  it("applies the cap to named egos too", async () => {
    const capped = await drawSociograms(egos(10, { n: 0 }), options, { egos: ["e3", "e1", "e2"], max: 2 }, (s) => s.egoId);
    expect(capped.drawn.map((d) => d.egoId)).toEqual(["e3", "e1"]);
    expect(capped.leftOut).toBe(1);
  });
});

describe("sociogramSource", () => {
  it("streams the analysed egos in input order, ids as the analysis shows them, passing over interviews in no row", async () => {
    const analysis = await analyseStudy({ input: "fixtures/thesis" });
    const rename = (id: string) => `P-${id}`;
    // As an analysis that left LW02 and LW05 out would be, its rows showing ego ids as renamed.
    const rows = analysis.measures.rows.filter((r) => r.ego_id !== "LW02" && r.ego_id !== "LW05").map((r) => ({ ...r, ego_id: rename(String(r.ego_id)) }));
    const seen: string[] = [];
    let sizeOfLW03: number | null = null;
    for await (const ego of sociogramSource({ ...analysis, measures: { ...analysis.measures, rows } }, { colourVariable: null, nameVariable: null, egoIdOf: rename })) {
      seen.push(ego.egoId);
      if (ego.egoId === "P-LW03") {
        const graph = ego.graph();
        expect(graph.egoId).toBe("P-LW03");
        sizeOfLW03 = graph.networkSize;
      }
    }
    expect(seen).toEqual(analysis.measures.rows.map((r) => rename(String(r.ego_id))).filter((id) => id !== "P-LW02" && id !== "P-LW05"));
    expect(sizeOfLW03).toBe(analysis.measures.rows.find((r) => r.ego_id === "LW03")!.network_size);
  });
});
