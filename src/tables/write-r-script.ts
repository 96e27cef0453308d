import { formatNumber } from "./format-number.js";
import { neutraliseFormula } from "./neutralise-formula.js";
import type { Cell, Column, Table } from "../model/table.js";

/** A table and the name of the CSV file (written by toCsv) that holds it, beside netsp.R. */
export interface RScriptTable {
  table: Table;
  file: string;
}

export interface RScriptOptions {
  /** Table names of the ego, alter and alter–alter tie tables: the script then also builds an egor object. */
  egor?: { alters: string; ties: string; egos: string };
}

/**
 * The text of netsp.R: a base-R script that reads each CSV into a data frame named after its table, with
 * every column's class decided here from the cells (explicit colClasses, so R never guesses), value labels
 * as factors or haven-style `labels`, and variable labels as the `label` attribute.
 */
export function toRScript(tables: readonly RScriptTable[], options: RScriptOptions = {}): string {
  const names = rNames(tables.map((t) => t.table.name));
  const lines = [...header(tables, names, options), "", ...PRELUDE];
  tables.forEach((t, i) => lines.push("", ...readTable(t, names[i]!)));
  lines.push("  tables", "})", "");
  tables.forEach((_, i) => lines.push(`${names[i]} <- ${STASH}[[${rString(names[i]!)}]]`));
  lines.push(`rm(${STASH})`);
  if (options.egor) lines.push("", ...egorBlock(tables, names, options.egor));
  return lines.join("\n") + "\n";
}

/** An R string literal for any text: backslashes, quotes and control characters escaped (NUL, which R cannot hold, becomes U+FFFD). */
function rString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code === 0) out += "\\uFFFD";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** The name that holds the tables while the script runs (removed at its end). */
const STASH = ".netsp_tables";

const RESERVED = new Set(
  "if else repeat while function for next break TRUE FALSE NULL Inf NaN NA NA_integer_ NA_real_ NA_character_ NA_complex_ in".split(" "),
);

/** Syntactic, unique R names, as make.names(unique = TRUE) gives them (non-ASCII letters become dots, for any locale). */
function rNames(raw: readonly string[]): string[] {
  const taken = new Set<string>([STASH]);
  return raw.map((text) => {
    let name = text.replace(/[^A-Za-z0-9._]/g, ".");
    if (!/^([A-Za-z]|\.(?![0-9]))/.test(name)) name = "X" + name;
    if (RESERVED.has(name)) name += ".";
    let unique = name;
    for (let n = 1; taken.has(unique); n++) unique = `${name}.${n}`;
    taken.add(unique);
    return unique;
  });
}

/** One-line text for a comment: no line breaks or control characters. */
const commentText = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ");

function header(tables: readonly RScriptTable[], names: string[], options: RScriptOptions): string[] {
  return [
    "# netsp.R: reads the tables netsp wrote beside this script into R data frames (base R only, no packages).",
    "#",
    '# Run it from R with source("netsp.R") (or source("path/to/netsp.R") from any working directory), or',
    "# with Rscript netsp.R. The CSV files are looked up in this script's own folder (found from source()'s",
    "# file or Rscript's --file argument), falling back to the working directory. Every column's class is",
    "# fixed here (colClasses), empty cells are NA, value labels become factors (or a haven-style `labels`",
    "# attribute on 0/1 codes) and variable labels the `label` attribute. If your R session does not use",
    '# UTF-8, source it with source("netsp.R", encoding = "UTF-8").',
    "#",
    "# Data frames and the files they are read from:",
    ...tables.map((t, i) => `#   ${names[i]}: ${commentText(t.file)}`),
    ...(options.egor ? ["#   netsp_egor: an egor object of the egos, alters and ties, when the egor package is installed"] : []),
  ];
}

const PRELUDE = [
  `${STASH} <- local({`,
  '  dir <- "."',
  "  for (i in rev(seq_len(sys.nframe()))) {",
  '    file <- get0("ofile", envir = sys.frame(i), inherits = FALSE)',
  "    if (is.character(file) && length(file) == 1 && file.exists(file)) {",
  "      dir <- dirname(normalizePath(file))",
  "      break",
  "    }",
  "  }",
  '  script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))',
  '  if (identical(dir, ".") && length(script) == 1 && file.exists(script)) dir <- dirname(normalizePath(script))',
  "  # spec: column id, class, column id, class, ...; empty cells are NA in every column.",
  "  read <- function(file, spec) {",
  "    path <- file.path(dir, file)",
  "    if (!file.exists(path) && file.exists(file)) path <- file",
  "    utils::read.csv(path, header = TRUE, col.names = spec[c(TRUE, FALSE)], colClasses = spec[c(FALSE, TRUE)],",
  '      na.strings = "", check.names = FALSE, blank.lines.skip = FALSE, comment.char = "", quote = "\\"",',
  '      strip.white = FALSE, encoding = "UTF-8", fileEncoding = "UTF-8-BOM")',
  "  }",
  "  # netsp puts a ' before text starting with = + - @ tab or CR (against formula injection): taken off again.",
  "  unguard <- function(x) sub(\"^'([-=+@\\t\\r])\", \"\\\\1\", x)",
  "  tables <- list()",
];

type RClass = "logical" | "integer" | "numeric" | "character";

interface Plan {
  rClass: RClass;
  /** Text cells some of which toCsv guarded. */
  guarded: boolean;
  factor?: { levels: string[]; labels: string[]; ordered: boolean };
  labels?: { values: string[]; names: string[] };
}

const ID_COLUMNS = new Set(["ego_id", "alter_id", "from", "to"]);
const isIntegerCell = (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 - 1;

type ValueLabel = { value: number | string; label: string };

/** How one column is read and what R class it ends up as. */
function planColumn(column: Column, cells: Cell[]): Plan {
  const present = cells.filter((c): c is Exclude<Cell, null> => c !== null);
  const guarded = present.some((c) => typeof c === "string" && neutraliseFormula(c) !== c);
  const valueLabels = column.valueLabels ?? [];
  if (ID_COLUMNS.has(column.id)) return { rClass: "character", guarded };
  if (present.length > 0 && present.every((c) => typeof c === "boolean")) return { rClass: "logical", guarded: false };
  const codeLabels = valueLabels.filter((l): l is { value: number; label: string } => typeof l.value === "number" && Number.isFinite(l.value));
  if (present.length === 0 && codeLabels.length === 0) {
    return valueLabels.length > 0 ? stringPlan(column, valueLabels, [], false) : { rClass: "logical", guarded: false };
  }
  if (!present.every((c) => typeof c === "number")) return stringPlan(column, valueLabels, present.map(cellText), guarded);
  const codes = present as number[];
  // Each code once (the first label wins): factor() refuses duplicated levels.
  const labelled = codeLabels.filter((l, i) => codeLabels.findIndex((m) => m.value === l.value) === i);
  const rClass: RClass = [...codes, ...labelled.map((l) => l.value)].every(isIntegerCell) ? "integer" : "numeric";
  const literal = (n: number) => formatNumber(n) + (rClass === "integer" ? "L" : "");
  if (labelled.length === 0) return { rClass, guarded: false };
  if (column.level === "ordinal") {
    const known = new Set(labelled.map((l) => l.value));
    const others = [...new Set(codes.filter((c) => !known.has(c)))].sort((a, b) => a - b);
    return {
      rClass,
      guarded: false,
      factor: {
        levels: [...labelled.map((l) => literal(l.value)), ...others.map(literal)],
        labels: [...labelled.map((l) => l.label), ...others.map((n) => formatNumber(n))],
        ordered: true,
      },
    };
  }
  return { rClass, guarded: false, labels: { values: labelled.map((l) => literal(l.value)), names: labelled.map((l) => l.label) } };
}

/** A text column: character, or a factor over its value labels' values then any other observed values (sorted). */
function stringPlan(column: Column, valueLabels: readonly ValueLabel[], texts: string[], guarded: boolean): Plan {
  if (valueLabels.length === 0) return { rClass: "character", guarded };
  const values: string[] = [];
  const labels: string[] = [];
  for (const { value, label } of valueLabels) {
    const text = typeof value === "number" ? formatNumber(value) : value;
    if (values.includes(text)) continue; // each level once: factor() refuses duplicated levels
    values.push(text);
    labels.push(label);
  }
  const others = [...new Set(texts.filter((t) => !values.includes(t)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    rClass: "character",
    guarded,
    factor: { levels: [...values, ...others].map(rString), labels: [...labels, ...others], ordered: column.level === "ordinal" },
  };
}

/** A cell as toCsv writes it, before the formula guard. */
function cellText(cell: Exclude<Cell, null>): string {
  if (typeof cell === "number") return formatNumber(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return cell;
}

/** `c(a, b, ...)`, wrapped so no line gets much longer than 100 characters. */
function rVector(items: string[], indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line !== "" && indent.length + line.length + item.length > 100) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += item + ", ";
  }
  lines.push(line.replace(/, $/, ""));
  return lines.length === 1 ? `c(${lines[0]})` : `c(\n${lines.map((l) => indent + "  " + l).join("\n")}\n${indent})`;
}

function readTable({ table, file }: RScriptTable, name: string): string[] {
  const out = [`  # ${commentText(table.name)}${table.title ? `: ${commentText(table.title)}` : ""}`];
  if (table.columns.length === 0) return [...out, `  tables[[${rString(name)}]] <- data.frame()`];
  const plans = table.columns.map((c) => planColumn(c, table.rows.map((r) => r[c.id] ?? null)));
  out.push(`  x <- read(${rString(file)}, c(`);
  table.columns.forEach((c, i) => out.push(`    ${rString(c.id)}, ${rString(plans[i]!.rClass)}${i < table.columns.length - 1 ? "," : ""}`));
  out.push("  ))");
  table.columns.forEach((column, i) => {
    const plan = plans[i]!;
    const col = `x[[${rString(column.id)}]]`;
    const value = plan.guarded ? `unguard(${col})` : col;
    if (plan.factor) {
      const { levels, labels, ordered } = plan.factor;
      out.push(`  ${col} <- factor(${value},`);
      out.push(`    levels = ${rVector(levels, "    ")},`);
      out.push(`    labels = ${rVector(labels.map(rString), "    ")}${ordered ? ", ordered = TRUE" : ""})`);
    } else if (plan.guarded) out.push(`  ${col} <- ${value}`);
    if (plan.labels) {
      out.push(`  attr(${col}, "labels") <- structure(${rVector(plan.labels.values, "  ")},`);
      out.push(`    names = ${rVector(plan.labels.names.map(rString), "    ")})`);
    }
    const label = column.description ?? column.label;
    if (label) out.push(`  attr(${col}, "label") <- ${rString(label)}`);
  });
  out.push(`  tables[[${rString(name)}]] <- x`);
  return out;
}

function egorBlock(tables: readonly RScriptTable[], names: string[], egor: NonNullable<RScriptOptions["egor"]>): string[] {
  const frame = (tableName: string) => {
    const i = tables.findIndex((t) => t.table.name === tableName);
    if (i < 0) throw new Error(`bug: egor table "${tableName}" is not among the tables of netsp.R`);
    return names[i]!;
  };
  return [
    "# The egos, alters and alter-alter ties as one egor object, when the egor package is installed.",
    'if (requireNamespace("egor", quietly = TRUE)) {',
    `  netsp_egor <- egor::threefiles_to_egor(egos = ${frame(egor.egos)}, alters.df = ${frame(egor.alters)}, edges = ${frame(egor.ties)},`,
    '    ID.vars = list(ego = "ego_id", alter = "alter_id", source = "from", target = "to"))',
    "} else {",
    '  message("netsp.R: the egor package is not installed, so netsp_egor was not built; ",',
    '    "install it with install.packages(\\"egor\\") and source netsp.R again.")',
    "}",
  ];
}
