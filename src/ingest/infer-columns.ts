import type { Variable } from "../model/index.js";
import type { ColumnEvidence, ColumnEvidenceKind } from "./column-profile.js";
import type { PlanBuilder } from "./column-plan.js";

/**
 * Infers the variables of the columns no codebook describes, by these rules (README, "How netsp reads
 * variables"):
 * 1. `<name>_x` with `<name>_y` (or `_X`/`_Y`) is a layout variable; its `_screenSpaceX/Y` columns are dropped.
 * 2. `<name>_2`, `<name>_3` where `<name>` is itself a column are renamed columns (the exporter's answer to
 *    two variables with one column name): plain variables, never options.
 * 3. Option columns the evidence names exactly (GraphML keys share the variable's UUID) form that variable.
 * 4. Adjacent columns that share their first `_` segment form a family. The family's option columns (`true`
 *    or `false` in every row) make one categorical variable named by the longest `_` prefix they all share;
 *    its options are the rest of each name. A column with an empty cell is no option: beside a categorical
 *    it is a boolean or text ("other, specify"); and when a family holds such a boolean, its option-like
 *    columns are booleans too (three booleans `venue_met`, `venue_sex`, `venue_drugs`, not a categorical).
 *    When the option values fall into sub-families (`cis_male, cis_female, trans_male, trans_female`)
 *    the split is ambiguous: the choice is recorded with the declaration that settles it. A family with one option column is a boolean.
 * 5. Every other column is typed by its values: boolean, number, datetime, or text (also when empty).
 */
export function inferColumns(
  header: string[],
  open: boolean[],
  evidenceOf: (column: string) => ColumnEvidence | undefined,
  b: PlanBuilder,
): void {
  const free = [...open];
  const index = new Map<string, number>();
  header.forEach((h, i) => free[i] && !index.has(h) && index.set(h, i));
  const kind = (i: number): ColumnEvidenceKind => evidenceOf(header[i])?.kind ?? (header[i].includes("_") ? "option" : "text");

  // 1. Layout pairs.
  const layoutNames = new Set<string>();
  for (let i = 0; i < header.length; i++) {
    if (!free[i]) continue;
    const m = /^(.+)_(x|X)$/.exec(header[i]);
    const j = m ? index.get(`${m[1]}_${m[2] === "x" ? "y" : "Y"}`) : undefined;
    if (!m || j === undefined || !free[j]) continue;
    const variable: Variable = { name: m[1], type: "layout", source: "inferred" };
    b.layout(i, variable, "x");
    b.layout(j, variable, "y");
    free[i] = free[j] = false;
    layoutNames.add(m[1]);
  }
  for (let i = 0; i < header.length; i++) {
    const screen = /^(.+)_screenSpace(X|Y)$/.exec(header[i]);
    if (free[i] && screen && layoutNames.has(screen[1])) {
      free[i] = false;
      b.skip(i);
    }
  }

  // 2. Renamed columns.
  const renamed = new Set<number>();
  for (let i = 0; i < header.length; i++) {
    const m = /^(.+)_([2-9]|[1-9]\d+)$/.exec(header[i]);
    if (free[i] && m && index.has(m[1])) renamed.add(i);
  }

  // 3. Exact option groups from the evidence.
  const exact = new Map<string, Variable>();
  for (let i = 0; i < header.length; i++) {
    const option = free[i] ? evidenceOf(header[i])?.option : undefined;
    if (!option) continue;
    let variable = exact.get(option.variable);
    if (!variable) exact.set(option.variable, (variable = { name: option.variable, type: "categorical", options: [], source: "inferred" }));
    variable.options!.push({ value: option.value, label: option.value });
    b.option(i, variable, option.value);
    free[i] = false;
  }

  // 4. Families of adjacent columns sharing a first segment.
  for (let i = 0; i < header.length; ) {
    const segment = firstSegment(header[i]);
    if (!free[i] || segment === undefined) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < header.length && free[end] && firstSegment(header[end]) === segment) end++;
    const members = range(i, end).filter((k) => !renamed.has(k));
    const options = members.filter((k) => kind(k) === "option");
    const booleans = members.filter((k) => kind(k) === "boolean").map((k) => header[k]);
    for (const family of optionFamilies(options.map((k) => header[k]), booleans)) {
      const columns = family.columns.map((c) => options[options.findIndex((k) => header[k] === c)]);
      if (family.name === undefined) {
        for (const k of columns) {
          b.plain(k, {
            name: header[k],
            type: "boolean",
            source: "inferred",
            note: `true/false beside booleans with empty cells (${segment}_…): read as a boolean, not an option`,
          });
          free[k] = false;
        }
        continue;
      }
      const name = family.name;
      const variable: Variable = { name, type: "categorical", options: [], source: "inferred" };
      for (const k of columns) {
        const value = header[k].slice(name.length + 1);
        variable.options!.push({ value, label: value });
        b.option(k, variable, value);
        free[k] = false;
      }
      const values = variable.options!.map((o) => o.value);
      if (splitsAgain(values)) {
        variable.note = `the option values fall into sub-families (${subFamilies(values).join(", ")}), so the columns could be split another way; read as one variable ${name}`;
        b.plan.ambiguities.push({
          variable: name,
          columns: columns.map((k) => header[k]),
          chosen: `read as one categorical variable ${name} with options ${values.join(", ")} (the longest name all these columns share)`,
          declaration: { type: "categorical", options: values },
        });
      }
    }
    i = end;
  }

  // 5. Plain columns, typed by their values.
  for (let i = 0; i < header.length; i++) {
    if (!free[i]) continue;
    const k = kind(i);
    const variable: Variable = { name: header[i], type: plainType(k), source: "inferred" };
    if (k === "empty") variable.note = "no value in the rows read: read as text";
    b.plain(i, variable);
  }
}

function plainType(kind: ColumnEvidenceKind): Variable["type"] {
  switch (kind) {
    case "option":
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "datetime":
      return "datetime";
    default:
      return "text";
  }
}

/**
 * The families among a block's option columns (`true`/`false` in every row), given the block's booleans
 * with empty cells. Without such booleans, all option columns are one categorical named by the longest
 * prefix they share. With them, the booleans are siblings at their own prefix: option columns that share a
 * deeper prefix no boolean has (`venue_type_bar`, `venue_type_club` beside `venue_met`) are a categorical;
 * the others are booleans too (`name` undefined). A lone option column is a boolean.
 */
function optionFamilies(options: string[], booleans: string[]): Array<{ name: string | undefined; columns: string[] }> {
  if (options.length === 0) return [];
  if (options.length === 1) return [{ name: undefined, columns: options }];
  const all = commonPrefix(options);
  if (!booleans.some((b) => b.startsWith(all + "_"))) return [{ name: all, columns: options }];
  const out: Array<{ name: string | undefined; columns: string[] }> = [];
  const single: string[] = [];
  const byPrefix = new Map<string, string[]>();
  for (const column of options) {
    const deeper = column.indexOf("_", all.length + 1);
    const prefix = deeper > 0 && deeper < column.length - 1 ? column.slice(0, deeper) : undefined;
    if (prefix === undefined || booleans.some((b) => b.startsWith(prefix + "_"))) single.push(column);
    else byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), column]);
  }
  for (const columns of byPrefix.values()) {
    if (columns.length >= 2) out.push({ name: commonPrefix(columns), columns });
    else single.push(...columns);
  }
  if (single.length > 0) out.push({ name: undefined, columns: single });
  return out;
}

/**
 * True when a family's option values could themselves be variables with options: two or more groups by
 * their first `_` segment, each of at least two values (`cis_male, cis_female, trans_male, trans_female`).
 * One-off underscores in values (`Bar_Club`, `Not_listed`) are no ambiguity.
 */
function splitsAgain(values: string[]): boolean {
  const groups = new Map<string, number>();
  for (const v of values) {
    const segment = firstSegment(v);
    if (segment === undefined) return false;
    groups.set(segment, (groups.get(segment) ?? 0) + 1);
  }
  return groups.size >= 2 && [...groups.values()].every((n) => n >= 2);
}

function subFamilies(values: string[]): string[] {
  return [...new Set(values.map((v) => `${firstSegment(v)}_…`))];
}

/** The part of a name before its first `_`, when something follows it; else undefined. */
function firstSegment(name: string): string | undefined {
  const k = name.indexOf("_");
  return k > 0 && k < name.length - 1 ? name.slice(0, k) : undefined;
}

/** The longest prefix ending before a `_` that every name starts with, followed by something. */
function commonPrefix(names: string[]): string {
  let best = names[0].slice(0, names[0].indexOf("_"));
  for (let k = names[0].indexOf("_", best.length + 1); k > 0; k = names[0].indexOf("_", k + 1)) {
    const p = names[0].slice(0, k);
    if (names.every((n) => n.startsWith(p + "_") && n.length > k + 1)) best = p;
    else break;
  }
  return best;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
