import path from "node:path";
import { Command, Option } from "commander";
import { DataError, UsageError } from "../errors.js";
import { openStudy } from "../study/open-study.js";
import { unfinishedOutcome } from "../study/unfinished-interviews.js";
import { buildSociogram } from "../report/sociogram-model.js";
import { sociogramGraph } from "../study/sociogram-source.js";
import { resolveColourScheme, resolveNameVariable } from "../report/sociogram-options.js";
import { sociogramSvg } from "../report/sociogram-svg.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { writeOutput } from "./output.js";
import { studyInputs } from "../study/study-inputs.js";
import { showNamesVariable, sociogramOptions, type SociogramCliOptions } from "./report.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, studySource } from "./shared-options.js";

interface PlotCliOptions extends SociogramCliOptions, StudyCliOptions {
  ego: string;
  out?: string;
}

/** `netsp plot`: one ego's sociogram as a standalone SVG file, for papers. */
export function plotCommand(): Command {
  return addStudyOptions(
    new Command("plot")
      .description("one ego's sociogram as a standalone SVG (k-core shells or a categorical variable; isolates and excluded alters apart)")
      .argument("[input]", "export folder, zip or file, or a study folder whose netsp.config.json names the data (default: the config here)")
      .requiredOption("--ego <id>", "the ego to draw")
      .addOption(new Option("-o, --out <file>", "the SVG file to write (default: stdout)"))
      .addOption(sociogramOptions.colourBy())
      .addOption(sociogramOptions.showNames())
      .addOption(sociogramOptions.layout())
      .addOption(sociogramOptions.seed())
  )
    .addHelpText(
      "after",
      `
Examples:
  $ netsp plot fixtures/thesis --ego LW10 --out lw10.svg              k-core shells, as in the thesis's Figure 14
  $ netsp plot ./export --ego case_3 --colour-by sector --out c3.svg  coloured (and shaped) by sector
  $ netsp plot ./export --ego case_3 --layout canvas > c3.svg         the positions drawn in the interview

Alters are labelled A1…An in export order; names appear only with --show-names. The SVG has a <title> and a
<desc> describing the picture, and opens in any browser or vector editor.`,
    )
    .action(async (input: string | undefined, options: PlotCliOptions) => {
      await writeOutput(await plotSvg(input, options), options.out);
    });
}

/** Reads the data until the ego is found, and draws it. */
async function plotSvg(input: string | undefined, options: PlotCliOptions): Promise<string> {
  const cwd = process.cwd();
  const opened = await openStudy({
    input,
    ...studySource(options),
    cwd,
  });
  const { config, dataset, plan, problems, dataPath } = opened;
  if (options.out !== undefined) await refuseProtectedOutput(options.out, studyInputs(input, opened, options, cwd));
  const colour = resolveColourScheme(options.colourBy, dataset.codebook, config);
  const names = showNamesVariable(options.showNames);
  const nameVariable = names !== undefined ? resolveNameVariable(names, dataset.codebook, config) : null;
  const seen: string[] = [];
  for await (const network of dataset.egos()) {
    if (network.ego.egoId !== options.ego) {
      if (seen.length < 12) seen.push(network.ego.egoId);
      continue;
    }
    const errors = problems.errors.filter((p) => p.egoId === options.ego);
    if (errors.length > 0) {
      throw new DataError(
        `ego ${options.ego} has ${errors.length} error${errors.length === 1 ? "" : "s"} in its data (first: ${errors[0].file}: ${errors[0].message}); ` +
          "run `netsp validate` and fix them first",
        errors.length,
      );
    }
    const outcome = unfinishedOutcome(network.ego.meta);
    if (outcome !== null && !options.includeUnfinished) {
      throw new UsageError(`ego ${options.ego}'s interview was not completed (${outcome}), so it is in no table; add --include-unfinished to draw it anyway`);
    }
    const graph = sociogramGraph(network, plan, { colourVariable: colour.kind === "variable" ? colour.variable : null, nameVariable });
    const sociogram = buildSociogram(graph, { colour, layout: options.layout, seed: options.seed });
    return sociogramSvg(sociogram, { standalone: true, idPrefix: "sociogram", heading: `Ego ${options.ego}` });
  }
  throw new UsageError(`--ego: no ego "${options.ego}" in ${path.relative(cwd, dataPath) || "."} (egos: ${seen.join(", ")}${seen.length === 12 ? ", …" : ""})`);
}

/** The data: the input, or the data its netsp.config.json names (a study folder), or the config's here. */
