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
