/**
 * The variable model on exports that imitate real studies (fixtures/real-exports, written from the format
 * facts with a hand-written expected-model.json each, not from netsp's output): every variable's type,
 * options and whether it identifies people, with the protocol and without it, read from CSV and from
 * GraphML; and the two renderings of one export give the same model and the same measures.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList, type Codebook, type StudyConfig, type Variable } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";

const ROOT = path.resolve("fixtures/real-exports");
const FIXTURES = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

interface ExpectedVariable {
  name: string;
  type: string;
  options?: Array<string | number>;
  identifying: boolean;
}
interface ExpectedModel {
  protocol: string | null;
  entities: Array<{ entity: string; kind: string; variables: ExpectedVariable[] }>;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The data files of a rendering without its protocol, in a folder of their own. */
function withoutProtocol(folder: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-real-"));
  dirs.push(dir);
  for (const f of readdirSync(folder)) if (!f.endsWith(".netcanvas")) copyFileSync(path.join(folder, f), path.join(dir, f));
  return dir;
}

async function open(folder: string) {
  // The model is read with no config: what the export alone says.
  const problems = new ProblemList();
  const dataset = await openDataset(folder, { config: {}, egoIdField: "caseId", problems });
  return { dataset, problems };
}

/** The model as expected-model.json writes it: scalar is a number; options only for categorical and ordinal. */
function modelOf(codebook: Codebook): ExpectedModel["entities"] {
  const variables = (set: Record<string, Variable>) =>
    Object.values(set).map((v) => {
      const out: ExpectedVariable = { name: v.name, type: v.type === "scalar" ? "number" : v.type, identifying: v.role === "identifying" };
      if (v.type === "categorical" || v.type === "ordinal") out.options = (v.options ?? []).map((o) => o.value);
      return out;
    });
  return [
    { entity: "ego", kind: "ego", variables: variables(codebook.ego) },
    ...Object.keys(codebook.node).sort().map((t) => ({ entity: t, kind: "node", variables: variables(codebook.node[t]) })),
    ...Object.keys(codebook.edge).sort().map((t) => ({ entity: t, kind: "edge", variables: variables(codebook.edge[t]) })),
  ];
}

/** expected-model.json with option values as strings (netsp keeps every option value as text). */
function expectedOf(fixture: string): ExpectedModel {
  const model = JSON.parse(readFileSync(path.join(ROOT, fixture, "expected-model.json"), "utf8")) as ExpectedModel;
  for (const e of model.entities) {
    // `codebookType: "scalar"` marks a number that the protocol calls a slider; the model reads it as a number.
    e.variables = e.variables.map(({ name, type, options, identifying }) => ({ name, type, ...(options ? { options: options.map(String) } : {}), identifying }));
  }
  model.entities = [model.entities[0], ...model.entities.slice(1).sort((a, b) => (a.kind === b.kind ? a.entity.localeCompare(b.entity) : a.kind === "node" ? -1 : 1))];
  return model;
}

/** What no reader can know without the codebook: an ordinal's codes look like numbers. */
function withoutCodebook(model: ExpectedModel["entities"]): ExpectedModel["entities"] {
  return model.map((e) => ({
    ...e,
    variables: e.variables.map((v) => (v.type === "ordinal" ? { name: v.name, type: "number", identifying: false } : v)),
  }));
}

/**
 * Per-fixture settings for the measures, each a property of the export, not of netsp:
 * - unfinished: GraphML has no form for an interview's outcome, so only with the unfinished interviews kept
 *   do both renderings hold the same interviews;
 * - renamed-columns: categorical `contact` option `in_person` and categorical `contact_in` option `person`
 *   both give `count_contact_in_person`; netsp refuses such a clash and asks for an alias, as here.
 */
const MEASURE_CONFIG: Record<string, StudyConfig> = {
  "renamed-columns": { aliases: { contactin: "contact_in" }, composition: { support: {}, contact: {}, contactin: {} } },
};
const INCLUDE_UNFINISHED = new Set(["unfinished"]);

async function rows(folder: string, fixture: string) {
  const config = MEASURE_CONFIG[fixture] ?? {};
  const problems = new ProblemList();
  const dataset = await openDataset(folder, { config, egoIdField: "caseId", problems });
  const plan = makeStudyPlan(dataset.codebook, config);
  const measured = await measureDataset(dataset, plan, {
    groupVariables: plan.groupVariables.map((g) => g.id),
    problems,
    jobs: 1,
    includeUnfinished: INCLUDE_UNFINISHED.has(fixture),
  });
  return measured.table.rows;
}

/**
 * What GraphML without the protocol cannot settle: renamed-columns' booleans support_emotional and
 * contact_in_person share their names with option columns, so they are named as the CSV names them (_2, _3).
 */
const GRAPHML_ALONE: Record<string, (model: ExpectedModel["entities"]) => ExpectedModel["entities"]> = {
  "renamed-columns": (model) =>
    model.map((e) => ({
      ...e,
      variables: e.variables.map((v) =>
        v.type !== "boolean" ? v : { ...v, name: v.name === "support_emotional" ? "support_emotional_2" : "contact_in_person_3" },
      ),
    })),
};

/**
 * What a CSV export without its protocol cannot settle, beyond ordinals (each listed in the fixture's
 * csvAmbiguities as not settled by the CSV alone), and what netsp reads there instead.
 */
const CSV_ALONE: Record<string, (model: ExpectedModel["entities"]) => ExpectedModel["entities"]> = {
  // Which of contact_in_person, _2, _3 is which variable's column: only the codebook (or GraphML key ids) says.
  // The CSV gives one categorical contact (in_person, phone, online, in_group) and booleans named as written.
  "renamed-columns": (model) =>
    model.map((e) =>
      e.entity !== "Person"
        ? e
        : {
            ...e,
            variables: [
              { name: "support", type: "categorical", options: ["emotional", "practical"], identifying: false },
              { name: "contact", type: "categorical", options: ["in_person", "phone", "online", "in_group"], identifying: false },
              { name: "contact_in_person_2", type: "boolean", identifying: false },
              { name: "support_emotional_2", type: "boolean", identifying: false },
              { name: "contact_in_person_3", type: "boolean", identifying: false },
            ],
          },
    ),
};

describe.each(FIXTURES)("real-exports/%s", (fixture) => {
  const expected = expectedOf(fixture);
  const csv = path.join(ROOT, fixture, "csv");
  const graphml = path.join(ROOT, fixture, "graphml");

  it("CSV with the protocol (if any) gives the hand-written model", async () => {
    const { dataset } = await open(csv);
    const want = expected.protocol ? expected.entities : withoutCodebook(expected.entities);
    expect(modelOf(dataset.codebook)).toEqual(want);
  });

  it("GraphML with the protocol (if any) gives the hand-written model", async () => {
    const { dataset } = await open(graphml);
    const want = expected.protocol ? expected.entities : withoutCodebook(expected.entities);
    expect(modelOf(dataset.codebook)).toEqual(want);
  });

  it("without the protocol, CSV and GraphML both give the model, less what only a codebook can say", async () => {
    const fromCsv = modelOf((await open(withoutProtocol(csv))).dataset.codebook);
    const fromGraphml = modelOf((await open(withoutProtocol(graphml))).dataset.codebook);
    const truth = withoutCodebook(expected.entities);
    expect(fromGraphml).toEqual(GRAPHML_ALONE[fixture]?.(truth) ?? truth);
    expect(fromCsv).toEqual(CSV_ALONE[fixture]?.(truth) ?? truth);
  });

  it("CSV and GraphML give the same measures, with and without the protocol", async () => {
    expect(await rows(graphml, fixture)).toEqual(await rows(csv, fixture));
    if (CSV_ALONE[fixture] === undefined) {
      expect(await rows(withoutProtocol(graphml), fixture)).toEqual(await rows(withoutProtocol(csv), fixture));
    }
  });
});
