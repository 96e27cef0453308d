import { formatNumber } from "./format-number.js";
import type { Cell, Column } from "../model/table.js";

/** A cell as text for display (Markdown, terminal): numbers through the one formatter, null as `NA`. */
export function formatCell(value: Cell, column: Column, missing = "NA"): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === "number") {
    const text = formatNumber(value, column.decimals);
    return column.percent ? `${text}%` : text;
  }
  return String(value);
}
