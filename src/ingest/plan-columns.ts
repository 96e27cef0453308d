import type { Variable, VariableSet, VariableType } from "../model/index.js";
import { PlanBuilder, type ColumnPlan, type ColumnRole, type PlannedVariable } from "./column-plan.js";
import type { ColumnEvidence } from "./column-profile.js";
import { inferColumns } from "./infer-columns.js";

export type { ColumnPlan, ColumnRole, PlanAmbiguity, PlannedVariable } from "./column-plan.js";

export interface PlanOptions {
  /**
   * What the values of each column say (see `evidenceOf`), for inference. A column without evidence is
   * read as if it could be an option column (tests of header logic); readers always give evidence.
   */
  evidence?: (column: string) => ColumnEvidence | undefined;
}

const LAYOUT = /^(.+)_(x|y|X|Y)$/;
const SCREEN_SPACE = /^(.+)_screenSpace(X|Y)$/;

/**
 * Maps each column of a header to a fixed column, a variable, an option of a categorical variable
 * (`<name>_<option>`), a layout coordinate (`<name>_x`/`_y`, `_X`/`_Y` in GraphML), or nothing.
 *
 * Variables the codebook (protocol and config declarations) describes are found by their KNOWN names, never
 * by the last `_`: `Gender_Gender_non-conforming` is variable `Gender`, option `Gender_non-conforming`.
 * Every other column is inferred by the rules of `inferColumns` from the evidence of its values.
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
    ambiguities: [],
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
  const rest = header.map((_, i) => open[i] && plan.columns[i] === null && !builder.skipped.has(i));
  if (variables) header.forEach((name, i) => rest[i] && plan.undescribed.push(name));
  inferColumns(header, rest, options.evidence ?? (() => undefined), builder);
  plan.variables.sort((a, b) => firstColumn(a) - firstColumn(b));
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
      target[name] = { ...existing, ...wider(existing, variable) };
      continue;
    }
    if (variable.options) {
      const have = new Set((existing.options ?? []).map((o) => o.value));
      existing.options = [...(existing.options ?? []), ...variable.options.filter((o) => !have.has(o.value))];
    }
  }
  return target;
}

/** Of two readings of one variable in two headers: the categorical one, else the one that holds both (text). */
function wider(a: Variable, b: Variable): Variable {
  if (a.type === "categorical") return a;
  if (b.type === "categorical") return b;
  const rank: Partial<Record<VariableType, number>> = { boolean: 1, number: 2, datetime: 2, text: 3 };
  if (a.type === "unknown") return b;
  if (b.type === "unknown") return a;
  return (rank[a.type] ?? 3) >= (rank[b.type] ?? 3) ? (a.type === b.type ? a : { ...a, type: "text" }) : { ...b, type: "text" };
}

/** The variables of a plan as a VariableSet. */
export function planVariables(plan: ColumnPlan): VariableSet {
  const out: VariableSet = {};
  for (const p of plan.variables) out[p.variable.name] = p.variable;
  return out;
}

function firstColumn(p: PlannedVariable): number {
  return Math.min(p.column ?? Infinity, p.x ?? Infinity, p.y ?? Infinity, ...(p.options ?? []).map((o) => o.column));
}

function planWithCodebook(header: string[], open: boolean[], variables: VariableSet, b: PlanBuilder): void {
  const categorical = Object.values(variables).filter((v) => v.type === "categorical");
  const renamed = renamedColumns(header, open, variables, categorical);
  for (let i = 0; i < header.length; i++) {
    if (!open[i]) continue;
    const name = header[i];
    const producer = renamed.get(i);
    if (producer) {
      if (producer.option === undefined) b.plain(i, producer.variable);
      else b.option(i, producer.variable, producer.option);
      continue;
    }
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
    if (screen && Object.hasOwn(variables, screen[1]) && variables[screen[1]].type === "layout") {
      b.skip(i); // pixels
      continue;
    }
    const owner = optionOwner(name, categorical);
    if (owner) b.option(i, owner, name.slice(owner.name.length + 1));
  }
}

interface Producer {
  variable: Variable;
  option?: string;
}

/**
 * Columns renamed by the exporter: when two variables would give the same column name N, the later ones
 * (in codebook order) are written N_2, N_3. Each such column, and N itself, goes to its producer in order.
 */
function renamedColumns(header: string[], open: boolean[], variables: VariableSet, categorical: Variable[]): Map<number, Producer> {
  const out = new Map<number, Producer>();
  const index = new Map<string, number>();
  header.forEach((h, i) => open[i] && !index.has(h) && index.set(h, i));
  for (const [name, i] of index) {
    if (!index.has(`${name}_2`)) continue;
    const producers: Producer[] = [];
    for (const v of Object.values(variables)) {
      if (v.name === name && v.type !== "layout" && v.type !== "categorical") producers.push({ variable: v });
      if (categorical.includes(v)) {
        for (const o of v.options ?? []) if (`${v.name}_${o.value}` === name) producers.push({ variable: v, option: o.value });
      }
    }
    if (producers.length < 2) continue;
    out.set(i, producers[0]);
    for (let k = 2; index.has(`${name}_${k}`) && k <= producers.length; k++) out.set(index.get(`${name}_${k}`)!, producers[k - 1]);
  }
  return out;
}

/** The categorical variable a `<name>_<option>` column belongs to: a listed option wins, then the longest name. */
function optionOwner(column: string, categorical: Variable[]): Variable | undefined {
  const candidates = categorical.filter((v) => column.startsWith(v.name + "_") && column.length > v.name.length + 1);
  if (candidates.length === 0) return undefined;
  const listed = candidates.filter((v) => v.options?.some((o) => o.value === column.slice(v.name.length + 1)));
  const pool = listed.length > 0 ? listed : candidates;
  return pool.reduce((best, v) => (v.name.length > best.name.length ? v : best));
}
