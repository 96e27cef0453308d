/** A data problem found while reading or validating. Errors mean the data cannot be trusted as it stands. */
export interface Problem {
  severity: "error" | "warning";
  /** Stable machine-readable kind, e.g. `unknown-endpoint`, `duplicate-tie`. */
  code: string;
  file: string;
  /** 1-based line (the header is line 1); absent when the problem concerns a whole file. */
  line?: number;
  column?: number;
  /** The ego the problem belongs to, when known. */
  egoId?: string;
  message: string;
}

/** Where readers and validators send problems. Keeps reading going so every problem is reported. */
export interface ProblemSink {
  report(problem: Problem): void;
}

/** A sink that keeps every problem, in order. */
export class ProblemList implements ProblemSink {
  readonly problems: Problem[] = [];
  report(problem: Problem): void {
    this.problems.push(problem);
  }
  get errors(): Problem[] {
    return this.problems.filter((p) => p.severity === "error");
  }
  get warnings(): Problem[] {
    return this.problems.filter((p) => p.severity === "warning");
  }
}

/** `file:line:column`, omitting what is unknown (a column only with a line). */
export function formatLocation(location: { file: string; line?: number; column?: number }): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

/**
 * A problem on one line for people: `file:line:column: message`. The one way every command, report.md and
 * report.html print a problem (validate's report, grouped by file, is a table of its own).
 */
export function formatProblem(problem: Problem): string {
  return `${formatLocation(problem)}: ${problem.message}`;
}
