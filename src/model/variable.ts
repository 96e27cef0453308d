/** Variable types, as in the Network Canvas codebook. `unknown` is a column no codebook describes. */
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

/** One option of a categorical or ordinal variable. `value` is always a string here. */
export interface VariableOption {
  value: string;
  label: string;
}

/** A variable of the ego, of a node type or of an edge type. */
export interface Variable {
  name: string;
  type: VariableType;
  /** Every option the variable can take (categorical, ordinal), in codebook order. */
  options?: VariableOption[];
  /** Human-readable label, when the codebook or config gives one. */
  label?: string;
}

/** Variables keyed by name. */
export type VariableSet = Record<string, Variable>;
