import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeXml } from "../../src/report/html-escape.js";
import { runCli } from "./run-cli.js";

const THESIS = "fixtures/thesis";
const INTERVIEWS = "fixtures/thesis/interviews";

/** Every alter name in the fixture's export (the `name` column of each attribute list), as HTML writes it. */
async function alterNames(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of (await readdir(INTERVIEWS)).filter((f) => f.includes("_attributeList_"))) {
    const rows = parse(await readFile(path.join(INTERVIEWS, file), "utf8"), { columns: true }) as Array<Record<string, string>>;
    for (const r of rows) if (r.name) names.add(r.name);
  }
  return [...names];
}

/** Whether `text` holds `word` as a whole word (a name "Eve" is not found in "Every"). */
function holdsWord(text: string, word: string): boolean {
  const escaped = escapeXml(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

async function report(args: string[]): Promise<{ html: string; stderr: string; exitCode: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "netsp-report-"));
  const out = path.join(dir, "report.html");
  const run = await runCli(["report", ...args, "--out", out, "--quiet"]);
  const html = run.exitCode === 0 ? await readFile(out, "utf8") : "";
  return { html, stderr: run.stderr, exitCode: run.exitCode };
}

describe("netsp report on the thesis fixture", () => {
  let first: string;
  beforeAll(async () => {
    const run = await report([THESIS]);
    expect(run.exitCode, run.stderr).toBe(0);
    first = run.html;
  });

  it("gives byte-identical files for the same input", async () => {
    const second = await report([THESIS]);
    expect(second.exitCode).toBe(0);
    expect(Buffer.from(second.html).equals(Buffer.from(first))).toBe(true);
  });

  it("is self-contained: no script, no link, no URL, nothing to fetch", () => {
    expect(first).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|https?:|src=|xmlns/i);
    expect(first).toContain("default-src 'none'");
  });

  it("holds every table of the analysis, the charts and one sociogram per ego", async () => {
    const config = JSON.parse(await readFile(path.join(THESIS, "netsp.config.json"), "utf8")) as { tables: Array<{ title: string }> };
    for (const t of config.tables) expect(first).toContain(`<caption>${escapeXml(t.title)}</caption>`);
    expect(first.match(/<svg class="sociogram"/g)).toHaveLength(21);
    expect(first.match(/<svg class="chart stacked-bars"/g)).toHaveLength(3);
    expect(first.match(/<svg class="chart box-plot"/g)).toHaveLength(33);
    // Table 7's Mann–Whitney for LW alters, and the box plot caption by the same grouping, agree.
    expect(first).toContain("Mann–Whitney U = 18.000, Z = -1.833, p = 0.067 (exact p = 0.069); N = 21.");
  });

  it("shows no alter name, and shows them all with --show-names", async () => {
    const names = await alterNames();
    expect(names.length).toBeGreaterThan(300);
    expect(names.filter((n) => holdsWord(first, n))).toEqual([]);
    const named = await report([THESIS, "--show-names"]);
    expect(named.exitCode).toBe(0);
    expect(names.filter((n) => !holdsWord(named.html, n))).toEqual([]);
  });

  it("caps the sociograms and says how to choose them; --egos draws the named ones in that order", async () => {
    const capped = await report([THESIS, "--max-sociograms", "2"]);
    expect(capped.html.match(/<svg class="sociogram"/g)).toHaveLength(2);
    expect(capped.html).toContain("2 sociograms drawn; 19 more left out by the cap (--max-sociograms). Choose egos with --egos a,b,c");
    const chosen = await report([THESIS, "--egos", "LW10,LW03", "--colour-by", "sector"]);
    expect([...chosen.html.matchAll(/<svg class="sociogram"[^>]* data-ego="([^"]+)"/g)].map((m) => m[1])).toEqual(["LW10", "LW03"]);
    expect(chosen.html).toContain('data-legend="category:vcs"');
  });

  it("refuses text variables, unknown egos and bad numbers with a usage error", async () => {
    const text = await report([THESIS, "--colour-by", "name"]);
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toMatch(/"name" is a text variable/);
    const ego = await report([THESIS, "--egos", "LW99"]);
    expect(ego.exitCode).toBe(2);
    expect(ego.stderr).toMatch(/no analysed ego "LW99"/);
    const cap = await report([THESIS, "--max-sociograms", "lots"]);
    expect(cap.exitCode).toBe(2);
  });
});

describe("netsp analyse --report", () => {
  it("writes report.html into the output folder, the same page as netsp report", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "netsp-analyse-report-"));
    const run = await runCli(["analyse", THESIS, "--out", path.join(dir, "out"), "--report", "--quiet"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const inFolder = await readFile(path.join(dir, "out", "report.html"), "utf8");
    const alone = await report([THESIS]);
    expect(inFolder).toBe(alone.html);
    expect(await readFile(path.join(dir, "out", "report.md"), "utf8")).toMatch(/Files written: .*report\.html/);
  });

  it("refuses --include-text, saying how to declare a variable that is not personal data", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "netsp-analyse-report-"));
    const run = await runCli(["analyse", THESIS, "--out", path.join(dir, "out"), "--report", "--include-text", "--quiet"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--include-text is no longer accepted/);
    expect(run.stderr).toMatch(/"variables": \{"ego\.area": \{"role": "group"\}\}/);
  });
});

describe("netsp report --pseudonymise", () => {
  it("labels every sociogram with the pseudonymous ego id, never the case id", async () => {
    const previous = process.env.NETSP_PSEUDONYMISE_KEY;
    process.env.NETSP_PSEUDONYMISE_KEY = "a test key of at least sixteen bytes";
    try {
      const { html, exitCode } = await report([THESIS, "--pseudonymise", "--egos", "LW10"]);
      expect(exitCode).toBe(0);
      expect(html).not.toMatch(/Ego LW10/);
      expect(html).toMatch(/Ego ego-[0-9a-f]{16}/);
    } finally {
      if (previous === undefined) delete process.env.NETSP_PSEUDONYMISE_KEY;
      else process.env.NETSP_PSEUDONYMISE_KEY = previous;
    }
  });
});

describe("netsp report on a study with unfinished interviews", () => {
  const UNFINISHED = "fixtures/real-exports/unfinished/csv";
  const egosDrawn = (html: string) => [...html.matchAll(/<strong>Ego ([^<]+)<\/strong>/g)].map((m) => m[1]);

  it("draws the analysed egos only: an interview in no table has no sociogram, unless --include-unfinished", async () => {
    const run = await report([UNFINISHED]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(egosDrawn(run.html)).toEqual(["U1", "U2"]);
    const all = await report([UNFINISHED, "--include-unfinished"]);
    expect(all.exitCode, all.stderr).toBe(0);
    expect(egosDrawn(all.html)).toEqual(["U1", "U2", "U3", "U4", "U5"]);
  });
});
