import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue 15, "one study layer: let data flow one way". Each part of src/ may import only the parts listed
// here. The study layer is pipeline/ (to be renamed study/: both names are allowed).
const STUDY = ["pipeline", "study"];
const STUDY_IMPORTS = ["ingest", "graph", "measures", "stats", "tables", "report", "model"];

const ALLOWED: Record<string, readonly string[]> = {
  cli: ["*"],
  study: STUDY_IMPORTS,
  report: ["tables", "graph", "model"],
  tables: ["measures", "stats", "model"],
  measures: ["graph", "stats", "model"],
  graph: ["model"],
  ingest: ["model"],
  synth: ["graph", "tables", "model"],
  stats: [],
  model: [],
};

// The shared modules at the root of src/: importable from anywhere; they import only each other and model.
const SHARED = [
  "did-you-mean.ts",
  "errors.ts",
  "lazy-module.ts",
  "map-concurrently.ts",
  "path-kind.ts",
  "protected-paths.ts",
  "random.ts",
  "version.ts",
];
const SHARED_IMPORTS = ["model"];

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** src-relative path, with forward slashes. */
const rel = (path: string) => relative(src, path).split("\\").join("/");

/** The part a src file belongs to: its folder, or "shared" for a root module. */
function partOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? "shared" : file.slice(0, slash);
}

interface Arrow {
  from: string;
  to: string;
  specifier: string;
}

function readArrows(): { files: string[]; arrows: Arrow[]; unresolved: string[] } {
  const files = listTs(src).map(rel).sort();
  const known = new Set(files);
  const arrows: Arrow[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(src, file), "utf8");
    // importedFiles holds static imports, `import type`, re-exports and `import("…")` calls alike.
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith(".")) continue; // node: and packages
      const target = rel(resolve(dirname(join(src, file)), specifier)).replace(/\.js$/, ".ts");
      if (!known.has(target)) unresolved.push(`${file}: import "${specifier}" resolves to no file in src/`);
      else arrows.push({ from: file, to: target, specifier });
    }
  }
  return { files, arrows, unresolved };
}

/** The rule an arrow breaks, or undefined when the table allows it. */
function brokenRule(arrow: Arrow): string | undefined {
  const from = partOf(arrow.from);
  const to = partOf(arrow.to);
  if (from === to) return undefined;
  if (from === "shared") {
    return SHARED_IMPORTS.includes(to) ? undefined : `the shared root modules import only each other and ${SHARED_IMPORTS.join(", ")}`;
  }
  if (to === "shared") {
    const name = arrow.to;
    return SHARED.includes(name) ? undefined : `src/${name} is a root module not listed as shared in the architecture test`;
  }
  const allowed = ALLOWED[from];
  if (allowed === undefined) return `src/${from}/ is a part the architecture test does not know`;
  if (allowed.includes("*") || allowed.includes(to)) return undefined;
  return `${from} may import only ${allowed.length > 0 ? allowed.join(", ") : "nothing of ours"} (and the shared root modules)`;
}

/** Every circle between files, each once, as the files in order, first one repeated at the end. */
function findCycles(files: string[], arrows: Arrow[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const { from, to } of arrows) next.get(from)!.push(to);
  // Tarjan's strongly connected components; one circle is reported per component.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    indices.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file)!) {
      if (!indices.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, indices.get(to)!));
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next.get(file)!.includes(file)) components.push(component);
    }
  };
  for (const file of files) if (!indices.has(file)) visit(file);
  return components.map((component) => {
    // A shortest circle through the component's first file (breadth-first search within the component).
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const to of next.get(queue[i]!)!) {
        if (!members.has(to)) continue;
        if (to === start) {
          const path = [start];
          for (let at = queue[i]!; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
          return [...path, start];
        }
        if (!previous.has(to)) {
          previous.set(to, queue[i]!);
          queue.push(to);
        }
      }
    }
    return [start, start];
  });
}

describe("architecture: data flows one way (issue 15)", () => {
  const { files, arrows, unresolved } = readArrows();

  it("reads the imports of every file in src/", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(arrows.length).toBeGreaterThan(300);
    expect(unresolved).toEqual([]);
  });

  it("every import between parts is one the table allows", () => {
    const broken = arrows.flatMap((arrow) => {
      const rule = brokenRule(arrow);
      return rule === undefined ? [] : [`src/${arrow.from} imports "${arrow.specifier}" (src/${arrow.to}): ${rule}`];
    });
    expect(broken, `imports against the flow:\n${broken.join("\n")}\n`).toEqual([]);
  });

  it("the checks catch what they are for: an arrow against the table, and a circle", () => {
    const arrow = (from: string, to: string): Arrow => ({ from, to, specifier: "" });
    expect(brokenRule(arrow("report/html-document.ts", "ingest/open-dataset.ts"))).toMatch(/report may import only/);
    expect(brokenRule(arrow("model/table.ts", "graph/core-numbers.ts"))).toMatch(/model may import/);
    expect(brokenRule(arrow("cli/analyse.ts", "ingest/open-dataset.ts"))).toBeUndefined();
    expect(brokenRule(arrow("report/html-document.ts", "errors.ts"))).toBeUndefined();
    const circle = findCycles(["a/x.ts", "a/y.ts", "a/z.ts"], [arrow("a/x.ts", "a/y.ts"), arrow("a/y.ts", "a/z.ts"), arrow("a/z.ts", "a/x.ts")]);
    expect(circle.length).toBeGreaterThan(0);
    expect(findCycles(["a/x.ts", "a/y.ts"], [arrow("a/x.ts", "a/y.ts")])).toEqual([]);
  });

  // `import type` counts: a type-only circle still ties the files' meaning together, and the file that
  // owns a type belongs below both of its users.
  it("no circle between files, type-only imports included", () => {
    const cycles = findCycles(files, arrows).map((cycle) => `circle: ${cycle.map((file) => `src/${file}`).join(" → ")}`);
    expect(cycles, `import cycles:\n${cycles.join("\n")}\n`).toEqual([]);
  });

  it("every root module of src/ is listed as shared, and every listed one exists", () => {
    const rootFiles = files.filter((file) => !file.includes("/"));
    expect(rootFiles).toEqual(SHARED.filter((name) => rootFiles.includes(name)));
    expect(SHARED.filter((name) => !rootFiles.includes(name))).toEqual([]);
  });
});
