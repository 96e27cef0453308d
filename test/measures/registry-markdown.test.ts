import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MEASURES, registryMarkdown } from "../../src/measures/index.js";

describe("registryMarkdown", () => {
  it("is a Markdown table with one row per measure, ids in code, Markdown specials escaped", () => {
    const lines = registryMarkdown().trimEnd().split("\n");
    expect(lines[0]).toBe("| id | definition |");
    expect(lines).toHaveLength(MEASURES.length + 2);
    expect(lines[2]).toBe("| `network_size` | number of alters |");
    expect(lines.find((l) => l.startsWith("| `share_"))).toBe(
      "| `share_<var>_<cat>` | count\\_\\<var>\\_\\<cat> / alters whose \\<var> is known; null when none is known |",
    );
  });

  it("matches the measure list in README.md (between the measures markers)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const match = /<!-- measures:start -->\n([\s\S]*?)<!-- measures:end -->/.exec(readme);
    expect(match, "README.md needs the measure list between <!-- measures:start --> and <!-- measures:end -->").not.toBeNull();
    expect(match![1]).toBe(registryMarkdown());
  });
});
