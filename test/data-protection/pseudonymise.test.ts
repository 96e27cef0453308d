/**
 * --pseudonymise: stable pseudonymous ego ids from a secret key (HMAC-SHA-256), in every output, with the
 * key taken from a file or the environment and never written anywhere.
 */
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY_VARIABLE, pseudonymiserFor } from "../../src/cli/pseudonymise-key.js";
import { UsageError } from "../../src/errors.js";
import { caseIdOfFileName, Pseudonymiser } from "../../src/study/pseudonymise.js";
import { runBin, STACK_TRACE } from "../corpus/run-netsp-bin.js";
import { findWords, outputTexts } from "./scan-outputs.js";

const THESIS = path.resolve("fixtures/thesis");
const KEY = "0123456789abcdef0123456789abcdef";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-pseudo-"));
  dirs.push(dir);
  return dir;
}
function keyFile(content: string): string {
  const file = path.join(tempDir(), "netsp.key");
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

/** The pseudonym computed here with node:crypto, as the README documents it. */
function reference(key: string, id: string): string {
  return "ego-" + createHmac("sha256", key).update(`netsp-ego-id:${id}`, "utf8").digest("hex").slice(0, 16);
}

describe("Pseudonymiser", () => {
  it("is HMAC-SHA-256(key, 'netsp-ego-id:' + id), 16 hex digits, prefixed ego-", () => {
    const p = new Pseudonymiser(Buffer.from(KEY));
    // python3 -c "import hmac,hashlib; print(hmac.new(b'0123456789abcdef0123456789abcdef', 'netsp-ego-id:LW01'.encode(), hashlib.sha256).hexdigest()[:16])"
    expect(p.id("LW01")).toBe("ego-64aaf3db7b22468b");
    expect(p.id("case_1")).toBe("ego-87c59e24f54fc10e"); // same command with netsp-ego-id:case_1
    expect(p.id("Zoë 01")).toBe("ego-61d70da2549609d9"); // same command with netsp-ego-id:Zoë 01 (UTF-8)
    expect(p.id("LW01")).toBe(new Pseudonymiser(Buffer.from(KEY)).id("LW01")); // stable
    expect(new Pseudonymiser(Buffer.from(KEY.replace("0", "1"))).id("LW01")).not.toBe(p.id("LW01"));
    expect(() => new Pseudonymiser(Buffer.from("short"))).toThrow(RangeError);
  });

  it("replaces learned ids in text only where they stand alone, file names included", () => {
    const p = new Pseudonymiser(Buffer.from(KEY));
    p.learn("LW1", "LW01", undefined, "");
    expect(p.text("LW10 and LW1, LW01_38bc_ego.csv")).toBe(`LW10 and ${p.id("LW1")}, ${p.id("LW01")}_38bc_ego.csv`);
    const problem = p.problem({ severity: "error", code: "duplicate-ego-id", file: "LW01_x_ego.csv", line: 2, egoId: "LW01", message: "ego id LW01 is used twice" });
    expect(problem).toEqual({
      severity: "error",
      code: "duplicate-ego-id",
      file: `${p.id("LW01")}_x_ego.csv`,
      line: 2,
      egoId: p.id("LW01"),
      message: `ego id ${p.id("LW01")} is used twice`,
    });
    expect(caseIdOfFileName("w/LW01_38bc6742-c126-4243-9ccd-6ba5e1cb3e99_attributeList_Person.csv")).toBe("LW01");
    expect(caseIdOfFileName("case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f.graphml")).toBe("case_1");
    expect(caseIdOfFileName("IJE_RADAR_Protocol_ego.csv")).toBeUndefined();
  });
});

describe("the key: a file or NETSP_PSEUDONYMISE_KEY, never the command line", () => {
  it("reads a key file (a trailing line break is not part of the key) or the environment variable", async () => {
    const fromFile = await pseudonymiserFor({ pseudonymiseKey: keyFile(`${KEY}\n`) }, {});
    const fromEnv = await pseudonymiserFor({ pseudonymise: true }, { [KEY_VARIABLE]: KEY });
    expect(fromFile!.id("LW01")).toBe(reference(KEY, "LW01"));
    expect(fromEnv!.id("LW01")).toBe(reference(KEY, "LW01"));
    expect(await pseudonymiserFor({}, { [KEY_VARIABLE]: KEY })).toBeUndefined(); // only when asked for
  });

  it("refuses a missing, short or unreadable key with a usage error that never shows the key", async () => {
    await expect(pseudonymiserFor({ pseudonymise: true }, {})).rejects.toThrow(/--pseudonymise-key <file>, or set NETSP_PSEUDONYMISE_KEY/);
    const short = pseudonymiserFor({ pseudonymise: true }, { [KEY_VARIABLE]: "secret-7" });
    await expect(short).rejects.toThrow(UsageError);
    await expect(short).rejects.not.toThrow(/secret-7/);
    await expect(pseudonymiserFor({ pseudonymiseKey: "/nonexistent/netsp.key" }, {})).rejects.toThrow(/cannot read the key file/);
    await expect(pseudonymiserFor({ pseudonymiseKey: tempDir() }, {})).rejects.toThrow(/not a regular file/);
  });
});

describe("netsp analyse --pseudonymise on the thesis study", () => {
  const config = JSON.parse(readFileSync(path.join(THESIS, "netsp.config.json"), "utf8")) as unknown;
  const configStrings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === "string") configStrings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  collect(config);
  configStrings.sort((a, b) => b.length - a.length);
  const realIds = (parse(readFileSync(path.join(THESIS, "targets.csv")), { columns: true }) as Array<{ id: string }>).map((r) => r.id);

  let out: string;
  let run: ReturnType<typeof runBin>;
  let withReport = false;
  beforeAll(() => {
    withReport = runBin(["analyse", "--help"]).stdout.includes("--report");
    out = path.join(tempDir(), "results");
    run = runBin(
      ["analyse", THESIS, "--out", out, "--format", "json,xlsx,sav,dta,r,graphml", "--pseudonymise-key", keyFile(KEY), ...(withReport ? ["--report"] : [])],
      { timeoutMs: 60_000 },
    );
  }, 90_000);

  it("writes every table with pseudonyms, exactly HMAC-SHA-256 of each real id", () => {
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(readFileSync(path.join(out, "measures.csv")), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.ego_id).sort()).toEqual(realIds.map((id) => reference(KEY, id)).sort());
    expect(realIds).toHaveLength(21);
  });

  it("leaves no real ego id in any output (the config's own titles aside) and never writes the key", () => {
    const texts = outputTexts(out);
    if (withReport) expect(texts.has("report.html")).toBe(true);
    texts.set("stdout", run.stdout);
    texts.set("stderr", run.stderr);
    for (const [file, text] of texts) {
      let rest = text;
      for (const s of configStrings) rest = rest.split(s).join(" ");
      texts.set(file, rest);
    }
    expect(findWords(texts, realIds)).toEqual([]);
    for (const [file, text] of texts) expect(text.includes(KEY), file).toBe(false);
    const record = JSON.parse(readFileSync(path.join(out, "run.json"), "utf8"));
    expect(record.pseudonymised.method).toContain("HMAC-SHA-256");
    expect(record.input.files.length).toBeGreaterThan(100); // input hashes are kept, under pseudonymised names
  });

  it("the same key gives the same bytes; another key other ids and the same measures", () => {
    const again = path.join(tempDir(), "again");
    const env = runBin(["analyse", THESIS, "--out", again, "--pseudonymise", "-q"], { env: { [KEY_VARIABLE]: KEY }, timeoutMs: 60_000 });
    expect(env.code, env.stderr).toBe(0);
    expect(readFileSync(path.join(again, "measures.csv"), "utf8")).toBe(readFileSync(path.join(out, "measures.csv"), "utf8"));

    const other = path.join(tempDir(), "other");
    expect(runBin(["analyse", THESIS, "--out", other, "-q", "--pseudonymise-key", keyFile("another key, 32 bytes long......")]).code).toBe(0);
    const a = parse(readFileSync(path.join(out, "measures.csv")), { columns: true }) as Array<Record<string, string>>;
    const b = parse(readFileSync(path.join(other, "measures.csv")), { columns: true }) as Array<Record<string, string>>;
    const ids = new Set(a.map((r) => r.ego_id));
    expect(b.filter((r) => ids.has(r.ego_id))).toEqual([]);
    const withoutId = (rows: Array<Record<string, string>>) => rows.map(({ ego_id: _id, ...rest }) => JSON.stringify(rest)).sort();
    expect(withoutId(b)).toEqual(withoutId(a));
  });

  it("changes no statistic: every table that lists no ego is byte for byte the one written without --pseudonymise", () => {
    const plain = path.join(tempDir(), "plain");
    expect(runBin(["analyse", THESIS, "--out", plain, "-q"], { timeoutMs: 60_000 }).code).toBe(0);
    const tables = readdirSync(plain).filter((f) => f.endsWith(".csv"));
    const listing = tables.filter((f) => readFileSync(path.join(plain, f), "utf8").startsWith("ego_id,"));
    expect(listing).toContain("measures.csv");
    expect(tables.length - listing.length).toBeGreaterThan(10);
    for (const f of tables.filter((t) => !listing.includes(t))) {
      expect(readFileSync(path.join(out, f), "utf8"), f).toBe(readFileSync(path.join(plain, f), "utf8"));
    }
  });

  it("refuses to run without a key, with a short key, or with the key inside the output folder (exit 2)", () => {
    const env = { [KEY_VARIABLE]: "" };
    expect(runBin(["analyse", THESIS, "--out", path.join(tempDir(), "x"), "--pseudonymise"], { env }).code).toBe(2);
    expect(runBin(["analyse", THESIS, "--out", path.join(tempDir(), "x"), "--pseudonymise-key", keyFile("short")]).code).toBe(2);
    const folder = tempDir();
    writeFileSync(path.join(folder, "k"), KEY);
    const inside = runBin(["analyse", THESIS, "--out", folder, "--force", "--pseudonymise-key", path.join(folder, "k")]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("inside the output folder");
    expect(readFileSync(path.join(folder, "k"), "utf8")).toBe(KEY);
  });
});

describe("--pseudonymise elsewhere", () => {
  it("problem messages, file names and the left-out list lose the real ids too (analyse --keep-going, with and without workers)", () => {
    const input = path.resolve("test/corpus/hostile-inputs/duplicate-ego-across-files/input");
    const variants: string[][] = [[]];
    if (runBin(["analyse", "--help"]).stdout.includes("--jobs")) variants.push(["--jobs", "2"]);
    for (const extra of variants) {
      const out = path.join(tempDir(), "kept");
      const r = runBin(
        ["analyse", input, "--out", out, "--keep-going", "--pseudonymise-key", keyFile(KEY), "--protocol", "fixtures/network-canvas-radar/IJE_RADAR_Protocol.netcanvas", ...extra],
        { timeoutMs: 30_000 },
      );
      expect(r.code, r.stderr).toBe(0);
      const texts = outputTexts(out);
      texts.set("stderr", r.stderr);
      expect(readFileSync(path.join(out, "report.md"), "utf8")).toContain(`ego id ${reference(KEY, "case_1")} is used twice`);
      expect(findWords(texts, ["case_1", "case_2"]), extra.join(" ")).toEqual([]);
    }
  });

  it("measures writes pseudonyms; compare and correlate on an export run with it and print no real id", () => {
    const env = { [KEY_VARIABLE]: KEY };
    const m = runBin(["measures", THESIS, "--measures", "network_size", "--pseudonymise"], { env });
    expect(m.code, m.stderr).toBe(0);
    const rows = parse(m.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.ego_id).sort()).toEqual(
      (parse(readFileSync(path.join(THESIS, "targets.csv")), { columns: true }) as Array<{ id: string }>).map((t) => reference(KEY, t.id)).sort(),
    );
    for (const args of [
      ["compare", THESIS, "--by", "deprivation", "--format", "csv", "--pseudonymise"],
      ["correlate", THESIS, "--vars", "network_size,months_in_post", "--format", "csv", "--pseudonymise"],
    ]) {
      const r = runBin(args, { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stdout + r.stderr).not.toMatch(/LW\d\d/);
      const plain = runBin(args.filter((a) => a !== "--pseudonymise"));
      expect(r.stdout).toBe(plain.stdout); // the statistics do not change
    }
  });
});
