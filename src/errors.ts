/**
 * Typed errors. Every failure netsp reports is one of these; the CLI maps each class to an exit code in
 * one place (`src/cli/exit-codes.ts`). Anything else that escapes is a bug and is reported as one.
 */

import { formatLocation } from "./model/problem.js";

/** Base class: a message meant for the user, never a stack trace. */
export class NetspError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line or the configuration is wrong (exit 2). */
export class UsageError extends NetspError {}

/** Where in an input a problem sits. `line` and `column` are 1-based; either may be unknown. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** An input cannot be read or trusted (exit 1). Names the file, and the line and column when known. */
export class InputError extends NetspError {
  readonly location: Location | undefined;
  constructor(message: string, location?: Location) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.location = location;
  }
}

/** Validation found errors in the data, so no results are produced (exit 1). */
export class DataError extends NetspError {
  readonly errorCount: number;
  constructor(message: string, errorCount: number) {
    super(message);
    this.errorCount = errorCount;
  }
}

/** An output could not be written (exit 1). */
export class OutputError extends NetspError {}
