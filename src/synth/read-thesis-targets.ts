import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InputError } from "../errors.js";
import type { Attributes, Codebook, SourceRef, Value, Variable } from "../model/index.js";
import { SECTORS, type Sector } from "./link-worker-codebook.js";

/**
 * One interview to generate: the ego's variables and the network figures it must reproduce. See
 * fixtures/thesis/README.md for which columns are published (thesis Tables 5 and 12) and which are chosen.
 */
export interface ThesisTarget {
  caseId: string;
  source: SourceRef;
  /** Every ego variable of the codebook (Table 5, caseload, lw_question_asked). */
  ego: Attributes;
  networkSize: number;
  isolates: number;
  /** {k: nodes with core number k}, as printed (shells with 0 nodes kept; they generate nothing). */
  coreDistribution: Map<number, number>;
  /** Target 2 × typed tie rows / sociogram size; rows = round(target × sociogram size / 2). */
  averageDegreeMultiplex: number;
  /** Sociogram alters that are organisations. */
  organisations: number;
  /** Alters per sector, link-worker colleagues included; they add up to networkSize. */
  sectors: Record<Sector, number>;
}

/** Columns besides the ego variables. */
const NETWORK_COLUMNS = [
  "network_size",
  "isolates",
  "core_distribution",
  "average_degree_multiplex",
  "organisations",
  ...SECTORS.map((s) => `sector_${s}`),
];

/**
 * Reads and checks a targets CSV (header `id`, the codebook's ego variables, then the network columns).
 * Every problem is an InputError naming the file, line and column; targets that cannot be built (a main
 * core too small, sectors that do not add up to network_size, more colleagues than their sector holds)
 * are refused here, before anything is written.
 *
 * Example: readThesisTargets("fixtures/thesis/targets.csv", linkWorkerCodebook()) → 21 targets.
 */
export function readThesisTargets(file: string, codebook: Codebook): ThesisTarget[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(`cannot read the targets: ${(e as Error).message}`, { file });
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    throw new InputError(`not a valid CSV file: ${(e as Error).message}`, { file });
  }
  if (records.length === 0) throw new InputError("the targets file is empty", { file });
  const header = records[0].record.map((h) => h.trim());
  const required = ["id", ...Object.keys(codebook.ego), ...NETWORK_COLUMNS];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(`missing column${missing.length === 1 ? "" : "s"}: ${missing.join(", ")}`, { file, line: 1 });

  const targets: ThesisTarget[] = [];
  const seen = new Set<string>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      throw new InputError(`expected ${header.length} cells, found ${record.length}`, { file, line });
    }
    const cell = (name: string) => {
      const column = header.indexOf(name);
      return { text: record[column].trim(), where: { file, line, column: column + 1 } };
    };
    const int = (name: string, min = 0) => {
      const { text: t, where } = cell(name);
      const n = /^\d+$/.test(t) ? Number(t) : NaN;
      if (!Number.isSafeInteger(n) || n < min) throw new InputError(`${name}: expected a whole number ≥ ${min}, got "${t}"`, where);
      return n;
    };

    const id = cell("id");
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id.text)) {
      throw new InputError(`id: "${id.text}" must be letters, digits, "_" or "-" (it becomes part of file names)`, id.where);
    }
    if (seen.has(id.text)) throw new InputError(`id: "${id.text}" appears twice`, id.where);
    seen.add(id.text);

    const ego: Attributes = {};
    for (const variable of Object.values(codebook.ego)) {
      const { text: t, where } = cell(variable.name);
      ego[variable.name] = egoValue(t, variable, where);
    }

    const networkSize = int("network_size");
    const isolates = int("isolates");
    const dist = cell("core_distribution");
    const coreDistribution = parseCoreDistribution(dist.text, dist.where);
    const degree = cell("average_degree_multiplex");
    const averageDegreeMultiplex = Number(degree.text);
    if (degree.text === "" || !Number.isFinite(averageDegreeMultiplex) || averageDegreeMultiplex < 0) {
      throw new InputError(`average_degree_multiplex: expected a number ≥ 0, got "${degree.text}"`, degree.where);
    }
    const organisations = int("organisations");
    const sectors = Object.fromEntries(SECTORS.map((s) => [s, int(`sector_${s}`)])) as Record<Sector, number>;

    const where = { file, line };
    const shellNodes = [...coreDistribution.values()].reduce((a, b) => a + b, 0);
    const sociogram = shellNodes + isolates;
    if (sociogram > networkSize) {
      throw new InputError(
        `${id.text}: the core distribution (${shellNodes} alters) and isolates (${isolates}) exceed network_size ${networkSize}`,
        where,
      );
    }
    const present = [...coreDistribution].filter(([, n]) => n > 0).sort((a, b) => b[0] - a[0]);
    if (present.length > 0 && present[0][1] < present[0][0] + 1) {
      const [k, n] = present[0];
      throw new InputError(`${id.text}: the main core (k = ${k}) has ${n} alters; a ${k}-core needs at least ${k + 1}`, dist.where);
    }
    const sectorTotal = SECTORS.reduce((sum, s) => sum + sectors[s], 0);
    if (sectorTotal !== networkSize) {
      throw new InputError(`${id.text}: the sector counts add up to ${sectorTotal}, not network_size ${networkSize}`, where);
    }
    if (organisations > sociogram) {
      throw new InputError(`${id.text}: ${organisations} organisations, but only ${sociogram} sociogram alters`, where);
    }
    const colleagues = networkSize - sociogram;
    const sector = colleagueSector(String(ego.employing_organisation));
    if (sectors[sector] < colleagues) {
      throw new InputError(
        `${id.text}: ${colleagues} link-worker colleagues take the employer's sector (${sector}), but sector_${sector} is ${sectors[sector]}`,
        where,
      );
    }
    const ties = minimumTies(present);
    const rows = typedRows(averageDegreeMultiplex, sociogram);
    if (rows < ties) {
      throw new InputError(
        `${id.text}: average_degree_multiplex ${averageDegreeMultiplex} gives ${rows} typed ties, fewer than the ${ties} ties the core distribution needs`,
        degree.where,
      );
    }
    targets.push({
      caseId: id.text,
      source: { file, line },
      ego,
      networkSize,
      isolates,
      coreDistribution,
      averageDegreeMultiplex,
      organisations,
      sectors,
    });
  }
  return targets;
}

/**
 * Parses a core distribution printed as in the thesis, `{1: 18, 2: 12, 3: 4, 4: 6}` (`{}` for none).
 *
 * Example: parseCoreDistribution("{3: 0, 4: 2}") → Map {3 → 0, 4 → 2}.
 */
export function parseCoreDistribution(text: string, where: { file: string; line?: number; column?: number }): Map<number, number> {
  const body = text.trim().match(/^\{(.*)\}$/s);
  if (!body) throw new InputError(`core_distribution: expected {k: count, ...}, got "${text}"`, where);
  const out = new Map<number, number>();
  if (body[1].trim() === "") return out;
  for (const part of body[1].split(",")) {
    const m = part.trim().match(/^(\d+)\s*:\s*(\d+)$/);
    if (!m) throw new InputError(`core_distribution: "${part.trim()}" is not k: count`, where);
    const k = Number(m[1]);
    if (k < 1) throw new InputError(`core_distribution: shell ${k} (isolates go in the isolates column)`, where);
    if (out.has(k)) throw new InputError(`core_distribution: shell ${k} appears twice`, where);
    out.set(k, Number(m[2]));
  }
  return out;
}

/** The sector link-worker colleagues take: their employer's (PCN and GP practices are healthcare). */
export function colleagueSector(employer: string): Sector {
  return employer === "VCS" ? "vcs" : "healthcare";
}

/** Typed tie rows for a target multiplex average degree on n sociogram alters: round(target × n / 2). */
export function typedRows(averageDegreeMultiplex: number, n: number): number {
  return Math.round((averageDegreeMultiplex * n) / 2);
}

/** Ties the generator builds for a distribution (main core ⌈K·c/2⌉, each lower-shell node k). */
function minimumTies(present: Array<[number, number]>): number {
  if (present.length === 0) return 0;
  const [K, c] = present[0];
  return Math.ceil((K * c) / 2) + present.slice(1).reduce((sum, [k, n]) => sum + k * n, 0);
}

function egoValue(text: string, variable: Variable, where: { file: string; line: number; column: number }): Value {
  if (text === "") return null;
  switch (variable.type) {
    case "number": {
      const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) throw new InputError(`${variable.name}: expected a number, got "${text}"`, where);
      return n;
    }
    case "boolean":
      if (text === "true") return true;
      if (text === "false") return false;
      throw new InputError(`${variable.name}: expected true or false, got "${text}"`, where);
    case "ordinal":
    case "categorical":
      if (variable.options && !variable.options.some((o) => o.value === text)) {
        throw new InputError(
          `${variable.name}: "${text}" is not one of ${variable.options.map((o) => `"${o.value}"`).join(", ")}`,
          where,
        );
      }
      return variable.type === "categorical" ? [text] : text;
    default:
      return text;
  }
}
