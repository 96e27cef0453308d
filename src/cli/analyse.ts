import path from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { analyseStudy, DataErrorWithProblems } from "../study/analyse-study.js";
import { hashJson } from "../study/canonical-json.js";
import { reportMarkdown } from "../study/report-markdown.js";
import { describeInputFiles, relativePath, reportedProblems, type RunRecord } from "../study/run-record.js";
import {
  abandonOutputWrites,
  checkOutputFolder,
  csvChunks,
  type OutputContent,
  recoverOutputFolder,
  tableOfStream,
  toCsv,
  dtaFile,
  toGraphmlBytes,
  toJson,
  toRScript,
  savFile,
  toXlsx,
  writeOutputFolder,
} from "../tables/index.js";
import { type Table } from "../model/index.js";
import { VERSION } from "../version.js";
import { error, info, stopOnDataErrors, style, warn } from "./messages.js";
import { Progress } from "./progress.js";
import { checkKeyOutsideOutput, pseudonymiserFor } from "./pseudonymise-key.js";
import { reportHtmlFor } from "./report.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, splitList, studySource } from "./shared-options.js";
import { signalForTest } from "./signal-for-test.js";
import { studyInputs } from "../study/study-inputs.js";

interface AnalyseCliOptions extends StudyCliOptions {
  out: string;
  format?: string;
  force?: boolean;
  keepGoing?: boolean;
  includeText?: boolean;
  report?: boolean;
  /** commander's `--no-alters`: false when given. */
  alters?: boolean;
  quiet?: boolean;
}

const EXTRA_FORMATS = ["csv", "md", "json", "xlsx", "sav", "dta", "r", "graphml"];
/** Formats that need every row of alters and ties at once. */
const WHOLE_TABLE_FORMATS = ["json", "xlsx", "sav", "dta", "r", "graphml"];
/** Rows of alters or ties those formats take: a million rows as objects outgrew Node's default heap. */
const WHOLE_ROWS_LIMIT = 250_000;

/** `netsp analyse`: the whole study in one command. */
export function analyseCommand(): Command {
  return addStudyOptions(
    new Command("analyse")
      .alias("analyze")
      .description("the whole study in one command: measures, summary tables, comparisons, report.md and run.json")
      .argument("[input]", "export folder, zip or file, or a study folder whose netsp.config.json names the data (default: the config here)")
      .addOption(new Option("-o, --out <dir>", "output folder (created or replaced whole)").default("netsp-results"))
      .addOption(
        new Option(
          "-f, --format <list>",
          "extra formats besides csv and md (comma-separated): json, xlsx, sav (SPSS), dta (Stata), r (netsp.R reads the CSVs into R), graphml (ego-networks.graphml)",
        ),
      )
      .addOption(new Option("--force", "replace an --out folder that netsp did not create"))
      .addOption(new Option("--keep-going", "leave out egos whose data have errors instead of stopping"))
      .addOption(new Option("--include-text", "no longer accepted: text and datetime variables are personal data; declare one in the config instead").hideHelp())
      .addOption(new Option("--report", "also write report.html: tables, charts and sociograms in one self-contained page (see netsp report)"))
      .addOption(new Option("--no-alters", "leave out alters.csv and ties.csv (about half the time of a very large study goes to them)")),
    { jobs: true, pseudonymise: true },
  )
    .addOption(sharedOptions.quiet())
    .addHelpText(
      "after",
      `
Examples:
  $ netsp analyse fixtures/thesis --out thesis-tables       the bundled thesis study (config + interviews)
  $ netsp analyse ./export --out results --format xlsx      a plain export, default tables, plus a workbook
  $ netsp analyse ./export --out results --format sav,dta   SPSS (.sav) and Stata (.dta) files of every table
  $ netsp analyse ./export --out results --format r         netsp.R: source("results/netsp.R") in R gives
                                                            measures, alters and ties as labelled data frames
  $ netsp analyse ./export --keep-going                     leave out egos with errors, list them in report.md
  $ netsp analyse ./export --pseudonymise-key ~/netsp.key   ego ids replaced by stable pseudonyms (HMAC-SHA-256)

Writes measures.csv (one row per ego, every measure), alters.csv (one row per alter: its variables, its
place in the sociogram, the ego's variables), ties.csv (one row per alter–alter tie of the sociogram),
each table as <name>.csv and <name>.md, report.md
(every table, with the inputs and warnings) and run.json (versions, config hash, input SHA-256s, counts,
warnings, timings). Tables come from the config's "tables"; without them: participant characteristics,
the main measures by each categorical ego variable, and composition.`,
    )
    .action(async (input: string | undefined, options: AnalyseCliOptions) => {
      await runAnalyse(input, options);
    });
}

async function runAnalyse(input: string | undefined, options: AnalyseCliOptions): Promise<void> {
  // The inputs are hashed for run.json while they are read and measured, not after; stopped if the run fails.
  const hashing = new AbortController();
  try {
    await analyseAndWrite(input, options, hashing.signal);
  } finally {
    hashing.abort();
  }
}

async function analyseAndWrite(input: string | undefined, options: AnalyseCliOptions, hashSignal: AbortSignal): Promise<void> {
  const startedAt = new Date();
  if (options.includeText) {
    throw new UsageError(
      "--include-text is no longer accepted: text and datetime variables are personal data and never reach an output. " +
        'To use one that is not (an area name, an interview date), declare it in netsp.config.json, e.g. "variables": {"ego.area": {"role": "group"}}',
    );
  }
  const formats = new Set(splitList(options.format) ?? []);
  for (const f of formats) {
    if (!EXTRA_FORMATS.includes(f)) throw new UsageError(`--format: "${f}" is not one of ${EXTRA_FORMATS.join(", ")}`);
  }
  if (options.alters === false && formats.has("graphml")) {
    throw new UsageError("--format graphml writes the alters and ties of each sociogram: it cannot go with --no-alters");
  }
  const cwd = process.cwd();
  const outDir = path.resolve(cwd, options.out);
  checkKeyOutsideOutput(options, outDir);
  const pseudonymiser = await pseudonymiserFor(options);
  // What a run that stopped mid-swap left beside the output folder is put right first, and said.
  for (const message of await recoverOutputFolder(outDir)) warn(message);
  // With --pseudonymise, paths (whose names start with case ids) are shown pseudonymised too.
  const shown = (text: string) => (pseudonymiser ? pseudonymiser.text(text) : text);
  // Made at the first ego, when the number of egos expected is known (for the time remaining).
  let progress: Progress | undefined;
  let hashing: Promise<RunRecord["input"]["files"]> | undefined;
  let analysis;
  try {
    analysis = await analyseStudy({
      input,
      ...studySource(options),
      keepGoing: options.keepGoing,
      pseudonymiser,
      jobs: options.jobs,
      alterLevel: options.alters !== false,
      typedAlterLevel: WHOLE_TABLE_FORMATS.some((f) => formats.has(f)),
      onOpened: ({ dataset, configPath }) => {
        hashing = describeInputFiles([...dataset.files, ...(configPath ? [configPath] : [])], cwd, hashSignal);
        hashing.catch(() => undefined); // awaited below; a failure there is reported then
      },
      onProgress: (n, expected) => {
        (progress ??= new Progress("measuring", expected)).update(n);
        void signalForTest("measuring");
      },
    });
  } catch (e) {
    progress?.done();
    if (e instanceof DataErrorWithProblems) {
      stopOnDataErrors(
        e.errors,
        `${e.errors.length} error${e.errors.length === 1 ? "" : "s"} in the data (and ${e.warnings.length} warning${e.warnings.length === 1 ? "" : "s"}); ` +
          "no tables written. Run `netsp validate` for the full report, fix the data, or use --keep-going to leave those egos out",
      );
    }
    throw e;
  }
  progress?.done();

  const inputs = [analysis.dataPath, ...(analysis.configPath ? [analysis.configPath] : [])];
  await checkOutputFolder(outDir, { force: options.force, inputs, read: studyInputs(input, analysis, options, cwd) });

  const writeStarted = performance.now();
  const files = new Map<string, OutputContent>();
  // alters.csv and ties.csv are written piece by piece; the other formats hold their rows whole, so only up
  // to WHOLE_ROWS_LIMIT of them.
  const withAlters = options.alters !== false;
  const asked = WHOLE_TABLE_FORMATS.filter((f) => formats.has(f));
  const largest = Math.max(analysis.alters.rowCount, analysis.ties.rowCount);
  const whole = withAlters && asked.length > 0 && largest <= WHOLE_ROWS_LIMIT;
  const notes = [...analysis.notes];
  if (withAlters && asked.length > 0 && !whole) {
    const note =
      `alters and ties (${analysis.alters.rowCount.toLocaleString("en")} and ${analysis.ties.rowCount.toLocaleString("en")} rows) are written as CSV only: ` +
      `--format ${asked.join(", ")} holds every row in memory and takes at most ${WHOLE_ROWS_LIMIT.toLocaleString("en")} of them (measures and the tables are written in every format)`;
    notes.push(note);
    warn(note);
  }
  const alters = whole ? tableOfStream(analysis.alters) : undefined;
  const ties = whole ? tableOfStream(analysis.ties) : undefined;
  const dataTables = alters && ties ? [analysis.measures, alters, ties] : [analysis.measures];
  const allTables: Table[] = [...dataTables, ...analysis.tables.map((t) => t.data)];
  // SPSS and Stata files, and the columns they had to rename (listed in report.md).
  const renamed: Array<{ file: string; id: string; name: string }> = [];
  const statistical = (name: string, table: Table) => {
    for (const [ext, write] of [["sav", savFile], ["dta", dtaFile]] as const) {
      if (!formats.has(ext)) continue;
      const { bytes, renamed: changed } = write(table);
      files.set(`${name}.${ext}`, bytes);
      for (const r of changed) renamed.push({ file: `${name}.${ext}`, ...r });
    }
  };
  files.set("measures.csv", toCsv(analysis.measures));
  if (withAlters) {
    files.set("alters.csv", csvChunks(analysis.alters));
    files.set("ties.csv", csvChunks(analysis.ties));
  }
  for (const t of dataTables) {
    if (formats.has("json")) files.set(`${t.name}.json`, toJson(t));
    statistical(t.name, t);
  }
  if (formats.has("r")) {
    const script = toRScript(
      dataTables.map((t) => ({ table: t, file: `${t.name}.csv` })),
      dataTables.length === 3 ? { egor: { egos: "measures", alters: "alters", ties: "ties" } } : {},
    );
    files.set("netsp.R", script);
  }
  if (alters && ties && formats.has("graphml")) files.set("ego-networks.graphml", toGraphmlBytes(alters, ties));
  for (const t of analysis.tables) {
    files.set(`${t.name}.csv`, toCsv(t.data));
    files.set(`${t.name}.md`, t.markdown);
    if (formats.has("json")) files.set(`${t.name}.json`, toJson(t.data));
    statistical(t.name, t.data);
  }
  if (formats.has("xlsx")) files.set("tables.xlsx", toXlsx(allTables));
  if (options.report) {
    const egoIdOf = pseudonymiser ? (id: string) => pseudonymiser.id(id) : undefined;
    files.set("report.html", await reportHtmlFor(analysis, { ...options, egoIdOf }));
  }
  const outputs = [...files.keys(), "report.md", "run.json"];

  const configHash = hashJson(analysis.config);
  const base = cwd;
  files.set(
    "report.md",
    reportMarkdown({
      version: VERSION,
      input: shown(relativePath(analysis.dataPath, base)),
      format: analysis.dataset.format,
      fileCount: analysis.dataset.files.length,
      config: analysis.configPath ? relativePath(analysis.configPath, base) : undefined,
      configHash,
      counts: analysis.counts,
      warnings: analysis.warnings,
      errors: analysis.errors,
      notes,
      leftOut: analysis.leftOut,
      leftOutUnfinished: analysis.leftOutUnfinished,
      tables: analysis.tables,
      files: outputs,
      renamed,
    }),
  );
  const hashStarted = performance.now();
  const inputFiles = await (hashing ?? describeInputFiles([...analysis.dataset.files, ...(analysis.configPath ? [analysis.configPath] : [])], base));
  const record: RunRecord = {
    netsp: VERSION,
    node: process.version,
    startedAt: startedAt.toISOString(),
    finishedAt: "",
    input: {
      path: shown(relativePath(analysis.dataPath, base)),
      format: analysis.dataset.format,
      files: inputFiles.map((f) => ({ ...f, path: shown(f.path) })),
    },
    config: {
      path: analysis.configPath ? relativePath(analysis.configPath, base) : null,
      sha256: configHash,
      resolved: analysis.config,
    },
    counts: { ...analysis.counts, analysed: analysis.measures.rows.length },
    leftOut: analysis.leftOut,
    leftOutUnfinished: analysis.leftOutUnfinished,
    errors: reportedProblems(analysis.errors),
    warnings: reportedProblems(analysis.warnings),
    notes,
    outputs,
    ...(pseudonymiser ? { pseudonymised: PSEUDONYMISED } : {}),
    timingsMs: {
      readAndMeasure: round(analysis.timings.readAndMeasureMs),
      tables: round(analysis.timings.tablesMs),
      // Waiting for the input hashes, computed while the data were read.
      hashInputs: round(performance.now() - hashStarted),
      write: 0,
    },
  };
  record.timingsMs.write = round(performance.now() - writeStarted);
  record.finishedAt = new Date().toISOString();
  files.set("run.json", JSON.stringify(record, null, 2) + "\n");

  const onInterrupt = () => {
    void abandonOutputWrites().then((outcome) => {
      const shown = relativePath(outDir, cwd);
      error(outcome === "kept" ? `interrupted: ${shown} is left as it was before this run` : `interrupted after ${shown} was written in full`);
      process.exit(130);
    });
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    await writeOutputFolder(outDir, files, { onStep: signalForTest });
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
    analysis.dispose();
  }

  if (options.quiet) return;
  const c = analysis.counts;
  info(
    `Read ${c.egos} ego${c.egos === 1 ? "" : "s"} (${c.alters} alters, ${c.ties} ties) from ${shown(relativePath(analysis.dataPath, base))}` +
      (analysis.leftOut.length ? `; left out ${analysis.leftOut.length} with errors: ${analysis.leftOut.join(", ")}` : "") +
      (analysis.leftOutUnfinished.length
        ? `; left out ${analysis.leftOutUnfinished.length} unfinished: ${analysis.leftOutUnfinished.map((u) => u.egoId).join(", ")}`
        : ""),
  );
  const warningCount = analysis.warnings.length + notes.length;
  if (warningCount > 0) warn(`${warningCount} warning${warningCount === 1 ? "" : "s"}: see report.md`);
  info(`Wrote ${analysis.tables.length} table${analysis.tables.length === 1 ? "" : "s"} and the data files to ${style.bold(relativePath(outDir, base))}/`);
  info(`  ${"measures.csv".padEnd(28)} one row per ego: every measure`);
  if (withAlters) {
    info(`  ${"alters.csv".padEnd(28)} one row per alter: its variables, its place in the sociogram, the ego's variables`);
    info(`  ${"ties.csv".padEnd(28)} one row per alter–alter tie: its edge types`);
  }
  for (const t of analysis.tables) info(`  ${t.name.padEnd(28)} ${t.title}`);
  info(`  ${"report.md".padEnd(28)} every table, inputs and warnings`);
  info(`  ${"run.json".padEnd(28)} provenance: versions, config hash, input SHA-256s, timings`);
  if (formats.has("xlsx")) info(`  ${"tables.xlsx".padEnd(28)} one sheet per table`);
  if (formats.has("sav")) info(`  ${"<table>.sav".padEnd(28)} SPSS system files: measures, alters, ties and each table`);
  if (formats.has("dta")) info(`  ${"<table>.dta".padEnd(28)} Stata datasets: measures, alters, ties and each table`);
  if (formats.has("r")) info(`  ${"netsp.R".padEnd(28)} source() it in R: measures, alters and ties as labelled data frames`);
  if (formats.has("graphml")) info(`  ${"ego-networks.graphml".padEnd(28)} one graph per ego's sociogram (networkx, igraph, Gephi)`);
}

/** What run.json says about pseudonymisation: how, never the key (nor a hash of it, which could be guessed). */
const PSEUDONYMISED = {
  method: "HMAC-SHA-256(key, \"netsp-ego-id:\" + ego id), first 16 hex digits, prefixed ego-",
  applies: "ego ids in every table, and ego ids and case ids in messages and file paths",
};

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

