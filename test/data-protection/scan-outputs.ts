import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";

/** Every alter name in a Network Canvas export: the `name` column of each attributeList file. */
export function alterNames(exportFolder: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(exportFolder)) {
    if (!/_attributeList_.+\.csv$/.test(file)) continue;
    const rows = parse(readFileSync(path.join(exportFolder, file)), { columns: true, bom: true }) as Array<Record<string, string>>;
    for (const row of rows) if (row.name) names.add(row.name);
  }
  return [...names];
}

/**
 * The text of every file under `dir` (recursively), keyed by relative path. An .xlsx is unzipped and each
 * XML part included (`tables.xlsx!xl/worksheets/sheet1.xml`); XML and HTML entities are decoded so an
 * escaped name (`Men&#39;s Shed`) is found as well.
 */
export function outputTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      const shown = path.relative(dir, full);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith(".xlsx")) {
        for (const [part, bytes] of Object.entries(unzipSync(readFileSync(full)))) texts.set(`${shown}!${part}`, decodeEntities(strFromU8(bytes)));
      } else texts.set(shown, decodeEntities(readFileSync(full, "utf8")));
    }
  };
  visit(dir);
  return texts;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  const decoded = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? whole;
  });
  return text === decoded ? text : `${text}\n${decoded}`;
}

/**
 * Where any of `needles` occurs in `texts` as a whole word (not inside a longer run of letters and digits:
 * "Ada" is not found in "Adam" or "Canada", "LW01" is found in "LW01_38bc…_ego.csv"), case-sensitively. Returns "file: …context…" for each hit.
 */
export function findWords(texts: Map<string, string>, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const needle of needles) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
    for (const [file, text] of texts) {
      const m = pattern.exec(text);
      if (m) hits.push(`${file}: …${text.slice(Math.max(0, m.index - 40), m.index + needle.length + 40).replace(/\s+/g, " ")}…`);
    }
  }
  return hits;
}
