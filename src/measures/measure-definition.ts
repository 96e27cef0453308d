import type { Cell, Column } from "../model/index.js";
import type { MeasureContext } from "./measure-context.js";
import type { StudyPlan } from "../model/study-plan.js";

/** The four families the registry groups measures into. */
export type MeasureFamily = "composition" | "structure" | "k-core" | "structural-holes";

/** One output column of a measure: a scalar measure has one, a per-variable family one per variable/category. */
export interface MeasureColumn extends Column {
  /** The registry id of the measure that computes it (`density`, `share_<var>_<cat>`). */
  measure: string;
  /** A readable title, e.g. "Share of alters: Gender = Female". */
  title: string;
  /** For per-variable families: the variable's column name (StudyPlan `id`). */
  variable?: string;
  /** For per-category families: the category. */
  category?: string;
  /** Selecting this id selects a set of columns (e.g. `share_Gender` for every Gender category). */
  set?: string;
}

/** A registry entry: what a measure is, and how to compute it for one ego. */
export interface MeasureDefinition {
  /** The id as the specification names it; per-variable families write `<var>`, `<cat>`, `<type>`. */
  id: string;
  label: string;
  description: string;
  /** The formula, as text. */
  definition: string;
  family: MeasureFamily;
  /** The concrete columns this measure contributes for a study. */
  columns(plan: StudyPlan): MeasureColumn[];
  /** One ego's value for one of this measure's columns; null when undefined (reason in the measure's doc). */
  compute(context: MeasureContext, column: MeasureColumn): Cell;
}

type ScalarSpec = Omit<MeasureDefinition, "columns" | "compute"> & { compute(context: MeasureContext): Cell };

/** A measure with exactly one column, named by its id. */
export function scalarMeasure(spec: ScalarSpec): MeasureDefinition {
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    definition: spec.definition,
    family: spec.family,
    columns: () => [{ id: spec.id, measure: spec.id, title: spec.label }],
    compute: (context) => spec.compute(context),
  };
}
