import { didYouMean } from "../did-you-mean.js";
import { UsageError } from "../errors.js";
import type { EgoNetwork } from "../model/index.js";
import type { Cell } from "../model/index.js";
import { altersOfTypeMeasure } from "./alters-of-type.js";
import { altersPerMeasure } from "./alters-per.js";
import { averageDegreeMeasure } from "./average-degree.js";
import { averageDegreeMultiplexMeasure } from "./average-degree-multiplex.js";
import { blauMeasure } from "./blau.js";
import { brokeragePairsMeasure } from "./brokerage-pairs.js";
import { componentsMeasure, largestComponentMeasure } from "./components.js";
import { countMeasure, missingMeasure, shareMeasure } from "./composition.js";
import { constraintMeasure } from "./constraint.js";
import { coreDistributionMeasure } from "./core-distribution.js";
import { densityMeasure } from "./density.js";
import { effectiveSizeMeasure, efficiencyMeasure } from "./effective-size.js";
import { egoBetweennessMeasure } from "./ego-betweenness.js";
import { eiMeasure } from "./ei-index.js";
import { excludedAltersMeasure } from "./excluded-alters.js";
import { iqvMeasure } from "./iqv.js";
import { isolatesMeasure, isolatesPctMeasure } from "./isolates.js";
import { maxKCoreSizeMeasure, maxKMeasure } from "./max-k.js";
import { MeasureContext } from "./measure-context.js";
import type { MeasureColumn, MeasureDefinition } from "./measure-definition.js";
import { multiplexTiesMeasure } from "./multiplex-ties.js";
import { networkSizeMeasure } from "./network-size.js";
import { meanMeasure, medianMeasure } from "./numeric-summary.js";
import { sociogramSizeMeasure } from "./sociogram-size.js";
import type { StudyPlan } from "../model/study-plan.js";
import { tiesMeasure } from "./ties.js";

/** Every measure, in output order. Adding a measure = one file + one line here. */
export const MEASURES: readonly MeasureDefinition[] = [
  networkSizeMeasure,
  altersOfTypeMeasure,
  excludedAltersMeasure,
  sociogramSizeMeasure,
  countMeasure,
  shareMeasure,
  missingMeasure,
  blauMeasure,
  iqvMeasure,
  eiMeasure,
  meanMeasure,
  medianMeasure,
  altersPerMeasure,
  tiesMeasure,
  densityMeasure,
  averageDegreeMeasure,
  multiplexTiesMeasure,
  averageDegreeMultiplexMeasure,
  isolatesMeasure,
  isolatesPctMeasure,
  componentsMeasure,
  largestComponentMeasure,
  maxKMeasure,
  maxKCoreSizeMeasure,
  coreDistributionMeasure,
  effectiveSizeMeasure,
  efficiencyMeasure,
  constraintMeasure,
  egoBetweennessMeasure,
  brokeragePairsMeasure,
];

const byId = new Map(MEASURES.map((m) => [m.id, m]));

/** The registry entry with this id (`density`, `share_<var>_<cat>`), or undefined. */
export function findMeasure(id: string): MeasureDefinition | undefined {
  return byId.get(id);
}

/**
 * The measure columns for a study, in a stable order. Without a selection: every measure, in registry
 * order, each per-variable family expanded over the plan's variables. With one: the selected columns in
 * the order given, duplicates dropped. A selector is a measure id (`density`, `share_<var>_<cat>` for the
 * whole family), a concrete column (`share_Gender_Female`) or a variable's set (`share_Gender`).
 * Unknown selectors are a UsageError that lists the valid ids.
 */
export function planMeasureColumns(plan: StudyPlan, selected?: readonly string[]): MeasureColumn[] {
  const all = MEASURES.flatMap((m) => m.columns(plan));
  const ids = new Set<string>();
  for (const column of all) {
    if (ids.has(column.id)) {
      throw new UsageError(
        `two measures would both be named "${column.id}": rename one of the variables with an alias in the configuration`,
      );
    }
    ids.add(column.id);
  }
  if (selected === undefined) return all;

  const chosen: MeasureColumn[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const selector of selected) {
    const matches = byId.has(selector)
      ? all.filter((c) => c.measure === selector)
      : all.filter((c) => c.id === selector || c.set === selector);
    if (matches.length === 0 && !byId.has(selector) && !awaitsObservedCategories(plan, selector)) {
      unknown.push(selector);
      continue;
    }
    for (const column of matches) {
      if (!seen.has(column.id)) {
        seen.add(column.id);
        chosen.push(column);
      }
    }
  }
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown measure${unknown.length === 1 ? "" : "s"}: ${unknown.map((u) => u + didYouMean(u, [...MEASURES.map((m) => m.id), ...all.map((c) => c.id)])).join(", ")}\n` +
        `valid measures: ${MEASURES.map((m) => m.id).join(", ")}\n` +
        `columns of this study: ${all.map((c) => c.id).join(", ")}`,
    );
  }
  return chosen;
}

/** A count_/share_ selector of a variable whose categories are only known once the data are read. */
function awaitsObservedCategories(plan: StudyPlan, selector: string): boolean {
  return plan.composition.some(
    (v) =>
      v.categories === null &&
      ["count", "share"].some((p) => selector === `${p}_${v.id}` || selector.startsWith(`${p}_${v.id}_`)),
  );
}

/**
 * One ego's row: the value of every column, null where a measure is undefined. Pure; builds the ego
 * graph at most once, and only if a column needs it.
 */
export function measureNetwork(network: EgoNetwork, plan: StudyPlan, columns: readonly MeasureColumn[]): Record<string, Cell> {
  return computeColumns(new MeasureContext(plan, network), columns);
}

/**
 * Computes columns in a prepared context into `row` (a new object by default). The pipeline uses it to
 * write straight into its rows, and to finish composition columns once observed categories are known.
 */
export function computeColumns(
  context: MeasureContext,
  columns: readonly MeasureColumn[],
  row: Record<string, Cell> = {},
): Record<string, Cell> {
  for (const column of columns) {
    const measure = byId.get(column.measure);
    if (measure === undefined) throw new Error(`bug: column ${column.id} names no registered measure (${column.measure})`);
    row[column.id] = measure.compute(context, column);
  }
  return row;
}
