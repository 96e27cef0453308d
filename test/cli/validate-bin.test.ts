import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "../corpus/run-netsp-bin.js";
import { RADAR_COUNTS } from "../ingest/radar-counts.js";

// The installed command, end to end (built from the current sources by the global setup).

function netsp(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/netsp.js validate", () => {
  it("reports 10 egos and the counts per type for the radar export; exit 0", () => {
    const r = netsp("validate", "fixtures/network-canvas-radar", "--json");
    expect(r.code).toBe(0);
    // Python csv-module counts: see test/ingest/radar-counts.ts.
    expect(JSON.parse(r.stdout)).toMatchObject({ ...RADAR_COUNTS, errors: [] });
  });

  it("exits 1 with the error on stderr for a corrupted copy, and 2 for a usage error", () => {
    const bad = netsp(
      "validate",
      "test/corpus/validate-faults/non-number",
      "--protocol",
      "fixtures/network-canvas-radar/IJE_RADAR_Protocol.netcanvas",
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Age: "1,5" is not a number');
    expect(bad.stderr).toContain("error: 1 error in test/corpus/validate-faults/non-number");
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(netsp("validate", "fixtures/network-canvas-radar", "--ego-id", "nope").code).toBe(2);
  });
});
