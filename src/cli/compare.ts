import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { P_ADJUST_METHODS, type PAdjustMethod } from "../stats/index.js";
import { DEFAULT_COMPARE_MEASURES, buildComparison } from "../tables/build-comparison.js";
import { compareJson, type ComparisonReport } from "../tables/compare-report.js";
import { compareSpssTables } from "../tables/compare-spss-tables.js";
import { compareCsvTable, compareTables } from "../tables/compare-tables.js";
import { renderTerminal, toCsv, toMarkdown } from "../tables/index.js";
import { loadEgoRows } from "../study/load-ego-rows.js";
import { warn } from "./messages.js";
import { chooseFormat, writeOutput, type OutputFormat } from "./output.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { pseudonymiserFor } from "./pseudonymise-key.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, splitList, studySource } from "./shared-options.js";

interface CompareOptions extends StudyCliOptions {
  by: string;
  measures?: string;
  levels?: string;
  format?: "csv" | "md" | "json";
  out?: string;
  layout: "default" | "spss";
  adjust: PAdjustMethod;
}

/** `netsp compare`: group comparison of per-ego measures. */
export function compareCommand(): Command {
  return addStudyOptions(
    new Command("compare")
      .description(
        "compare measures between groups of egos: Mann–Whitney U for two levels; Kruskal–Wallis with Dunn and " +
          "pairwise Mann–Whitney tests for three or more",
      )
      .argument("[input]", "per-ego CSV (e.g. from `netsp measures`) or an interview export (default: the data in netsp.config.json)")
      .requiredOption("--by <variable>", "grouping ego variable (config aliases work, e.g. deprivation)")
      .addOption(sharedOptions.measures())
      .option("--levels <values>", "comma-separated levels to compare, in this order (default: config groups, else sorted values)")
      .addOption(sharedOptions.format(["csv", "md", "json"]))
      .addOption(sharedOptions.out())
      .addOption(
        new Option("--adjust <method>", "adjust the measures' p-values for multiplicity, beside the unadjusted ones: holm, bonferroni, bh (Benjamini–Hochberg), none")
          .choices([...P_ADJUST_METHODS])
          .default("none"),
      )
      .addOption(
        new Option("--layout <layout>", "table layout: default, or spss (Ranks and Test Statistics tables as SPSS prints them)")
          .choices(["default", "spss"])
          .default("default"),
      ),
    { jobs: true, pseudonymise: true },
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp compare measures.csv --by lw_question_asked --measures network_size,excluded_alters --layout spss
  $ netsp compare --by deprivation                       data and aliases from netsp.config.json here
  $ netsp compare ./export --by employer --levels PCN,VCS --format json --out compare.json
  $ netsp compare --by deprivation --adjust holm         Holm-adjusted p over the measures, beside p

Statistics: Z is tie-corrected without continuity correction (as SPSS); the exact p is the permutation
distribution of the rank sum given the midranks (as R coin). Missing values are left out, per measure.`,
    )
    .action(async (input: string | undefined, options: CompareOptions) => {
      await runCompare(input, options);
    });
}

async function runCompare(input: string | undefined, options: CompareOptions): Promise<void> {
  const requested = splitList(options.measures);
  if (requested !== undefined && requested.length === 0) throw new UsageError("--measures is empty");
  const format = chooseFormat(options.format, options.out, options.layout);
  const rows = await loadEgoRows(input, {
    ...studySource(options),
    jobs: options.jobs,
    measures: requested ?? DEFAULT_COMPARE_MEASURES,
    pseudonymiser: await pseudonymiserFor(options),
    onInputs: async (inputs) => {
      if (options.out !== undefined) await refuseProtectedOutput(options.out, [...inputs, options.pseudonymiseKey]);
    },
    variables: [options.by],
    onWarning: warn,
  });
  const { report, warnings } = buildComparison(rows.table, rows.config, {
    by: options.by,
    measures: requested,
    levels: splitList(options.levels),
    source: rows.source,
    rowLines: rows.rowLines,
    adjust: options.adjust,
  });
  for (const w of warnings) warn(w);
  await writeOutput(renderComparison(report, format, options.layout), options.out);
}

/** The report in the chosen format and layout. */
function renderComparison(report: ComparisonReport, format: OutputFormat, layout: "default" | "spss"): string {
  if (format === "json") return compareJson(report);
  if (format === "csv") return toCsv(compareCsvTable(report));
  const tables = layout === "spss" ? compareSpssTables(report) : compareTables(report);
  const provenance = `Data: ${report.source}. Grouped by ${report.by}: ${report.levels.map((l) => report.labels[l]).join(", ")}.`;
  tables[0] = { ...tables[0], notes: [...(tables[0].notes ?? []), provenance] };
  if (format === "md") return tables.map((t) => toMarkdown(t)).join("\n");
  return tables.map((t) => renderTerminal(t)).join("\n");
}
