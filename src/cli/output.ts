import path from "node:path";
import { OutputError, UsageError } from "../errors.js";
import { writeFileAtomic } from "../tables/write-file-atomic.js";
import { info } from "./messages.js";

export type OutputFormat = "csv" | "md" | "json" | "terminal";

/**
 * The output format: `--format`; else from the `--out` extension (.md, .json, otherwise csv); else a table on a
 * terminal and csv in a pipe. The SPSS layout is a display layout: Markdown or the terminal.
 */
export function chooseFormat(format: "csv" | "md" | "json" | undefined, out: string | undefined, layout = "default"): OutputFormat {
  let chosen: OutputFormat;
  if (format !== undefined) chosen = format;
  else if (out !== undefined) {
    const ext = path.extname(out).toLowerCase();
    chosen = ext === ".md" || ext === ".markdown" ? "md" : ext === ".json" ? "json" : "csv";
  } else chosen = process.stdout.isTTY ? "terminal" : "csv";
  if (layout === "spss" && (chosen === "csv" || chosen === "json")) {
    if (format === undefined && out === undefined) return "md";
    throw new UsageError("--layout spss lays out tables to read: use it with --format md (or on a terminal), not csv or json");
  }
  return chosen;
}

/** Writes the result to `out` (atomically, then says so on stderr, naming `what` was written), or to stdout. */
export async function writeOutput(text: string, out: string | undefined, what?: string): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(out, text);
  } catch (e) {
    throw new OutputError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  info(`wrote ${what !== undefined ? `${what} to ` : ""}${out}`);
}
