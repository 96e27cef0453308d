import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell, Table } from "../../src/model/index.js";
import { toCsv, toRScript, type RScriptTable } from "../../src/tables/index.js";

// netsp.R read back by R itself: every value, class, level and label as the Table has it.
const R_INSTALL = "apt-get install -y r-base-core r-cran-jsonlite";
const LABEL = 'he said "hi" \\ back\nand left';

const measures: Table = {
  name: "measures",
  columns: [
    { id: "ego_id", label: "Ego" },
    { id: "size", description: "Network size", label: "Size" },
    { id: "density", label: "Density" },
    { id: "big", label: "Beyond R's integers" },
    { id: "isolate", description: LABEL },
    { id: "has kids", label: "Has children", valueLabels: [{ value: 0, label: "no" }, { value: 1, label: "yes" }] },
    { id: "share-kin", valueLabels: [{ value: 0, label: "none" }, { value: 0.5, label: "half" }] },
    { id: "empty" },
  ],
  rows: [
    { ego_id: "007", size: 3, density: 0.1 + 0.2, big: 2 ** 31, isolate: true, "has kids": 1, "share-kin": 0.5, empty: null },
    { ego_id: "12", size: null, density: 1e-300, big: -(2 ** 31), isolate: null, "has kids": 0, "share-kin": 0.25, empty: null },
    { ego_id: "-5", size: 2147483647, density: null, big: -3, isolate: false, "has kids": null, "share-kin": null, empty: null },
    { ego_id: "LW 4", size: -2147483647, density: 5e-324, big: 0, isolate: false, "has kids": 1, "share-kin": 0, empty: null },
    { ego_id: "ünï", size: 0, density: 1e21, big: 7, isolate: true, "has kids": 0, "share-kin": 1, empty: null },
  ],
};

const alters: Table = {
  name: "alters",
  title: "Alters, one row each",
  columns: [
    { id: "ego_id" },
    { id: "alter_id" },
    {
      id: "relation",
      label: "Relation",
      valueLabels: [{ value: "kin", label: "Family member" }, { value: "friend", label: "Friend" }, { value: "none", label: "Unused" }],
    },
    {
      id: "closeness",
      level: "ordinal",
      description: "How close, \"really\"",
      valueLabels: [{ value: "very", label: "Very close" }, { value: "somewhat", label: "Somewhat" }, { value: "not", label: "Not close" }],
    },
    {
      id: "trust",
      level: "ordinal",
      valueLabels: [{ value: 3, label: "high" }, { value: 2, label: "mid" }, { value: 1, label: "low" }, { value: -1, label: "refused" }],
    },
    { id: "note" },
    { id: "=odd id", label: "Größe ✓" },
  ],
  rows: [
    { ego_id: "007", alter_id: "01", relation: "kin", closeness: "not", trust: 3, note: "=SUM(A1)", "=odd id": 1 },
    { ego_id: "007", alter_id: "1", relation: "zzz", closeness: "very", trust: -1, note: "+1", "=odd id": 2 },
    { ego_id: "007", alter_id: "007", relation: "coworker", closeness: null, trust: 1, note: "@x", "=odd id": null },
    { ego_id: "12", alter_id: "-2", relation: null, closeness: "somewhat", trust: null, note: 'quote "x", comma', "=odd id": 4 },
    { ego_id: "12", alter_id: "2", relation: "friend", closeness: "very", trust: 2, note: "line\nbreak, \\ and \ttab", "=odd id": 5 },
    { ego_id: "12", alter_id: "3", relation: "kin", closeness: "not", trust: 1, note: "\tstarts with a tab", "=odd id": 6 },
    { ego_id: "LW 4", alter_id: "4", relation: "friend", closeness: "not", trust: 2, note: "ünïcödé – ✓", "=odd id": 7 },
    { ego_id: "LW 4", alter_id: "5", relation: "kin", closeness: "very", trust: 3, note: null, "=odd id": 8 },
  ],
};

const ties: Table = {
  name: "ties",
  columns: [{ id: "ego_id" }, { id: "from" }, { id: "to" }, { id: "weight" }, { id: "strong", label: "Strong tie" }],
  rows: [
    { ego_id: "007", from: "01", to: "1", weight: 0.5, strong: true },
    { ego_id: "12", from: "2", to: "3", weight: 123456.789, strong: null },
  ],
};

/** No rows, and a name that is not a syntactic R name. */
const empty: Table = { name: "compare-groups", columns: [{ id: "group" }, { id: "n" }], rows: [] };

/** One column, so a null row is a blank line in the CSV. */
const single: Table = { name: "if", columns: [{ id: "x" }], rows: [{ x: "a" }, { x: null }, { x: "b" }] };

const TABLES: RScriptTable[] = [
  { table: measures, file: "measures.csv" },
  { table: alters, file: "alters.csv" },
  { table: ties, file: "ties.csv" },
  { table: empty, file: "compare-groups.csv" },
  { table: single, file: "if.csv" },
];
const FRAMES = ["measures", "alters", "ties", "compare.groups", "if."];

/** Each column as R has it: class, levels, labels, and values (numbers as %.17g text, factors as labels). */
const DUMP = `one <- function(v) {
  labels <- attr(v, "labels", exact = TRUE)
  list(
    class = class(v),
    levels = levels(v),
    label = attr(v, "label", exact = TRUE),
    labels = if (is.null(labels)) NULL else list(names = names(labels), values = sprintf("%.17g", labels), type = typeof(labels)),
    values = if (is.factor(v)) as.character(v) else if (is.numeric(v)) ifelse(is.na(v), NA, sprintf("%.17g", as.numeric(v))) else v
  )
}
frames <- list(${FRAMES.map((f) => `"${f}" = get("${f}", envir = globalenv())`).join(", ")})
out <- lapply(frames, function(x) list(names = names(x), nrow = nrow(x), columns = lapply(x, one)))
out$egor <- list(installed = requireNamespace("egor", quietly = TRUE), built = exists("netsp_egor"))
out$leftovers <- ls(envir = globalenv(), all.names = TRUE)
cat(jsonlite::toJSON(out, digits = NA, na = "null", null = "null"))
`;

interface RColumn {
  class: string[];
  levels: string[] | null;
  label: string[] | null;
  labels: { names: string[]; values: string[]; type: string[] } | null;
  values: Array<string | number | boolean | null>;
}
type RFrame = { names: string[]; nrow: number[]; columns: Record<string, RColumn> };
type RDump = Record<string, RFrame> & { egor: { installed: boolean[]; built: boolean[] }; leftovers: string[] };

function rscript(args: string[], cwd: string): { stdout: string; stderr: string } {
  try {
    const stdout = execFileSync("Rscript", args, { cwd, encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
    return { stdout, stderr: "" };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
    if (e.code === "ENOENT") throw new Error(`Rscript is not installed; this test runs netsp.R in R. Install it: ${R_INSTALL}`);
    throw new Error(`Rscript ${args.join(" ")} failed:\n${e.stderr ?? ""}\n${e.stdout ?? ""}`);
  }
}

/** Sources netsp.R (as `file`, from `cwd`) and dumps the frames; stderr is captured through a sink. */
function sourceAndDump(file: string, cwd: string): { dump: RDump; messages: string } {
  const messages = path.join(work, `messages-${Math.random().toString(36).slice(2)}.txt`);
  const code = [
    `con <- file(${JSON.stringify(messages)}, open = "wt"); sink(con, type = "message")`,
    `source(${JSON.stringify(file)})`,
    `sink(type = "message"); close(con); rm(con)`,
    `source(${JSON.stringify(path.join(work, "dump.R"))}, local = new.env())`,
  ].join("\n");
  const { stdout } = rscript(["-e", code], cwd);
  return { dump: JSON.parse(stdout) as RDump, messages: readFileSync(messages, "utf8") };
}

let work: string;
let out: string;
let script: string;
let fromElsewhere: { dump: RDump; messages: string };

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "netsp-r-script-"));
  out = path.join(work, "out");
  mkdirSync(out);
  for (const { table, file } of TABLES) writeFileSync(path.join(out, file), toCsv(table));
  script = toRScript(TABLES, { egor: { egos: "measures", alters: "alters", ties: "ties" } });
  writeFileSync(path.join(out, "netsp.R"), script);
  writeFileSync(path.join(work, "dump.R"), DUMP);
  // Another working directory, holding a decoy alters.csv the script must not read.
  const elsewhere = path.join(work, "elsewhere");
  mkdirSync(elsewhere);
  writeFileSync(path.join(elsewhere, "alters.csv"), "ego_id\nwrong\n");
  fromElsewhere = sourceAndDump(path.join(out, "netsp.R"), elsewhere);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The cells of a column as R should give them: numbers as numbers, factors as their labels. */
function expected(table: Table, id: string, labels?: Record<string, string>): Cell[] {
  return table.rows.map((r) => {
    const cell = r[id] ?? null;
    return cell === null || labels === undefined ? cell : (labels[String(cell)] ?? String(cell));
  });
}

/** R's values back as cells (%.17g text to numbers for numeric columns). */
function actual(column: RColumn): Cell[] {
  const numeric = column.class.includes("integer") || column.class.includes("numeric");
  return column.values.map((v) => (v === null ? null : numeric ? Number(v) : v));
}

describe("toRScript: netsp.R read back by R", () => {
  const col = (frame: string, id: string) => fromElsewhere.dump[frame]!.columns[id]!;

  it("makes one data frame per table, named after it, with the column ids and rows of the table", () => {
    TABLES.forEach(({ table }, i) => {
      const frame = fromElsewhere.dump[FRAMES[i]!]!;
      expect(frame.names).toEqual(table.columns.map((c) => c.id));
      expect(frame.nrow).toEqual([table.rows.length]);
    });
    // Only the data frames are left behind (and no egor object: egor is not installed here).
    expect(fromElsewhere.dump.leftovers.sort()).toEqual([...FRAMES, ...(fromElsewhere.dump.egor.built[0] ? ["netsp_egor"] : [])].sort());
  });

  it("gives every column the class the rules say", () => {
    const classes = (frame: string) => Object.fromEntries(Object.entries(fromElsewhere.dump[frame]!.columns).map(([id, c]) => [id, c.class.join(" ")]));
    expect(classes("measures")).toEqual({
      ego_id: "character",
      size: "integer",
      density: "numeric",
      big: "numeric",
      isolate: "logical",
      "has kids": "integer",
      "share-kin": "numeric",
      empty: "logical",
    });
    expect(classes("alters")).toEqual({
      ego_id: "character",
      alter_id: "character",
      relation: "factor",
      closeness: "ordered factor",
      trust: "ordered factor",
      note: "character",
      "=odd id": "integer",
    });
    expect(classes("ties")).toEqual({ ego_id: "character", from: "character", to: "character", weight: "numeric", strong: "logical" });
    expect(classes("compare.groups")).toEqual({ group: "logical", n: "logical" });
    expect(classes("if.")).toEqual({ x: "character" });
  });

  it("reads every value exactly: ids as text, doubles to the last bit, NA for null, guarded text unguarded", () => {
    for (const [frame, table] of [["measures", measures], ["ties", ties], ["if.", single]] as const) {
      for (const { id } of table.columns) expect(actual(col(frame, id)), `${frame}$${id}`).toEqual(expected(table, id));
    }
    for (const id of ["ego_id", "alter_id", "note", "=odd id"]) expect(actual(col("alters", id)), `alters$${id}`).toEqual(expected(alters, id));
    expect(col("measures", "ego_id").values).toEqual(["007", "12", "-5", "LW 4", "ünï"]);
    expect(col("measures", "density").values[0]).toBe("0.30000000000000004");
  });

  it("makes factors of labelled text (unlabelled values after, sorted) and of ordinal codes", () => {
    const relation = col("alters", "relation");
    expect(relation.levels).toEqual(["Family member", "Friend", "Unused", "coworker", "zzz"]);
    expect(actual(relation)).toEqual(expected(alters, "relation", { kin: "Family member", friend: "Friend" }));
    const closeness = col("alters", "closeness");
    expect(closeness.levels).toEqual(["Very close", "Somewhat", "Not close"]);
    expect(actual(closeness)).toEqual(expected(alters, "closeness", { very: "Very close", somewhat: "Somewhat", not: "Not close" }));
    const trust = col("alters", "trust");
    expect(trust.levels).toEqual(["high", "mid", "low", "refused"]);
    expect(actual(trust)).toEqual(expected(alters, "trust", { "3": "high", "2": "mid", "1": "low", "-1": "refused" }));
  });

  it("keeps labelled codes as numbers with haven's `labels` attribute", () => {
    expect(col("measures", "has kids").labels).toEqual({ names: ["no", "yes"], values: ["0", "1"], type: ["integer"] });
    expect(col("measures", "share-kin").labels).toEqual({ names: ["none", "half"], values: ["0", "0.5"], type: ["double"] });
    expect(col("measures", "size").labels).toBeNull();
  });

  it("sets each variable label (description, else label) as the `label` attribute, escaped", () => {
    const labels = (frame: string) => Object.fromEntries(Object.entries(fromElsewhere.dump[frame]!.columns).map(([id, c]) => [id, c.label?.[0] ?? null]));
    expect(labels("measures")).toEqual({
      ego_id: "Ego",
      size: "Network size",
      density: "Density",
      big: "Beyond R's integers",
      isolate: LABEL,
      "has kids": "Has children",
      "share-kin": null,
      empty: null,
    });
    expect(labels("alters")).toMatchObject({ closeness: 'How close, "really"', relation: "Relation", "=odd id": "Größe ✓", note: null });
  });

  it("says how to get egor when it is not installed, and builds netsp_egor when it is", () => {
    const { installed, built } = fromElsewhere.dump.egor;
    expect(built).toEqual(installed);
    if (!installed[0]) expect(fromElsewhere.messages).toMatch(/egor package is not installed.*install\.packages\("egor"\)/s);
    expect(script).toMatch(/egor::threefiles_to_egor\(egos = measures, alters\.df = alters, edges = ties,/);
  });

  it("reads the same when sourced from its own folder", () => {
    const here = sourceAndDump("netsp.R", out);
    expect(here.dump).toEqual(fromElsewhere.dump);
  });

  it("runs with Rscript netsp.R from another working directory", () => {
    // The working directory has no measures.csv: this fails unless the script finds its own folder.
    expect(() => rscript([path.join(out, "netsp.R")], path.join(work, "elsewhere"))).not.toThrow();
  });

  it("starts with a header naming the files and base R; is deterministic", () => {
    expect(script.split("\n")[0]).toMatch(/^# netsp\.R: .*base R only/);
    TABLES.forEach(({ file }, i) => expect(script).toContain(`#   ${FRAMES[i]}: ${file}`));
    expect(script).not.toMatch(/library\(|require\(/);
    expect(toRScript(TABLES, { egor: { egos: "measures", alters: "alters", ties: "ties" } })).toBe(script);
    expect(toRScript(TABLES)).not.toContain("egor");
  });
});
