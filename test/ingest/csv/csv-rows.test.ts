import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvRows } from "../../../src/ingest/csv/csv-rows.js";
import { diskFile, memoryFile } from "../../../src/ingest/source-file.js";
import type { Problem } from "../../../src/model/index.js";

async function read(content: string | Uint8Array) {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const problems: Problem[] = [];
  const rows: Array<[number, string[]]> = [];
  for await (const row of csvRows(memoryFile("f.csv", "/x/f.csv", bytes), (p) => problems.push(p))) {
    rows.push([row.line, row.fields]);
  }
  return { rows, problems: problems.map((p) => [p.code, p.line]), all: problems };
}

describe("csvRows: well-formed input", () => {
  it("numbers lines from 1 (the header), with CRLF, and counts newlines inside quoted cells", async () => {
    const r = await read('a,b\r\n1,"two\r\nlines"\r\n2,"three\nmore\nlines"\r\n3,x\r\n');
    expect(r.rows).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "two\r\nlines"]],
      [4, ["2", "three\nmore\nlines"]],
      [7, ["3", "x"]],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("accepts a UTF-8 BOM, LF, mixed line ends and \"\" escapes; skips blank lines", async () => {
    const r = await read('\uFEFFa,b\n1,"say ""hi"""\r\n\n2,y\r3,z');
    expect(r.rows).toEqual([
      [1, ["a", "b"]],
      [2, ["1", 'say "hi"']],
      [4, ["2", "y"]],
      [5, ["3", "z"]],
    ]);
    expect(r.problems).toEqual([]);
  });

  it("decodes multi-byte characters split across 64 KiB chunks", async () => {
    const name = "Zoë Ştefănescu 李小龍 🙂";
    const lines = ["id,name"];
    for (let i = 0; i < 6000; i++) lines.push(`${i},${name}`);
    const r = await read(lines.join("\r\n") + "\r\n");
    expect(r.rows).toHaveLength(6001);
    expect(r.rows.every(([, f], i) => i === 0 || f[1] === name)).toBe(true);
    expect(r.rows[6000][0]).toBe(6001);
    expect(r.problems).toEqual([]);
  });
});

describe("csvRows: broken input", () => {
  it("a 0-byte file, a BOM-only file and a blank first line have no header", async () => {
    expect((await read("")).problems).toEqual([["empty-file", 1]]);
    expect((await read("\uFEFF")).problems).toEqual([["empty-file", 1]]);
    expect((await read("\r\na,b\r\n")).problems).toEqual([["empty-file", 1]]);
  });

  it("an unterminated quote (a cut file) is one error at the row where it opens; earlier rows are kept", async () => {
    const r = await read('a,b\r\n1,x\r\n2,"cut off\r\nhere');
    expect(r.rows).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "x"]],
    ]);
    expect(r.problems).toEqual([["unterminated-quote", 3]]);
  });

  it("short and long rows are errors, and are still yielded", async () => {
    const r = await read("a,b,c\r\n1,2\r\n1,2,3,4\r\n");
    expect(r.rows.map(([line]) => line)).toEqual([1, 2, 3]);
    expect(r.problems).toEqual([
      ["short-row", 2],
      ["long-row", 3],
    ]);
  });

  it("a stray quote skips that row with an error naming line and column, and reading goes on", async () => {
    const r = await read('a,b\r\n1,x\r\n2,tr"ue\r\n3,z\r\n');
    expect(r.rows.map(([line]) => line)).toEqual([1, 2, 4]);
    expect(r.all.map((p) => [p.code, p.line, p.column])).toEqual([["csv-syntax", 3, 2]]);
  });

  it("after quoted CRLFs, problem lines still match the file; a broken closing quote loses the rest, said once more", async () => {
    const r = await read('a,b\r\n1,"x\r\ny"\r\n2,"bad"q\r\n3,z\r\n');
    expect(r.rows.map(([line]) => line)).toEqual([1, 2]);
    expect(r.problems).toEqual([
      ["csv-syntax", 4],
      ["unterminated-quote", 5],
    ]);
    expect(r.all[1].message).toMatch(/rest of the file/);
  });

  it("a malformed header stops the file", async () => {
    const r = await read('a,"b"x\r\n1,2\r\n');
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([["csv-syntax", 1]]);
  });

  it("NUL bytes: an error at their line; the lines before are kept", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("a,b\r\n1,x\r\n2,"), 0, 0, 0x41, 0x0d, 0x0a, 0x33, 0x2c, 0x7a]);
    const r = await read(bytes);
    expect(r.rows.map(([line]) => line)).toEqual([1, 2]);
    expect(r.problems).toEqual([["not-text", 3]]);
    expect(r.all[0].message).toMatch(/NUL/);
  });

  it("invalid UTF-8 deep in a file: an error at its line, every row before it read", async () => {
    const head = ["id,name"];
    for (let i = 0; i < 5000; i++) head.push(`${i},someone`);
    const text = new TextEncoder().encode(head.join("\r\n") + "\r\n");
    const bad = new Uint8Array([...text, ...new TextEncoder().encode("5000,caf"), 0xe9, 0x0d, 0x0a]); // Windows-1252 é
    expect(bad.length).toBeGreaterThan(64 * 1024);
    const r = await read(bad);
    expect(r.rows).toHaveLength(5001);
    expect(r.problems).toEqual([["not-text", 5002]]);
    expect(r.all[0].message).toMatch(/UTF-8/);
  });

  it("UTF-16 text is refused clearly", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
    const r = await read(utf16);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([["not-text", 1]]);
    expect(r.all[0].message).toMatch(/UTF-16/);
  });

  it("a file ending inside a multi-byte character is invalid UTF-8", async () => {
    const r = await read(new Uint8Array([0x61, 0x0a, 0x62, 0xe2, 0x82]));
    expect(r.problems).toEqual([["not-text", 2]]);
  });
});

describe("csvRows on disk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-csv-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops cleanly when the reader stops early (the header only)", async () => {
    const file = path.join(dir, "big.csv");
    writeFileSync(file, "a,b\r\n" + "1,2\r\n".repeat(200_000));
    const rows = csvRows(diskFile("big.csv", file, 1_000_005));
    const first = await rows.next();
    expect(first.value).toEqual({ fields: ["a", "b"], line: 1 });
    await rows.return(undefined);
    // The same file read in full: every row, no problem.
    let n = 0;
    for await (const _ of csvRows(diskFile("big.csv", file, 1_000_005))) n++;
    expect(n).toBe(200_001);
  });
});
