import { VERSION } from "../version.js";
import { Command } from "commander";




/** The commander program: global help, version, and one sub-command per file in this folder. */
export function createProgram(): Command {
  const program = new Command("netsp")
    .description("Egocentric network analysis for Network Canvas interviews: measures, group statistics and tables.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureHelp({ sortSubcommands: false });
  // Commands are registered here, one file each.
  program.addHelpText(
    "after",
    `
Examples:
  $ netsp analyse fixtures/thesis --out results    the whole study: measures, tables, report.md, run.json
  $ netsp validate ./export                        check an export and list every problem
  $ netsp measures ./export --format md            one row of measures per ego
  $ netsp compare --by deprivation                 group comparison (config in the current folder)

Exit codes: 0 success, 1 bad input or data, 2 usage error, 70 internal error (a bug).`,
  );
  return program;
}
