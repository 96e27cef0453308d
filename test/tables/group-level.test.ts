import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { buildStudyTables } from "../../src/study/build-study-tables.js";
import { buildComparison } from "../../src/tables/build-comparison.js";
import { buildParticipantsTable } from "../../src/tables/build-participants-table.js";
import { groupLevel, LevelTally, mergedSpellingWarning, refuseSparseGroups, sparseGroups } from "../../src/tables/group-level.js";
import { resolveGrouping, rowsByLevel } from "../../src/tables/grouping.js";
import type { Cell, Table } from "../../src/model/table.js";

const COMPOSED = "Caf\u00e9"; // é as one character
const DECOMPOSED = "Cafe\u0301"; // e + combining acute accent

function table(rows: Array<Record<string, Cell>>): Table {
  return { name: "ego-rows", columns: Object.keys(rows[0]).map((id) => ({ id })), rows };
}

describe("group levels are compared trimmed and in Unicode NFC", () => {
  const rows: Array<Record<string, Cell>> = [
    { ego_id: "a", area: COMPOSED, level: "high", network_size: 3 },
    { ego_id: "b", area: DECOMPOSED, level: "high ", network_size: 5 },
    { ego_id: "c", area: "Bar", level: "low", network_size: 7 },
    { ego_id: "d", area: "Bar", level: " low", network_size: 9 },
    { ego_id: "e", area: COMPOSED, level: "   ", network_size: 11 },
  ];

  it("groupLevel", () => {
    expect(DECOMPOSED).not.toBe(COMPOSED);
    expect(groupLevel(DECOMPOSED)).toBe(COMPOSED);
    expect(groupLevel("high ")).toBe("high");
  });

  it("resolveGrouping merges the spellings, says which were merged, and splits the rows the same way", () => {
    const area = resolveGrouping(rows, "area", {});
    expect(area.levels).toEqual(["Bar", COMPOSED]);
    expect(area.merged).toEqual([{ level: COMPOSED, spellings: [COMPOSED, DECOMPOSED] }]);
    expect(rowsByLevel(rows, area).map((g) => g.map((r) => r.ego_id))).toEqual([["c", "d"], ["a", "b", "e"]]);
    const level = resolveGrouping(rows, "level", {});
    expect(level.levels).toEqual(["high", "low"]);
    expect(level.leftOut.missing).toBe(1); // only spaces: no value
    expect(level.merged.map((m) => m.spellings)).toEqual([
      ["high", "high "],
      ["low", " low"],
    ]);
    // Configured levels match whatever way the data write them.
    const configured = resolveGrouping(rows, "level", { groups: { level: { levels: ["low", "high"] } } });
    expect(rowsByLevel(rows, configured).map((g) => g.map((r) => r.ego_id))).toEqual([["c", "d"], ["a", "b"]]);
    expect(configured.leftOut.otherValues.size).toBe(0);
  });

  it("the warning names the variable and both spellings, and how they differ", () => {
    const tally = new LevelTally();
    for (const v of [COMPOSED, DECOMPOSED, "high ", "high"]) tally.add(v);
    const [cafe, high] = tally.merged();
    expect(mergedSpellingWarning("area", cafe)).toBe(
      `ego variable area: "${COMPOSED}" and "${DECOMPOSED}" differ only in how an accented letter is written ` +
        `(one character, or a letter and a combining accent); counted as one level "${COMPOSED}"`,
    );
    expect(mergedSpellingWarning("level", high)).toBe('ego variable level: "high " and "high" differ only in spaces at the ends; counted as one level "high"');
  });

  it("compare: one group per level, with the merge warnings", () => {
    const { report, warnings } = buildComparison(table(rows), {}, { by: "level", measures: ["network_size"], source: "test" });
    expect(report.levels).toEqual(["high", "low"]);
    expect(report.results[0].comparison.levels.map((l) => l.n)).toEqual([2, 2]);
    expect(warnings).toContain('ego variable level: "high" and "high " differ only in spaces at the ends; counted as one level "high"');
    expect(warnings).toContain('ego variable level: "low" and " low" differ only in spaces at the ends; counted as one level "low"');
  });

  it("analyse's tables: the warning once, however many tables group by the variable", () => {
    const { warnings, tables } = buildStudyTables({
      config: {},
      egoRows: table(rows),
      egoVariables: [{ id: "area", numeric: false }],
      categoryLabels: {},
      compositionVariables: [],
    });
    expect(tables.map((t) => t.name)).toContain("measures-by-area");
    expect(warnings.filter((w) => w.startsWith("ego variable area"))).toHaveLength(1);
  });

  it("the participants table tallies categories the same way", () => {
    const t = buildParticipantsTable(rows, ["area"], null, { name: "p" });
    expect(t.rows.filter((r) => r.statistic === "n").map((r) => [r.category, r.all])).toEqual([
      ["Bar", 2],
      [COMPOSED, 3],
    ]);
  });
});

describe("a grouping most of whose levels hold one ego is refused", () => {
  // `age` as a slider: ten ages, seven of them one ego's.
  const ages = [21, 22, 23, 24, 25, 26, 27, 30, 30, 31, 31, 31];
  const rows = ages.map((age, i): Record<string, Cell> => ({ ego_id: `e${i}`, age, network_size: i }));

  it("the rule: at least 3 levels, more than half with exactly one ego", () => {
    const sizes = (...n: number[]) => new Map(n.map((v, i) => [`l${i}`, v]));
    expect(sparseGroups(sizes(1, 1))).toBe(false); // two levels: a comparison of two egos is still asked for
    expect(sparseGroups(sizes(1, 1, 2))).toBe(true);
    expect(sparseGroups(sizes(1, 1, 2, 2))).toBe(false); // exactly half
    expect(sparseGroups(sizes(1, 1, 1, 2, 5))).toBe(true);
    expect(() => refuseSparseGroups("x", sizes(1, 1, 2, 2), "here")).not.toThrow();
  });

  it("compare --by age: a usage error saying to correlate, or to declare levels", () => {
    const run = () => buildComparison(table(rows), {}, { by: "age", measures: ["network_size"], source: "m.csv" });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(
      "compare --by age: age has 9 levels and 7 of them hold a single ego, so its groups are too small to compare " +
        "(9 groups, 36 pairwise tests). If age is a number, correlate it instead: netsp correlate --vars age,network_size. " +
        'If it is a category, declare the levels to compare in netsp.config.json: "groups": {"age": {"levels": [...]}}, or give them with --levels',
    );
  });

  it("levels given on the command line or declared in the config are the user's choice", () => {
    expect(() => buildComparison(table(rows), {}, { by: "age", measures: ["network_size"], source: "m.csv", levels: ["30", "31"] })).not.toThrow();
    const config = { groups: { age: { levels: ["21", "30", "31"] } } };
    expect(() => buildComparison(table(rows), config, { by: "age", measures: ["network_size"], source: "m.csv" })).not.toThrow();
  });

  it("a table of the config grouped by it is refused; the default tables leave it out, with a note", () => {
    const context = {
      egoRows: table(rows.map((r) => ({ ...r, age: String(r.age) }))),
      egoVariables: [{ id: "age", numeric: false }],
      categoryLabels: {},
      compositionVariables: [],
    };
    const configured = { tables: [{ name: "by-age", by: "age", columns: [{ measure: "network_size" }] }] };
    expect(() => buildStudyTables({ ...context, config: configured })).toThrow(/^table "by-age": age has 9 levels and 7 of them hold a single ego/);
    const defaults = buildStudyTables({ ...context, config: {} });
    expect(defaults.tables.map((t) => t.name)).not.toContain("measures-by-age");
    expect(defaults.warnings).toContain(`no default table by age: most of its 9 levels hold a single ego (declare its levels in the config's "groups" to have one)`);
  });
});
