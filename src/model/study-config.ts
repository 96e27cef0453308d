import type { VariableRole, VariableType } from "./variable.js";

/**
 * The study configuration, `netsp.config.json`. Every key is optional: with no config at all a plain
 * export still works (every node type, every edge type, composition over every categorical variable).
 * Paths inside the file are relative to the file's own folder.
 */
export interface StudyConfig {
  /** The interview data (folder, zip or file), for commands run with no input argument. */
  data?: string;
  /** Force the input format instead of detecting it. */
  format?: InputFormat;
  /** The Network Canvas protocol (`.netcanvas`) whose codebook describes the variables. */
  protocol?: string;
  /** Which export identifier becomes the egoId (default `caseId`). */
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** Short names for variables: `{"deprivation": "area_deprivation"}`. */
  aliases?: Record<string, string>;
  /** Grouping ego variables, with level order and labels. */
  groups?: Record<string, GroupConfig>;
  /** Node types that count as alters (default: all). */
  nodeTypes?: string[];
  /** Edge types that count as ties (default: all). */
  edgeTypes?: string[];
  /** Alters left off the sociogram (counted in composition, not in structure). Any rule matching excludes. */
  exclude?: ExcludeRule[];
  /** Categorical alter variables for composition, with every category they can take. */
  composition?: Record<string, CompositionConfig>;
  /** Ego variables used as denominators: `alters_per_<var>` = network_size / the ego's value. */
  denominators?: string[];
  /** Column names for the three-file format. */
  columns?: ThreeFileColumns;
  /** Summary tables (see `netsp analyse`). */
  tables?: TableConfig[];
  /**
   * What each variable is, where the protocol is silent or wrong: keys are `ego.<name>`,
   * `<NodeType>.<name>` or `<EdgeType>.<name>`. Strongest source of the variable model.
   */
  variables?: Record<string, VariableConfig>;
  /** Decimal separator of numbers in spreadsheet tables (three-file format): "." (default) or ",". */
  decimal?: "." | ",";
}

/** Types a config may declare (the codebook's, less `unknown`). */
export type DeclarableType = Exclude<VariableType, "unknown">;

/** A declared variable. Every key is optional; what is not declared is taken from the protocol or inferred. */
export interface VariableConfig {
  type?: DeclarableType;
  role?: VariableRole;
  /** Categorical options in order (values, or values with labels). */
  options?: Array<string | { value: string; label?: string }>;
  /** Ordinal levels in order (lowest first is not required: the order given is the order shown). */
  levels?: string[];
  /** Labels per option or level value. */
  labels?: Record<string, string>;
  label?: string;
  /** Values that mean missing (e.g. 999, "refused"): read as missing. */
  missing?: Array<string | number>;
}

export type InputFormat = "network-canvas-csv" | "graphml" | "three-file";

export interface GroupConfig {
  /** Levels in display order; values not listed are reported as a warning and left out of comparisons. */
  levels?: string[];
  /** Display labels per level value. */
  labels?: Record<string, string>;
  /** Display label of the variable. */
  label?: string;
}

/** An alter matches when its `variable` equals `equals` (or is one of `in`). */
export interface ExcludeRule {
  variable: string;
  equals?: string | number | boolean;
  in?: Array<string | number | boolean>;
  /** Restrict the rule to one node type. */
  nodeType?: string;
}

export interface CompositionConfig {
  /** Every category the variable can take (K for IQV), in display order. */
  categories?: string[];
  labels?: Record<string, string>;
  /** The ego variable holding the ego's own category, for E-I. */
  egoVariable?: string;
  /**
   * How the ego variable's values read as this variable's categories, when they are coded differently
   * (an employer "PCN" is in sector "healthcare"); values not listed are taken as they are.
   */
  egoValues?: Record<string, string>;
}

export interface ThreeFileColumns {
  egoId?: string;
  alterId?: string;
  /** Column of alters.csv naming the node type (optional; default type `Alter`). */
  nodeType?: string;
  /** Columns of ties.csv. */
  source?: string;
  target?: string;
  edgeType?: string;
  /** File names, relative to the input folder. */
  egos?: string;
  alters?: string;
  ties?: string;
}

/**
 * A table of `netsp analyse`. `kind` defaults to `summary`:
 * - summary: one row per level of `by` (plus "All" with `all`), one column per measure and aggregate;
 * - egos: one row per ego, the measures in `columns` as they are (e.g. thesis Table 12);
 * - compare: group comparison of `measures` by `by` (Mann–Whitney or Kruskal–Wallis);
 * - correlate: correlations among `vars`;
 * - composition: mean share of each category of the alter variable `variable`, by `by`;
 * - participants: n and % per category of each categorical ego variable, mean/sd/median/range of each
 *   numeric one (`vars`, default all), overall and by `by` when given.
 */
export interface TableConfig {
  name: string;
  title?: string;
  kind?: TableKind;
  /** Ego variable to group rows by (summary, compare, composition, participants). */
  by?: string;
  /** Add an "All" row (summary). */
  all?: boolean;
  /** Summary columns. */
  columns?: TableColumnConfig[];
  /** Measures (compare) or variables (correlate). */
  measures?: string[];
  vars?: string[];
  method?: "pearson" | "spearman" | "kendall" | "both";
  control?: string[];
  levels?: string[];
  /** Restrict the egos the table uses: `{"variable": "lw_question_asked", "equals": true}`. */
  where?: ExcludeRule;
  /** Composition: the categorical alter variable. */
  variable?: string;
  layout?: "default" | "spss";
  /** Compare: which parts to show (default all): the per-group ranks, the tests, the pairwise comparisons. */
  parts?: Array<"ranks" | "tests" | "pairwise">;
}

export type TableKind = "summary" | "egos" | "compare" | "correlate" | "composition" | "participants";

export interface TableColumnConfig {
  measure: string;
  aggregate?: "median" | "mean" | "sd" | "iqr" | "min" | "max" | "n" | "sum";
  decimals?: number;
  label?: string;
  /** Print as a percentage with a % sign. */
  percent?: boolean;
  /**
   * Divide by the same aggregate of another measure or ego variable over the same egos: a ratio of group
   * aggregates, e.g. median network_size / median caseload (not the median of per-ego ratios).
   */
  per?: string;
}
