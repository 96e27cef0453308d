/**
 * The study configuration on arbitrary input (fast-check, seeded so a failure reproduces): whatever
 * netsp.config.json holds, validating it returns messages and never throws; loading it either works or
 * fails with a UsageError (exit 2); and a config that passes, laid over the three-table fixture, takes
 * `netsp analyse` to an exit of 0, 1 or 2 — never 70, an internal error.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { NetspError, UsageError } from "../../src/errors.js";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { validateStudyConfig } from "../../src/ingest/validate-config.js";
import { runCli } from "../cli/run-cli.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-config-fuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

/** JSON keys, the config's own among them. */
const key = fc
  .oneof(
    fc.constantFrom("data", "format", "protocol", "egoId", "aliases", "groups", "tables", "columns", "variables", "name", "kind", "by", "measure", "ego.age", ""),
    fc.string({ maxLength: 12 }),
    // Names of Object.prototype's members: unknown keys like any other, never a lookup on the prototype.
    fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)),
  );
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, "", "x", "median", "ego.age"),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  ),
})).value;

// The three-table fixture's names, so that generated configs often pass and reach the pipeline.
const egoVariable = fc.constantFrom("age", "sex", "area", "employed", "respondent", "nope");
const alterVariable = fc.constantFrom("gender", "closeness", "kin", "age", "name", "nope");
const measure = fc.constantFrom("network_size", "density", "isolates", "ties", "share_gender", "iqv_gender", "alters_per_age", "max_k", "core_distribution", "age", "sex", "nope");
const word = fc.oneof(fc.constantFrom("female", "male", "urban", "rural", "true", "Person", "knows", "x"), fc.string({ minLength: 1, maxLength: 6 }));
const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,8}$/);
/**
 * A config for the three-table fixture: its columns as they are, every other key generated with the shape
 * the schema asks for, or, one time in `1 + right` per value when `right` is finite, any JSON at all.
 */
function configFor(right: number): fc.Arbitrary<Record<string, unknown>> {
  const or = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    Number.isFinite(right) ? fc.oneof({ weight: right, arbitrary: arb }, { weight: 1, arbitrary: json }) : arb;

  const column = fc.record(
    {
      measure: or(measure),
      aggregate: or(fc.constantFrom("median", "mean", "sd", "iqr", "min", "max", "n", "sum")),
      decimals: or(fc.integer({ min: 0, max: 12 })),
      label: or(word),
      percent: or(fc.boolean()),
      per: or(measure),
    },
    { requiredKeys: ["measure"] },
  );
  const rule = fc.record({ variable: or(alterVariable), equals: or(fc.oneof(word, fc.boolean(), fc.integer())) });
  const table = fc.record(
    {
      name: or(name),
      title: or(word),
      kind: or(fc.constantFrom("summary", "egos", "compare", "correlate", "composition", "participants")),
      by: or(egoVariable),
      all: or(fc.boolean()),
      columns: or(fc.array(column, { minLength: 1, maxLength: 3 })),
      measures: or(fc.array(measure, { minLength: 1, maxLength: 3 })),
      vars: or(fc.array(fc.oneof(measure, egoVariable), { minLength: 1, maxLength: 3 })),
      method: or(fc.constantFrom("pearson", "spearman", "both")),
      control: or(fc.array(egoVariable, { maxLength: 2 })),
      levels: or(fc.array(word, { minLength: 1, maxLength: 3 })),
      where: or(fc.record({ variable: egoVariable, equals: fc.oneof(word, fc.boolean()) })),
      variable: or(alterVariable),
      layout: or(fc.constantFrom("default", "spss")),
      parts: or(fc.array(fc.constantFrom("ranks", "tests", "pairwise"), { minLength: 1, maxLength: 3 })),
    },
    { requiredKeys: ["name"] },
  );
  const missing = or(fc.array(fc.oneof(word, fc.integer()), { maxLength: 2 }));
  const role = or(fc.constantFrom("identifying", "group", "composition", "numeric", "metadata"));
  const declaration = fc.oneof(
    fc.record({ type: or(fc.constant("categorical")), options: or(fc.array(word, { minLength: 1, maxLength: 3 })), role, missing }, { requiredKeys: ["type"] }),
    fc.record({ type: or(fc.constant("ordinal")), levels: or(fc.array(word, { minLength: 1, maxLength: 3 })), role, missing }, { requiredKeys: ["type"] }),
    fc.record({ type: or(fc.constantFrom("number", "boolean", "text", "datetime", "layout", "scalar")), role, missing }, { requiredKeys: [] }),
  );
  const declared = Number.isFinite(right)
    ? fc.constantFrom("ego.age", "ego.sex", "Person.gender", "Person.age", "knows.strength", "ego", "x.y")
    : fc.constantFrom("ego.age", "ego.sex", "ego.area", "Person.gender", "Person.age", "Person.kin", "knows.strength");
  return fc.record(
    {
      format: or(Number.isFinite(right) ? fc.constantFrom("three-file", "graphml") : fc.constant("three-file")),
      protocol: or(fc.constantFrom("missing.netcanvas", "egos.csv")),
      egoId: or(fc.constantFrom("caseId", "sessionId", "egoUUID")),
      aliases: or(fc.dictionary(fc.constantFrom("dep", "size", "age"), fc.oneof(egoVariable, measure), { maxKeys: 2 })),
      groups: or(fc.dictionary(egoVariable, fc.record({ levels: fc.array(word, { minLength: 1, maxLength: 3 }), label: word }, { requiredKeys: [] }), { maxKeys: 2 })),
      nodeTypes: or(fc.array(fc.constantFrom("Person", "Organisation", "x"), { minLength: 1, maxLength: 2 })),
      edgeTypes: or(fc.array(fc.constantFrom("knows", "x"), { minLength: 1, maxLength: 2 })),
      exclude: or(fc.array(rule, { maxLength: 2 })),
      composition: or(fc.dictionary(alterVariable, fc.record({ categories: fc.array(word, { minLength: 1, maxLength: 3 }), egoVariable: egoVariable }, { requiredKeys: [] }), { maxKeys: 2 })),
      denominators: or(fc.array(egoVariable, { maxLength: 2 })),
      tables: or(fc.array(table, { maxLength: 3 })),
      variables: or(fc.dictionary(declared, declaration, { maxKeys: 2 })),
      decimal: or(fc.constantFrom(".", ",")),
    },
    { requiredKeys: [] },
  ).map((generated) => ({
    ...generated,
    columns: { egoId: "respondent", alterId: "contact", nodeType: "kind", source: "from_contact", target: "to_contact", edgeType: "relation" },
  }));
}

/** Often wrong in shape: for the validator. */
const studyConfig = configFor(4);
/** Right in shape, often wrong in meaning (unknown variables, levels, measures): for the pipeline. */
const wellFormedConfig = configFor(Infinity);

describe("the config loader on arbitrary input", () => {
  it("validateStudyConfig returns a list of messages for any JSON value, and never throws", () => {
    fc.assert(
      fc.property(fc.oneof(json, studyConfig), (generated) => {
        // As JSON.parse makes it (plain objects; fast-check's dictionaries have no prototype).
        const raw: unknown = JSON.parse(JSON.stringify(generated) ?? "null");
        const problems = validateStudyConfig(raw);
        expect(Array.isArray(problems) && problems.every((p) => typeof p === "string")).toBe(true);
      }),
      { seed: 1401, numRuns: 1000 },
    );
  });

  it("loadStudyConfig on any file content loads it or throws a UsageError", async () => {
    const text = fc.oneof(
      json.map((v) => JSON.stringify(v) ?? "null"),
      studyConfig.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("", "\uFEFF{}", "{", "[]", "null", '{"data": }', "{}\u0000"),
    );
    await fc.assert(
      fc.asyncProperty(text, async (content) => {
        const file = path.join(root, `config-${runs++}.json`);
        writeFileSync(file, content);
        const outcome = await loadStudyConfig({ configPath: file }).then(
          () => "loaded",
          (e: unknown) => e,
        );
        if (outcome !== "loaded") expect(outcome, String(outcome)).toBeInstanceOf(UsageError);
      }),
      { seed: 1402, numRuns: 500 },
    );
  });

  it("netsp analyse with any config over the three-table fixture exits 0, 1 or 2, never 70", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: wellFormedConfig }, { weight: 1, arbitrary: studyConfig }), async (config) => {
        const study = path.join(root, `study-${runs++}`);
        cpSync("fixtures/three-file", study, { recursive: true });
        writeFileSync(path.join(study, "netsp.config.json"), JSON.stringify(config));
        const run = await runCli(["analyse", study, "--out", `${study}-out`, "-q"]);
        rmSync(study, { recursive: true, force: true });
        rmSync(`${study}-out`, { recursive: true, force: true });
        expect([0, 1, 2], `exit ${run.exitCode} for ${JSON.stringify(config)}:\n${run.stderr}`).toContain(run.exitCode);
      }),
      { seed: 1403, numRuns: 250 },
    );
  }, 120_000);

  // Keys named like Object.prototype's members ("__proto__", an own key after JSON.parse; "hasOwnProperty",
  // "valueOf", "toString") once found the prototype's members: internal errors, or a key silently accepted.
  it("keys named like Object.prototype's members are unknown keys", async () => {
    for (const text of ['{"__proto__": 1}', '{"hasOwnProperty": null}', '{"valueOf": 1}', '{"tables": [{"name": "t", "__proto__": {}}]}', '{"toString": 1}']) {
      const file = path.join(root, `proto-${runs++}.json`);
      writeFileSync(file, text);
      const outcome = await loadStudyConfig({ configPath: file }).catch((e: unknown) => e);
      expect(outcome, text).toBeInstanceOf(NetspError);
      expect((outcome as Error).message, text).toMatch(/unknown key/);
    }
  });
});
