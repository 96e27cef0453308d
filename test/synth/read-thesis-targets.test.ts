import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { linkWorkerCodebook } from "../../src/synth/link-worker-codebook.js";
import { parseCoreDistribution, readThesisTargets } from "../../src/synth/read-thesis-targets.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-targets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  "id,age,gender,ethnic_background,highest_education,months_in_post,region,area_deprivation,imd_decile_gp_practice," +
  "employing_organisation,fte,caseload,lw_question_asked,network_size,isolates,core_distribution,average_degree_multiplex," +
  "organisations,sector_vcs,sector_healthcare,sector_local_authority,sector_other";
// LW01 of fixtures/thesis/targets.csv.
const LW01 =
  'LW01,24,F,White British,College or University,5,Southeast,high,1,VCS,Full time,12,false,56,15,"{1: 18, 2: 12, 3: 4, 4: 6}",4.0,7,35,7,8,6';

function targetsFile(name: string, ...rows: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, [HEADER, ...rows].join("\n") + "\n");
  return file;
}

function errorOf(file: string): InputError {
  try {
    readThesisTargets(file, linkWorkerCodebook());
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("readThesisTargets", () => {
  it("reads ego variables with their codebook types, and the network targets", () => {
    const [t] = readThesisTargets(targetsFile("ok.csv", LW01), linkWorkerCodebook());
    expect(t.caseId).toBe("LW01");
    expect(t.source).toEqual({ file: path.join(dir, "ok.csv"), line: 2 });
    expect(t.ego).toMatchObject({ age: 24, gender: "F", area_deprivation: "high", caseload: 12, lw_question_asked: false });
    expect(t.networkSize).toBe(56);
    expect([...t.coreDistribution]).toEqual([[1, 18], [2, 12], [3, 4], [4, 6]]);
    expect(t.sectors).toEqual({ vcs: 35, healthcare: 7, local_authority: 8, other: 6 });
  });

  it("names the file, line and column of a bad cell", () => {
    const e = errorOf(targetsFile("age.csv", LW01, LW01.replace("LW01,24", "LW02,twenty")));
    expect(e.location).toEqual({ file: path.join(dir, "age.csv"), line: 3, column: 2 });
    expect(e.message).toMatch(/age: expected a number/);
    expect(errorOf(targetsFile("dep.csv", LW01.replace(",high,", ",very high,"))).message).toMatch(/area_deprivation: "very high" is not one of/);
    expect(errorOf(targetsFile("dup.csv", LW01, LW01)).message).toMatch(/appears twice/);
  });

  it("refuses targets no interview can meet", () => {
    // A 4-core of 4 nodes is impossible.
    expect(errorOf(targetsFile("core.csv", LW01.replace("3: 4, 4: 6}", "3: 4, 4: 4}"))).message).toMatch(
      /a 4-core needs at least 5/,
    );
    // Sectors must add up to network_size.
    expect(errorOf(targetsFile("sectors.csv", LW01.replace("35,7,8,6", "35,7,8,5"))).message).toMatch(/add up to 55, not network_size 56/);
    // More cored alters and isolates than alters.
    expect(errorOf(targetsFile("size.csv", LW01.replace(",56,15,", ",56,30,"))).message).toMatch(/exceed network_size 56/);
    // The one colleague takes the VCS sector; none is left for it.
    expect(errorOf(targetsFile("colleague.csv", LW01.replace("35,7,8,6", "0,42,8,6"))).message).toMatch(/sector_vcs is 0/);
    // Too few typed ties for the graph's 66 ties (sociogram 55: average degree 2.0 → 55 rows).
    expect(errorOf(targetsFile("degree.csv", LW01.replace("}\",4.0,", "}\",2.0,"))).message).toMatch(/fewer than the 66 ties/);
    expect(errorOf(targetsFile("columns.csv", "LW01,24")).message).toMatch(/expected 22 cells/);
  });

  it("reports missing columns on the header line", () => {
    const file = path.join(dir, "header.csv");
    writeFileSync(file, "id,age\nLW01,24\n");
    const e = errorOf(file);
    expect(e.location?.line).toBe(1);
    expect(e.message).toMatch(/missing columns: gender, /);
  });
});

describe("parseCoreDistribution", () => {
  const where = { file: "t.csv" };
  it("reads the thesis's printed form, empty shells included", () => {
    expect([...parseCoreDistribution("{1: 1, 3: 0, 11: 18}", where)]).toEqual([[1, 1], [3, 0], [11, 18]]);
    expect(parseCoreDistribution("{}", where).size).toBe(0);
  });
  it("refuses anything else", () => {
    for (const bad of ["1: 2", "{1: 2, 1: 3}", "{0: 4}", "{a: 1}", "{1: -2}"]) expect(() => parseCoreDistribution(bad, where)).toThrow(InputError);
  });
});
