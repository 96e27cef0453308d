import { describe, expect, it } from "vitest";
import { isLegalName, legalVariableNames, SPSS_NAME_RULES, STATA_NAME_RULES } from "../../src/tables/legal-variable-names.js";

describe("legal variable names", () => {
  it("keeps legal names as they are and lists no renaming", () => {
    const ids = ["ego_id", "network_size", "share.vcs", "n@x#1$"];
    expect(legalVariableNames(ids, SPSS_NAME_RULES)).toEqual({ names: ids, renamed: [] });
    expect(legalVariableNames(["ego_id", "_x", "network_size"], STATA_NAME_RULES)).toEqual({ names: ["ego_id", "_x", "network_size"], renamed: [] });
  });

  it("SPSS: replaces illegal characters, prefixes a bad start, avoids reserved words and a trailing period", () => {
    const ids = ["a b", "1st", "_x", "with", "TO", "Zoë", "total.", "", "#scratch", "$sys"];
    const { names, renamed } = legalVariableNames(ids, SPSS_NAME_RULES);
    expect(names).toEqual(["a_b", "v1st", "v_x", "with_", "TO_", "Zo_", "total_", "v", "v#scratch", "v$sys"]);
    expect(renamed).toEqual(ids.map((id, i) => ({ id, name: names[i] })));
  });

  it("Stata: letters, digits and _ only, may start with _, reserved names and str# avoided", () => {
    const ids = ["share.vcs", "1st", "_x", "if", "str12", "strL", "_N", "double", "n@x", "Zoë"];
    expect(legalVariableNames(ids, STATA_NAME_RULES).names).toEqual(["share_vcs", "v1st", "_x", "if_", "str12_", "strL_", "_N_", "double_", "n_x", "Zo_"]);
  });

  it("cuts to the length limit (64 for SPSS, 32 for Stata)", () => {
    const id = "a".repeat(70);
    expect(legalVariableNames([id], SPSS_NAME_RULES).names).toEqual(["a".repeat(64)]);
    expect(legalVariableNames([id], STATA_NAME_RULES).names).toEqual(["a".repeat(32)]);
  });

  it("never gives two columns one name, compared without case: _2, _3 … within the limit", () => {
    const ids = ["Size", "size", "SIZE", "a b", "a_b", "b".repeat(40), "b".repeat(41)];
    const { names, renamed } = legalVariableNames(ids, STATA_NAME_RULES);
    expect(names).toEqual(["Size", "size_2", "SIZE_3", "a_b_2", "a_b", "b".repeat(32), "b".repeat(30) + "_2"]);
    // The id that was legal keeps its name; the one made legal gives way.
    expect(renamed).toEqual([
      { id: "size", name: "size_2" },
      { id: "SIZE", name: "SIZE_3" },
      { id: "a b", name: "a_b_2" },
      { id: "b".repeat(40), name: "b".repeat(32) },
      { id: "b".repeat(41), name: "b".repeat(30) + "_2" },
    ]);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(ids.length);
  });

  it("every name it gives is legal", () => {
    const ids = ["", "9", ".", "..", "with", "ALL", "x.", "é", "a-b-c", "_", "__", "str1", "名前"];
    for (const rules of [SPSS_NAME_RULES, STATA_NAME_RULES]) {
      for (const name of legalVariableNames(ids, rules).names) expect(isLegalName(name, rules), `${rules.system} ${name}`).toBe(true);
    }
  });
});
