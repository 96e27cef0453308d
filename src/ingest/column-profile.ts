import { ENCRYPTED, parseStrictNumber, stripFormulaGuard } from "./decode-cell.js";

/** What the values of one column look like, counted over the rows read for inference. */
export interface ColumnProfile {
  /** Non-empty cells. */
  cells: number;
  /** Empty cells (and ENCRYPTED ones, which carry no value). */
  empty: number;
  /** Cells that are `true` or `false` (any case). */
  booleans: number;
  /** Cells that are strict decimal numbers without a leading zero (`007` is a code, not a number). */
  numbers: number;
  /** Cells that are dates as Network Canvas writes them: `yyyy-MM-dd` or `yyyy-MM`, optionally with a time. */
  dates: number;
}

/** What a column's values say it is. */
export type ColumnEvidenceKind = "option" | "boolean" | "number" | "datetime" | "text" | "empty";

/** Evidence about one column for inference; `option` may name the exact variable (GraphML key ids do). */
export interface ColumnEvidence {
  kind: ColumnEvidenceKind;
  option?: { variable: string; value: string };
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function emptyProfile(): ColumnProfile {
  return { cells: 0, empty: 0, booleans: 0, numbers: 0, dates: 0 };
}

/** Counts one raw cell into a profile (Fresco's formula guard removed first, as decoding does). */
export function profileCell(profile: ColumnProfile, raw: string): void {
  const text = stripFormulaGuard(raw);
  if (text === "" || text === ENCRYPTED) {
    profile.empty++;
    return;
  }
  profile.cells++;
  const lower = text.length <= 5 ? text.toLowerCase() : "";
  if (lower === "true" || lower === "false") profile.booleans++;
  else if (!/^[+-]?0\d/.test(text) && parseStrictNumber(text) !== null) profile.numbers++;
  else if (DATE.test(text)) profile.dates++;
}

/**
 * The documented inference rules for one column:
 * - `option`: `true`/`false` in every row read (a categorical's option columns are always written, all
 *   `false` when unanswered), so a column with an empty cell is never an option;
 * - `boolean`: only `true`/`false` and empty cells;
 * - `number`: only strict numbers (and empty cells), exactly as a GraphML int/double key;
 * - `datetime`: only dates (`yyyy-MM-dd`, `yyyy-MM`);
 * - `empty`: no value in any row read;
 * - `text`: anything else.
 *
 * Example: cells "true", "false", "" → boolean; "true", "false" → option; "3", "-1" → number.
 */
export function evidenceOf(profile: ColumnProfile): ColumnEvidenceKind {
  const { cells, empty, booleans, numbers, dates } = profile;
  if (cells === 0) return "empty";
  if (booleans === cells) return empty === 0 ? "option" : "boolean";
  if (numbers === cells) return "number";
  if (dates === cells) return "datetime";
  return "text";
}
