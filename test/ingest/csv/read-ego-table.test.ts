import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isNetworkCanvasEgoFile, readEgoTable } from "../../../src/ingest/csv/read-ego-table.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-ego-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(content: string): string {
  const file = path.join(dir, `t${n++}.csv`);
  writeFileSync(file, content);
  return file;
}

describe("the per-ego table", () => {
  it("tells a Network Canvas ego file from a table by its header", async () => {
    expect(await isNetworkCanvasEgoFile(write('\uFEFF"networkCanvasEgoUUID",caseId\r\nx,y\r\n'))).toBe(true);
    expect(await isNetworkCanvasEgoFile(write("networkCanvasEgoUUID;caseId\n"))).toBe(true);
    expect(await isNetworkCanvasEgoFile(write("ego_id,networkCanvasEgoUUID\n"))).toBe(false);
    expect(await isNetworkCanvasEgoFile(write(""))).toBe(false); // readEgoTable then says it is empty
  });

  it("reads a ;-separated table with decimal commas, a BOM, CRLF and a quoted line break; each row's first line", async () => {
    const file = write('\uFEFFego_id; size ;note\r\nE1;1,5;"two\r\nlines"\r\n\r\nE2;NA;x\r\n');
    const { table, rowLines } = await readEgoTable(file, "t.csv");
    expect(table.columns.map((c) => c.id)).toEqual(["ego_id", "size", "note"]);
    expect(table.rows).toEqual([
      { ego_id: "E1", size: 1.5, note: "two\r\nlines" },
      { ego_id: "E2", size: null, note: "x" },
    ]);
    expect(rowLines).toEqual([2, 5]);
  });

  it("refuses a header naming a column twice", async () => {
    await expect(readEgoTable(write("a,b,a\n1,2,3\n"), "t.csv")).rejects.toThrow('t.csv:1:3: the column "a" appears twice in the header');
  });
});
