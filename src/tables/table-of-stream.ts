import type { Table, TableStream } from "../model/table.js";

/**
 * Every row of a table stream, held whole: for the writers that need all of a column at once (SPSS, Stata,
 * JSON, xlsx, netsp.R's column classes, GraphML's key types). Memory grows with the rows.
 *
 * Example: tableOfStream({ name: "ties", columns, rowCount: 2, chunks: () => [[r1], [r2]] }).rows → [r1, r2].
 */
export function tableOfStream(stream: TableStream): Table {
  const rows: Table["rows"] = [];
  for (const chunk of stream.chunks()) for (const row of chunk) rows.push(row);
  return { name: stream.name, ...(stream.title !== undefined ? { title: stream.title } : {}), columns: stream.columns, rows };
}
