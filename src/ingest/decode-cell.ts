import type { ProblemSink, Value, Variable } from "../model/index.js";
import { quoteCellValue } from "./quote-cell-value.js";

/** Where a cell sits, for problems: file, 1-based line and column, and the ego when known. */
export interface CellLocation {
  file: string;
  line: number;
  column?: number;
  egoId?: string;
}

/** One option column of a categorical variable (`<name>_<option>`), with its raw cell. */
export interface OptionCell {
  option: string;
  raw: string;
  column?: number;
}

/** Cells Fresco writes for encrypted variables; they carry no data. */
export const ENCRYPTED = "ENCRYPTED";

/** Decimal numbers only: no thousands separators, no decimal commas, no hex, no Infinity/NaN. */
const STRICT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Decodes one cell of an export into a Value, following the Network Canvas cell encodings:
 * - empty → null; `ENCRYPTED` → null (one warning per variable);
 * - a leading `'` is removed when the rest begins with `= + - @`, tab or CR (Fresco's spreadsheet formula
 *   guard, OWASP "CSV Injection"), so `'-5` is the number -5 and `'=x` the text `=x`;
 * - boolean: `true`/`false` (any case); number, scalar, layout coordinate: strict decimal numbers only —
 *   `1,5`, `12abc`, `1.2.3` are errors naming file, line and column, and the value becomes null;
 * - categorical: the chosen options of its option columns as a string[]; all `false` → [] (older exports
 *   cannot tell "none chosen" from unanswered); all empty → null; a chosen option the codebook does not list
 *   is kept and warned about once per variable and option. A single text cell becomes a one-option list;
 * - ordinal, text, datetime: the text (an ordinal value the codebook does not list is warned about);
 * - unknown (no codebook): `true`/`false` → boolean, a strict number without a leading zero → number,
 *   anything else → text.
 * `raw` and `where` are only read during the call, so callers may reuse them from cell to cell.
 *
 * Example: decodeCell("'-5", {name: "Age", type: "number"}, where, sink) === -5.
 */
export function decodeCell(
  raw: string | readonly OptionCell[],
  variable: Variable,
  where: CellLocation,
  problems: ProblemSink,
): Value {
  if (typeof raw !== "string") return decodeOptions(raw, variable, where, problems);
  const text = stripFormulaGuard(raw);
  if (text === "") return null;
  if (variable.missing !== undefined && isMissingCode(text, variable.missing)) return null;
  if (text === ENCRYPTED) {
    once(problems, variable, ENCRYPTED, () =>
      problems.report({
        severity: "warning",
        code: "encrypted",
        ...at(where),
        message: `${variable.name}: values are ENCRYPTED in this export and are read as missing`,
      }),
    );
    return null;
  }
  switch (variable.type) {
    case "boolean": {
      const b = parseBoolean(text);
      if (b === null) return invalid(text, variable, where, problems, "not-a-boolean", "is not true or false");
      return b;
    }
    case "number":
    case "scalar":
    case "layout": {
      const n = parseStrictNumber(text);
      if (n === null) {
        const hint = /^\d+,\d+$/.test(text) ? " (use a point as the decimal separator)" : "";
        return invalid(text, variable, where, problems, "not-a-number", `is not a number${hint}`);
      }
      return n;
    }
    case "categorical":
      checkOption(text, variable, where, problems);
      return [text];
    case "ordinal":
      checkOption(text, variable, where, problems);
      return text;
    case "unknown": {
      if (text === "true") return true;
      if (text === "false") return false;
      if (!/^[+-]?0\d/.test(text)) {
        const n = parseStrictNumber(text);
        if (n !== null) return n;
      }
      return text;
    }
    default:
      return text;
  }
}

/** Removes Fresco's formula guard: `'` followed by `= + - @`, tab or CR. */
export function stripFormulaGuard(raw: string): string {
  return raw.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}

/** A finite decimal number, or null when `text` is not strictly one (`1,5`, `12abc`, `1.2.3`, `Infinity`). */
export function parseStrictNumber(text: string): number | null {
  if (!STRICT_NUMBER.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n; // no -0
}

function parseBoolean(text: string): boolean | null {
  if (text === "true") return true;
  if (text === "false") return false;
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return null;
}

function decodeOptions(
  cells: readonly OptionCell[],
  variable: Variable,
  where: CellLocation,
  problems: ProblemSink,
): Value {
  const chosen: string[] = [];
  let answered = false;
  for (const cell of cells) {
    const text = stripFormulaGuard(cell.raw);
    if (text === "" || text === ENCRYPTED) continue;
    const b = parseBoolean(text);
    if (b === null) {
      problems.report({
        severity: "error",
        code: "not-a-boolean",
        ...at({ ...where, column: cell.column ?? where.column }),
        message: `${variable.name}_${cell.option}: ${quoteCellValue(text)} is not true or false; read as missing`,
      });
      continue;
    }
    answered = true;
    if (b) {
      chosen.push(cell.option);
      checkOption(cell.option, variable, where, problems, true, cell.column);
    }
  }
  if (!answered) {
    if (cells.some((c) => stripFormulaGuard(c.raw) === ENCRYPTED)) return decodeCell(ENCRYPTED, variable, where, problems);
    return null;
  }
  // Codebook order when the codebook lists the options, else column order.
  if (variable.options && chosen.length > 1) {
    const rank = new Map(variable.options.map((o, i) => [o.value, i]));
    chosen.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  }
  return chosen;
}

/** `fromHeader`: the option is named by an option column's header, not by a cell, so it is shown as it is. */
function checkOption(value: string, variable: Variable, where: CellLocation, problems: ProblemSink, fromHeader = false, column?: number): void {
  if (!variable.options || variable.options.some((o) => o.value === value)) return;
  once(problems, variable, `option:${value}`, () =>
    problems.report({
      severity: "warning",
      code: "unknown-option",
      ...at({ ...where, column: column ?? where.column }),
      message: `${variable.name}: option ${fromHeader ? quote(value) : quoteCellValue(value)} is not in the codebook (${variable.options!
        .map((o) => o.value)
        .join(", ")}); kept as given`,
    }),
  );
}

/** A declared missing code (config `missing`): `999` matches the cell `999` and `999.0`; text matches exactly. */
function isMissingCode(text: string, codes: ReadonlyArray<string | number>): boolean {
  for (const code of codes) {
    if (typeof code === "number" ? parseStrictNumber(text) === code : text === code) return true;
  }
  return false;
}

function invalid(
  text: string,
  variable: Variable,
  where: CellLocation,
  problems: ProblemSink,
  code: string,
  what: string,
): null {
  if (variable.source === "inferred" || variable.source === "graphml") {
    // The type came from the first rows; a later cell that does not fit is no data error, and is not quoted
    // (it may be a name or other text).
    once(problems, variable, `inferred:${code}`, () =>
      problems.report({
        severity: "warning",
        code: "inferred-type-mismatch",
        ...at(where),
        message:
          `${variable.name}: read as ${variable.type} from the values of the first rows, but this cell is not one; read as missing. ` +
          `Declare the type in netsp.config.json ("variables") to read it otherwise`,
      }),
    );
    return null;
  }
  problems.report({
    severity: "error",
    code,
    ...at(where),
    message: `${variable.name}: ${quoteCellValue(text)} ${what}; read as missing`,
  });
  return null;
}

function at(where: CellLocation): { file: string; line: number; column?: number; egoId?: string } {
  const out: { file: string; line: number; column?: number; egoId?: string } = { file: where.file, line: where.line };
  if (where.column !== undefined) out.column = where.column;
  if (where.egoId !== undefined) out.egoId = where.egoId;
  return out;
}

function quote(text: string): string {
  const shown = text.length > 40 ? text.slice(0, 37) + "..." : text;
  return JSON.stringify(shown);
}

/**
 * Warnings that would repeat on every row (ENCRYPTED, an unknown option) are reported once per variable
 * and sink. The memory lives as long as the sink does.
 */
const reported = new WeakMap<ProblemSink, WeakMap<Variable, Set<string>>>();

function once(problems: ProblemSink, variable: Variable, key: string, report: () => void): void {
  let byVariable = reported.get(problems);
  if (!byVariable) reported.set(problems, (byVariable = new WeakMap()));
  let keys = byVariable.get(variable);
  if (!keys) byVariable.set(variable, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  report();
}
