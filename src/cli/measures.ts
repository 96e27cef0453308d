import { Command } from "commander";
import { UsageError } from "../errors.js";
import { MEASURES } from "../measures/index.js";
import { openStudy } from "../study/open-study.js";
import { measureStudy, sortByEgoId } from "../study/measure-study.js";
import { renderTerminal, toCsv, toJson, toMarkdown } from "../tables/index.js";
import { type Table } from "../model/index.js";
import { info, stopOnDataErrors, warn } from "./messages.js";
import { chooseFormat, writeOutput, type OutputFormat } from "./output.js";
import { pseudonymiserFor } from "./pseudonymise-key.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { studyInputs } from "../study/study-inputs.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, splitList, studySource } from "./shared-options.js";

interface MeasuresOptions extends StudyCliOptions {
  measures?: string;
  format?: "csv" | "md" | "json";
  out?: string;
  list?: boolean;
}

/** `netsp measures`: one row of measures per ego. */
export function measuresCommand(): Command {
  return addStudyOptions(
    new Command("measures")
      .description("one row of measures per ego: composition, structure, k-cores and structural holes")
      .argument("[input]", "Network Canvas export (folder, zip, _ego.csv), GraphML, or three-file folder (default: the data in netsp.config.json)")
      .addOption(sharedOptions.measures())
      .addOption(sharedOptions.format(["csv", "md", "json"]))
      .addOption(sharedOptions.out())
      .option("--list", "list every measure with its label and definition, then stop"),
    { jobs: true, pseudonymise: true },
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp measures ./export                                  every measure, csv (a table on a terminal)
  $ netsp measures ./export.zip --protocol study.netcanvas --format md
  $ netsp measures ./export --measures network_size,isolates,isolates_pct,max_k,core_distribution
  $ netsp measures ./export --measures share_sector,iqv_sector --out composition.csv
  $ netsp measures --list                                    what each measure means

Rows are sorted by ego id (case_2 before case_10): ego_id, the grouping ego variables, then the measures.
An empty cell (NA in Markdown) is a value that is undefined for that ego, e.g. density with fewer than two
alters; \`--list\` gives each definition. Nothing is written when the data have errors (exit code 1).`,
    )
    .action(async (input: string | undefined, options: MeasuresOptions) => {
      await runMeasures(input, options);
    });
}

async function runMeasures(input: string | undefined, options: MeasuresOptions): Promise<void> {
  const format = chooseFormat(options.format, options.out);
  if (options.list) {
    await writeOutput(render(registryTable(), format), options.out);
    return;
  }
  const selected = splitList(options.measures);
  if (selected !== undefined && selected.length === 0) {
    throw new UsageError("--measures needs at least one measure id (see `netsp measures --list`)");
  }
  const pseudonymiser = await pseudonymiserFor(options);
  const opened = await openStudy({
    input,
    ...studySource(options),
    jobs: options.jobs,
  });
  if (options.out !== undefined) await refuseProtectedOutput(options.out, studyInputs(input, opened, options));
  const study = await measureStudy(opened, { measures: selected, jobs: options.jobs, pseudonymiser });
  const { measured } = study;
  if (study.errors.length > 0) {
    const n = study.errors.length;
    stopOnDataErrors(study.errors, `${n} error${n === 1 ? "" : "s"} in the data, so no measures were written: fix ${n === 1 ? "it" : "them"} and run again`);
  }
  for (const w of study.notes) warn(w);
  const dataWarnings = study.warnings.length;
  if (dataWarnings > 0) {
    warn(`${dataWarnings} warning${dataWarnings === 1 ? "" : "s"} in the data (\`netsp validate\` lists them)`);
  }
  for (const note of measured.notes) info(`note: ${note}`);
  if (measured.egoCount === 0) warn("the data hold no interviews: the table has a header only");
  const table = { ...study.rows, rows: sortByEgoId(study.rows.rows) };
  await writeOutput(
    render(table, format),
    options.out,
    `${measured.egoCount} ego${measured.egoCount === 1 ? "" : "s"} × ${measured.measureColumns.length} measures`,
  );
}

function render(table: Table, format: OutputFormat): string {
  switch (format) {
    case "csv":
      return toCsv(table);
    case "md":
      return toMarkdown(table);
    case "json":
      return toJson(table);
    case "terminal":
      return renderTerminal(table);
  }
}

/** The registry as a table: id, family, label, definition. */
function registryTable(): Table {
  return {
    name: "measure-list",
    columns: [{ id: "id" }, { id: "family" }, { id: "label" }, { id: "definition" }],
    rows: MEASURES.map((m) => ({ id: m.id, family: m.family, label: m.label, definition: m.definition })),
  };
}
