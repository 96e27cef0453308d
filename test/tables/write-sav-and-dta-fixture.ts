import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Table } from "../../src/model/index.js";

/** 300 bytes of UTF-8, a "ë" cut in two at byte 255 (where an SPSS very long string's segment ends). */
export const LONG_TEXT = "xx" + "Zoë ".repeat(59) + "end";
/** 3,000 bytes: an SPSS very long string of 12 segments, a Stata strL. */
export const VERY_LONG_TEXT = "Zoë ".repeat(599) + "Zoë!";
/** 50,000 bytes: whole in a Stata strL, cut to SPSS's 32,767 bytes (a whole number of characters). */
export const HUGE_TEXT = "Zoë ".repeat(10000);
const LONG_NAME = "x".repeat(70);
export const LONG_LABEL = "Label ".repeat(20).trim();

/** One table with every kind of value the SPSS and Stata writers meet. */
export const TABLE: Table = {
  name: "measures",
  title: "Measures per ego, Zoë's study",
  columns: [
    { id: "ego_id", label: "Ego" },
    { id: "size", label: "Network size" },
    { id: "density", label: "Größe, \"density\"" },
    { id: "tiny" },
    { id: "isolates", label: "Has isolates" },
    { id: "sector", label: "Sector", valueLabels: [{ value: "vcs", label: "Voluntary sector" }, { value: "hc", label: "Healthcare" }] },
    { id: "closeness", level: "ordinal", valueLabels: [{ value: "low", label: "Low" }, { value: "mid", label: "Middle" }, { value: "high", label: "High" }] },
    { id: "rating", level: "ordinal", valueLabels: [{ value: 1, label: "Never" }, { value: 2, label: "Sometimes" }, { value: 3, label: "Often" }] },
    { id: "note" },
    { id: "story" },
    { id: "1st alter" },
    { id: "with" },
    { id: "SIZE" },
    { id: LONG_NAME, label: LONG_LABEL },
    { id: "share.vcs", level: "scale" },
    { id: "mixed" },
    { id: "empty" },
    { id: "odd" },
    { id: "essay", level: "ordinal" },
  ],
  rows: [
    { ego_id: "LW01", size: 0, density: 0.1, tiny: 1e-300, isolates: true, sector: "vcs", closeness: "high", rating: 1, note: null, story: VERY_LONG_TEXT, "1st alter": 1, with: "a", SIZE: 1, [LONG_NAME]: 0.5, "share.vcs": 0, mixed: 1, empty: null, odd: Number.NaN, essay: HUGE_TEXT },
    { ego_id: "Zoë", size: 42, density: 1 / 3, tiny: Math.PI, isolates: false, sector: "hc", closeness: "low", rating: 3, note: 'a,b "quoted"', story: "short", "1st alter": 2, with: "b", SIZE: 2, [LONG_NAME]: -0.25, "share.vcs": 0.625, mixed: "a", empty: null, odd: Number.POSITIVE_INFINITY, essay: null },
    { ego_id: "", size: -7, density: -2.5, tiny: -1e300, isolates: null, sector: null, closeness: "mid", rating: null, note: "line", story: null, "1st alter": null, with: null, SIZE: null, [LONG_NAME]: null, "share.vcs": null, mixed: null, empty: null, odd: Number.NEGATIVE_INFINITY, essay: "" },
    { ego_id: LONG_TEXT, size: 9007199254740991, density: null, tiny: 1e300, isolates: true, sector: "other", closeness: null, rating: 2, note: "", story: "", "1st alter": 3, with: "", SIZE: 3, [LONG_NAME]: 1e15, "share.vcs": 1, mixed: true, empty: null, odd: 1e308, essay: "x" },
  ],
};

/** What a reader must give back for each column, in order: numbers (null missing) or text (null is ""). */
export interface Expected {
  values: Array<number | string | null>;
  label?: string;
  labels?: Array<{ value: number; label: string }>;
  level: "nominal" | "ordinal" | "scale";
}

const BOOLEAN_LABELS = [{ value: 0, label: "false" }, { value: 1, label: "true" }];

/** Stata keeps 80 characters of a label, holds no number from 2^1023 up, and any length of text. */
export function expected(system: "sav" | "dta"): Expected[] {
  const labelLimit = (label: string) => (system === "dta" ? label.slice(0, 80).trimEnd() : label);
  // SPSS keeps 32,767 bytes of text and drops trailing spaces.
  const essay = system === "dta" ? HUGE_TEXT : Buffer.from(HUGE_TEXT).subarray(0, 32767).toString().trimEnd();
  return [
    { values: ["LW01", "Zoë", "", LONG_TEXT], label: "Ego", level: "nominal" },
    { values: [0, 42, -7, 9007199254740991], label: "Network size", level: "scale" },
    { values: [0.1, 1 / 3, -2.5, null], label: 'Größe, "density"', level: "scale" },
    { values: [1e-300, Math.PI, -1e300, 1e300], level: "scale" },
    { values: [1, 0, null, 1], label: "Has isolates", labels: BOOLEAN_LABELS, level: "nominal" },
    { values: [1, 2, null, 3], label: "Sector", labels: [{ value: 1, label: "Voluntary sector" }, { value: 2, label: "Healthcare" }, { value: 3, label: "other" }], level: "nominal" },
    { values: [3, 1, 2, null], labels: [{ value: 1, label: "Low" }, { value: 2, label: "Middle" }, { value: 3, label: "High" }], level: "ordinal" },
    { values: [1, 3, null, 2], labels: [{ value: 1, label: "Never" }, { value: 2, label: "Sometimes" }, { value: 3, label: "Often" }], level: "ordinal" },
    { values: ["", 'a,b "quoted"', "line", ""], level: "nominal" },
    { values: [VERY_LONG_TEXT, "short", "", ""], level: "nominal" },
    { values: [1, 2, null, 3], level: "scale" },
    { values: ["a", "b", "", ""], level: "nominal" },
    { values: [1, 2, null, 3], level: "scale" },
    { values: [0.5, -0.25, null, 1e15], label: labelLimit(LONG_LABEL), level: "scale" },
    { values: [0, 0.625, null, 1], level: "scale" },
    { values: ["1", "a", "", "true"], level: "nominal" },
    { values: [null, null, null, null], level: "scale" },
    { values: [null, null, null, system === "dta" ? null : 1e308], level: "scale" },
    { values: [essay, "", "", "x"], level: "ordinal" },
  ];
}

/** Runs a reader the tests need; fails (never skips) with what to install when it is missing. */
export function run(program: string, args: string[], install: string): string {
  const result = spawnSync(program, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(`${program} is not installed; these tests read the files back with it. Install it: ${install} (.ci/run does)`);
  }
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

export const R_INSTALL = "apt-get install -y r-base-core r-cran-haven r-cran-jsonlite";

export interface HavenVariable {
  name: string;
  type: "string" | "numeric";
  values: Array<string | null>;
  label: string | null;
  labels: Array<{ value: string; label: string }> | null;
}

export interface HavenFile {
  label: string | null;
  variables: HavenVariable[];
}

/** Reads .sav or .dta files with R's haven (one R run): every variable's values (numbers as %.17g), label and value labels. */
export function readWithHaven(files: string[], reader: "read_sav" | "read_dta"): HavenFile[] {
  const script = path.join(path.dirname(files[0]!), `${reader}.R`);
  writeFileSync(
    script,
    `num <- function(e) if (is.na(e)) NULL else sprintf("%.17g", e)
one <- function(file) {
x <- haven::${reader}(file)
vars <- lapply(names(x), function(n) {
  v <- x[[n]]
  labs <- attr(v, "labels", exact = TRUE)
  list(
    name = n,
    type = if (is.character(v)) "string" else "numeric",
    values = if (is.character(v)) as.list(v) else lapply(as.numeric(unclass(v)), num),
    label = attr(v, "label", exact = TRUE),
    labels = if (is.null(labs)) NULL else lapply(seq_along(labs), function(i) list(value = num(unname(labs[[i]])), label = names(labs)[i]))
  )
})
list(label = attr(x, "label", exact = TRUE), variables = vars)
}
cat(jsonlite::toJSON(lapply(commandArgs(TRUE), one), auto_unbox = TRUE, null = "null"))
`,
  );
  return JSON.parse(run("Rscript", [script, ...files], R_INSTALL)) as HavenFile[];
}

/** A reader's number text (%.17g, or PSPP's shortest) as the number; blank is missing. */
export function numberOf(text: string | null): number | null {
  return text === null || text.trim() === "" ? null : Number(text);
}

/** RFC 4180 CSV (what PSPP writes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
