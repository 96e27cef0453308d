import { formatNumber } from "./format-number.js";
import { formatPValue } from "./format-p-value.js";
import type { Cell, Column } from "../model/table.js";

/** A cell as text for display (Markdown, terminal, HTML): numbers through the one formatter (p-values APA style), null as `NA`. */
export function formatCell(value: Cell, column: Column, missing = "NA"): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === "number") {
    if (column.pValue) return formatPValue(value, column.decimals);
    const text = formatNumber(value, column.decimals);
    return column.percent ? `${text}%` : text;
  }
  return String(value);
}
