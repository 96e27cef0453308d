import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import type { CorrelationMethod } from "../stats/index.js";
import { correlateColumns, correlateJson, correlateTable } from "../tables/correlate-tables.js";
import { renderTerminal, toCsv, toMarkdown } from "../tables/index.js";
import { assertNumeric, findColumn } from "../tables/build-comparison.js";
import { chooseFormat, writeOutput } from "./output.js";
import { loadEgoRows } from "../study/load-ego-rows.js";
import { warn } from "./messages.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { pseudonymiserFor } from "./pseudonymise-key.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, splitList, studySource } from "./shared-options.js";

interface CorrelateOptions extends StudyCliOptions {
  vars: string;
  method: "pearson" | "spearman" | "kendall" | "both";
  exact?: boolean;
  control?: string;
  format?: "csv" | "md" | "json";
  out?: string;
}

/** `netsp correlate`: correlations between per-ego variables, every pair. */
export function correlateCommand(): Command {
  return addStudyOptions(
    new Command("correlate")
      .description("Pearson and/or Spearman correlations between per-ego measures or variables, every pair, with p and 95% CI")
      .argument("[input]", "per-ego CSV (e.g. from `netsp measures`) or an interview export (default: the data in netsp.config.json)")
      .requiredOption("--vars <names>", "comma-separated variables (at least two); every pair is correlated")
      .addOption(new Option("--method <method>", "correlation: pearson, spearman, kendall (τ-b), or both (pearson and spearman)").choices(["pearson", "spearman", "kendall", "both"]).default("pearson"))
      .option("--control <names>", "comma-separated variables to control for (partial correlation, df = n − 2 − k)")
      .option("--exact", "also Spearman's exact p, beside the t p: untied data, n up to 10 (as R cor.test(exact = TRUE))")
      .addOption(sharedOptions.format(["csv", "md", "json"]))
      .addOption(sharedOptions.out()),
    { jobs: true, pseudonymise: true },
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp correlate measures.csv --vars months_in_post,network_size
  $ netsp correlate --vars network_size,isolates,density --method both --format md
  $ netsp correlate measures.csv --vars network_size,excluded_alters --control caseload --format json
  $ netsp correlate small.csv --vars a,b --method spearman --exact     Spearman's exact p for small n

p from Student's t with n − 2 − k df (as scipy and SPSS); 95% CI by Fisher's z. Missing values are dropped
pairwise (with --control: cases missing any of the variables), and every pair reports its n.`,
    )
    .action(async (input: string | undefined, options: CorrelateOptions) => {
      await runCorrelate(input, options);
    });
}

async function runCorrelate(input: string | undefined, options: CorrelateOptions): Promise<void> {
  const vars = splitList(options.vars) ?? [];
  const control = splitList(options.control) ?? [];
  if (new Set(vars).size < 2) throw new UsageError("--vars needs at least two different variables");
  const format = chooseFormat(options.format, options.out);
  const rows = await loadEgoRows(input, {
    ...studySource(options),
    jobs: options.jobs,
    variables: [...vars, ...control],
    pseudonymiser: await pseudonymiserFor(options),
    onInputs: async (inputs) => {
      if (options.out !== undefined) await refuseProtectedOutput(options.out, [...inputs, options.pseudonymiseKey]);
    },
    onWarning: warn,
  });
  const resolve = (name: string) => {
    const id = findColumn(rows.table, name, rows.config);
    if (id === null) {
      throw new UsageError(`no column "${name}" in ${rows.source} (columns: ${rows.table.columns.map((c) => c.id).join(", ")})`);
    }
    return id;
  };
  const variables = [...new Set(vars.map(resolve))];
  const controls = [...new Set(control.map(resolve))];
  const overlap = controls.find((c) => variables.includes(c));
  if (overlap !== undefined) throw new UsageError(`"${overlap}" is both correlated and controlled for`);
  for (const column of [...variables, ...controls]) assertNumeric(rows.table, column, rows.rowLines);

  const methods: CorrelationMethod[] = options.method === "both" ? ["pearson", "spearman"] : [options.method];
  const pairs = correlateColumns(rows.table, variables, methods, controls, { exact: options.exact === true });

  let text: string;
  if (format === "json") text = correlateJson(pairs, options.method, controls);
  else if (format === "csv") text = toCsv(correlateTable(pairs));
  else {
    const table = correlateTable(pairs, 3);
    table.notes = [...(table.notes ?? []), `Data: ${rows.source}.`];
    text = format === "md" ? toMarkdown(table) : renderTerminal(table);
  }
  await writeOutput(text, options.out);
}
