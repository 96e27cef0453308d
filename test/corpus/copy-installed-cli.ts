import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BIN } from "./run-netsp-bin.js";

/**
 * Copies the test build of the command (bin/netsp.js, dist/, package.json) and the production dependencies
 * it loads at run time (`npm ls --omit=dev`, found by walking package.json dependencies as Node resolves
 * them) to `to`, so that a user who cannot reach the checkout (an unprivileged user, when the checkout sits
 * in a private folder) can run it. Returns the copy's bin/netsp.js.
 */
export function copyInstalledCli(to: string): string {
  const build = path.dirname(path.dirname(BIN));
  cpSync(build, to, { recursive: true });
  const root = path.resolve("node_modules");
  for (const folder of productionPackages(path.resolve("."))) {
    const relative = path.relative(root, folder);
    cpSync(folder, path.join(to, "node_modules", relative), { recursive: true });
  }
  return path.join(to, "bin", "netsp.js");
}

/** The folders of every production dependency, outermost only (a nested package is copied with its parent). */
function productionPackages(project: string): string[] {
  const found = new Set<string>();
  const visit = (from: string) => {
    const manifest = JSON.parse(readFileSync(path.join(from, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const folder = resolvePackage(name, from, project);
      if (folder === undefined || found.has(folder)) continue;
      found.add(folder);
      visit(folder);
    }
  };
  visit(project);
  const folders = [...found].sort();
  return folders.filter((f) => !folders.some((g) => g !== f && f.startsWith(g + path.sep)));
}

/** Where Node finds package `name` required from `from`: the nearest node_modules/<name> up to the project. */
function resolvePackage(name: string, from: string, project: string): string | undefined {
  for (let at = from; ; at = path.dirname(at)) {
    const candidate = path.join(at, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (at === project || path.dirname(at) === at) return undefined;
  }
}
