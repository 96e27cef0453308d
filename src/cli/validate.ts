import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { Command, Option } from "commander";
import { DataError } from "../errors.js";
import type { Problem } from "../model/index.js";
import { formatNumber, renderTerminal } from "../tables/index.js";
import { type Table } from "../model/index.js";
import { Progress } from "./progress.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, studySource } from "./shared-options.js";
import { pathKind } from "../path-kind.js";
import type { StudyCounts } from "../study/measure-ego-rows.js";
import { validateStudy } from "../study/validate-study.js";

export interface ValidateOptions extends StudyCliOptions {
  json?: boolean;
}

/** Where the command writes: stdout gets the report, stderr the progress line (TTY only). */
export interface ValidateIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** What `netsp validate --json` prints. Counts are raw rows as read (before any merging). */
export interface ValidationReport extends StudyCounts {
  errors: ReportedProblem[];
  warnings: ReportedProblem[];
}

export interface ReportedProblem {
  file: string;
  line: number | null;
  column?: number;
  severity: Problem["severity"];
  code: string;
  egoId?: string;
  message: string;
}

/** `netsp validate`: read every interview, report every problem, then a summary. */
export function validateCommand(io: ValidateIo = { stdout: process.stdout, stderr: process.stderr }): Command {
  return addStudyOptions(
    new Command("validate")
      .description("check an export: list every problem (errors and warnings) and count egos, alters and ties")
      .argument("<input>", "export folder, zip, _ego.csv or .graphml file (or a folder with netsp.config.json naming the data)")
      .addOption(new Option("--json", "print the report as JSON on stdout"))
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp validate ./export                                   every problem, then egos, alters and ties per type
  $ netsp validate export.zip --protocol study.netcanvas      the zip as exported, with the protocol's codebook
  $ netsp validate ./export --json > problems.json           the same report as JSON

Exit codes: 0 no errors (warnings allowed), 1 errors in the data, 2 usage error.`,
    )
    .action(async (input: string, options: ValidateOptions) => {
      await runValidate(input, options, io);
    });
}

/**
 * Validates `input` and writes the report. Resolves with the report when there are no errors; otherwise
 * writes the report and throws DataError (exit 1).
 */
export async function runValidate(input: string, options: ValidateOptions, io: ValidateIo): Promise<ValidationReport> {
  const progress = new Progress("validating", undefined, io.stderr, { intervalMs: 200, delayMs: 0 });
  let validation;
  try {
    validation = await validateStudy({ input, ...studySource(options), onProgress: (n) => progress.update(n) });
  } finally {
    progress.done();
  }
  const { counts, problems, opened } = validation;
  const report: ValidationReport = { ...counts, errors: [], warnings: [] };
  const base = await baseFolder(opened.dataPath);
  for (const p of problems) {
    const shown = toReported(p, base);
    (p.severity === "error" ? report.errors : report.warnings).push(shown);
  }
  const data = relative(process.cwd(), opened.dataPath) || ".";

  io.stdout.write(options.json ? JSON.stringify(report, null, 2) + "\n" : renderReport(data, report));
  if (report.errors.length > 0) {
    const n = report.errors.length;
    throw new DataError(`${n} error${n === 1 ? "" : "s"} in ${data}; see the report above`, n);
  }
  return report;
}

/** Problem paths are shown relative to the input folder (or to the folder of an input file). */
async function baseFolder(input: string): Promise<string> {
  return (await pathKind(input)) === "directory" ? resolve(input) : dirname(resolve(input));
}

function toReported(p: Problem, base: string): ReportedProblem {
  const file = isAbsolute(p.file) ? relative(base, p.file).split(sep).join("/") || p.file : p.file;
  return {
    file,
    line: p.line ?? null,
    ...(p.column !== undefined ? { column: p.column } : {}),
    severity: p.severity,
    code: p.code,
    ...(p.egoId !== undefined ? { egoId: p.egoId } : {}),
    message: p.message,
  };
}

/** The human-readable report: problems grouped by severity then file, then the summary table. */
export function renderReport(input: string, report: ValidationReport): string {
  const out: string[] = [];
  for (const [title, list] of [
    ["Errors", report.errors],
    ["Warnings", report.warnings],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`${title} (${formatNumber(list.length)})`);
    const byFile = new Map<string, ReportedProblem[]>();
    for (const p of list) {
      const group = byFile.get(p.file);
      if (group) group.push(p);
      else byFile.set(p.file, [p]);
    }
    for (const [file, group] of byFile) {
      out.push(`  ${file}`);
      for (const p of group) {
        const at = p.line === null ? "whole file" : p.column === undefined ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
        out.push(`    ${at}: ${p.message} [${p.code}]`);
      }
    }
    out.push("");
  }
  const table: Table = {
    name: "summary",
    title: `Summary of ${input}`,
    columns: [{ id: "records", label: "records" }, { id: "type", label: "type" }, { id: "rows", label: "rows" }],
    rows: [
      { records: "egos", type: "", rows: report.egos },
      { records: "alters", type: "(all)", rows: report.alters },
      ...Object.entries(report.nodeTypes).map(([type, rows]) => ({ records: "", type, rows })),
      { records: "ties", type: "(all)", rows: report.ties },
      ...Object.entries(report.edgeTypes).map(([type, rows]) => ({ records: "", type, rows })),
    ],
  };
  out.push(renderTerminal(table));
  const e = report.errors.length;
  const w = report.warnings.length;
  const warnings = `${formatNumber(w)} warning${w === 1 ? "" : "s"}`;
  out.push(
    e === 0
      ? `No errors (${warnings}).`
      : `${formatNumber(e)} error${e === 1 ? "" : "s"} and ${warnings}: fix the errors before analysing.`,
  );
  return out.join("\n") + "\n";
}
