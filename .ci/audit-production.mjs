#!/usr/bin/env node
// CI: known vulnerabilities in the production dependencies (`npm audit --omit=dev`), reported honestly.
//   exit 0: the advisory service answered, and no production dependency has a high or critical advisory;
//   exit 1: it answered with one or more: each package is named, with its severity and advisory;
//   the service could not be asked (offline, a mirror without the audit endpoint, HTTP 405 …): a loud
//   "AUDIT NOT PERFORMED" block; exit 0 so the tests still run, unless NETSP_AUDIT_REQUIRED=1 (exit 2).
// NETSP_AUDIT_JSON=<file> reads a saved `npm audit --json` output instead of running npm (for the tests).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const FAILING = new Set(["high", "critical"]);
const required = process.env.NETSP_AUDIT_REQUIRED === "1";
const github = process.env.GITHUB_ACTIONS === "true";

function auditJson() {
  if (process.env.NETSP_AUDIT_JSON) return { text: readFileSync(process.env.NETSP_AUDIT_JSON, "utf8"), stderr: "" };
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", shell: process.platform === "win32" });
  if (r.error) return { text: "", stderr: String(r.error) };
  return { text: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function notPerformed(reason) {
  const lines = [
    "================================================================================",
    "AUDIT NOT PERFORMED: the npm advisory service could not be asked.",
    `Reason: ${reason}`,
    "The production dependencies were NOT checked for known vulnerabilities in this run.",
    "Run `npm audit --omit=dev` where registry.npmjs.org's audit endpoint can be reached.",
    "================================================================================",
  ];
  console.log(lines.join("\n"));
  if (github) console.log(`::warning title=npm audit not performed::${reason}`);
  process.exit(required ? 2 : 0);
}

const { text, stderr } = auditJson();
let report;
try {
  report = JSON.parse(text);
} catch {
  notPerformed(`npm audit printed no report${stderr ? ` (${stderr.trim().split("\n").slice(-1)[0]})` : ""}`);
}

// npm prints {"message": "405 Method Not Allowed - POST …", "statusCode": 405, …} or {"error": {…}} when it
// could not get an answer.
if (report.error !== undefined || report.message !== undefined || report.vulnerabilities === undefined) {
  const detail = report.error?.summary || report.error?.code || report.message || "no vulnerability report in npm's answer";
  notPerformed(String(detail).split("\n")[0]);
}

const found = Object.entries(report.vulnerabilities)
  .filter(([, v]) => FAILING.has(v.severity))
  .map(([name, v]) => {
    const advisories = (v.via ?? []).filter((x) => typeof x === "object").map((x) => `${x.title ?? "advisory"}${x.url ? ` (${x.url})` : ""}`);
    const through = (v.via ?? []).filter((x) => typeof x === "string");
    return { name, severity: v.severity, range: v.range, advisories, through, fix: v.fixAvailable };
  });
const counts = report.metadata?.vulnerabilities ?? {};
const checked = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total;

if (found.length === 0) {
  const lower = ["moderate", "low", "info"].filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
  console.log(
    `npm audit: no known high or critical vulnerabilities in production dependencies` +
      `${checked !== undefined ? ` (${checked} checked)` : ""}${lower.length ? `; below the bar: ${lower.join(", ")}` : ""}.`,
  );
  process.exit(0);
}
console.log(`npm audit: ${found.length} production dependenc${found.length === 1 ? "y has" : "ies have"} high or critical advisories:`);
for (const f of found) {
  const via = f.advisories.length ? f.advisories.join("; ") : `through ${f.through.join(", ")}`;
  console.log(`  - ${f.name} (${f.severity}, ${f.range ?? "all versions"}): ${via}`);
  if (github) console.log(`::error title=npm audit: ${f.name}::${f.severity}: ${via}`);
}
process.exit(1);
