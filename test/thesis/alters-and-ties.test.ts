/**
 * alters.csv and ties.csv of the thesis study against networkx. The expected values were computed straight
 * from the raw export (fixtures/thesis/interviews), without netsp, by
 *   python3 test/reference/make_thesis_alters.py > test/reference/thesis-alters-networkx.json
 * which also checks that the graph rebuilt from netsp's ties.csv is that graph:
 *   npx netsp analyse fixtures/thesis --out /tmp/thesis && \
 *   python3 test/reference/make_thesis_alters.py --check-ties /tmp/thesis/ties.csv > /dev/null   → "ties.csv: same graph"
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

type Row = Record<string, string>;
interface Expected {
  networkx: string;
  egos: Record<string, { alters: Record<string, Array<string | number | boolean | null>>; ties: Array<[string, string, string[]]> }>;
}
const expected = JSON.parse(readFileSync(new URL("../reference/thesis-alters-networkx.json", import.meta.url), "utf8")) as Expected;

let alters: Row[];
let ties: Row[];
let measures: Row[];

beforeAll(async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "netsp-thesis-alters-")), "out");
  const cli = await runCli(["analyse", "fixtures/thesis", "--out", out, "--quiet"]);
  if (cli.exitCode !== 0) throw new Error(`analyse failed: ${cli.stderr}`);
  const read = async (name: string) => parse(await readFile(path.join(out, name), "utf8"), { columns: true }) as Row[];
  [alters, ties, measures] = await Promise.all([read("alters.csv"), read("ties.csv"), read("measures.csv")]);
}, 120_000);

/** A CSV cell as the reference writes it: empty → null, true/false → booleans, numbers → numbers. */
function cell(text: string): string | number | boolean | null {
  if (text === "") return null;
  if (text === "true" || text === "false") return text === "true";
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

describe("thesis alters.csv and ties.csv", () => {
  it("has one row per alter: 1,106, the sum of network_size", () => {
    expect(alters).toHaveLength(1106);
    expect(measures.reduce((s, r) => s + Number(r.network_size), 0)).toBe(1106);
    for (const m of measures) expect(alters.filter((a) => a.ego_id === m.ego_id)).toHaveLength(Number(m.network_size));
  });

  it.each(Object.keys(expected.egos))("%s: every alter's structure equals networkx (betweenness within 1e-12)", (egoId) => {
    const want = expected.egos[egoId]!.alters;
    const got = alters.filter((a) => a.ego_id === egoId);
    expect(got.map((a) => a.alter_id)).toEqual(want.alter_id);
    for (const column of ["node_type", "on_sociogram", "degree", "degree_multiplex", "core_number", "isolate", "component", "component_size", "same_sector"]) {
      expect(got.map((a) => cell(a[column]!)), `${egoId} ${column}`).toEqual(want[column]);
    }
    got.forEach((a, i) => {
      const w = want.betweenness![i] as number | null;
      if (w === null) expect(a.betweenness).toBe("");
      else expect(Math.abs(Number(a.betweenness) - w), `${egoId} ${a.alter_id}`).toBeLessThanOrEqual(1e-12 * Math.max(1, w));
    });
  });

  it.each(Object.keys(expected.egos))("%s: ties.csv lists the sociogram's ties with their edge types", (egoId) => {
    const types = ["work_together", "advice_support", "creating_services", "referrals", "works_for"];
    const got = ties
      .filter((t) => t.ego_id === egoId)
      .map((t) => {
        const has = types.filter((type) => t[type] === "1").sort();
        expect(Number(t.multiplex)).toBe(has.length);
        return [...[t.from!, t.to!].sort(), has] as [string, string, string[]];
      })
      .sort((a, b) => (a[0] + " " + a[1] < b[0] + " " + b[1] ? -1 : 1));
    const want = [...expected.egos[egoId]!.ties].sort((a, b) => (a[0] + " " + a[1] < b[0] + " " + b[1] ? -1 : 1));
    expect(got).toEqual(want);
  });

  it("same_sector: hand counts for LW03 and LW04", () => {
    // Counted by hand from the sector_* columns of the raw attribute lists (no alter of either is a link worker):
    // LW03, employer VCS (read as vcs, netsp.config.json egoValues): Organisation 4 = vcs 3 + healthcare 1;
    //   Person 30 = vcs 23 + healthcare 2 + local_authority 3 + other 2 → same_sector 1 for 3 + 23 = 26, 0 for 8.
    // LW04, employer PCN (read as healthcare): Organisation 3 = vcs 2 + local_authority 1;
    //   Person 22 = healthcare 8 + vcs 11 + other 2 + local_authority 1 → 1 for 8, 0 for 17.
    const count = (egoId: string, v: string) => alters.filter((a) => a.ego_id === egoId && a.same_sector === v).length;
    expect([count("LW03", "1"), count("LW03", "0"), count("LW03", "")]).toEqual([26, 8, 0]);
    expect([count("LW04", "1"), count("LW04", "0"), count("LW04", "")]).toEqual([8, 17, 0]);
  });

  it("same_sector adds up to each ego's E-I index of sector: (E − I)/(E + I) with I = the 1s, E + I = the non-missing", () => {
    for (const m of measures) {
      const same = alters.filter((a) => a.ego_id === m.ego_id && a.same_sector !== "").map((a) => Number(a.same_sector));
      const internal = same.filter((s) => s === 1).length;
      expect(Number(m.ei_sector), m.ego_id).toBeCloseTo((same.length - 2 * internal) / same.length, 12);
    }
  });

  it("carries the ego variables, prefixed ego_, and no identifying variable", () => {
    const header = Object.keys(alters[0]!);
    expect(header).toEqual(expect.arrayContaining(["ego_deprivation", "ego_employer", "ego_caseload", "ego_months_in_post"]));
    expect(header).not.toContain("name");
    for (const a of alters) expect(a.ego_deprivation).toBe(measures.find((m) => m.ego_id === a.ego_id)!.deprivation);
  });
});
