import { formatProblem, type Problem } from "../model/index.js";
import type { StudyTable } from "./build-study-tables.js";
import type { StudyCounts } from "./measure-ego-rows.js";
import type { UnfinishedInterview } from "./unfinished-interviews.js";

export interface ReportMarkdownInput {
  version: string;
  /** Input and config paths as the user should read them (relative where possible). */
  input: string;
  format: string;
  fileCount: number;
  config?: string;
  configHash: string;
  counts: StudyCounts;
  warnings: Problem[];
  errors: Problem[];
  notes: string[];
  leftOut: string[];
  /** Interviews left out because they were not completed (not errors). */
  leftOutUnfinished?: readonly UnfinishedInterview[];
  tables: StudyTable[];
  files: string[];
  /** Columns whose names an SPSS (.sav) or Stata (.dta) file had to change, per file written. */
  renamed?: ReadonlyArray<{ file: string; id: string; name: string }>;
}

/** How many problems report.md lists before summarising the rest (run.json has them all). */
const LISTED_PROBLEMS = 50;

/**
 * report.md: a header with the inputs, the counts and every warning, then every table in order. Holds no
 * timestamps, so the same input gives the same bytes.
 */
export function reportMarkdown(r: ReportMarkdownInput): string {
  const lines: string[] = ["# netsp analysis", ""];
  lines.push(`- netsp ${r.version}`);
  lines.push(`- Input: \`${r.input}\` (${r.format}, ${r.fileCount} file${r.fileCount === 1 ? "" : "s"})`);
  lines.push(r.config ? `- Configuration: \`${r.config}\` (sha256 ${r.configHash.slice(0, 12)})` : "- Configuration: none (defaults)");
  const unfinished = r.leftOutUnfinished ?? [];
  const leftOut = [
    ...(r.leftOut.length ? [`${r.leftOut.length} left out for errors`] : []),
    ...(unfinished.length ? [`${unfinished.length} unfinished, left out`] : []),
  ];
  const analysed = r.counts.egos - r.leftOut.length - unfinished.length;
  lines.push(`- Egos: ${r.counts.egos}${leftOut.length ? ` (${leftOut.join("; ")}; ${analysed} analysed)` : ""}`);
  lines.push(`- Alters: ${r.counts.alters}${typeBreakdown(r.counts.nodeTypes)}`);
  lines.push(`- Ties: ${r.counts.ties}${typeBreakdown(r.counts.edgeTypes)}`);
  lines.push(`- Files written: ${r.files.join(", ")}`);
  lines.push("");
  if (r.leftOut.length) {
    lines.push("## Egos left out", "", `These egos had errors in their data and are not in any table (\`--keep-going\`): ${r.leftOut.join(", ")}.`, "");
  }
  if (unfinished.length) {
    const list = unfinished.map((u) => `${u.egoId} (${u.outcome}, ${u.alters} alter${u.alters === 1 ? "" : "s"})`).join(", ");
    lines.push("## Unfinished interviews left out", "", `These interviews were not completed and are not in any table (\`--include-unfinished\` keeps them): ${list}.`, "");
  }
  const problems = [...r.errors, ...r.warnings];
  if (problems.length || r.notes.length) {
    lines.push("## Warnings", "");
    for (const p of problems.slice(0, LISTED_PROBLEMS)) lines.push(`- ${p.severity}: ${formatProblem(p)}`);
    if (problems.length > LISTED_PROBLEMS) lines.push(`- … and ${problems.length - LISTED_PROBLEMS} more (all of them are in run.json)`);
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push("");
  }
  if (r.renamed?.length) {
    lines.push("## Variable names in SPSS and Stata files", "", "Column ids that are not legal variable names there, and the names they were given:", "");
    lines.push("| file | column | variable name |", "|---|---|---|");
    for (const x of r.renamed) lines.push(`| ${x.file} | \`${x.id}\` | \`${x.name}\` |`);
    lines.push("");
  }
  lines.push("## Tables", "");
  for (const t of r.tables) lines.push(`- [${t.title}](#${anchor(t.title)}) — \`${t.name}.csv\``);
  lines.push("");
  for (const t of r.tables) lines.push(t.markdown.trimEnd(), "");
  return lines.join("\n");
}

function typeBreakdown(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? ` (${entries.map(([k, v]) => `${k} ${v}`).join(", ")})` : "";
}

/** GitHub's heading anchor: lower case, spaces to hyphens, most punctuation dropped. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}
