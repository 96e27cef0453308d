import type { ProblemSink, StudyConfig, Variable, VariableSet } from "../model/index.js";
import { ENCRYPTED, parseStrictNumber, stripFormulaGuard } from "./decode-cell.js";
import { quoteCellValue } from "./quote-cell-value.js";
import { readCsvRows, type Delimiter } from "./three-file-csv.js";

/** One table of the three-file format: where it is, how it is delimited, and its columns. */
export interface ThreeFileTable {
  /** Absolute path. */
  path: string;
  /** Name for messages and source references: relative to the input folder. */
  file: string;
  delimiter: Delimiter;
  header: string[];
  /** Cells per row as the file writes them: the header's, empty trailing header cells included. */
  width: number;
  /** The decimal separator of its numbers (config `decimal`). */
  decimal?: "." | ",";
}

/** What one pass over a table learns: per-column value kinds, which egos have rows, and row order. */
export interface TableScan {
  columns: ColumnStats[];
  /** egoIds with at least one row (small: one string per ego). */
  egoIds: Set<string>;
  /** True when every ego's rows are contiguous, so the join can stream with bounded memory. */
  grouped: boolean;
  /** Distinct values of the type column (node or edge type), when there is one. */
  types: Set<string>;
  /** Rows whose type cell is empty (they get the default type). */
  untyped: number;
  rows: number;
}

export interface ColumnStats {
  nonEmpty: number;
  numbers: number;
  booleans: number;
  /** Values that are numbers written with a decimal comma (`1,5`), which are not read as numbers. */
  decimalCommas?: number;
  /** The first value that is neither a number nor a boolean, with its line, for messages. */
  firstText?: { value: string; line: number };
  /** The first value that is not a number, with its line (for the "mixed column" warning). */
  firstNonNumber?: { value: string; line: number };
  /** Distinct values seen, up to {@link MAX_DISTINCT}. */
  distinct: Set<string>;
}

/** A number with a decimal comma and no thousands separator: `1,5`, `-0,25`. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** Distinct values kept per column (enough for any categorical variable). */
export const MAX_DISTINCT = 1000;

/** One table to scan: scanTable's arguments. */
export interface TableScanJob {
  table: ThreeFileTable;
  egoIdIndex: number;
  typeIndex: number | undefined;
}

/**
 * Scans tables somewhere else (worker threads), all at once; a scan that fails comes back undefined and is
 * done again in this thread, which reports what is wrong exactly as a one-thread read does.
 */
export interface TableScanPool {
  scan(jobs: TableScanJob[]): Promise<Array<TableScan | undefined>>;
}

/** Reads a table once, counting value kinds per column and checking whether rows are grouped by ego. */
export async function scanTable(table: ThreeFileTable, egoIdIndex: number, typeIndex: number | undefined): Promise<TableScan> {
  const columns: ColumnStats[] = table.header.map(() => ({ nonEmpty: 0, numbers: 0, booleans: 0, distinct: new Set() }));
  const egoIds = new Set<string>();
  const types = new Set<string>();
  let grouped = true;
  let previous: string | undefined;
  let rows = 0;
  let untyped = 0;
  let header = true;
  // Row problems are reported when egos() reads the rows again, not twice.
  for await (const row of readCsvRows(table, table.delimiter, { report: () => undefined })) {
    if (header) {
      header = false;
      continue;
    }
    rows++;
    const egoId = row.cells[egoIdIndex];
    if (egoId !== previous) {
      if (egoIds.has(egoId)) grouped = false;
      previous = egoId;
    }
    egoIds.add(egoId);
    if (typeIndex !== undefined) {
      if (row.cells[typeIndex] === "") untyped++;
      else types.add(row.cells[typeIndex]);
    }
    row.cells.forEach((raw, i) => {
      const value = stripFormulaGuard(raw);
      if (value === "" || value === ENCRYPTED) return;
      const s = columns[i];
      s.nonEmpty++;
      if (parseStrictNumber(value) !== null) s.numbers++;
      else {
        if (DECIMAL_COMMA.test(value)) s.decimalCommas = (s.decimalCommas ?? 0) + 1;
        s.firstNonNumber ??= { value, line: row.line };
        const lower = value.toLowerCase();
        if (lower === "true" || lower === "false") s.booleans++;
        else s.firstText ??= { value, line: row.line };
      }
      if (s.distinct.size < MAX_DISTINCT) s.distinct.add(value);
    });
  }
  return { columns, egoIds, grouped, types, untyped, rows };
}

/**
 * Variables for the given columns, typed from the scan: `number` when every non-empty value is a strict
 * number (decode-cell's rule), `boolean` when every one is `true`/`false` (any case), `categorical` when
 * `config.composition` lists it (options: the configured categories, else the values seen, in natural
 * order; pass the config for alter columns only), else `text`. A column of mostly numbers with some
 * non-numbers (often `NA` or `n/a`) is read as text, with a warning. An all-empty column is `text`.
 *
 * Example: values 34, 51, 28.5 → number; true, false, "" → boolean; "female" with composition.gender → categorical.
 */
export function inferVariables(
  table: ThreeFileTable,
  scan: TableScan,
  columnIndexes: number[],
  config: StudyConfig | undefined,
  problems: ProblemSink,
): VariableSet {
  const composition = new Map<string, NonNullable<StudyConfig["composition"]>[string]>();
  for (const [name, c] of Object.entries(config?.composition ?? {})) composition.set(config?.aliases?.[name] ?? name, c);
  const collator = new Intl.Collator("en", { numeric: true });
  const variables: VariableSet = {};
  for (const i of columnIndexes) {
    const name = table.header[i];
    const s = scan.columns[i];
    const c = composition.get(name);
    let variable: Variable;
    if (c !== undefined) {
      const values = c.categories ?? [...s.distinct].sort(collator.compare);
      variable = {
        name,
        type: "categorical",
        options: values.map((value) => ({ value, label: c.labels?.[value] ?? value })),
        source: c.categories ? "config" : "inferred",
      };
    } else if (s.nonEmpty > 0 && s.numbers === s.nonEmpty) {
      variable = { name, type: "number", source: "inferred" };
    } else if (s.nonEmpty > 0 && s.booleans === s.nonEmpty) {
      variable = { name, type: "boolean", source: "inferred" };
    } else {
      variable = { name, type: "text", source: "inferred" };
      const commas = s.decimalCommas ?? 0;
      if (commas > 0 && s.numbers + commas === s.nonEmpty && s.firstNonNumber !== undefined) {
        // Every value is a number, some with a decimal comma: say so, rather than read the column as text quietly.
        problems.report({
          severity: "warning",
          code: "decimal-comma",
          file: table.file,
          line: s.firstNonNumber.line,
          message:
            `column ${name} holds numbers written with a decimal comma (${quoteCellValue(s.firstNonNumber.value)}), so it is read as text ` +
            "and used in no statistic: write decimals with a point (1.5)",
        });
      } else if (s.numbers > 0 && s.firstNonNumber !== undefined && s.numbers >= s.nonEmpty / 2) {
        // The value is not quoted: a text column is personal data until the config says otherwise.
        problems.report({
          severity: "warning",
          code: "mixed-column",
          file: table.file,
          line: s.firstNonNumber.line,
          message:
            `column "${name}" is mostly numbers but also holds text (first at this line), so it is read as text, which is identifying ` +
            `and used in no table; leave missing values empty, or declare it: "variables": {"<entity>.${name}": {"type": "number", "missing": ["NA"]}}`,
        });
      }
    }
    variables[name] = variable;
  }
  return variables;
}
