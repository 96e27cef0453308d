/**
 * The CI audit step (.ci/audit-production.mjs) on saved `npm audit --json` outputs (test/cli/ci-audit/):
 * a finding fails naming the package, a clean report passes, and an advisory service that cannot be
 * reached is said loudly, passing only when the audit is not required.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = path.resolve(".ci/audit-production.mjs");
const SAVED = path.resolve("test/cli/ci-audit");

function audit(file: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT], {
    encoding: "utf8",
    env: { ...process.env, NETSP_AUDIT_JSON: path.join(SAVED, file), NETSP_AUDIT_REQUIRED: "", GITHUB_ACTIONS: "", ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe(".ci/audit-production.mjs", () => {
  it("fails on a critical advisory in a production dependency, naming the package; a moderate one does not fail", () => {
    const r = audit("finding.json");
    expect(r.code).toBe(1);
    expect(r.out).toContain("saxes (critical");
    expect(r.out).toContain("Made-up advisory for the CI test");
    expect(r.out).not.toContain("- chalk");
  });

  it("passes a clean report, saying how many packages were checked", () => {
    const r = audit("clean.json");
    expect(r.code).toBe(0);
    expect(r.out).toContain("no known high or critical vulnerabilities in production dependencies (120 checked)");
  });

  it("an unreachable advisory service (HTTP 405) is reported as AUDIT NOT PERFORMED, never as a pass", () => {
    const r = audit("unreachable-405.json");
    expect(r.code).toBe(0);
    expect(r.out).toContain("AUDIT NOT PERFORMED");
    expect(r.out).toContain("405 Method Not Allowed");
    expect(r.out).not.toContain("no known high or critical");
    expect(audit("unreachable-405.json", { NETSP_AUDIT_REQUIRED: "1" }).code).toBe(2);
    expect(audit("unreachable-405.json", { GITHUB_ACTIONS: "true" }).out).toContain("::warning title=npm audit not performed::");
  });
});
