import type { Attributes, ProblemSink, Variable } from "../model/index.js";
import { decodeCell, type CellLocation, type OptionCell } from "./decode-cell.js";
import type { ColumnPlan, PlannedVariable } from "./plan-columns.js";

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
  // One location for every cell of the record (a problem copies what it needs): this runs for every row.
  const at: CellLocation = { file: where.file, line: where.line, column: 0, egoId: where.egoId };
  for (const p of plan.variables) {
    const v = p.variable;
    if (p.options) {
      const cells = optionCells(p);
      for (let i = 0; i < cells.length; i++) cells[i].raw = fields[p.options[i].column] ?? "";
      at.column = p.options[0].column + 1;
      attributes[v.name] = decodeCell(cells, v, at, problems);
    } else if (p.column !== undefined) {
      at.column = p.column + 1;
      attributes[v.name] = decodeCell(fields[p.column] ?? "", v, at, problems);
    } else if (p.x !== undefined || p.y !== undefined) {
      const x = coordinate(p.x, fields, v, at, problems);
      const y = coordinate(p.y, fields, v, at, problems);
      if (typeof x === "number" && typeof y === "number") (layout ??= {})[v.name] = { x, y };
    }
  }
  return layout ? { attributes, layout } : { attributes };
}

/** Option cells reused from row to row (decodeCell keeps nothing of them), one array per planned variable. */
const optionCellsOf = new WeakMap<PlannedVariable, OptionCell[]>();

function optionCells(p: PlannedVariable): OptionCell[] {
  let cells = optionCellsOf.get(p);
  if (cells === undefined) optionCellsOf.set(p, (cells = p.options!.map((o) => ({ option: o.option, raw: "", column: o.column + 1 }))));
  return cells;
}

function coordinate(column: number | undefined, fields: readonly string[], variable: Variable, at: CellLocation, problems: ProblemSink): unknown {
  if (column === undefined) return null;
  at.column = column + 1;
  return decodeCell(fields[column] ?? "", variable, at, problems);
}
