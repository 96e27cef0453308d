import { formatCell } from "./format-cell.js";
import type { Table } from "../model/table.js";

/** A table as GitHub-flavoured Markdown; null shows as `NA`. Title as a heading, notes below. */
export function toMarkdown(data: Table, headingLevel = 2): string {
  const table = data.display ?? data;
  const lines: string[] = [];
  if (table.title) lines.push(`${"#".repeat(headingLevel)} ${table.title}`, "");
  const header = table.columns.map((c) => escapeMarkdown(c.label ?? c.id));
  lines.push(`| ${header.join(" | ")} |`);
  lines.push(`| ${table.columns.map(() => "---").join(" | ")} |`);
  for (const row of table.rows) {
    const cells = table.columns.map((c) => escapeMarkdown(formatCell(row[c.id] ?? null, c)));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (table.notes?.length) lines.push("", ...table.notes.map((n) => `${n}  `));
  return lines.join("\n") + "\n";
}

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
