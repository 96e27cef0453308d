import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse, CsvError } from "csv-parse";
import { InputError } from "../errors.js";
import type { ProblemSink } from "../model/index.js";

/** Delimiters the three-file reader accepts, in the order ties are broken. */
export const THREE_FILE_DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof THREE_FILE_DELIMITERS)[number];

/** A file to read: its path on disk, and its name for messages (relative to the input). */
export interface NamedFile {
  path: string;
  file: string;
  /** The decimal separator of the numbers in it (config `decimal`); "," cells are read as points. */
  decimal?: "." | ",";
}

/** A CSV row: its cells and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * The delimiter of a table: whichever of `,` `;` tab occurs most often (outside quotes) in its header line.
 * A header with none of them is one column, read as `,`.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>(THREE_FILE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: Delimiter = ",";
  for (const d of THREE_FILE_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Reads the first line of a file (up to 64 KiB), without its BOM or line end. */
export async function readFirstLine({ path, file }: NamedFile): Promise<string> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    throw new InputError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file });
  }
  try {
    const buffer = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.includes(0)) throw new InputError("the file contains NUL bytes: it is not a CSV text file", { file, line: 1 });
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/** UTF-8 text of a file, chunk by chunk; invalid UTF-8 or a NUL byte is an InputError. */
async function* utf8Chunks({ path, file }: NamedFile): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) throw new InputError("the file contains NUL bytes: it is not a CSV text file", { file });
      try {
        yield decoder.decode(chunk, { stream: true });
      } catch {
        throw new InputError("the file is not UTF-8 text (save it as UTF-8 CSV)", { file });
      }
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file });
  } finally {
    stream.destroy();
  }
}

/**
 * Streams the rows of a delimited file, header included (line 1). Blank lines are skipped. A row whose
 * cell count differs from the header's is reported (error `row-length`) and skipped; an unterminated
 * quote is an InputError at its line.
 */
export async function* readCsvRows(named: NamedFile, delimiter: Delimiter, problems: ProblemSink): AsyncGenerator<CsvRow> {
  const { file } = named;
  const source = Readable.from(utf8Chunks(named));
  const parser = parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  source.on("error", (e) => parser.destroy(e)); // .pipe() alone would not pass a read error on
  source.pipe(parser);
  let width: number | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      let newlines = 0;
      for (const cell of record) for (const c of cell) if (c === "\n") newlines++;
      const line = info.lines - newlines;
      if (width === undefined) width = record.length;
      else if (named.decimal === ",") record.forEach((cell, i) => (record[i] = pointDecimal(cell)));
      else if (record.length !== width) {
        problems.report({
          severity: "error",
          code: "row-length",
          file,
          line,
          message: `the row has ${record.length} cells but the header has ${width}; the row was skipped (is a cell with a delimiter unquoted?)`,
        });
        continue;
      }
      yield { cells: record, line };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new InputError(`not valid CSV: ${e.message.replace(/ at line \d+$/, "")}`, { file, line });
    }
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/**
 * A number written with a decimal comma as netsp reads numbers (config `"decimal": ","`): `12,5` → `12.5`,
 * `1.234,5` → `1234.5`, `1.234` → `1234` (a point groups thousands there); any other cell as it is.
 */
export function pointDecimal(cell: string): string {
  if (/^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$/.test(cell)) return cell.replace(/\./g, "").replace(",", ".");
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(cell)) return cell.replace(/\./g, "");
  return cell;
}
