import { describe, expect, it } from "vitest";
import { makeStudyPlan } from "../../src/model/study-plan.js";
import type { Alter, EgoNetwork, StudyConfig } from "../../src/model/index.js";
import { categoryColour, EXCLUDED_FILL, ISOLATE_FILL, MISSING_FILL, viridis } from "../../src/report/chart-palette.js";
import { buildSociogram, type SociogramOptions } from "../../src/report/sociogram-model.js";
import { resolveColourScheme, resolveNameVariable } from "../../src/report/sociogram-options.js";
import { sociogramSvg } from "../../src/report/sociogram-svg.js";
import { sociogramGraph } from "../../src/study/sociogram-source.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";
import { findAll, hasClass, parseXml } from "./parse-svg.js";

/**
 * A hand-made ego: a triangle a–b–c with f hanging off c, d with no ties, and e, a link-worker colleague the
 * config leaves off the sociogram (its tie to a is not part of the graph). Core numbers by hand (and as in
 * src/measures/core-numbers.ts's example, triangle + pendant → [2, 2, 2, 1]): a, b, c = 2; f = 1; d = 0.
 * Export order a, b, c, d, e, f → pseudonyms A1 … A6.
 */
const codebook = makeCodebook({ node: { Person: { name: "text", lw: "boolean", sector: ["vcs", "health", "council"] } } });
const config: StudyConfig = { exclude: [{ variable: "lw", equals: true }] };
const plan = makeStudyPlan(codebook, config);
const person = (id: string, name: string, sector: string[] | null, lw = false) => ({ id, attributes: { name, lw, sector } });
const network = makeNetwork({
  egoId: "E<1>",
  alters: [
    person("a", "Alice", ["vcs"]),
    person("b", "Bilal", ["health"]),
    person("c", "Chen", ["vcs", "council"]),
    person("d", "Dana", null),
    person("e", "Esme", ["council"], true),
    person("f", "Femi", ["council"]),
  ],
  ties: [["a", "b"], ["b", "c"], ["c", "a"], ["c", "f"], ["e", "a"]],
});
const core: SociogramOptions = { colour: { kind: "core" }, layout: "force", seed: 1 };

/** The ego's graph as the study hands it over, drawn as the report draws it. */
function sociogramOf(n: EgoNetwork, options: SociogramOptions, nameVariable: string | null = null) {
  const colourVariable = options.colour.kind === "variable" ? options.colour.variable : null;
  return buildSociogram(sociogramGraph(n, plan, { colourVariable, nameVariable }), options);
}

describe("buildSociogram", () => {
  it("puts tied alters on the graph, isolates in their row and excluded alters in their band, with core numbers", () => {
    const s = sociogramOf(network, core);
    expect(s.networkSize).toBe(6);
    expect(s.graphNodes.map((n) => [n.label, n.coreNumber])).toEqual([["A1", 2], ["A2", 2], ["A3", 2], ["A6", 1]]);
    expect(s.isolates.map((n) => [n.label, n.coreNumber, n.shape])).toEqual([["A4", 0, "square"]]);
    expect(s.excluded.map((n) => [n.label, n.coreNumber, n.dashed])).toEqual([["A5", null, true]]);
    expect(s.ties).toEqual([[0, 1], [0, 2], [1, 2], [2, 3]]);
    expect(s.maxK).toBe(2);
  });

  it("colours shells along viridis (the main core darkest) and lists only what is there in the legend", () => {
    const s = sociogramOf(network, core);
    expect(s.legend.map((e) => [e.key, e.count, e.fill])).toEqual([
      ["2", 3, "#440154"],
      ["1", 1, viridis(0.9)],
      ["isolate", 1, ISOLATE_FILL],
      ["excluded", 1, EXCLUDED_FILL],
    ]);
    const fillOf = new Map(s.legend.map((e) => [e.key, e.fill]));
    for (const n of [...s.graphNodes, ...s.isolates, ...s.excluded]) expect(n.fill).toBe(fillOf.get(n.legend));
    expect(s.description).toContain("3 with core number 2, 1 with core number 1");
    expect(s.description).toContain("1 isolate");
    expect(s.description).toContain("1 alter not on the sociogram");
  });

  it("never carries a name or any other text value unless names are asked for", () => {
    const hidden = JSON.stringify(sociogramOf(network, core));
    // Nor does the graph the study hands over, coloured by a variable.
    const handed = JSON.stringify(sociogramGraph(network, plan, { colourVariable: "sector", nameVariable: null }));
    for (const name of ["Alice", "Bilal", "Chen", "Dana", "Esme", "Femi"]) expect(hidden + handed).not.toContain(name);
    const named = sociogramOf(network, core, resolveNameVariable("name", codebook, config));
    expect(named.graphNodes.map((n) => n.label)).toEqual(["Alice", "Bilal", "Chen", "Femi"]);
    expect(named.excluded[0].label).toBe("Esme");
  });

  it("is reproducible: the same input and seed give the same positions", () => {
    expect(sociogramOf(network, core)).toEqual(sociogramOf(network, core));
    const other = sociogramOf(network, { ...core, seed: 2 });
    expect(other.graphNodes.map((n) => n.x)).not.toEqual(sociogramOf(network, core).graphNodes.map((n) => n.x));
  });

  it("colours by a categorical variable in codebook order: several categories and no value have their own entries", () => {
    const colour = resolveColourScheme("sector", codebook, config);
    const s = sociogramOf(network, { ...core, colour });
    const byLabel = new Map([...s.graphNodes, ...s.isolates, ...s.excluded].map((n) => [n.label, n]));
    expect(byLabel.get("A1")!.fill).toBe(categoryColour(0)); // vcs
    expect(byLabel.get("A2")!.fill).toBe(categoryColour(1)); // health
    expect(byLabel.get("A6")!.fill).toBe(categoryColour(2)); // council
    expect(byLabel.get("A3")!.legend).toBe("several"); // vcs and council
    expect(byLabel.get("A4")!.fill).toBe(MISSING_FILL);
    expect(byLabel.get("A5")!.dashed).toBe(true); // excluded, still in its category's colour
    expect(byLabel.get("A5")!.fill).toBe(categoryColour(2));
    expect(s.legend.map((e) => [e.label, e.count])).toEqual([["vcs", 1], ["health", 1], ["council", 2], ["several categories", 1], ["no value", 1]]);
  });

  it("uses the Network Canvas positions when every alter on the graph has one, else ForceAtlas2 with a note", () => {
    const placed = structuredClone(network);
    placed.alters.forEach((a: Alter, i) => (a.layout = { layout: { x: i / 10, y: 1 - i / 10 } }));
    const s = sociogramOf(placed, { ...core, layout: "canvas" });
    expect(s.graphNodes.map((n) => [n.x, n.y])).toEqual([[0, 1], [0.1, 0.9], [0.2, 0.8], [0.5, 0.5]]);
    expect(s.layoutNote).toMatch(/Network Canvas/);
    delete placed.alters[1].layout;
    expect(sociogramOf(placed, { ...core, layout: "canvas" }).layoutNote).toMatch(/ForceAtlas2.*not every alter/);
  });

  it("draws an ego with no alters", () => {
    const s = sociogramOf(makeNetwork({ egoId: "empty" }), core);
    expect(s.graphNodes).toEqual([]);
    expect(s.legend).toEqual([]);
    const root = parseXml(sociogramSvg(s, { standalone: true, idPrefix: "x" }));
    expect(findAll(root, (e) => hasClass(e, "node"))).toHaveLength(0);
  });
});

describe("resolveColourScheme", () => {
  it("refuses text and numeric variables, and names the usable ones when the name is unknown", () => {
    const cb = makeCodebook({ node: { Person: { name: "text", age: "number", sector: ["a", "b"], close: "boolean" } } });
    expect(() => resolveColourScheme("name", cb, {})).toThrow(/text variable/);
    expect(() => resolveColourScheme("age", cb, {})).toThrow(/number variable/);
    expect(() => resolveColourScheme("nope", cb, {})).toThrow(/sector, close/);
    expect(resolveColourScheme(undefined, cb, {})).toEqual({ kind: "core" });
    expect(resolveColourScheme("close", cb, {})).toMatchObject({ kind: "variable", categories: [{ value: "true" }, { value: "false" }] });
    // Config categories and labels (through an alias) win over the codebook's.
    const scheme = resolveColourScheme("s", cb, { aliases: { s: "sector" }, composition: { s: { categories: ["b", "a"], labels: { b: "Bee" } } } });
    expect(scheme).toMatchObject({ kind: "variable", variable: "sector", categories: [{ value: "b", label: "Bee" }, { value: "a", label: "a" }] });
  });
});

describe("sociogramSvg", () => {
  const s = sociogramOf(network, core);

  it("is a well-formed standalone SVG whose title and description the root names for assistive technology", () => {
    const svg = sociogramSvg(s, { standalone: true, idPrefix: "plot", heading: "Ego E<1>" });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = parseXml(svg);
    expect(root.attributes.role).toBe("img");
    const ids = root.attributes["aria-labelledby"].split(" ");
    expect(ids).toEqual(["plot-title", "plot-desc"]);
    expect(root.children.find((c) => c.name === "title")!.text).toBe("Sociogram of ego E<1>");
    expect(root.children.find((c) => c.name === "desc")!.attributes.id).toBe("plot-desc");
    expect(root.attributes["data-ego"]).toBe("E<1>");
  });

  it("draws every node once, in its legend entry's fill, with its place and core number as data attributes", () => {
    const root = parseXml(sociogramSvg(s, { standalone: true, idPrefix: "p" }));
    const nodes = findAll(root, (e) => hasClass(e, "node"));
    expect(nodes).toHaveLength(6);
    const legendFill = new Map(
      findAll(root, (e) => hasClass(e, "legend-entry")).map((g) => [g.children.find((c) => hasClass(c, "swatch"))!.attributes.fill, g.attributes["data-legend"]]),
    );
    const counts: Record<string, number> = {};
    for (const n of nodes) counts[legendFill.get(n.attributes.fill)!] = (counts[legendFill.get(n.attributes.fill)!] ?? 0) + 1;
    expect(counts).toEqual({ "2": 3, "1": 1, isolate: 1, excluded: 1 });
    expect(nodes.map((n) => n.attributes["data-place"]).sort()).toEqual(["excluded", "graph", "graph", "graph", "graph", "isolate"]);
    expect(nodes.filter((n) => n.attributes["data-shell"] === "2")).toHaveLength(3);
    expect(nodes.find((n) => n.attributes["data-place"] === "excluded")!.attributes["stroke-dasharray"]).toBeDefined();
    const labels = findAll(root, (e) => e.name === "text" && /^A\d$/.test(e.text)).map((e) => e.text);
    expect(labels.sort()).toEqual(["A1", "A2", "A3", "A4", "A5", "A6"]);
    expect(findAll(root, (e) => e.name === "text").map((e) => e.text).join(" ")).toMatch(/Not on the sociogram \(1\)/);
  });

  it("inline, has no XML declaration and ids of its own; the same sociogram gives the same bytes", () => {
    const inline = sociogramSvg(s, { standalone: false, idPrefix: "sociogram-3" });
    expect(inline.startsWith('<svg class="sociogram"')).toBe(true);
    expect(inline).toContain('aria-labelledby="sociogram-3-title sociogram-3-desc"');
    expect(sociogramSvg(sociogramOf(network, core), { standalone: false, idPrefix: "sociogram-3" })).toBe(inline);
  });
});
