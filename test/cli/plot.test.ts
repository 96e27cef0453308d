import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findAll, hasClass, parseXml, type XmlElement } from "../report/parse-svg.js";
import { runCli } from "./run-cli.js";

/** Nodes per legend entry, mapping each node's fill through the legend's swatches. */
function countByLegend(root: XmlElement): Record<string, number> {
  const legend = new Map<string, string>();
  for (const entry of findAll(root, (e) => hasClass(e, "legend-entry"))) {
    const swatch = entry.children.find((c) => hasClass(c, "swatch"))!;
    expect(legend.has(swatch.attributes.fill)).toBe(false);
    legend.set(swatch.attributes.fill, entry.attributes["data-legend"]);
  }
  const counts: Record<string, number> = {};
  for (const node of findAll(root, (e) => hasClass(e, "node"))) {
    const key = legend.get(node.attributes.fill);
    expect(key, `fill ${node.attributes.fill} is in the legend`).toBeDefined();
    counts[key!] = (counts[key!] ?? 0) + 1;
  }
  return counts;
}

describe("netsp plot", () => {
  it("writes ego LW10's sociogram as a valid standalone SVG with the published k-core structure", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "netsp-plot-"));
    const out = path.join(dir, "x.svg");
    const run = await runCli(["plot", "fixtures/thesis", "--ego", "LW10", "--out", out]);
    expect(run.exitCode, run.stderr).toBe(0);
    const svg = await readFile(out, "utf8");
    const root = parseXml(svg); // strict XML, every element in the SVG namespace
    expect(root.name).toBe("svg");
    expect(root.attributes.role).toBe("img");
    // Published Table 12 (fixtures/thesis/published): LW10 network size 33, isolates 8, {1: 3, 2: 3, 3: 12};
    // 33 − 8 − 18 = 7 link-worker colleagues are off the sociogram.
    const published = (parse(await readFile("fixtures/thesis/published/table12_subgroups.csv", "utf8"), { columns: true }) as Array<Record<string, string>>).find(
      (r) => r.id === "LW10",
    )!;
    expect(published.core_distribution).toBe("{1: 3, 2: 3, 3: 12}");
    expect(countByLegend(root)).toEqual({ "3": 12, "2": 3, "1": 3, isolate: 8, excluded: 7 });
    const nodes = findAll(root, (e) => hasClass(e, "node"));
    expect(nodes.filter((n) => n.attributes["data-place"] === "isolate").every((n) => n.attributes["data-shell"] === "0")).toBe(true);
    expect(nodes).toHaveLength(Number(published.network_size));
  });

  it("writes to stdout without --out; the same input gives the same bytes", async () => {
    const a = await runCli(["plot", "fixtures/thesis", "--ego", "LW03"]);
    const b = await runCli(["plot", "fixtures/thesis", "--ego", "LW03"]);
    expect(a.exitCode).toBe(0);
    expect(a.stdout.startsWith("<?xml")).toBe(true);
    expect(b.stdout).toBe(a.stdout);
  });

  it("colours by a categorical variable, each node in its legend colour", async () => {
    const run = await runCli(["plot", "fixtures/thesis", "--ego", "LW10", "--colour-by", "sector"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const counts = countByLegend(parseXml(run.stdout));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(33);
    expect(Object.keys(counts).every((k) => k.startsWith("category:") || k === "several" || k === "missing")).toBe(true);
  });

  it("says which egos exist when the ego is unknown, and needs --ego", async () => {
    const unknown = await runCli(["plot", "fixtures/thesis", "--ego", "LW99"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/no ego "LW99".*LW01, LW02/);
    expect((await runCli(["plot", "fixtures/thesis"])).exitCode).toBe(2);
  });
});
