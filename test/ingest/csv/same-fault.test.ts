/**
 * The three CSV readers (the Network Canvas export's csvRows, the three tables' readCsvRows, the per-ego
 * table's readEgoTable) read through one module, so the same fault gets the same code and line from each,
 * and a header gets the same delimiter. Expected values are written by hand beside each case, or come
 * from csv-parse.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { CSV_PROBLEM_CODES, CsvInputError } from "../../../src/ingest/csv/csv-problem-codes.js";
import { csvRows } from "../../../src/ingest/csv/csv-rows.js";
import { detectDelimiter } from "../../../src/ingest/csv/csv-file.js";
import { readEgoTable } from "../../../src/ingest/csv/read-ego-table.js";
import { diskFile } from "../../../src/ingest/source-file.js";
import { readCsvRows, readFirstLine } from "../../../src/ingest/three-file-csv.js";
import { ProblemList, type Problem } from "../../../src/model/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-csv-fault-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(content: string | Uint8Array): string {
  const file = path.join(dir, `t${n++}.csv`);
  writeFileSync(file, content);
  return file;
}

/** What a reader made of a file: its problems' codes and lines (a thrown CsvInputError last), and its rows. */
interface Outcome {
  problems: Array<[string, number | undefined]>;
  rows: string[][];
}

const asPair = (p: Problem): [string, number | undefined] => [p.code, p.line];

async function networkCanvas(file: string): Promise<Outcome> {
  const problems: Problem[] = [];
  const rows: string[][] = [];
  const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
  for await (const row of csvRows(diskFile("t.csv", file, size), (p) => problems.push(p))) rows.push(row.fields);
  return { problems: problems.map(asPair), rows };
}

async function threeFile(file: string): Promise<Outcome> {
  const named = { path: file, file: "t.csv" };
  const problems = new ProblemList();
  const rows: string[][] = [];
  try {
    const delimiter = detectDelimiter(await readFirstLine(named));
    for await (const row of readCsvRows(named, delimiter, problems)) rows.push(row.cells);
  } catch (e) {
    if (!(e instanceof CsvInputError)) throw e;
    problems.report(e.problem);
  }
  return { problems: problems.problems.map(asPair), rows };
}

async function egoTable(file: string): Promise<Outcome> {
  try {
    const { table } = await readEgoTable(file, "t.csv");
    return { problems: [], rows: [table.columns.map((c) => c.id), ...table.rows.map((r) => Object.values(r).map(String))] };
  } catch (e) {
    if (!(e instanceof CsvInputError)) throw e;
    return { problems: [asPair(e.problem)], rows: [] };
  }
}

/** The first problem each reader reports: [code, line]. */
async function firstProblems(content: string | Uint8Array): Promise<Array<[string, number | undefined] | undefined>> {
  const file = write(content);
  return (await Promise.all([networkCanvas(file), threeFile(file), egoTable(file)])).map((o) => o.problems[0]);
}

describe("the same fault, the same code from every CSV reader", () => {
  // Each case: the file, and the [code, line] written out by hand from it.
  const cases: Array<[string, string | Uint8Array, [string, number]]> = [
    ["an empty file", "", ["empty-file", 1]],
    ["a blank first line", "\nid,a\n1,2\n", ["empty-file", 1]],
    ["a quote opened on line 3 and never closed", 'id,note\n1,x\n2,"open\n3,y\n', ["unterminated-quote", 3]],
    ["a quote closed and followed by text on line 2", 'id,note\n1,"a"b\n', ["csv-syntax", 2]],
    ["a row of one field under a header of two, line 3", "id,a\n1,2\n3\n", ["short-row", 3]],
    ["a row of three fields under a header of two, line 2", "id,a\n1,2,3\n", ["long-row", 2]],
    ["Windows-1252 é (0xE9) on line 2", Buffer.from([...Buffer.from("id,name\n1,Ren"), 0xe9, ...Buffer.from("\n")]), ["not-text", 2]],
    ["a NUL byte on line 3", "id\n1\n2\u0000\n", ["not-text", 3]],
    ["a NUL byte in the header", "id\u0000,a\n1,2\n", ["not-text", 1]],
    ["UTF-16 with its byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,a\n1,2\n", "utf16le")]), ["not-text", 1]],
  ];
  for (const [what, content, expected] of cases) {
    it(what, async () => {
      const [nc, three, ego] = await firstProblems(content);
      expect(nc, "Network Canvas").toEqual(expected);
      expect(three, "three tables").toEqual(expected);
      expect(ego, "per-ego table").toEqual(expected);
    });
  }

  it("uses only the documented codes", () => {
    for (const [, , [code]] of cases) expect(CSV_PROBLEM_CODES).toContain(code);
  });

  it("says the same thing about the same fault (a strict reader stops where the export reader reads on)", async () => {
    const file = write("id,a\n1,2,3\n");
    const problems: Problem[] = [];
    for await (const _ of csvRows(diskFile("t.csv", file, 11), (p) => problems.push(p)));
    await expect(readEgoTable(file, "t.csv")).rejects.toThrow(`t.csv:2: ${problems[0].message}`);
    const quote = write('id,note\n1,"open\n');
    await expect(readEgoTable(quote, "t.csv")).rejects.toThrow(
      "t.csv:2: not valid CSV: a quoted field that starts in this row is never closed: the file is cut short or its quotes are broken",
    );
  });

  it("names the table's own delimiter in the hint for a long row", async () => {
    await expect(readEgoTable(write("id;a\n1;2;3\n"), "t.csv")).rejects.toThrow("t.csv:2: this row has 3 fields but the header has 2 (an unquoted semicolon?)");
    await expect(readEgoTable(write("id\ta\n1\t2\t3\n"), "t.csv")).rejects.toThrow("(an unquoted tab?)");
  });

  it("the three tables report a short or long row and skip it; the export reader keeps it", async () => {
    const file = write("id,a\n1,2\n3\n4,5\n");
    const three = await threeFile(file);
    expect(three.problems).toEqual([["short-row", 3]]);
    expect(three.rows).toEqual([["id", "a"], ["1", "2"], ["4", "5"]]);
    expect((await networkCanvas(file)).rows).toEqual([["id", "a"], ["1", "2"], ["3"], ["4", "5"]]);
  });
});

describe("one delimiter detection", () => {
  // Each header, and the delimiter counted by hand: the most frequent of , ; tab outside quotes, ties to the earlier.
  const headers: Array<[string, string]> = [
    ["a,b,c", ","],
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ['"x;y;z",b', ","], // the ; are quoted
    ['"a,b";c;d', ";"],
    ["a;b,c", ","], // a tie
    ["name", ","], // one column
    ['"a""b;c;d",e', ","], // "" inside quotes: the ; stay quoted
  ];
  for (const [header, delimiter] of headers) {
    it(`${JSON.stringify(header)} → ${JSON.stringify(delimiter)}, and every reader reads the rows as csv-parse does`, async () => {
      expect(detectDelimiter(header)).toBe(delimiter);
      const width = (parse(header, { delimiter }) as string[][])[0].length;
      const row = Array.from({ length: width }, (_, i) => String(i + 1)).join(delimiter);
      const text = `${header}\r\n${row}\n${row}\n`;
      const reference = parse(text, { delimiter, record_delimiter: ["\r\n", "\n"], skip_empty_lines: true }) as string[][];
      const file = write(text);
      expect((await threeFile(file)).rows).toEqual(reference);
      const ego = await egoTable(file);
      expect(ego.rows[0]).toEqual(reference[0].map((name) => name.trim()));
      expect(ego.rows.slice(1)).toEqual(reference.slice(1));
      if (delimiter === ",") expect((await networkCanvas(file)).rows).toEqual(reference);
    });
  }
});
