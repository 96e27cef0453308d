import { describe, expect, it } from "vitest";
import { buildCompositionTable } from "../../src/tables/build-composition-table.js";
import { buildEgosTable } from "../../src/tables/build-egos-table.js";
import { buildParticipantsTable } from "../../src/tables/build-participants-table.js";
import { buildSummaryTable } from "../../src/tables/build-summary-table.js";
import { resolveGrouping } from "../../src/tables/grouping.js";
import { toCsv, toMarkdown } from "../../src/tables/index.js";
import type { Cell } from "../../src/model/table.js";

// Five egos; E has no deprivation value, C no caseload and no known sector.
const rows: Array<Record<string, Cell>> = [
  { ego_id: "A", dep: "high", network_size: 10, caseload: 20, share_sector_vcs: 0.5, share_sector_health: 0.5 },
  { ego_id: "B", dep: "high", network_size: 20, caseload: 40, share_sector_vcs: 0.25, share_sector_health: 0.75 },
  { ego_id: "C", dep: "low", network_size: 30, caseload: null, share_sector_vcs: null, share_sector_health: null },
  { ego_id: "D", dep: "low", network_size: 40, caseload: 10, share_sector_vcs: 1, share_sector_health: 0 },
  { ego_id: "E", dep: null, network_size: 50, caseload: 5, share_sector_vcs: 0, share_sector_health: 1 },
];
const config = { groups: { dep: { levels: ["high", "low", "mixture"], labels: { high: "High", low: "Low" } } } };

describe("summary tables", () => {
  const grouping = resolveGrouping(rows, "dep", config);
  const table = buildSummaryTable(
    rows,
    {
      name: "t",
      all: true,
      columns: [
        { measure: "network_size", aggregate: "median", decimals: 0 },
        { measure: "network_size", aggregate: "sd" },
        { measure: "network_size", aggregate: "iqr" },
        { measure: "caseload", aggregate: "mean" },
        { measure: "caseload", aggregate: "n" },
        { measure: "caseload", aggregate: "sum" },
      ],
    },
    grouping,
  );

  it("aggregates per configured level in order, with an All row; a level with no egos is NA", () => {
    expect(table.rows).toEqual([
      // high: network_size 10, 20 → median 15; sd = √((5² + 5²)/1) = √50; IQR (type 7) = 17.5 − 12.5 = 5
      { dep: "High", median_network_size: 15, sd_network_size: Math.sqrt(50), iqr_network_size: 5, mean_caseload: 30, n_caseload: 2, sum_caseload: 60 },
      // low: C's caseload is missing → mean of [10] = 10, n = 1
      { dep: "Low", median_network_size: 35, sd_network_size: Math.sqrt(50), iqr_network_size: 5, mean_caseload: 10, n_caseload: 1, sum_caseload: 10 },
      { dep: "mixture", median_network_size: null, sd_network_size: null, iqr_network_size: null, mean_caseload: null, n_caseload: 0, sum_caseload: null },
      // All five: median 30; type-7 q1 = x(2) = 20, q3 = x(4) = 40 → IQR 20; sd = √(1000/4); caseload 20, 40, 10, 5
      { dep: "All", median_network_size: 30, sd_network_size: Math.sqrt(1000 / 4), iqr_network_size: 20, mean_caseload: 18.75, n_caseload: 4, sum_caseload: 75 },
    ]);
    expect(table.notes).toEqual(["1 ego(s) with no dep value are in no group."]);
    expect(toMarkdown(table)).toContain("| Low | 35 | 7.0710678118654755 | 5 | 10 | 1 | 10 |");
  });

  it("refuses a non-numeric or unknown column with a clear message", () => {
    expect(() => buildSummaryTable(rows, { name: "x", columns: [{ measure: "dep" }] }, null)).toThrow(/"dep" is not numeric/);
    expect(() => buildSummaryTable(rows, { name: "x", columns: [{ measure: "nope" }] }, null)).toThrow(/no measure or ego variable "nope"/);
  });
});

describe("composition table", () => {
  it("averages each category's share over the egos of a level that have one, as a percentage", () => {
    const table = buildCompositionTable(rows, { name: "c", variable: "sector" }, resolveGrouping(rows, "dep", config), { vcs: "VCS" });
    expect(table.columns.map((c) => c.label ?? c.id)).toEqual(["dep", "egos", "% VCS", "% health"]);
    expect(table.rows).toEqual([
      { dep: "High", n: 2, share_sector_vcs: 37.5, share_sector_health: 62.5 }, // (50 + 25)/2, (50 + 75)/2
      { dep: "Low", n: 1, share_sector_vcs: 100, share_sector_health: 0 }, // C has no known sector
      { dep: "mixture", n: 0, share_sector_vcs: null, share_sector_health: null },
      { dep: "All", n: 4, share_sector_vcs: 43.75, share_sector_health: 56.25 }, // (50+25+100+0)/4, (50+75+0+100)/4
    ]);
  });
});

describe("participants table", () => {
  it("gives n and % per category and mean/sd/median/range per numeric variable, overall and by group", () => {
    const table = buildParticipantsTable(rows, ["dep", "caseload"], resolveGrouping(rows, "dep", config), { name: "participants" });
    const get = (variable: string, category: string | null, statistic: string) =>
      table.rows.find((r) => r.variable === variable && r.category === category && r.statistic === statistic)!;
    expect(get("dep", "high", "n")).toMatchObject({ all: 2, level_high: 2, level_low: 0 });
    expect(get("dep", "high", "percent")).toMatchObject({ all: 50, level_high: 100, level_mixture: null }); // 2 of 4 known
    expect(get("dep", null, "missing")).toMatchObject({ all: 1 });
    // caseload over all: 20, 40, 10, 5 → mean 18.75; deviations 1.25, 21.25, −8.75, −13.75; Σd² = 718.75
    expect(get("caseload", null, "mean")).toMatchObject({ all: 18.75, level_high: 30 });
    expect(get("caseload", null, "sd").all).toBeCloseTo(Math.sqrt(718.75 / 3), 12);
    expect(get("caseload", null, "median")).toMatchObject({ all: 15 });
    expect(get("caseload", null, "min")).toMatchObject({ all: 5, level_low: 10 });
    expect(table.columns.map((c) => c.label ?? c.id).slice(3)).toEqual(["All (n = 5)", "High (n = 2)", "Low (n = 2)", "mixture (n = 0)"]);
    // CSV keeps numbers; Markdown shows rounded, with % signs.
    expect(toCsv(table)).toContain("dep,high,percent,50,100,0,");
    expect(toMarkdown(table)).toContain("| dep | high | percent | 50.0% | 100.0% | 0.0% | NA |");
  });
});

describe("egos table", () => {
  it("lists the chosen columns per ego", () => {
    const table = buildEgosTable(rows, { name: "e", columns: [{ measure: "network_size" }, { measure: "caseload" }] });
    expect(table.rows[2]).toEqual({ ego_id: "C", network_size: 30, caseload: null });
  });
});
