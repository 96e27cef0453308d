import { chalkStderr } from "chalk";
import { DataError } from "../errors.js";
import { formatProblem, type Problem } from "../model/index.js";

/** Messages for people go to stderr; colour only when stderr is a terminal (chalk checks). */
const err = chalkStderr;

export function info(message: string): void {
  process.stderr.write(message + "\n");
}

export function warn(message: string): void {
  process.stderr.write(err.yellow("warning: ") + message + "\n");
}

export function error(message: string): void {
  process.stderr.write(err.red("error: ") + message + "\n");
}

export function success(message: string): void {
  process.stderr.write(err.green(message) + "\n");
}

export const style = {
  bold: (s: string) => err.bold(s),
  dim: (s: string) => err.dim(s),
  red: (s: string) => err.red(s),
  yellow: (s: string) => err.yellow(s),
  green: (s: string) => err.green(s),
};

/** Data errors printed one per line before a command gives up; the rest are counted. */
export const ERRORS_SHOWN = 50;

/** Prints the data's errors (the first ERRORS_SHOWN), then stops the command with `message` (exit 1). */
export function stopOnDataErrors(errors: readonly Problem[], message: string): never {
  for (const p of errors.slice(0, ERRORS_SHOWN)) error(formatProblem(p));
  if (errors.length > ERRORS_SHOWN) error(`… and ${errors.length - ERRORS_SHOWN} more (\`netsp validate\` lists them all)`);
  throw new DataError(message, errors.length);
}
