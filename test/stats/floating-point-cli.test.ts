/**
 * `netsp compare` and `netsp correlate` end to end on data at the edges of floating point, in every format:
 * exit 0, no NaN or Infinity anywhere, R's (or the exact) values in the JSON, and a reason for every null.
 * Expected values: test/reference/stats/edge-cases.R and exact_sd.py (the expression beside each).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/tables/format-number.js";
import { runCli, type CliRun } from "../cli/run-cli.js";
import { expectClose } from "./close.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-fp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = path.join(dir, "egos.csv");
writeFileSync(
  rows,
  [
    "ego_id,group,big,huge,offset,third,x300,y160",
    "e1,A,1e200,-1.7e308,1000000000000.008,1,1e300,1e160",
    "e2,A,2e200,1.7e308,1000000000000.007,2,2e300,3e160",
    "e3,A,3e200,1.7e308,1000000000000.007,NA,3e300,2e160",
    "e4,B,4e200,-1.7e308,1000000000000.007,3,4e300,5e160",
    "e5,B,5e200,1.7e308,1000000000000.007,4,,",
    "e6,B,7e200,1.7e308,1000000000000.007,NA,,",
  ].join("\n") + "\n",
);

/** Runs netsp with stdout taken for a terminal, as the default format then is. */
async function onTerminal(args: string[]): Promise<CliRun> {
  const before = Object.getOwnPropertyDescriptor(process.stdout, "isTTY");
  Object.defineProperty(process.stdout, "isTTY", { value: true, configurable: true });
  try {
    return await runCli(args);
  } finally {
    if (before) Object.defineProperty(process.stdout, "isTTY", before);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
}

/** Every format of one command: exit 0 and no non-finite number in any. Returns the JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function everyFormat(args: string[]): Promise<any> {
  let parsed: unknown;
  for (const format of ["json", "csv", "md", "terminal"]) {
    const run = format === "terminal" ? await onTerminal(args) : await runCli([...args, "--format", format]);
    expect(run.exitCode, `${format}: ${run.stderr}`).toBe(0);
    expect(run.stdout, format).not.toMatch(/NaN|Infinity/);
    // JSON numbers may be in exponent form (1e+200); the tables write every digit, as spreadsheets read them.
    if (format !== "json") expect(run.stdout, format).not.toMatch(/\de[+-]\d/);
    expect(run.stdout.length, format).toBeGreaterThan(0);
    if (format === "json") parsed = JSON.parse(run.stdout);
    if (format === "csv") expect(() => parse(run.stdout, { columns: true })).not.toThrow();
  }
  return parsed;
}

describe("netsp compare at the edges of floating point", () => {
  it("values of 1e200: exact sds, R's Mann–Whitney (P3a–c)", async () => {
    const out = await everyFormat(["compare", rows, "--by", "group", "--measures", "big"]);
    const [r] = out.results;
    // statistics.stdev([1e200, 2e200, 3e200]) → 1e+200; statistics.stdev([4e200, 5e200, 7e200]) → 1.5275252316519469e+200
    // (R's sd overflows to Inf on both)
    expectClose(r.groups[0].sd, 1e200, "sd A");
    expectClose(r.groups[1].sd, 1.5275252316519469e200, "sd B");
    // unlist(wilcox.test(c(1e200, 2e200, 3e200), c(4e200, 5e200, 7e200), exact = FALSE, correct = FALSE)[...]) → 0 0.049534613435626734
    expect(r.u).toBe(0);
    expectClose(r.p, 0.049534613435626734, "p");
    const spss = ["compare", rows, "--by", "group", "--measures", "big", "--layout", "spss"];
    for (const run of [await runCli([...spss, "--format", "md"]), await onTerminal(spss)]) {
      expect(run.exitCode).toBe(0);
      expect(run.stdout).not.toMatch(/NaN|Infinity|\de[+-]\d/);
    }
  });
  it("±1.7e308: the sd past the largest double is null with a reason; the rest is computed (E7)", async () => {
    const out = await everyFormat(["compare", rows, "--by", "group", "--measures", "huge"]);
    const [r] = out.results;
    for (const g of r.groups) {
      expect(g.sd).toBeNull();
      expect(g.reason).toMatch(/beyond the largest double/);
      expect(Number.isFinite(g.mean)).toBe(true);
    }
    expect(r.reason).toBeNull();
  });
  it("a large offset: the exact sd (P4), shown to the right digits", async () => {
    const out = await everyFormat(["compare", rows, "--by", "group", "--measures", "offset"]);
    // statistics.stdev([1000000000000.007, 1000000000000.007, 1000000000000.007]) → 0.0 (three equal doubles)
    // statistics.stdev([1000000000000.008, 1000000000000.007, 1000000000000.007]) → 0.0006342959500374307
    expect(out.results[0].groups[1].sd).toBe(0);
    expectClose(out.results[0].groups[0].sd, 0.0006342959500374307, "sd A");
    const md = await runCli(["compare", rows, "--by", "group", "--measures", "offset", "--format", "md"]);
    expect(md.stdout).toMatch(/\| offset \| B \| 3 \| 1000000000000\.007 \|/);
  });
  it("three levels, one with no values for the measure: left out as R does, with a note in every format (P5)", async () => {
    const three = path.join(dir, "three.csv");
    writeFileSync(three, ["ego_id,g,v", "1,A,1", "2,A,2", "3,B,3", "4,B,4", "5,C,NA"].join("\n") + "\n");
    const out = await everyFormat(["compare", three, "--by", "g", "--measures", "v"]);
    const [r] = out.results;
    // unlist(kruskal.test(c(1, 2, 3, 4, NA), factor(c('A', 'A', 'B', 'B', 'C')))[...]) → 2.3999999999999986 1 0.12133525035848212
    expectClose(r.h, 2.3999999999999986, "H");
    expect(r.df).toBe(1);
    expectClose(r.p, 0.12133525035848212, "p");
    expect(r.note).toBe('no values in level "C": left out of the test (df = 1)');
    const csv = await runCli(["compare", three, "--by", "g", "--measures", "v", "--format", "csv"]);
    expect((parse(csv.stdout, { columns: true }) as Array<Record<string, string>>)[0].note).toBe(r.note);
    const md = await runCli(["compare", three, "--by", "g", "--measures", "v", "--format", "md"]);
    expect(md.stdout).toContain(r.note);
    const spss = await runCli(["compare", three, "--by", "g", "--measures", "v", "--layout", "spss", "--format", "md"]);
    expect(spss.stdout).toContain(`v: ${r.note}`);
  });
});

describe("netsp correlate at the edges of floating point", () => {
  it("1e300 against 1e160, where R's cor is NaN (P3d, P3e)", async () => {
    const out = await everyFormat(["correlate", rows, "--vars", "x300,y160"]);
    const [p] = out.pairs;
    // r_p(cor.test(c(1e300, 2e300, 3e300, 4e300) * 2^-997, c(1e160, 3e160, 2e160, 5e160) * 2^-531))
    //   → 0.8315218406203001 0.16847815937969984 -0.64513245875652414 0.99635610015141751
    expect(p.n).toBe(4);
    expectClose(p.r, 0.8315218406203001, "r");
    expectClose(p.p, 0.16847815937969984, "p");
    expectClose(p.ci_low, -0.64513245875652414, "CI low");
    expectClose(p.ci_high, 0.99635610015141751, "CI high");
    expect(p.reason).toBeNull();
  });
  it("both methods and a control, on 1e300, 1e160 and ±1.7e308 together", async () => {
    const out = await everyFormat(["correlate", rows, "--vars", "x300,y160,huge,big", "--method", "both"]);
    for (const p of out.pairs) if (p.r === null || p.p === null) expect(p.reason).not.toBeNull();
    const partial = await everyFormat(["correlate", rows, "--vars", "x300,big", "--control", "huge"]);
    for (const p of partial.pairs) if (p.r === null || p.p === null) expect(p.reason).not.toBeNull();
  });
  it("a constant of 0.1s is constant (P1)", async () => {
    const flat = path.join(dir, "flat.csv");
    writeFileSync(flat, ["ego_id,a,b", "1,0.1,1", "2,0.1,2", "3,0.1,3"].join("\n") + "\n");
    // cor(c(0.1, 0.1, 0.1), c(1, 2, 3)) → NA ("the standard deviation is zero")
    const out = await everyFormat(["correlate", flat, "--vars", "a,b"]);
    expect(out.pairs[0].r).toBeNull();
    expect(out.pairs[0].reason).toMatch(/constant/);
  });
});

describe("fixed decimals at extreme magnitudes (Markdown, terminal, SPSS layout)", () => {
  it("every digit, never exponent form or Infinity, and no nudge that moves a large value", () => {
    expect(formatNumber(1.7e308, 3)).toBe("17" + "0".repeat(307) + ".000");
    expect(formatNumber(-1e200, 0)).toBe("-1" + "0".repeat(200));
    expect(formatNumber(1e21, 1)).toBe("1000000000000000000000.0");
    expect(formatNumber(1e12, 3)).toBe("1000000000000.000");
    expect(formatNumber(1000000000000.007, 3)).toBe("1000000000000.007");
    expect(formatNumber(4e15, 0)).toBe("4000000000000000");
    expect(formatNumber(1e-300, 3)).toBe("0.000");
    // Unchanged for ordinary values: half away from zero, as SPSS prints.
    expect([formatNumber(2.345, 2), formatNumber(0.0005, 3), formatNumber(-0.0005, 3), formatNumber(123456789012.5, 0)]).toEqual(["2.35", "0.001", "-0.001", "123456789013"]);
  });
});
