import type { Attributes, ProblemSink, Variable } from "../model/index.js";
import { decodeCell, type CellLocation } from "./decode-cell.js";
import type { ColumnPlan } from "./plan-columns.js";

/** A record's variables decoded: attributes by variable name, and layout coordinates when present. */
export interface DecodedRecord {
  attributes: Attributes;
  layout?: Record<string, { x: number; y: number }>;
}

/**
 * Decodes the variable columns of one record (a CSV row, or GraphML `<data>` values laid out by key name)
 * with `decodeCell`. `fields[i]` is the raw text of column i ("" when absent). Layout coordinates go to
 * `layout` (both x and y needed), not to the attributes. Columns are 0-based here, 1-based in problems.
 */
export function decodeRecord(
  plan: ColumnPlan,
  fields: readonly string[],
  where: Omit<CellLocation, "column">,
  problems: ProblemSink,
): DecodedRecord {
  const attributes: Attributes = {};
  let layout: Record<string, { x: number; y: number }> | undefined;
  for (const p of plan.variables) {
    const v = p.variable;
    if (p.options) {
      const cells = p.options.map((o) => ({ option: o.option, raw: fields[o.column] ?? "", column: o.column + 1 }));
      attributes[v.name] = decodeCell(cells, v, { ...where, column: p.options[0].column + 1 }, problems);
    } else if (p.column !== undefined) {
      attributes[v.name] = decodeCell(fields[p.column] ?? "", v, { ...where, column: p.column + 1 }, problems);
    } else if (p.x !== undefined || p.y !== undefined) {
      const x = coordinate(p.x, fields, v, where, problems);
      const y = coordinate(p.y, fields, v, where, problems);
      if (typeof x === "number" && typeof y === "number") (layout ??= {})[v.name] = { x, y };
    }
  }
  return layout ? { attributes, layout } : { attributes };
}

function coordinate(
  column: number | undefined,
  fields: readonly string[],
  variable: Variable,
  where: Omit<CellLocation, "column">,
  problems: ProblemSink,
): unknown {
  if (column === undefined) return null;
  return decodeCell(fields[column] ?? "", variable, { ...where, column: column + 1 }, problems);
}
