import { formatCell } from "../tables/index.js";
import { type Table } from "../model/index.js";
import { escapeXml } from "./html-escape.js";

/**
 * A table as an HTML <table>: the reading version (`display`, else the data), cells through formatCell (the
 * one number formatter; missing as NA), the title as <caption>, notes below. Numbers are right-aligned.
 * Rows past `maxRows` are left out with a note naming the CSV that holds them all, so a study of 100,000
 * egos still gives a report a browser can open.
 *
 * Example: {columns: [{id: "n"}], rows: [{n: 3}]} → <table>…<th scope="col">n</th>…<td class="num">3</td>….
 */
export function tableHtml(data: Table, options: { maxRows?: number; csvName?: string } = {}): string {
  const table = data.display ?? data;
  const maxRows = options.maxRows ?? Infinity;
  const shown = table.rows.slice(0, maxRows);
  const out: string[] = ['<div class="table-wrap"><table>'];
  if (table.title) out.push(`<caption>${escapeXml(table.title)}</caption>`);
  out.push(`<thead><tr>${table.columns.map((c) => `<th scope="col">${escapeXml(c.label ?? c.id)}</th>`).join("")}</tr></thead>`);
  out.push("<tbody>");
  for (const row of shown) {
    const cells = table.columns.map((c) => {
      const value = row[c.id] ?? null;
      const text = escapeXml(formatCell(value, c));
      return typeof value === "number" ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
    });
    out.push(`<tr>${cells.join("")}</tr>`);
  }
  out.push("</tbody></table></div>");
  const notes = [...(table.notes ?? [])];
  if (shown.length < table.rows.length) {
    notes.push(
      `Showing the first ${shown.length} of ${table.rows.length} rows` + (options.csvName ? `; ${options.csvName} has them all.` : "."),
    );
  }
  for (const note of notes) out.push(`<p class="note">${escapeXml(note)}</p>`);
  return out.join("\n");
}
