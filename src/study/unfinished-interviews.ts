import type { Ego } from "../model/index.js";

/** An interview that was not completed: its ego id, how it ended, and how many alters it had. */
export interface UnfinishedInterview {
  egoId: string;
  /** `ineligible`, `terminated` (Fresco's networkCanvasFinishOutcome), another recorded outcome, or `not finished`. */
  outcome: string;
  alters: number;
}

/** What an unfinished interview is called when the export records no outcome, only an empty sessionFinish. */
export const NOT_FINISHED = "not finished";

/** Outcomes shown as they are written; anything else in that column is shown as "unrecognised outcome". */
const OUTCOME_WORD = /^[A-Za-z][A-Za-z _-]{0,39}$/;

/**
 * How an interview ended, when it was not completed; null when it was (or when the export cannot say).
 * The rule: an outcome is recorded (networkCanvasFinishOutcome not empty) and is not `completed`; or,
 * with no outcome recorded, the export has a sessionFinish column and it is empty (the session was never
 * finished). An empty outcome alone says nothing: Fresco leaves it empty for interviews from before it
 * recorded outcomes, and older exports have no such column.
 *
 * Example: {finishOutcome: "terminated"} → "terminated"; {sessionFinish: ""} → "not finished";
 * {finishOutcome: "completed", sessionFinish: "2024-…"} → null.
 */
export function unfinishedOutcome(meta: Ego["meta"]): string | null {
  const outcome = (meta.finishOutcome ?? "").trim();
  if (outcome !== "") {
    if (outcome.toLowerCase() === "completed") return null;
    return OUTCOME_WORD.test(outcome) ? outcome : "unrecognised outcome";
  }
  if (meta.sessionFinish !== undefined && meta.sessionFinish.trim() === "") return NOT_FINISHED;
  return null;
}

/**
 * The one warning about the unfinished interviews of a study: each by ego id (as `shown` gives it), with its
 * outcome and number of alters, and whether they were left out (the default) or kept (`--include-unfinished`).
 * null when there are none.
 */
export function unfinishedWarning(interviews: readonly UnfinishedInterview[], kept: boolean, shown: (egoId: string) => string = (id) => id): string | null {
  if (interviews.length === 0) return null;
  const n = interviews.length;
  const list = interviews.map((u) => `${shown(u.egoId)} (${u.outcome}, ${u.alters} alter${u.alters === 1 ? "" : "s"})`).join(", ");
  const what = `${n} unfinished interview${n === 1 ? "" : "s"}`;
  return kept
    ? `${what} kept, as --include-unfinished asks: ${list}`
    : `${what} left out of every table (--include-unfinished keeps ${n === 1 ? "it" : "them"}): ${list}`;
}
