import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { buildCoreStructureGraph, cohortEdgeTypes, cohortInterviews, generateCohortInterview, planCohortShells, writeCohort, type CohortOptions } from "../../src/synth/index.js";
import { Random } from "../../src/random.js";
import { peelCoreNumbers } from "./peel-core-numbers.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-cohort-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("planCohortShells", () => {
  it("plans shells that buildCoreStructureGraph builds with the stated ties and core numbers, as many ties as asked (or nearly)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.15, max: 0.4, noNaN: true }),
        fc.double({ min: 0.4, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (nodes, isolateShare, density, coreShare, coreDensity, seed) => {
          const isolates = Math.round(nodes * isolateShare);
          const ties = Math.round((density * nodes * (nodes - 1)) / 2);
          const plan = planCohortShells(nodes, isolates, ties, coreShare, coreDensity, new Random(seed));
          const graph = buildCoreStructureGraph(plan.shells, plan.isolates, new Random(seed));
          expect(graph.nodeCount).toBe(nodes);
          expect(graph.edges).toHaveLength(plan.ties);
          expect(peelCoreNumbers(graph.nodeCount, graph.edges)).toEqual(graph.shell);
          expect(plan.isolates).toBeGreaterThanOrEqual(isolates);
          // The target, or close to it, whenever it leaves every tied node a tie and fits the graph.
          const tied = nodes - isolates;
          if (tied >= 3 && ties >= tied && ties <= (tied * (tied - 1)) / 2) {
            expect(Math.abs(plan.ties - ties)).toBeLessThanOrEqual(Math.max(2, 0.05 * ties));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("cohort interviews", () => {
  const options: CohortOptions = { egos: 200, alters: 40, density: 0.1, types: 3, seed: 9 };
  const interviews = [...cohortInterviews(options)];

  it("are the same for a seed, ego by ego whatever the cohort's size, and differ between seeds", () => {
    const types = cohortEdgeTypes(3);
    expect(generateCohortInterview(57, 3, types, options)).toEqual(interviews[57]);
    expect(generateCohortInterview(57, 3, types, { ...options, egos: 5000 })).toEqual(interviews[57]);
    expect(generateCohortInterview(57, 3, types, { ...options, seed: 10 })).not.toEqual(interviews[57]);
    expect(interviews.map((i) => i.caseId).slice(0, 2)).toEqual(["ego_001", "ego_002"]);
  });

  it("look like real interviews: sizes vary around the mean, isolates and a dense core, colleagues off the sociogram", () => {
    const sizes = interviews.map((i) => i.alters.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(36);
    expect(mean).toBeLessThan(44);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(60);
    let withIsolates = 0;
    let withColleagues = 0;
    const densities: number[] = [];
    const seenTypes = new Set<string>();
    for (const interview of interviews) {
      const colleagues = new Set(interview.alters.flatMap((a, i) => (a.attributes.link_worker === true ? [i] : [])));
      if (colleagues.size > 0) withColleagues++;
      const pairs = new Set<string>();
      const degree = new Map<number, number>();
      for (const t of interview.ties) {
        expect(colleagues.has(t.source) || colleagues.has(t.target)).toBe(false);
        expect(t.source).not.toBe(t.target);
        seenTypes.add(t.edgeType);
        const key = t.source < t.target ? `${t.source},${t.target}` : `${t.target},${t.source}`;
        if (!pairs.has(key)) {
          pairs.add(key);
          degree.set(t.source, (degree.get(t.source) ?? 0) + 1);
          degree.set(t.target, (degree.get(t.target) ?? 0) + 1);
        }
      }
      const n = interview.alters.length - colleagues.size;
      if (n - degree.size > 0) withIsolates++;
      densities.push((2 * pairs.size) / (n * (n - 1)));
      // A dense core: the best-connected alter is tied to several times the average.
      expect(Math.max(...degree.values())).toBeGreaterThan((2 * pairs.size) / n);
    }
    expect(withIsolates).toBeGreaterThan(150);
    expect(withColleagues).toBeGreaterThan(100);
    expect(seenTypes).toEqual(new Set(cohortEdgeTypes(3)));
    for (const d of densities) expect(Math.abs(d - 0.1)).toBeLessThan(0.02);
  });
});

describe("writeCohort", () => {
  const base = { egos: 40, alters: 20, density: 0.15, types: 2, seed: 5 };
  const bytes = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir)
        .sort()
        .map((f) => [f, readFileSync(path.join(dir, f))]),
    );

  it("writes the same bytes for the same options, in each format, with a config beside them", () => {
    for (const format of ["merged", "per-session", "three-file"] as const) {
      const a = path.join(root, `${format}-a`);
      const b = path.join(root, `${format}-b`);
      writeCohort({ ...base, format, out: a });
      writeCohort({ ...base, format, out: b });
      expect(bytes(a)).toEqual(bytes(b));
      expect(readdirSync(a)).toContain("netsp.config.json");
    }
    const c = path.join(root, "merged-c");
    writeCohort({ ...base, seed: 6, format: "merged", out: c });
    expect(bytes(c)).not.toEqual(bytes(path.join(root, "merged-a")));
  });

  it("gives the same measures whether written as a Network Canvas export or as the three tables", async () => {
    const measure = async (dir: string) => {
      const loaded = await loadStudyConfig({ input: dir });
      const problems = new ProblemList();
      const dataset = await openDataset(dir, { config: loaded.config, protocol: loaded.protocolPath, egoIdField: "caseId", problems });
      const measured = await measureDataset(dataset, makeStudyPlan(dataset.codebook, loaded.config), { groupVariables: [] });
      expect(problems.errors).toEqual([]);
      return measured.table.rows;
    };
    const merged = await measure(path.join(root, "merged-a"));
    const threeFile = await measure(path.join(root, "three-file-a"));
    expect(merged.map((r) => r.network_size)).toEqual(threeFile.map((r) => r.network_size));
    expect(merged.some((r) => (r.excluded_alters as number) > 0)).toBe(true);
    for (const column of Object.keys(threeFile[0])) {
      // Every measure both formats have (the three tables carry no layout, and type their own columns).
      expect(merged.map((r) => r[column]), column).toEqual(threeFile.map((r) => r[column]));
    }
  });
});
