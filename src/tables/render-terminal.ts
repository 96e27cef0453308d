import { formatCell } from "./format-cell.js";
import type { Table } from "../model/table.js";

/** A table aligned for a terminal: text left, numbers right, null as `NA`. No colour (the CLI adds it). */
export function renderTerminal(data: Table): string {
  const table = data.display ?? data;
  const headers = table.columns.map((c) => c.label ?? c.id);
  const body = table.rows.map((row) => table.columns.map((c) => formatCell(row[c.id] ?? null, c)));
  const numeric = table.columns.map((c) => table.rows.some((r) => typeof r[c.id] === "number"));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const pad = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const lines = [headers.map(pad).join("  ").trimEnd(), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of body) lines.push(r.map(pad).join("  ").trimEnd());
  const title = table.title ? `${table.title}\n` : "";
  const notes = table.notes?.length ? "\n" + table.notes.join("\n") + "\n" : "";
  return title + lines.join("\n") + "\n" + notes;
}
