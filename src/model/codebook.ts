import type { VariableSet } from "./variable.js";

/**
 * What the variables are: from the protocol (`.netcanvas`), or inferred from the column names and values
 * when no protocol is given (which is said as a warning), then refined by the study configuration.
 */
export interface Codebook {
  source: "protocol" | "inferred";
  ego: VariableSet;
  /** Keyed by node type name (e.g. `Person`, `Organisation`). */
  node: Record<string, VariableSet>;
  /** Keyed by edge type name. */
  edge: Record<string, VariableSet>;
}

export function emptyCodebook(source: Codebook["source"] = "inferred"): Codebook {
  return { source, ego: {}, node: {}, edge: {} };
}
