import type { Variable, VariableSet } from "../model/index.js";

/** What one column holds. A dropped column (the literal `null` column, a repeated name) has no role. */
export type ColumnRole =
  | { kind: "fixed"; name: string }
  | { kind: "variable"; variable: string }
  | { kind: "option"; variable: string; option: string }
  | { kind: "layout"; variable: string; axis: "x" | "y" };

/** A variable of the header and the column(s) that hold it (0-based indexes). */
export interface PlannedVariable {
  variable: Variable;
  /** A plain variable: its one column. */
  column?: number;
  /** A categorical variable spread over option columns. */
  options?: Array<{ option: string; column: number }>;
  /** A layout variable's coordinate columns. */
  x?: number;
  y?: number;
}

/** How to read a header: format-neutral (CSV headers and GraphML key names alike). */
export interface ColumnPlan {
  /** One entry per column, in header order; null means the column is dropped. */
  columns: Array<ColumnRole | null>;
  /** Index of each fixed (id / metadata) column present. */
  fixed: Record<string, number>;
  /** The variables the header holds, in order of their first column. */
  variables: PlannedVariable[];
  /** True when no codebook was given, so types were inferred from column names (and values). */
  inferred: boolean;
  /** Columns a given codebook does not describe (read with type `unknown`). */
  undescribed: string[];
  /** Column names that appear more than once (later copies dropped). */
  duplicates: string[];
}

export interface PlanOptions {
  /**
   * For inference: the columns whose values are only `true`, `false` or empty. Only these can be option
   * columns of an inferred categorical variable. When absent, every column qualifies.
   */
  booleanColumns?: ReadonlySet<string>;
}

const LAYOUT = /^(.+)_(x|y|X|Y)$/;
const SCREEN_SPACE = /^(.+)_screenSpace(X|Y)$/;

/**
 * Maps each column of a header to a fixed column, a variable, an option of a categorical variable
 * (`<name>_<option>`), a layout coordinate (`<name>_x`/`_y`, `_X`/`_Y` in GraphML), or nothing.
 *
 * With a codebook, option columns are split by the KNOWN variable name, never by the last `_`:
 * `Gender_Gender_non-conforming` is variable `Gender`, option `Gender_non-conforming`.
 * Without one, types are inferred: adjacent columns whose values are only true/false/empty and that share a
 * prefix at a `_` boundary (the longest such prefix of the first two; later columns join while they start
 * with it) form one categorical variable; `<name>_x`/`<name>_y` pairs are layout; the rest are `unknown`.
 *
 * Example: planColumns(["DrugsUsed_1", "DrugsUsed_2"], undefined, []).variables[0] is categorical
 * `DrugsUsed` with options "1" and "2".
 */
export function planColumns(
  header: string[],
  variables: VariableSet | undefined,
  fixed: readonly string[],
  options: PlanOptions = {},
): ColumnPlan {
  const plan: ColumnPlan = {
    columns: new Array<ColumnRole | null>(header.length).fill(null),
    fixed: {},
    variables: [],
    inferred: variables === undefined,
    undescribed: [],
    duplicates: [],
  };
  const fixedNames = new Set(fixed);
  const seen = new Set<string>();
  const open: boolean[] = new Array<boolean>(header.length).fill(false);
  for (let i = 0; i < header.length; i++) {
    const name = header[i];
    if (seen.has(name)) {
      if (name !== "" && name !== "null") plan.duplicates.push(name);
      continue;
    }
    seen.add(name);
    if (fixedNames.has(name)) {
      plan.columns[i] = { kind: "fixed", name };
      plan.fixed[name] = i;
    } else if (name !== "" && name !== "null") {
      open[i] = true;
    }
  }
  const builder = new PlanBuilder(plan);
  if (variables) planWithCodebook(header, open, variables, builder);
  else inferPlan(header, open, options.booleanColumns, builder);
  return plan;
}

/** Combines variable sets (inferred from several headers of one type): union of variables and options. */
export function mergeVariableSets(target: VariableSet, source: VariableSet): VariableSet {
  for (const [name, variable] of Object.entries(source)) {
    const existing = target[name];
    if (!existing) {
      target[name] = variable.options ? { ...variable, options: [...variable.options] } : { ...variable };
      continue;
    }
    if (existing.type !== variable.type) {
      // Seen as categorical in one header and plain in another: keep the categorical reading.
      if (existing.type === "unknown" && variable.type !== "unknown") target[name] = { ...variable };
      continue;
    }
    if (variable.options) {
      const have = new Set((existing.options ?? []).map((o) => o.value));
      existing.options = [...(existing.options ?? []), ...variable.options.filter((o) => !have.has(o.value))];
    }
  }
  return target;
}

/** The variables of a plan as a VariableSet. */
export function planVariables(plan: ColumnPlan): VariableSet {
  const out: VariableSet = {};
  for (const p of plan.variables) out[p.variable.name] = p.variable;
  return out;
}

class PlanBuilder {
  private readonly byName = new Map<string, PlannedVariable>();
  constructor(private readonly plan: ColumnPlan) {}

  entry(variable: Variable): PlannedVariable {
    let entry = this.byName.get(variable.name);
    if (!entry) {
      entry = { variable };
      this.byName.set(variable.name, entry);
      this.plan.variables.push(entry);
    }
    return entry;
  }
  plain(i: number, variable: Variable): void {
    this.entry(variable).column = i;
    this.plan.columns[i] = { kind: "variable", variable: variable.name };
  }
  option(i: number, variable: Variable, option: string): void {
    const entry = this.entry(variable);
    (entry.options ??= []).push({ option, column: i });
    this.plan.columns[i] = { kind: "option", variable: variable.name, option };
  }
  undescribed(name: string): void {
    this.plan.undescribed.push(name);
  }
  layout(i: number, variable: Variable, axis: "x" | "y"): void {
    this.entry(variable)[axis] = i;
    this.plan.columns[i] = { kind: "layout", variable: variable.name, axis };
  }
}

function planWithCodebook(header: string[], open: boolean[], variables: VariableSet, b: PlanBuilder): void {
  const categorical = Object.values(variables).filter((v) => v.type === "categorical");
  for (let i = 0; i < header.length; i++) {
    if (!open[i]) continue;
    const name = header[i];
    const exact = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (exact && exact.type !== "layout") {
      b.plain(i, exact);
      continue;
    }
    const layout = LAYOUT.exec(name);
    if (layout && Object.hasOwn(variables, layout[1]) && variables[layout[1]].type === "layout") {
      b.layout(i, variables[layout[1]], layout[2].toLowerCase() as "x" | "y");
      continue;
    }
    const screen = SCREEN_SPACE.exec(name);
    if (screen && Object.hasOwn(variables, screen[1]) && variables[screen[1]].type === "layout") continue; // pixels
    const owner = optionOwner(name, categorical);
    if (owner) {
      b.option(i, owner, name.slice(owner.name.length + 1));
      continue;
    }
    b.plain(i, { name, type: "unknown" });
    b.undescribed(name);
  }
}

/** The categorical variable a `<name>_<option>` column belongs to: a listed option wins, then the longest name. */
function optionOwner(column: string, categorical: Variable[]): Variable | undefined {
  const candidates = categorical.filter((v) => column.startsWith(v.name + "_") && column.length > v.name.length + 1);
  if (candidates.length === 0) return undefined;
  const listed = candidates.filter((v) => v.options?.some((o) => o.value === column.slice(v.name.length + 1)));
  const pool = listed.length > 0 ? listed : candidates;
  return pool.reduce((best, v) => (v.name.length > best.name.length ? v : best));
}

function inferPlan(
  header: string[],
  open: boolean[],
  booleanColumns: ReadonlySet<string> | undefined,
  b: PlanBuilder,
): void {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (open[i] && !index.has(h)) index.set(h, i);
  });
  // Layout pairs first: `<name>_x` with `<name>_y` (or `_X` with `_Y`).
  const layoutOf = new Map<number, { name: string; axis: "x" | "y" }>();
  const layoutNames = new Set<string>();
  for (let i = 0; i < header.length; i++) {
    if (!open[i]) continue;
    const m = /^(.+)_(x|X)$/.exec(header[i]);
    if (!m) continue;
    const yName = `${m[1]}_${m[2] === "x" ? "y" : "Y"}`;
    const j = index.get(yName);
    if (j === undefined) continue;
    layoutOf.set(i, { name: m[1], axis: "x" });
    layoutOf.set(j, { name: m[1], axis: "y" });
    layoutNames.add(m[1]);
  }
  const isCandidate = (i: number) =>
    i < header.length &&
    open[i] &&
    !layoutOf.has(i) &&
    header[i].indexOf("_") > 0 &&
    (booleanColumns === undefined || booleanColumns.has(header[i]));

  const layoutVariables = new Map<string, Variable>();
  for (let i = 0; i < header.length; i++) {
    if (!open[i]) continue;
    const layout = layoutOf.get(i);
    if (layout) {
      let v = layoutVariables.get(layout.name);
      if (!v) layoutVariables.set(layout.name, (v = { name: layout.name, type: "layout" }));
      b.layout(i, v, layout.axis);
      continue;
    }
    const screen = SCREEN_SPACE.exec(header[i]);
    if (screen && layoutNames.has(screen[1])) continue; // pixel positions of a layout variable: dropped
    if (isCandidate(i) && isCandidate(i + 1)) {
      const prefix = sharedPrefix(header[i], header[i + 1]);
      if (prefix) {
        let end = i + 2;
        while (isCandidate(end) && header[end].startsWith(prefix + "_")) end++;
        const variable: Variable = {
          name: prefix,
          type: "categorical",
          options: header.slice(i, end).map((h) => {
            const value = h.slice(prefix.length + 1);
            return { value, label: value };
          }),
        };
        for (let k = i; k < end; k++) b.option(k, variable, header[k].slice(prefix.length + 1));
        i = end - 1;
        continue;
      }
    }
    b.plain(i, { name: header[i], type: "unknown" });
  }
}

/** The longest p with both names starting `p_` (and something after it), or "" when there is none. */
export function sharedPrefix(a: string, b: string): string {
  let best = "";
  for (let k = a.indexOf("_"); k > 0; k = a.indexOf("_", k + 1)) {
    const p = a.slice(0, k);
    if (b.startsWith(p + "_") && a.length > k + 1 && b.length > k + 1) best = p;
    else break;
  }
  return best;
}
