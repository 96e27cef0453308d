// Micro-benchmark of the measures on the largest egos (`npm run build && node bench/micro.js`). Not a test.
//
// Builds sociograms of 150 to 2,000 alters (10% density, a dense core, 5% isolates: the cohort generator's
// construction) and times, per ego, the graph build and then each measure on its own (each on a fresh
// context, so a measure pays for the core numbers or components it needs). Every per-ego step should grow
// like m + Σd² (m ties, d degrees) or slower: the last columns divide the time by that, and should stay
// about flat as the egos grow 13-fold (m and Σd² grow about 170-fold and 2,200-fold).
//
// Usage: node bench/micro.js [--sizes 150,300,600,1000,2000] [--density 0.1]

import { buildEgoGraph } from "../dist/graph/index.js";
import { MEASURES, MeasureContext, makeStudyPlan, planMeasureColumns } from "../dist/measures/index.js";
import { Random, buildCoreStructureGraph, planCohortShells } from "../dist/synth/index.js";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const sizes = option("sizes", "150,300,600,1000,2000").split(",").map(Number);
const density = Number(option("density", "0.1"));

const codebook = { source: "protocol", ego: {}, node: { Person: {} }, edge: { knows: {} } };
const plan = makeStudyPlan(codebook, {});
const columns = planMeasureColumns(plan);
const byId = new Map(MEASURES.map((m) => [m.id, m]));

function network(n, seed) {
  const rng = new Random(seed);
  const isolates = Math.round(n * 0.05);
  const shells = planCohortShells(n, isolates, Math.round((density * n * (n - 1)) / 2), 0.25, 0.6, rng);
  const graph = buildCoreStructureGraph(shells.shells, shells.isolates, rng);
  const alters = Array.from({ length: n }, (_, i) => ({ egoId: "e", alterId: `a${i}`, nodeType: "Person", attributes: {}, source: { file: "f", line: i } }));
  const ties = graph.edges.map(([a, b], i) => ({ egoId: "e", sourceId: `a${a}`, targetId: `a${b}`, edgeType: "knows", attributes: {}, source: { file: "g", line: i } }));
  return { ego: { egoId: "e", attributes: {}, meta: {}, source: { file: "f", line: 1 } }, alters, ties };
}

/** Median of `repeat` timings of fn(setup()), in microseconds; setup is not timed. */
function time(fn, repeat, setup = () => undefined) {
  const t = [];
  for (let r = 0; r < repeat; r++) {
    const input = setup();
    const started = performance.now();
    fn(input);
    t.push((performance.now() - started) * 1000);
  }
  return t.sort((a, b) => a - b)[Math.floor(repeat / 2)];
}

const results = [];
for (const n of sizes) {
  const net = network(n, n);
  const g = buildEgoGraph(net, plan).adjacency;
  let sumSq = 0;
  for (let i = 0; i < g.n; i++) sumSq += (g.offsets[i + 1] - g.offsets[i]) ** 2;
  const repeat = n <= 600 ? 31 : 9;
  const row = { n, m: g.m, sumSq, graph: time(() => buildEgoGraph(net, plan), repeat), measures: {} };
  for (const column of columns) {
    const measure = byId.get(column.measure);
    row.measures[column.id] = time(
      (context) => measure.compute(context, column),
      repeat,
      () => {
        const context = new MeasureContext(plan, net);
        void context.graph; // built, not timed
        return context;
      },
    );
  }
  results.push(row);
}

const shown = ["density", "isolates", "components", "max_k", "core_distribution", "effective_size", "constraint", "ego_betweenness", "brokerage_pairs"];
const fmt = (x, d = 1) => x.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
console.log(`Measures per ego, µs (median; ${density * 100}% density, dense core, 5% isolates). Graph build includes reading the ties.\n`);
console.log(`| alters | ties m | Σd² | graph build | ${shown.join(" | ")} | all measures |`);
console.log(`|---:|---:|---:|---:|${shown.map(() => "---:").join("|")}|---:|`);
for (const r of results) {
  const all = Object.values(r.measures).reduce((a, b) => a + b, 0);
  console.log(
    `| ${r.n} | ${r.m.toLocaleString("en")} | ${r.sumSq.toLocaleString("en")} | ${fmt(r.graph, 0)} | ` +
      `${shown.map((id) => fmt(r.measures[id], 1)).join(" | ")} | ${fmt(all, 0)} |`,
  );
}
console.log(`\nThe same divided by m + Σd², in nanoseconds (flat = linear in m + Σd²):\n`);
console.log(`| alters | graph build | ${shown.join(" | ")} | all measures |`);
console.log(`|---:|---:|${shown.map(() => "---:").join("|")}|---:|`);
for (const r of results) {
  const w = r.m + r.sumSq;
  const all = Object.values(r.measures).reduce((a, b) => a + b, 0);
  const per = (us) => fmt((us * 1000) / w, 2);
  console.log(`| ${r.n} | ${per(r.graph)} | ${shown.map((id) => per(r.measures[id])).join(" | ")} | ${per(all)} |`);
}
