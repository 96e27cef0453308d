import { Command } from "commander";
import { VERSION } from "../version.js";
import { analyseCommand } from "./analyse.js";
import { compareCommand } from "./compare.js";
import { correlateCommand } from "./correlate.js";
import { describeCommand } from "./describe.js";
import { measuresCommand } from "./measures.js";
import { plotCommand } from "./plot.js";
import { reportCommand } from "./report.js";
import { synthCommand } from "./synth.js";
import { validateCommand } from "./validate.js";

/** The commander program: global help and version, and one sub-command per file in this folder. */
export function createProgram(): Command {
  const program = new Command("netsp")
    .description("Egocentric network analysis for Network Canvas interviews: measures, group statistics and tables.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureHelp({ sortSubcommands: false });
  program.addCommand(analyseCommand());
  program.addCommand(validateCommand());
  program.addCommand(describeCommand());
  program.addCommand(measuresCommand());
  program.addCommand(compareCommand());
  program.addCommand(correlateCommand());
  program.addCommand(reportCommand());
  program.addCommand(plotCommand());
  program.addCommand(synthCommand());
  // Every command's parsing errors reach main() as CommanderErrors (exit 2, usage), never process.exit.
  for (const command of program.commands) command.exitOverride().showHelpAfterError("(run with --help for usage)");
  program.addHelpText(
    "after",
    `
Examples:
  $ netsp analyse fixtures/thesis --out results          the whole study: measures, tables, report.md, run.json
  $ netsp validate ./export                              list every problem in an export, then count egos, alters, ties
  $ netsp describe ./export                              every variable: type, role, source, levels with counts, missing
  $ netsp measures ./export --format md                  one row of measures per ego
  $ netsp compare --by deprivation                       Mann–Whitney / Kruskal–Wallis (data and aliases from netsp.config.json)
  $ netsp correlate measures.csv --vars months_in_post,network_size
                                                         Pearson r with p and 95% CI
  $ netsp report fixtures/thesis --out thesis.html       one self-contained HTML report: tables, charts, sociograms
  $ netsp plot fixtures/thesis --ego LW10 --out lw10.svg one ego's sociogram as SVG, coloured by k-core shell
  $ netsp synth --targets targets.csv --out interviews   write a synthetic study as a Network Canvas export

Run \`netsp <command> --help\` for a command's options and more examples.
Exit codes: 0 success, 1 bad input or data, 2 usage error, 70 internal error (a bug).`,
  );
  return program;
}
