/**
 * Variable types, as in the Network Canvas codebook. `scalar` is the codebook's 0–1 slider (a number).
 * `unknown` is a protocol type netsp does not know; inference never gives it.
 */
export type VariableType =
  | "categorical"
  | "ordinal"
  | "number"
  | "boolean"
  | "text"
  | "datetime"
  | "layout"
  | "scalar"
  | "unknown";

/**
 * How netsp uses a variable:
 * - identifying: personal data (text, datetime by default); never in any output, never a grouping
 *   variable, never quoted in a message;
 * - group: an ego variable whose levels group egos (categorical, ordinal, boolean, or declared);
 * - composition: a categorical or ordinal alter variable, tallied per category;
 * - numeric: a number, summarised (ego: participant table, correlations; alter: mean_/median_);
 * - metadata: read and checked, not analysed (layout positions, alter booleans and edge variables that
 *   no table or measure names).
 */
export type VariableRole = "identifying" | "group" | "composition" | "numeric" | "metadata";

/** Where a variable's type came from, strongest first. */
export type VariableSource = "config" | "protocol" | "graphml" | "inferred";

/** One option of a categorical or ordinal variable. `value` is always a string here. */
export interface VariableOption {
  value: string;
  label: string;
}

/** A variable of the ego, of a node type or of an edge type. */
export interface Variable {
  name: string;
  type: VariableType;
  /** Every option the variable can take (categorical, ordinal), in codebook order (an ordinal's order). */
  options?: VariableOption[];
  /** Human-readable label, when the codebook or config gives one. */
  label?: string;
  /** How netsp uses it; set once the study's config is known (see `assignRoles`). */
  role?: VariableRole;
  /** Where the type came from. Absent on variables built in code (tests, generators): read as `config`. */
  source?: VariableSource;
  /** Codes that mean "missing" (config `missing`), compared with the decoded value. */
  missing?: ReadonlyArray<string | number>;
  /** Something the reader could not settle alone (an ambiguous option split, …), for `describe`. */
  note?: string;
}

/** Variables keyed by name. */
export type VariableSet = Record<string, Variable>;
