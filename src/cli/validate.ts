import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { Command, Option } from "commander";
import { DataError } from "../errors.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { openDataset } from "../ingest/open-dataset.js";
import type { InputFormat, Problem, ProblemSink, StudyConfig } from "../model/index.js";
import { formatNumber, renderTerminal } from "../tables/index.js";
import { type Table } from "../model/index.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions } from "./shared-options.js";
import { pathKind } from "../path-kind.js";
import type { StudyCounts } from "../study/measure-ego-rows.js";
import { unfinishedOutcome, unfinishedWarning, type UnfinishedInterview } from "../study/unfinished-interviews.js";

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
  const loaded = await loadStudyConfig({ input, configPath: options.config });
  const data = (await configNamesData(input, loaded.path)) && loaded.dataPath ? loaded.dataPath : input;
  const config: StudyConfig = options.inputFormat ? { ...loaded.config, format: options.inputFormat } : loaded.config;
  const protocol =
    options.protocol ??
    loaded.protocolPath ??
    (config.protocol && loaded.path ? resolve(dirname(loaded.path), config.protocol) : undefined);

  const problems: Problem[] = [];
  const sink: ProblemSink = { report: (p) => problems.push(p) };
  const progress = new Progress(io.stderr);
  const unfinished: UnfinishedInterview[] = [];
  const report: ValidationReport = { egos: 0, alters: 0, ties: 0, nodeTypes: {}, edgeTypes: {}, errors: [], warnings: [] };
  try {
    const dataset = await openDataset(data, {
      config,
      protocol,
      egoIdField: options.egoId ?? config.egoId ?? "caseId",
      problems: sink,
    });
    for await (const network of dataset.egos()) {
      report.egos++;
      const outcome = unfinishedOutcome(network.ego.meta);
      if (outcome !== null) unfinished.push({ egoId: network.ego.egoId, outcome, alters: network.alters.length });
      for (const alter of network.alters) {
        report.alters++;
        report.nodeTypes[alter.nodeType] = (report.nodeTypes[alter.nodeType] ?? 0) + 1;
      }
      for (const tie of network.ties) {
        report.ties++;
        report.edgeTypes[tie.edgeType] = (report.edgeTypes[tie.edgeType] ?? 0) + 1;
      }
      progress.update(report.egos);
    }
  } finally {
    progress.clear();
  }
  const unfinishedNote = unfinishedWarning(unfinished, options.includeUnfinished === true);
  if (unfinishedNote !== null) problems.push({ severity: "warning", code: "unfinished-interviews", file: data, message: unfinishedNote });
  report.nodeTypes = sortKeys(report.nodeTypes);
  report.edgeTypes = sortKeys(report.edgeTypes);
  const base = await baseFolder(data);
  for (const p of problems) {
    const shown = toReported(p, base);
    (p.severity === "error" ? report.errors : report.warnings).push(shown);
  }

  io.stdout.write(options.json ? JSON.stringify(report, null, 2) + "\n" : renderReport(relative(process.cwd(), resolve(data)) || ".", report));
  if (report.errors.length > 0) {
    const n = report.errors.length;
    throw new DataError(`${n} error${n === 1 ? "" : "s"} in ${data}; see the report above`, n);
  }
  return report;
}

/** True when the config was found in the input folder itself (so its `data` key says where the data is). */
async function configNamesData(input: string, configPath: string | undefined): Promise<boolean> {
  if (!configPath) return false;
  return (await pathKind(input)) === "directory" && dirname(configPath) === resolve(input);
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

function sortKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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

/** A one-line progress count on stderr, only when stderr is a terminal, at most every `intervalMs`; erased at the end. */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly stream: ValidateIo["stderr"],
    private readonly intervalMs = 200,
  ) {}
  update(egos: number): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (this.shown && now - this.last < this.intervalMs) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\rvalidating… ${egos} ego${egos === 1 ? "" : "s"} read`);
  }
  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
  }
}
