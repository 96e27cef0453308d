import { open, readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { InputError } from "../../errors.js";
import type { Cell, Table } from "../../model/index.js";

/** A Network Canvas `…_ego.csv` given directly (its header starts with networkCanvasEgoUUID) is an export, not a table. */
export async function isNetworkCanvasEgoFile(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return /^\uFEFF?"?networkCanvasEgoUUID"?[,;\t]/.test(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** A per-ego CSV as a Table, with the line each row starts on. */
export async function readEgoTable(file: string, display = file): Promise<{ table: Table; rowLines: number[] }> {
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("not UTF-8 text: save the table as CSV (UTF-8)", { file: display });
  }
  if (text.includes("\u0000")) throw new InputError("not a text table (it holds NUL bytes): save it as CSV", { file: display });
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new InputError("the file is empty", { file: display });
  const delimiter = detectDelimiter(text);

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
  } catch (e) {
    const error = e as { message: string; lines?: number };
    throw new InputError(error.message.replace(/^Invalid Record Length: /, ""), { file: display, line: error.lines });
  }
  const [header, ...body] = records;
  const columns = header.record.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === "") throw new InputError(`column ${i + 1} has no name in the header`, { file: display, line: 1, column: i + 1 });
    if (seen.has(name)) throw new InputError(`the column "${name}" appears twice in the header`, { file: display, line: 1, column: i + 1 });
    seen.add(name);
  });

  const rows: Array<Record<string, Cell>> = [];
  const rowLines: number[] = [];
  for (const { record, info } of body) {
    const row: Record<string, Cell> = {};
    record.forEach((raw, i) => {
      const cell = parseCell(raw, delimiter);
      if (cell === undefined) {
        throw new InputError(`"${raw.trim()}" is too large to be a number`, { file: display, line: info.lines, column: i + 1 });
      }
      row[columns[i]] = cell;
    });
    rows.push(row);
    rowLines.push(info.lines);
  }
  return { table: { name: "ego-rows", columns: columns.map((id) => ({ id })), rows }, rowLines };
}

/** The delimiter the header line uses most: `,`, `;` or tab (ties go to `,`). */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates: Array<[string, number]> = [
    [",", count(",")],
    [";", count(";")],
    ["\t", count("\t")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ",";
}

const MISSING = new Set(["", "NA", "N/A", "NaN", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * One cell: missing markers (empty, NA, N/A, NaN, `.`) → null; a plain decimal number → number (no thousands
 * separators, no units; in `;`-separated files a decimal comma is accepted: `1,5` → 1.5); anything else → text,
 * with a spreadsheet formula guard (`'` before `= + - @`) removed. undefined when a number overflows.
 */
function parseCell(raw: string, delimiter: string): Cell | undefined {
  const text = raw.trim();
  if (MISSING.has(text)) return null;
  let numeric: string | null = null;
  if (NUMBER.test(text)) numeric = text;
  else if (delimiter === ";" && DECIMAL_COMMA.test(text)) numeric = text.replace(",", ".");
  if (numeric !== null) {
    const value = Number(numeric);
    return Number.isFinite(value) ? value : undefined;
  }
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}
