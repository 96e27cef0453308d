import { stat } from "node:fs/promises";
import path from "node:path";
import type { Problem, StudyConfig } from "../model/index.js";
import type { StudyCounts } from "./measure-ego-rows.js";
import type { UnfinishedInterview } from "./unfinished-interviews.js";
import { hashFile } from "./hash-file.js";

/**
 * run.json: what went in and what came out, so the tables can be regenerated and trusted. Records hashes,
 * paths and counts — never data values (problem messages name files, lines and variables, not alter names).
 */
export interface RunRecord {
  netsp: string;
  node: string;
  startedAt: string;
  finishedAt: string;
  input: { path: string; format: string; files: Array<{ path: string; bytes: number; sha256: string }> };
  config: { path: string | null; sha256: string; resolved: StudyConfig };
  counts: StudyCounts & { analysed: number };
  leftOut: string[];
  /** Interviews left out because they were not completed (`--include-unfinished` keeps them); not errors. */
  leftOutUnfinished: UnfinishedInterview[];
  errors: ReportedProblem[];
  warnings: ReportedProblem[];
  notes: string[];
  outputs: string[];
  /** Present when ego ids were pseudonymised (`--pseudonymise`): the method, never the key. */
  pseudonymised?: { method: string; applies: string };
  timingsMs: Record<string, number>;
}

interface ReportedProblem {
  file: string;
  line: number | null;
  code: string;
  egoId: string | null;
  message: string;
}

/** Each input file with its size and SHA-256, paths relative to `base` (sorted, as the dataset lists them). */
export async function describeInputFiles(files: readonly string[], base: string, signal?: AbortSignal): Promise<RunRecord["input"]["files"]> {
  const out: RunRecord["input"]["files"] = [];
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) continue; // entries inside a zip are covered by the zip's own hash
    out.push({ path: relativePath(file, base), bytes: info.size, sha256: await hashFile(file, signal) });
  }
  return out;
}

export function reportedProblems(problems: readonly Problem[]): ReportedProblem[] {
  return problems.map((p) => ({ file: p.file, line: p.line ?? null, code: p.code, egoId: p.egoId ?? null, message: p.message }));
}

/** A path relative to `base` with forward slashes, or absolute when outside it. */
export function relativePath(file: string, base: string): string {
  const relative = path.relative(base, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/") || ".";
}
