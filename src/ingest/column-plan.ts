import type { Variable } from "../model/index.js";

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

/** A reading of columns that the header and values alone cannot settle, for a warning that says how to. */
export interface PlanAmbiguity {
  variable: string;
  columns: string[];
  /** What was chosen and why, in a sentence. */
  chosen: string;
  /** The config declaration that settles it (the `variables` entry's value for this variable). */
  declaration: Record<string, unknown>;
}

/** How to read a header: format-neutral (CSV headers and GraphML key names alike). */
export interface ColumnPlan {
  /** One entry per column, in header order; null means the column is dropped. */
  columns: Array<ColumnRole | null>;
  /** Index of each fixed (id / metadata) column present. */
  fixed: Record<string, number>;
  /** The variables the header holds, in order of their first column. */
  variables: PlannedVariable[];
  /** True when no codebook was given, so every type was inferred. */
  inferred: boolean;
  /** Columns a given codebook does not describe (their types are inferred). */
  undescribed: string[];
  /** Column names that appear more than once (later copies dropped). */
  duplicates: string[];
  /** Inferences the data could not settle (see PlanAmbiguity). */
  ambiguities: PlanAmbiguity[];
}

/** Records columns into a plan; shared by the codebook planner and inference. */
export class PlanBuilder {
  private readonly byName = new Map<string, PlannedVariable>();
  /** Columns deliberately dropped (screen-space pixels of a layout variable). */
  readonly skipped = new Set<number>();
  constructor(readonly plan: ColumnPlan) {}

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
  layout(i: number, variable: Variable, axis: "x" | "y"): void {
    this.entry(variable)[axis] = i;
    this.plan.columns[i] = { kind: "layout", variable: variable.name, axis };
  }
  skip(i: number): void {
    this.skipped.add(i);
  }
}
