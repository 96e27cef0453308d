import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import type { Cell, Table } from "../../src/model/index.js";
import { Random } from "../../src/random.js";
import { csvCell, csvChunks, csvField, toCsv } from "../../src/tables/index.js";

/** Random text from characters that matter to CSV (comma, quotes, CR, LF, spaces, formula signs) and others. */
function randomText(random: Random): string {
  const alphabet = [",", '"', "\r", "\n", " ", "'", "=", "+", "-", "@", "\t", "a", "b", "1", "é", "🙂", ";"];
  const length = random.nextUint32() % 8;
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[random.nextUint32() % alphabet.length];
  return text;
}

describe("toCsv and csvChunks", () => {
  it("quote every field as csv-stringify does, a lone CR too (2,000 random rows)", () => {
    const random = new Random(16);
    const rows: Cell[][] = Array.from({ length: 2000 }, () => [randomText(random), random.nextUint32() / 7, null, random.nextUint32() % 2 === 0, randomText(random)]);
    const table: Table = {
      name: "t",
      columns: ["a", "b", "c", "d", "e"].map((id) => ({ id })),
      rows: rows.map((r) => Object.fromEntries(r.map((cell, k) => ["abcde"[k]!, cell]))),
    };
    // The reference: csv-stringify over the same cells (as csvCell writes each). csv-stringify leaves a lone CR
    // unquoted, which RFC 4180 readers take for a line break: netsp quotes it (quoted_match asks the same).
    const reference = stringify([["a", "b", "c", "d", "e"], ...rows.map((r) => r.map(csvCell))], { record_delimiter: "\n", quoted_match: /\r/ });
    expect(toCsv(table)).toBe(reference);
    const stream = { name: "t", columns: table.columns, rowCount: rows.length, chunks: () => [table.rows.slice(0, 700), [], table.rows.slice(700)] };
    expect([...csvChunks(stream)].join("")).toBe(reference);
    // Iterable again: each pass reads the stream afresh.
    expect([...csvChunks(stream)].join("")).toBe(reference);
  });

  it("csvField: quotes a comma, a quote, CR or LF, and nothing else", () => {
    expect(["a", "", " a ", "a,b", 'say "hi"', "a\nb", "a\rb", "=1"].map(csvField)).toEqual(["a", "", " a ", '"a,b"', '"say ""hi"""', '"a\nb"', '"a\rb"', "=1"]);
  });
});
