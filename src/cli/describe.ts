import path from "node:path";
import { Command, Option } from "commander";
import { DataError, OutputError, UsageError } from "../errors.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { formatProblem, type Problem, type StudyConfig } from "../model/index.js";
import { pathKind } from "../path-kind.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import {
  describeStudy,
  starterConfig,
  summaryOf,
  variableKey,
  type EntityDescription,
  type StudyDescription,
  type VariableDescription,
} from "../study/describe-study.js";
import type { OpenedStudy } from "../study/open-study.js";
import { relativePath } from "../study/run-record.js";
import { formatNumber, renderTerminal } from "../tables/index.js";
import { type Table } from "../model/index.js";
import { writeFileAtomic } from "../tables/write-file-atomic.js";
import { error, info, warn } from "./messages.js";
import { Progress } from "./progress.js";
import { addStudyOptions, type StudyCliOptions, studySource } from "./shared-options.js";

interface DescribeCliOptions extends StudyCliOptions {
  json?: boolean;
  writeConfig?: string;
}

/** Problems shown in full on stderr, per severity; `netsp validate` lists them all. */
const PROBLEMS_SHOWN = 20;

/** `netsp describe`: the variable model of a study, with counts, and a starter config on request. */
export function describeCommand(): Command {
  return addStudyOptions(
    new Command("describe")
      .description("the variable model: each variable's type, role and source, its levels with counts, and missing values")
      .argument("<input>", "export folder, zip or file, or a study folder whose netsp.config.json names the data")
      .addOption(new Option("--json", "print the description as JSON on stdout"))
      .addOption(new Option("--write-config <file>", "write a starter netsp.config.json declaring every inferred type (never replaces a file)")),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp describe ./export                                  every variable: type, role, source, levels with counts, missing
  $ netsp describe export.zip --protocol study.netcanvas     the same, with the protocol's codebook
  $ netsp describe ./export --json > variables.json          the same as JSON
  $ netsp describe ./export --write-config study.json        also write what was inferred as a config to check and keep

Values are shown only as the levels of categorical, ordinal and boolean variables and as the range of
numbers; text, datetime and identifying variables are counted, never shown. A variable whose type netsp
could not settle alone carries a note. --write-config starts from the study's own config (its other keys
kept, its paths rewritten for the new file), refuses an existing file and any place inside the input
folder (exit 2); use the file with --config, e.g. \`netsp analyse ./export --config study.json\`.

Exit codes: 0 done (warnings allowed), 1 errors in the data (the description is still printed), 2 usage error.`,
    )
    .action(async (input: string, options: DescribeCliOptions) => {
      await runDescribe(input, options);
    });
}

async function runDescribe(input: string, options: DescribeCliOptions): Promise<void> {
  const cwd = process.cwd();
  const target = options.writeConfig !== undefined ? path.resolve(cwd, options.writeConfig) : undefined;
  let progress: Progress | undefined;
  const { study, description } = await describeStudy({
    input,
    ...studySource(options),
    cwd,
    // Refused before any interview is read.
    onOpened: async (opened) => {
      if (target) await checkConfigTarget(target, options.writeConfig as string, opened, input, cwd);
    },
    onProgress: (n) => (progress ??= new Progress("describing")).update(n),
  });
  progress?.done();

  process.stdout.write(
    options.json ? JSON.stringify(description, null, 2) + "\n" : renderDescription(relativePath(study.dataPath, cwd), study.dataset.codebook.source, description),
  );
  reportProblems(study.problems.errors, error);
  reportProblems(study.problems.warnings, warn);

  if (target) {
    const base = await studyConfigFile(study, target);
    const { config, declared } = starterConfig(study.dataset.codebook, base);
    try {
      await writeFileAtomic(target, configJson(config) + "\n");
    } catch (e) {
      throw new OutputError(`cannot write ${options.writeConfig}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    info(
      `wrote ${options.writeConfig}: ${declared} inferred variable${declared === 1 ? "" : "s"} declared` +
        `${study.configPath ? ` (with the rest of ${relativePath(study.configPath, cwd)})` : ""}; ` +
        `check and correct it, then use it with --config`,
    );
  }

  const errors = study.problems.errors.length;
  if (errors > 0) {
    throw new DataError(
      `${errors} error${errors === 1 ? "" : "s"} in the data: the description above is complete, but \`netsp analyse\` stops on ${errors === 1 ? "it" : "them"} (\`netsp validate\` lists every problem)`,
      errors,
    );
  }
}

function reportProblems(problems: Problem[], say: (message: string) => void): void {
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) say(formatProblem(p));
  if (problems.length > PROBLEMS_SHOWN) say(`… and ${problems.length - PROBLEMS_SHOWN} more (\`netsp validate\` lists them all)`);
}

/**
 * Refuses (exit 2) a --write-config file that exists (a starter config never replaces one, not even the
 * study's own), then whatever the shared check refuses: the input, the data, the config or any file read.
 */
async function checkConfigTarget(target: string, shown: string, study: OpenedStudy, input: string, cwd: string): Promise<void> {
  if ((await pathKind(target)) !== null) {
    throw new UsageError(`--write-config: ${shown} already exists, and netsp never replaces it: choose a new file name`);
  }
  const inputs = [path.resolve(cwd, input), study.dataPath, study.configPath, ...study.dataset.files];
  await refuseProtectedOutput(target, inputs, { option: "--write-config" });
}

/**
 * The config the study was opened with, as its file says (no command-line overrides), with its `data` and
 * `protocol` paths rewritten relative to the folder the new file goes to; {} when there is none.
 */
async function studyConfigFile(study: OpenedStudy, target: string): Promise<StudyConfig> {
  if (!study.configPath) return {};
  const { config } = await loadStudyConfig({ configPath: study.configPath });
  const from = path.dirname(study.configPath);
  const to = path.dirname(target);
  // Relative, so a study folder can move; absolute when the two share nothing but the root of the disk.
  const rebase = (p: string) => {
    const absolute = path.resolve(from, p);
    const relative = path.relative(to, absolute);
    const shared = relative.split(path.sep).filter((part) => part === "..").length < to.split(path.sep).filter(Boolean).length;
    return shared ? relative.split(path.sep).join("/") || "." : absolute;
  };
  return {
    ...config,
    ...(config.data !== undefined ? { data: rebase(config.data) } : {}),
    ...(config.protocol !== undefined ? { protocol: rebase(config.protocol) } : {}),
  };
}

/**
 * JSON as people edit it: two-space indents; a list of plain values (options, levels) on one line, and so is
 * an object of plain values when it fits in 80 characters (`"ego.age": {"type": "number"}`).
 */
export function configJson(value: unknown, indent = ""): string {
  const inner = indent + "  ";
  const plain = (v: unknown) => v === null || typeof v !== "object";
  if (Array.isArray(value)) {
    if (value.every(plain)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    return `[\n${value.map((v) => inner + configJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    if (entries.every(([, v]) => plain(v) || (Array.isArray(v) && v.every(plain)))) {
      const oneLine = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${configJson(v)}`).join(", ")}}`;
      if (oneLine.length <= 80) return oneLine;
    }
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${configJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The description as text: a heading, one table per entity, then every note. */
export function renderDescription(input: string, codebook: "protocol" | "inferred", description: StudyDescription): string {
  const out = [`Variables of ${input} (${codebook === "protocol" ? "types from the protocol" : "no protocol: types inferred from the data"})`, ""];
  const notes: string[] = [];
  for (const entity of description.entities) {
    const heading = entityHeading(entity);
    if (entity.variables.length === 0) {
      out.push(`${heading}; no variables`, "");
      continue;
    }
    const table: Table = {
      name: entity.entity,
      title: heading,
      columns: ["variable", "type", "role", "source", "n", "missing", "levels"].map((id) => ({ id })),
      rows: entity.variables.map((v) => {
        let variable = v.name;
        if (v.note !== null) {
          notes.push(`[${notes.length + 1}] ${variableKey(entity.entity, v.name)}: ${v.note}`);
          variable += ` [${notes.length}]`;
        }
        return { variable, type: v.type, role: v.role ?? "", source: v.source ?? "", n: v.n, missing: v.missing, levels: valuesCell(v) };
      }),
    };
    out.push(renderTerminal(table));
  }
  if (notes.length === 0) out.push("No notes: no inference was ambiguous.");
  else out.push(`${notes.length} note${notes.length === 1 ? "" : "s"}:`, ...notes.map((n) => `  ${n}`));
  return out.join("\n") + "\n";
}

function entityHeading(entity: EntityDescription): string {
  const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
  if (entity.kind === "ego") return `ego: ${count(entity.n, "ego", "egos")}`;
  if (entity.kind === "node") return `${entity.entity} (node type): ${count(entity.n, "alter", "alters")}`;
  return `${entity.entity} (edge type): ${count(entity.n, "tie", "ties")}`;
}

/** Levels with counts, a number's range, or why no value is shown. */
function valuesCell(v: VariableDescription): string {
  const summary = summaryOf({ name: v.name, type: v.type, role: v.role ?? undefined });
  if (summary === "numbers") return v.min === null || v.min === undefined ? "no values" : `min ${formatNumber(v.min)} · max ${formatNumber(v.max as number)}`;
  if (summary === "count") {
    if (v.role === "identifying") return "values not shown (identifying)";
    return v.type === "layout" ? "positions not shown" : `values not shown (${v.type})`;
  }
  const levels = v.levels.map((l) => `${l.value}${saysMore(l.label, l.value) ? ` (${l.label})` : ""} ${formatNumber(l.n)}${l.unlisted ? " (unlisted)" : ""}`);
  if (v.noneChosen) levels.push(`none chosen ${formatNumber(v.noneChosen)}`);
  return levels.join(" · ");
}

/** A label is shown beside its value when it says more than the value: `3 (daily)`, not `Dont_know (Don't know)`. */
function saysMore(label: string, value: string): boolean {
  const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  return bare(label) !== bare(value);
}
