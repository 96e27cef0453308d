import type { Zippable } from "fflate";
import { lazyModule } from "../lazy-module.js";

const fflate = lazyModule<typeof import("fflate")>("fflate");
import { OutputError } from "../errors.js";
import { neutraliseFormula } from "./neutralise-formula.js";
import type { Cell, Table } from "../model/table.js";

/**
 * Tables as one Excel workbook (Office Open XML SpreadsheetML), one sheet per table: a header row of
 * column ids, then the rows. Numbers are numeric cells at full precision, null is an empty cell, text is an
 * inline string guarded against formula injection like the CSV. Bytes are deterministic (fixed zip times).
 */
export function toXlsx(tables: Table[]): Uint8Array {
  const names = sheetNames(tables.map((t) => t.name));
  const files: Zippable = {
    "[Content_Types].xml": xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        `</Types>`,
    ),
    "_rels/.rels": xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `</Relationships>`,
    ),
    "xl/workbook.xml": xml(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
        names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    "xl/styles.xml": xml(
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
        `</styleSheet>`,
    ),
  };
  tables.forEach((table, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = xml(sheetXml(table));
  });
  const fixed = { mtime: new Date(Date.UTC(2000, 0, 1)) };
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data as Uint8Array, fixed];
  return fflate().zipSync(entries, { level: 6 });
}

function sheetXml(table: Table): string {
  const rows: string[] = [];
  const header = table.columns.map(
    (c, j) => `<c r="${ref(0, j)}" t="inlineStr" s="1"><is><t xml:space="preserve">${escapeXml(neutraliseFormula(c.id))}</t></is></c>`,
  );
  rows.push(`<row r="1">${header.join("")}</row>`);
  table.rows.forEach((row, i) => {
    const cells = table.columns.map((c, j) => cellXml(row[c.id] ?? null, ref(i + 1, j))).join("");
    rows.push(`<row r="${i + 2}">${cells}</row>`);
  });
  return (
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

function cellXml(value: Cell, at: string): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`bug: non-finite number ${value} reached xlsx output`);
    return `<c r="${at}"><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${at}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = neutraliseFormula(value);
  if (text.length > MAX_CELL_CHARS) {
    // Excel refuses longer cells (it "repairs" the workbook by cutting them): fail rather than write that.
    throw new OutputError(`cell ${at} holds ${text.length} characters, more than the ${MAX_CELL_CHARS} an Excel cell can; use the CSV output`);
  }
  return `<c r="${at}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Most characters an Excel cell holds. */
const MAX_CELL_CHARS = 32_767;

/** A1-style reference for a zero-based row and column. */
function ref(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique regardless of case. */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = (name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet").trim();
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Escapes XML text, dropping characters XML 1.0 cannot hold. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function xml(body: string): Uint8Array {
  return fflate().strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
}
