import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "../corpus/run-netsp-bin.js";

/** Every test file under test/ (relative paths). */
function testFiles(folder = "test"): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(folder, e.name);
    return e.isDirectory() ? testFiles(full) : e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the built command the tests run", () => {
  it("is the test build of the current sources, not whatever dist/ holds", () => {
    expect(path.relative(path.resolve("node_modules/.cache/netsp-test-build"), BIN)).toMatch(/^[0-9a-f]{16}\/bin\/netsp\.js$/);
    const r = runBin(["--version"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("is what every test of bin/netsp.js runs, and no such test can skip for want of a build", () => {
    const offenders = testFiles().filter((file) => {
      const text = readFileSync(file, "utf8");
      return /bin\/netsp\.js"|dist\/main\.js"|skipIf\(\s*!\s*(built|BUILT)\b|runIf\(\s*(built|BUILT)\b/.test(text);
    });
    expect(offenders, "run the built command through test/corpus/run-netsp-bin.ts (BIN, runBin), which the global setup builds").toEqual([]);
  });
});
