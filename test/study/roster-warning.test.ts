import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList, type StudyConfig } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { rosterWarnings } from "../../src/study/roster-warning.js";
import { threadLikeWorkers } from "./thread-like-workers.js";

const ROSTER = path.resolve("fixtures/real-exports/roster");

async function warnings(input: string, config: StudyConfig = {}, jobs?: number) {
  const problems = new ProblemList();
  const dataset = await openDataset(input, { config, egoIdField: "caseId", problems });
  const plan = makeStudyPlan(dataset.codebook, config);
  const measured = await measureDataset(dataset, plan, {
    groupVariables: [],
    problems,
    jobs,
    spawnWorker: jobs !== undefined && jobs > 1 ? threadLikeWorkers(jobs) : undefined,
  });
  return { warnings: measured.warnings.filter((w) => w.startsWith("node type")), rows: measured.table.rows };
}

const VENUE_WARNING =
  "node type Venue: 10 alters in 4 interviews, and no tie touches any of them in any interview (a roster nobody was tied to?): " +
  'they count in network_size and as isolates. To leave them out, put "nodeTypes": ["Person"] in netsp.config.json';

describe("a node type no tie touches (a roster of places)", () => {
  it("after measuring: one warning, with the exact config line that leaves it out (CSV and GraphML)", async () => {
    for (const format of ["csv", "graphml"]) {
      const result = await warnings(path.join(ROSTER, format));
      expect(result.warnings, format).toEqual([VENUE_WARNING]);
    }
  });

  it("the same with worker threads", async () => {
    expect((await warnings(path.join(ROSTER, "csv"), {}, 2)).warnings).toEqual([VENUE_WARNING]);
  });

  it("no warning once the config leaves the type out; none in a study with no ties at all", async () => {
    const result = await warnings(path.join(ROSTER, "csv"), { nodeTypes: ["Person"] });
    expect(result.warnings).toEqual([]);
    expect(rosterWarnings({ alters: { Person: 5, Venue: 3 }, egos: { Person: 2, Venue: 2 }, ties: {} }, makeStudyPlan({ source: "inferred", ego: {}, node: {}, edge: {} }, {}), [])).toEqual([]);
  });

  it("ties of edge types the config leaves out do not count; the line keeps the config's order", () => {
    const plan = makeStudyPlan({ source: "inferred", ego: {}, node: {}, edge: {} }, { nodeTypes: ["Organisation", "Person", "Venue"] });
    const tally = { alters: { Person: 4, Venue: 2, Organisation: 1 }, egos: { Person: 2, Venue: 1, Organisation: 1 }, ties: { Person: 3, Organisation: 1 } };
    const [warning] = rosterWarnings(tally, plan, ["Person", "Venue", "Organisation"]);
    expect(warning).toMatch(/^node type Venue: 2 alters in 1 interview, /);
    expect(warning).toContain('"nodeTypes": ["Organisation", "Person"]');
  });
});
