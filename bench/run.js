// netsp benchmark (`npm run bench`, which builds first). Not a test: nothing here asserts a time.
//
// For each cohort size it generates (once; kept under bench/out/, which git ignores) a synthetic study with
// `netsp synth --egos N --format merged` (about 60 alters per ego, density 0.1, 3 relation types), then
// times, each in a process of its own as a user would run them:
//   - `netsp analyse` on the cohort: wall time, egos per second, peak resident memory;
//   - a plain csv-parse pass over the same files (bench/csv-parse-pass.js): the floor for any tool that
//     must read them, and netsp's time as a multiple of it;
// and, where Python 3 with networkx is installed, the thesis-style networkx pipeline
// (bench/reference/networkx_pipeline.py) on the first egos of the smallest cohort: its time per ego, and the
// largest absolute difference from netsp's measures.csv, measure by measure.
//
// Usage: npm run bench [-- --sizes 1000,2000,10000,20000,100000] [--jobs N] [--repeat R]
//                      [--reference-egos 300] [--no-reference]

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "bench", "out");
const COHORT = { alters: 60, density: 0.1, types: 3, seed: 1, format: "merged" };

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const sizes = option("sizes", "1000,2000,10000,20000,100000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const jobs = option("jobs", undefined);
const repeatOption = option("repeat", undefined);
const referenceEgos = Number(option("reference-egos", "300"));
const withReference = !args.includes("--no-reference");

/** Runs a command, resolving with its wall time, output and (for bench/child.js) peak RSS in kB. */
function run(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /netsp-bench-maxrss (\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(" ")} exited with ${code}\n${stderr}`));
      else resolve({ seconds, stdout, stderr, maxRssKb: rss ? Number(rss[1]) : undefined });
    });
  });
}

function folderBytes(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/** The cohort of `egos` egos, generated unless already there with the same parameters. */
async function cohort(egos) {
  const dir = path.join(OUT, `cohort-${egos}`);
  const stamp = path.join(dir, ".bench-cohort.json");
  // The generator's own code is part of what the cohort depends on.
  const synth = path.join(ROOT, "dist", "synth");
  const generator = readdirSync(synth)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => readFileSync(path.join(synth, f), "utf8"))
    .join("\n");
  const wanted = JSON.stringify({ egos, ...COHORT, generator: createHash("sha256").update(generator).digest("hex") });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return dir;
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating ${egos.toLocaleString("en")} egos in ${path.relative(ROOT, dir)} …\n`);
  const made = await run(process.execPath, [
    "bin/netsp.js", "synth", "--egos", String(egos), "--alters", String(COHORT.alters), "--density", String(COHORT.density),
    "--types", String(COHORT.types), "--seed", String(COHORT.seed), "--format", COHORT.format, "--out", dir, "--quiet",
  ]);
  process.stderr.write(`  ${made.seconds.toFixed(1)} s\n`);
  writeFileSync(stamp, wanted);
  return dir;
}

function counts(file) {
  const run = JSON.parse(readFileSync(file, "utf8"));
  return run.counts;
}

function readCsv(file) {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const names = header.split(",");
  return lines.map((line) => {
    // measures.csv quotes only core_distribution, which the comparison does not use.
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ""));
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

const fmt = (n, digits = 2) => n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  mkdirSync(OUT, { recursive: true });
  const cores = availableParallelism();
  console.log(`netsp benchmark: ${cores} CPU core${cores === 1 ? "" : "s"}, node ${process.version}, --jobs ${jobs ?? "default (one per core)"}`);
  console.log(
    `cohorts: merged Network Canvas CSV export, about ${COHORT.alters} alters per ego (${COHORT.alters / 2}–${(3 * COHORT.alters) / 2}), ` +
      `density ${COHORT.density}, ${COHORT.types} relation types, seed ${COHORT.seed}\n`,
  );
  const rows = [];
  for (const egos of sizes) {
    const dir = await cohort(egos);
    const results = path.join(OUT, `results-${egos}`);
    const repeat = Number(repeatOption ?? (egos <= 20000 ? 3 : 1));
    let best;
    for (let r = 0; r < repeat; r++) {
      const t = await run(process.execPath, [
        "bench/child.js", "analyse", dir, "--out", results, "--force", "--quiet", ...(jobs ? ["--jobs", jobs] : []),
      ]);
      if (!best || t.seconds < best.seconds) best = t;
    }
    let floor;
    for (let r = 0; r < repeat; r++) {
      const t = await run(process.execPath, ["bench/csv-parse-pass.js", dir]);
      if (!floor || t.seconds < floor.seconds) floor = t;
    }
    const c = counts(path.join(results, "run.json"));
    const row = {
      egos,
      alters: c.alters,
      ties: c.ties,
      mb: folderBytes(dir) / 1e6,
      seconds: best.seconds,
      rssMb: best.maxRssKb / 1024,
      csvParse: floor.seconds,
      dir,
      results,
    };
    rows.push(row);
    console.error(
      `${egos.toLocaleString("en")} egos: netsp ${fmt(row.seconds)} s, peak RSS ${fmt(row.rssMb, 0)} MB; csv-parse pass ${fmt(row.csvParse)} s`,
    );
  }

  console.log("| egos | alters | tie rows | CSV MB | netsp analyse s | egos/s | peak RSS MB | csv-parse pass s | netsp / csv-parse |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.egos.toLocaleString("en")} | ${r.alters.toLocaleString("en")} | ${r.ties.toLocaleString("en")} | ${fmt(r.mb, 0)} | ${fmt(r.seconds)} | ` +
        `${fmt(r.egos / r.seconds, 0)} | ${fmt(r.rssMb, 0)} | ${fmt(r.csvParse)} | ${fmt(r.seconds / r.csvParse)} |`,
    );
  }
  const large = rows.filter((r) => r.egos >= 10000).sort((a, b) => a.egos - b.egos);
  if (large.length >= 2) {
    const [a, b] = [large[0], large[large.length - 1]];
    const growth = b.seconds / b.egos / (a.seconds / a.egos);
    console.log(
      `\nscaling ${a.egos.toLocaleString("en")} → ${b.egos.toLocaleString("en")} egos: time per ego × ${fmt(growth)} (1.00 = linear)`,
    );
  }

  if (!withReference || rows.length === 0) return;
  const python = spawnSync("python3", ["-c", "import networkx; print(networkx.__version__)"], { encoding: "utf8" });
  if (python.status !== 0) {
    console.log("\nnetworkx reference: skipped (python3 with networkx is not installed)");
    return;
  }
  const small = rows[0];
  const reference = await run("python3", ["bench/reference/networkx_pipeline.py", small.dir, "--egos", String(referenceEgos)]);
  const nx = JSON.parse(reference.stdout);
  const perEgoNx = (reference.seconds / nx.egos) * 1000;
  console.log(
    `\nnetworkx ${nx.networkx} pipeline, first ${nx.egos} egos of the ${small.egos.toLocaleString("en")} cohort: ` +
      `${fmt(perEgoNx, 1)} ms per ego (reading ${fmt((nx.readSeconds / nx.egos) * 1000, 2)} ms, measures ${fmt((nx.computeSeconds / nx.egos) * 1000, 1)} ms, ` +
      `start-up included). netsp per ego (whole analyse, start-up included), and how many times faster:`,
  );
  console.log(
    rows
      .map((r) => `${r.egos.toLocaleString("en")} egos: ${fmt((r.seconds / r.egos) * 1000, 3)} ms, ${fmt(perEgoNx / ((r.seconds / r.egos) * 1000), 0)}×`)
      .join("; "),
  );
  const ours = new Map(readCsv(path.join(small.results, "measures.csv")).map((r) => [r.ego_id, r]));
  const measures = Object.keys(Object.values(nx.results)[0]);
  const diffs = [];
  for (const m of measures) {
    let max = 0;
    let compared = 0;
    let mismatched = 0;
    for (const [ego, values] of Object.entries(nx.results)) {
      const mine = ours.get(ego)?.[m];
      const theirs = values[m];
      if (mine === undefined) {
        mismatched++;
        continue;
      }
      if ((mine === "") !== (theirs === null)) {
        mismatched++;
        continue;
      }
      if (theirs === null) continue;
      compared++;
      max = Math.max(max, Math.abs(Number(mine) - theirs));
    }
    diffs.push(`${m} ${max === 0 ? "0" : max.toExponential(1)}${mismatched ? ` (${mismatched} undefined on one side only)` : ""}`);
    if (compared === 0 && mismatched === 0) diffs[diffs.length - 1] += " (no values)";
  }
  console.log(`max |netsp − networkx| over those egos, per measure: ${diffs.join("; ")}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
