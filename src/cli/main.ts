import { CommanderError } from "commander";
import { NetspError } from "../errors.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { error } from "./messages.js";
import { createProgram } from "./program.js";

/** Runs the CLI. The only place that sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`netsp measures x | head`) is not an error: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(EXIT.ok);
      throw e;
    });
  }
  try {
    await createProgram().parseAsync(argv);
  } catch (e) {
    process.exitCode = reportFailure(e);
  }
}

function reportFailure(e: unknown): number {
  if (e instanceof CommanderError) return exitCodeFor(e); // commander has printed its own message
  if (e instanceof NetspError) {
    error(e.message);
    return exitCodeFor(e);
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  error(
    "internal error — this is a bug in netsp, not a problem with your data.\n" +
      "Please report it with the command you ran and the details below.\n\n" +
      detail,
  );
  return EXIT.internal;
}
