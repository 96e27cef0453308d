import { describe, expect, it } from "vitest";
import { checkNetwork, MAX_ID_LENGTH } from "../../src/ingest/check-network.js";
import { NearIds } from "../../src/ingest/near-id.js";
import { quoteCellValue, showId } from "../../src/ingest/quote-cell-value.js";
import { emptyCodebook, ProblemList, type EgoNetwork } from "../../src/model/index.js";

describe("quoteCellValue: values in problem messages, never a name", () => {
  it("shows values that cannot be names: no letters, one word with a digit, or a missing-value word", () => {
    for (const v of ["1,5", "-", "2024-06-22", "12abc", "a1", "LW01", "4a517084-363c-4e17-89b0-aac53950c993", "NA", "n/a", "TRUE", "yes"]) {
      expect(quoteCellValue(v)).toBe(JSON.stringify(v));
    }
    expect(quoteCellValue("1".repeat(50))).toBe(JSON.stringify("1".repeat(37) + "..."));
  });

  it("hides words, names and addresses, saying only how long they are", () => {
    expect(quoteCellValue("Smith, John")).toBe("a text of 11 characters (not shown)");
    expect(quoteCellValue(" Dana")).toBe("a text of 5 characters (not shown)");
    expect(quoteCellValue("12 Baker Street")).toBe("a text of 15 characters (not shown)");
    expect(quoteCellValue("Zoë")).toBe("a text of 3 characters (not shown)");
    expect(showId("Ann")).toBe("(an id of 3 characters, not shown)");
    expect(showId("a1")).toBe("a1");
  });
});

describe("NearIds: why two ids that look the same do not match", () => {
  const near = new NearIds(["José", "E01", "R\u00e9my"]);
  it("names the known id that differs only in spaces, letter case or Unicode normalisation", () => {
    expect(near.hint("José ", "alter")).toContain("only in spaces at the start or end");
    expect(near.hint("e01", "ego")).toContain('ego "E01" differs from "e01" only in letter case');
    expect(near.hint("Re\u0301my", "ego")).toContain("only in Unicode normalisation");
    expect(near.hint("Ann", "alter")).toBe("");
    expect(near.hint("José", "alter")).toBe(""); // an exact match needs no hint
  });
});

function network(egoId: string, alterIds: string[], ties: Array<[string, string]>): EgoNetwork {
  const source = { file: "x.csv", line: 2 };
  return {
    ego: { egoId, attributes: {}, meta: {}, source },
    alters: alterIds.map((alterId) => ({ egoId, alterId, nodeType: "Person", attributes: {}, source })),
    ties: ties.map(([sourceId, targetId]) => ({ egoId, sourceId, targetId, edgeType: "Close", attributes: {}, source })),
  };
}

describe("checkNetwork on ids", () => {
  it("an ego or alter id longer than MAX_ID_LENGTH is an error; the message gives its length, not the id", () => {
    const problems = new ProblemList();
    checkNetwork(network("X".repeat(MAX_ID_LENGTH + 1), ["Y".repeat(5000), "b"], []), emptyCodebook(), problems);
    const long = problems.errors.filter((p) => p.code === "long-id");
    expect(long).toHaveLength(2);
    for (const p of long) expect(p.message.length).toBeLessThan(200);
    const ok = new ProblemList();
    checkNetwork(network("X".repeat(MAX_ID_LENGTH), ["a"], []), emptyCodebook(), ok);
    expect(ok.errors).toEqual([]);
  });

  it("an ego id with spaces at either end is kept, with a warning; a tie to a near-identical alter id says why it fails", () => {
    const problems = new ProblemList();
    checkNetwork(network(" E01", ["a1", "a2"], [["a1", "a2 "]]), emptyCodebook(), problems);
    expect(problems.warnings.map((p) => p.code)).toContain("id-whitespace");
    const endpoint = problems.errors.find((p) => p.code === "unknown-endpoint")!;
    expect(endpoint.message).toContain('alter "a2" differs from "a2 " only in spaces at the start or end');
  });
});
