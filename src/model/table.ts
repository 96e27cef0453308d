/** A cell: numbers stay numbers until a writer formats them; `null` is undefined/missing. */
export type Cell = string | number | boolean | null;

export interface Column {
  id: string;
  /** Header shown in Markdown and terminal output; CSV and JSON use `id`. */
  label?: string;
  /** What the column holds, in words (a measure's title): the variable label in SPSS and Stata files, else `label`. Other writers ignore it. */
  description?: string;
  /** Fixed decimals for display; absent means full precision. */
  decimals?: number;
  /** Display as a percentage (value already in 0–100), with a % sign. */
  percent?: boolean;
  /** A p-value: displayed APA style (`.042`, `< .001`; `decimals`, default 3); CSV and JSON keep full precision. */
  pValue?: boolean;
  /** Measurement level for SPSS and Stata files; absent: nominal for text and booleans, else scale. Other writers ignore it. */
  level?: "nominal" | "ordinal" | "scale";
  /** Labels of values (codes or categories, in order) for SPSS and Stata files. Other writers ignore them. */
  valueLabels?: ReadonlyArray<{ value: number | string; label: string }>;
}

/** A rectangular result: the one shape every writer accepts. */
export interface Table {
  name: string;
  title?: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
  /** Lines printed under the table in Markdown (sources, notes, reasons for nulls). */
  notes?: string[];
  /** A version for reading (Markdown, terminal) when it differs from the data (CSV, JSON, xlsx). */
  display?: Table;
}

/**
 * A table too large to hold as rows (alters.csv of a large study): its columns, and its rows in chunks made
 * when asked, each time afresh. CSV is written chunk by chunk; other writers take the rows whole
 * (`tableOfStream` in tables/).
 */
export interface TableStream {
  name: string;
  title?: string;
  columns: Column[];
  rowCount: number;
  chunks(): Iterable<Array<Record<string, Cell>>>;
  /** The same rows as CSV (header included), when the stream can give it faster than from `chunks`. */
  csv?(): Iterable<string>;
}
