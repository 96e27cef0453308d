import { MEASURES } from "./registry.js";

/**
 * The measure list for the README: a Markdown table of id | definition, straight from the registry, so the
 * documentation cannot drift from the code (a test compares README.md between its measure markers to this).
 */
export function registryMarkdown(): string {
  const lines = ["| id | definition |", "|---|---|"];
  for (const m of MEASURES) lines.push(`| \`${m.id}\` | ${escape(m.definition)} |`);
  return lines.join("\n") + "\n";
}

function escape(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "\\<").replace(/\*/g, "\\*").replace(/_/g, "\\_");
}
