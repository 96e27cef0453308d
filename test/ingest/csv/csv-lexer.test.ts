import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvLexer, type CsvRun } from "../../../src/ingest/csv/csv-lexer.js";
import { csvRecords } from "../../../src/ingest/csv/csv-records.js";
import { csvRows, csvRuns, type CsvRow } from "../../../src/ingest/csv/csv-rows.js";
import { memoryFile } from "../../../src/ingest/source-file.js";
import type { Problem } from "../../../src/model/index.js";

/**
 * The fast path of csvRows (CsvLexer) must split text exactly as csv-parse does with csvRows' options, or
 * give up before the first record it would split differently. The reference is csv-parse itself: its
 * records, and its line count corrected as csvRows corrects it (a CRLF inside quotes is one line).
 */
const OPTIONS = { relax_column_count: true, bom: true, record_delimiter: ["\r\n", "\n", "\r"] };

/** csv-parse's records with the line each starts on, up to its first error. */
function reference(text: string): Array<{ fields: string[]; line: number }> {
  const out: Array<{ fields: string[]; line: number }> = [];
  let extra = 0;
  const breaks = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const crlfs = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\r\n/g)?.length ?? 0), 0);
  try {
    parse(text, {
      ...OPTIONS,
      on_record: (record: string[], context: { lines: number }) => {
        extra += crlfs(record);
        out.push({ fields: record, line: context.lines - extra - breaks(record) });
        return record;
      },
    });
  } catch {
    // the records before the error are compared; the lexer must have given up by then
  }
  return out;
}

/** What the lexer makes of the text given in pieces: its records, and whether it gave up. */
function lex(pieces: string[]): { records: Array<{ fields: string[]; line: number }>; gaveUp: boolean } {
  const lexer = new CsvLexer();
  const out: Array<CsvRow | CsvRun> = [];
  for (let i = 0; i < pieces.length; i++) {
    if (lexer.push(pieces[i], i === pieces.length - 1, out) !== undefined) return { records: out as CsvRow[], gaveUp: true };
  }
  return { records: out as CsvRow[], gaveUp: false };
}

// Text made mostly of CSV's special characters, so quotes, line ends and delimiters meet in every way.
const csvText = fc
  .array(fc.constantFrom("a", "b", "é", ",", ",", '"', '"', "\n", "\r\n", "\r", " ", '""', "x,y", '"q"'), { maxLength: 60 })
  .map((parts) => parts.join(""));

/** Well-formed CSV (every field quoted when it must be), so the lexer never gives up. */
const wellFormed = fc
  .array(fc.array(fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", " ", "é") , maxLength: 6 }), { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((records) =>
    fc.tuple(fc.constant(records), fc.constantFrom("\n", "\r\n", "\r"), fc.boolean()).map(([rs, eol, last]) =>
      rs.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f)).join(",")).join(eol) + (last ? eol : ""),
    ),
  );

/** Cuts text into pieces at the given points (as csvRows is fed chunk by chunk). */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe("CsvLexer (csvRows' fast path) against csv-parse", () => {
  it("gives csv-parse's records and lines, or gives up first, on arbitrary text cut anywhere", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 4 }), (text, points) => {
        const expected = reference(text);
        const { records, gaveUp } = lex(cut(text, points));
        if (!gaveUp) expect(records).toEqual(expected);
        else expect(records).toEqual(expected.slice(0, records.length));
      }),
      { numRuns: 3000 },
    );
  });

  it("never gives up on well-formed CSV, whatever its line ends", () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 3 }), (text, points) => {
        const { records, gaveUp } = lex(cut(text, points));
        expect(gaveUp).toBe(false);
        expect(records).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("hands over at a stray quote, and csvRows then reports it on its true line (CRLF inside quotes counted once)", async () => {
    const good = Array.from({ length: 300 }, (_, i) => `${i},"two\r\nlines",x`).join("\r\n");
    const text = `a,b,c\r\n${good}\r\n7,ba"d,x\r\n8,ok,x\r\n`;
    const problems: Problem[] = [];
    const rows: CsvRow[] = [];
    for await (const row of csvRows(memoryFile("f.csv", "/f.csv", new TextEncoder().encode(text)), (p) => problems.push(p))) rows.push(row);
    // Header on line 1; record i on lines 2 + 2i and 3 + 2i; the bad record on line 602, the last on 603.
    expect(rows[300]).toEqual({ fields: ["299", "two\r\nlines", "x"], line: 600 });
    expect(rows.at(-1)).toEqual({ fields: ["8", "ok", "x"], line: 603 });
    expect(problems.map((p) => [p.code, p.line])).toEqual([["csv-syntax", 602]]);
  });
});

describe("csvRuns and csvRecords", () => {
  /** Rows keyed by their second column, in random groups, with blank lines and quoted fields. */
  const keyed = fc
    .array(
      fc.record({ key: fc.constantFrom("k1", "k2", "", "k3"), value: fc.constantFrom("v", "w,x", 'say "hi"', "two\nlines", ""), blank: fc.boolean() }),
      { maxLength: 40 },
    )
    .map((rows) => {
      const cell = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
      return "id,key,value\r\n" + rows.map((r, i) => `${i},${cell(r.key)},${cell(r.value)}\r\n${r.blank ? "\r\n" : ""}`).join("");
    });

  it("split into runs of one key that give back exactly csvRows' rows and lines", async () => {
    await fc.assert(
      fc.asyncProperty(keyed, async (text) => {
        const file = memoryFile("f.csv", "/f.csv", new TextEncoder().encode(text));
        const expected: CsvRow[] = [];
        for await (const row of csvRows(file)) expected.push(row);
        const runs: CsvRun[] = [];
        for await (const batch of csvRuns(file, 1)) runs.push(...batch);
        const rows = runs.flatMap((run) => {
          const got = csvRecords(run.text, run.line, 3, "f.csv");
          expect(got).toHaveLength(run.rows);
          for (const r of got) expect(r.fields[1]).toBe(run.key);
          return got;
        });
        expect(rows).toEqual(expected.slice(1));
      }),
      { numRuns: 500 },
    );
  });

  it("csvRecords reports a row whose width differs as csvRows does", () => {
    const problems: Problem[] = [];
    const rows = csvRecords("1,2\r\n\r\n3,4,5\r\n", 10, 2, "e.csv", (p) => problems.push(p));
    expect(rows).toEqual([
      { fields: ["1", "2"], line: 10 },
      { fields: ["3", "4", "5"], line: 12 },
    ]);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([["long-row", "e.csv", 12]]);
  });
});
