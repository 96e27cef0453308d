/**
 * `netsp analyse fixtures/thesis --format r,graphml` as a user gets it: netsp.R run in Debian's R gives data
 * frames equal to measures.csv, alters.csv and ties.csv (factors labelled from the protocol and config),
 * and ego-networks.graphml read by Debian's networkx gives each ego's sociogram as alters.csv and ties.csv
 * describe it. Neither reader is optional: without R or networkx the test fails, saying what to install.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Table } from "../../src/model/index.js";
import { analyseStudy } from "../../src/study/analyse-study.js";
import { tableOfStream, toCsv } from "../../src/tables/index.js";
import { runCli } from "./run-cli.js";

type Row = Record<string, string>;
interface RColumn {
  class: string[];
  label: string[] | null;
  values: Array<string | null>;
}

let root: string;
let out: string;
let analysis: Awaited<ReturnType<typeof analyseStudy>>;
let frames: Record<string, Record<string, RColumn>>;
const csv = (name: string) => parse(readFileSync(path.join(out, name), "utf8"), { columns: true }) as Row[];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "netsp-r-graphml-"));
  out = path.join(root, "out");
  const cli = await runCli(["analyse", "fixtures/thesis", "--out", out, "--format", "r,graphml", "--quiet"]);
  if (cli.exitCode !== 0) throw new Error(`analyse failed: ${cli.stderr}`);
  analysis = await analyseStudy({ input: "fixtures/thesis", typedAlterLevel: true });
  // Each column as R has it: its class, label, and values as text (factors as their labels, numbers %.17g).
  const dump = `source(${JSON.stringify(path.join(out, "netsp.R"))})
one <- function(v) list(class = class(v), label = attr(v, "label", exact = TRUE),
  values = if (is.factor(v)) as.character(v) else if (is.numeric(v)) ifelse(is.na(v), NA, sprintf("%.17g", as.numeric(v))) else as.character(v))
cat(jsonlite::toJSON(lapply(list(measures = measures, alters = alters, ties = ties), function(f) lapply(f, one)), na = "null", null = "null"))`;
  writeFileSync(path.join(root, "dump.R"), dump);
  try {
    frames = JSON.parse(execFileSync("Rscript", [path.join(root, "dump.R")], { cwd: root, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new Error("Rscript is not installed: apt-get install -y r-base-core r-cran-jsonlite (.ci/run does)");
    throw e;
  }
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What R should hold for a CSV cell of a column: empty is NA, labelled values their label, numbers exact. */
function expectedInR(table: Table, id: string, text: string, rClass: string): string | null {
  if (text === "") return null;
  const column = table.columns.find((c) => c.id === id)!;
  if (rClass.includes("factor")) return column.valueLabels?.find((l) => String(l.value) === text)?.label ?? text;
  if (rClass === "logical") return text === "true" ? "TRUE" : "FALSE";
  if (rClass === "integer" || rClass === "numeric") return Number(text).toPrecision(17);
  return text;
}

describe("alters.csv and ties.csv", () => {
  it("are what toCsv writes of the typed rows the other formats take (written from lines laid out in the workers)", () => {
    expect(readFileSync(path.join(out, "alters.csv"), "utf8")).toBe(toCsv(tableOfStream(analysis.alters)));
    expect(readFileSync(path.join(out, "ties.csv"), "utf8")).toBe(toCsv(tableOfStream(analysis.ties)));
  });
});

describe("netsp analyse --format r: netsp.R in R", () => {
  it.each(["measures", "alters", "ties"])("%s: every column and value equal to the CSV, labels from the registry, protocol and config", (name) => {
    const table = name === "measures" ? analysis.measures : tableOfStream(name === "alters" ? analysis.alters : analysis.ties);
    const rows = csv(`${name}.csv`);
    const frame = frames[name]!;
    expect(Object.keys(frame)).toEqual(table.columns.map((c) => c.id));
    for (const column of table.columns) {
      const r = frame[column.id]!;
      const rClass = r.class.join(" ");
      const values = r.values.map((v) => (v !== null && (rClass === "integer" || rClass === "numeric") ? Number(v).toPrecision(17) : v));
      expect(values, `${name} ${column.id}`).toEqual(rows.map((row) => expectedInR(table, column.id, row[column.id]!, rClass)));
      expect(r.label?.[0] ?? null, `${name} ${column.id}`).toBe(column.description ?? column.label ?? null);
    }
  });

  it("reads ids as text and categoricals as labelled factors", () => {
    expect(frames.alters!.ego_id!.class).toEqual(["character"]);
    expect(frames.alters!.sector!.class).toEqual(["factor"]);
    expect(new Set(frames.alters!.sector!.values)).toEqual(new Set(["Voluntary and community sector", "Healthcare", "Local authority / statutory", "Other"]));
    expect(frames.measures!.deprivation!.values.slice(0, 2)).toEqual(["High", "High"]);
    expect(frames.alters!.on_sociogram!.class).toEqual(["logical"]);
  });
});

describe("netsp analyse --format graphml: ego-networks.graphml in networkx", () => {
  it("holds each ego's sociogram: its alters on the sociogram, its ties, their degree", () => {
    const reader = path.resolve("test/tables/read-graphml-networkx.py");
    const run = spawnSync("/usr/bin/python3", [reader, path.join(out, "ego-networks.graphml")], { encoding: "utf8", maxBuffer: 256 << 20 });
    if (run.status !== 0) throw new Error(`networkx could not read the file (apt-get install -y python3-networkx; .ci/run does): ${run.stderr}`);
    const read = JSON.parse(run.stdout) as {
      graphs: Array<{ id: string; graph: Record<string, [string, unknown]>; nodes: Array<[string, Record<string, [string, unknown]>]>; edges: unknown[] }>;
    };
    const alters = csv("alters.csv");
    const ties = csv("ties.csv");
    const egoIds = [...new Set(alters.map((a) => a.ego_id))];
    expect(read.graphs.map((g) => g.id)).toEqual(egoIds);
    for (const g of read.graphs) {
      const on = alters.filter((a) => a.ego_id === g.id && a.on_sociogram === "true");
      expect(g.graph.ego_id, g.id).toEqual(["str", g.id]);
      expect(g.nodes.map(([id]) => id), g.id).toEqual(on.map((a) => a.alter_id));
      expect(g.nodes.map(([, attrs]) => attrs.degree?.[1]), g.id).toEqual(on.map((a) => Number(a.degree)));
      expect(g.edges.length, g.id).toBe(ties.filter((t) => t.ego_id === g.id).length);
    }
  });
});
