import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import type {
  Alter,
  Attributes,
  Codebook,
  Ego,
  EgoNetwork,
  ProblemSink,
  ThreeFileColumns,
  Tie,
  Variable,
  VariableSet,
} from "../model/index.js";
import { overlayDeclarations } from "../model/index.js";
import type { BuildSetup, EgoBuilder } from "./ego-parts.js";
import { buildThreeFileEgo, type ThreeFileEgoParts } from "./three-file-build.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import { detectDelimiter, readCsvRows, readFirstLine } from "./three-file-csv.js";
import { EgoRowJoin } from "./three-file-join.js";
import { inferVariables, scanTable, type TableScan, type TableScanJob, type TableScanPool, type ThreeFileTable } from "./three-file-scan.js";

/** Node type of alters when alters.csv has no type column (`columns.nodeType`). */
export const DEFAULT_NODE_TYPE = "Alter";
/** Edge type of ties when ties.csv has no type column (`columns.edgeType`). */
export const DEFAULT_EDGE_TYPE = "tie";

/** Default column names, tried in order (exactly, then ignoring case) when the config names none. */
const DEFAULT_COLUMNS = {
  egoId: ["ego_id", "egoID"],
  alterId: ["alter_id", "alterID"],
  source: ["source", "from"],
  target: ["target", "to"],
} as const;

/**
 * Opens the three-table format (egos.csv, alters.csv, ties.csv in one folder), as egor's `threefiles`.
 * File and column names come from `config.columns`; each file's delimiter (`,` `;` or tab) is detected
 * from its header. Opening reads each table once to type its columns (there is no codebook): number when
 * every non-empty value is a strict number, boolean when every one is true/false, categorical when listed
 * in `config.composition`, else text. `egos()` then streams the ego file and joins each ego's alters and
 * ties (see {@link EgoRowJoin} for the memory this takes), running the shared per-ego checks.
 */
export async function openThreeFile(input: string, ctx: ReaderContext): Promise<Dataset> {
  const columns = ctx.config.columns ?? {};
  const folder = await inputFolder(input);
  const egosTable = await openTable(folder, columns.egos ?? "egos.csv", "egos", ctx);
  const altersTable = await openTable(folder, columns.alters ?? "alters.csv", "alters", ctx);
  const tiesTable = await openTable(folder, columns.ties ?? "ties.csv", "ties", ctx);

  const ego = {
    id: findColumn(egosTable, columns, "egoId", "ego id"),
  };
  const alter = {
    egoId: findColumn(altersTable, columns, "egoId", "ego id"),
    id: findColumn(altersTable, columns, "alterId", "alter id"),
    type: findOptionalColumn(altersTable, columns, "nodeType"),
  };
  const tie = {
    egoId: findColumn(tiesTable, columns, "egoId", "ego id"),
    source: findColumn(tiesTable, columns, "source", "tie source"),
    target: findColumn(tiesTable, columns, "target", "tie target"),
    type: findOptionalColumn(tiesTable, columns, "edgeType"),
  };

  const problems = ctx.problems;
  const [egoScan, alterScan, tieScan] = await scanTables(
    [
      { table: egosTable, egoIdIndex: ego.id, typeIndex: undefined },
      { table: altersTable, egoIdIndex: alter.egoId, typeIndex: alter.type },
      { table: tiesTable, egoIdIndex: tie.egoId, typeIndex: tie.type },
    ],
    ctx.tableScanPool,
  );

  const others = (t: ThreeFileTable, skip: Array<number | undefined>) =>
    t.header.map((_, i) => i).filter((i) => !skip.includes(i));
  const egoColumns = others(egosTable, [ego.id]);
  const alterColumns = others(altersTable, [alter.egoId, alter.id, alter.type]);
  const tieColumns = others(tiesTable, [tie.egoId, tie.source, tie.target, tie.type]);
  // `composition` lists alter variables, so only alter columns can become categorical.
  const egoVariables = inferVariables(egosTable, egoScan, egoColumns, undefined, problems);
  const alterVariables = inferVariables(altersTable, alterScan, alterColumns, ctx.config, problems);
  const tieVariables = inferVariables(tiesTable, tieScan, tieColumns, undefined, problems);

  // The config's declarations, laid over what the values say. Alter (and tie) columns are shared by every
  // node (edge) type of the table, so a declaration for any of its types applies to the column.
  overlayDeclarations(egoVariables, ctx.config, "ego");
  for (const type of typeNames(alterScan, alter.type, DEFAULT_NODE_TYPE)) overlayDeclarations(alterVariables, ctx.config, type);
  for (const type of typeNames(tieScan, tie.type, DEFAULT_EDGE_TYPE)) overlayDeclarations(tieVariables, ctx.config, type);
  const codebook: Codebook = {
    source: "inferred",
    ego: egoVariables,
    node: typesOf(alterScan, alter.type, DEFAULT_NODE_TYPE, alterVariables),
    edge: typesOf(tieScan, tie.type, DEFAULT_EDGE_TYPE, tieVariables),
  };

  // An ego row without an id is skipped, so rows naming no ego belong to no known ego.
  const knownEgoIds = new Set([...egoScan.egoIds].filter((id) => id !== ""));

  const variablesOf = (t: ThreeFileTable, cols: number[], variables: VariableSet) => ({ file: t.file, header: t.header, width: t.width, columns: cols, variables });
  const setup: BuildSetup = {
    codebook,
    threeFile: {
      egos: variablesOf(egosTable, egoColumns, egoVariables),
      alters: { ...variablesOf(altersTable, alterColumns, alterVariables), id: alter.id, type: alter.type, fallback: DEFAULT_NODE_TYPE },
      ties: { ...variablesOf(tiesTable, tieColumns, tieVariables), source: tie.source, target: tie.target, type: tie.type, fallback: DEFAULT_EDGE_TYPE },
    },
  };

  /** The interviews in input order, as rows: each ego row with the alter and tie rows joined to it. */
  async function* parts(problems: ProblemSink): AsyncGenerator<ThreeFileEgoParts> {
    const alterRows = new EgoRowJoin(altersTable, alterScan, alter.egoId, knownEgoIds, "alter", egosTable.file, problems);
    const tieRows = new EgoRowJoin(tiesTable, tieScan, tie.egoId, knownEgoIds, "tie", egosTable.file, problems);
    const egoRows = readCsvRows(egosTable, egosTable.delimiter, problems);
    const seen = new Map<string, number>();
    try {
      let header = true;
      for await (const row of egoRows) {
        if (header) {
          header = false;
          continue;
        }
        const egoId = row.cells[ego.id];
        if (egoId === "") {
          problems.report({
            severity: "error",
            code: "missing-ego-id",
            file: egosTable.file,
            line: row.line,
            message: "this ego row has no ego id; it was skipped",
          });
          continue;
        }
        const first = seen.get(egoId);
        if (first !== undefined) {
          problems.report({
            severity: "error",
            code: "duplicate-ego-id",
            file: egosTable.file,
            line: row.line,
            egoId,
            message: `ego id ${egoId} is listed twice (first at line ${first}); this row was skipped`,
          });
          continue;
        }
        seen.set(egoId, row.line);
        yield { kind: "three-file", egoId, ego: row, alters: await alterRows.take(egoId), ties: await tieRows.take(egoId) };
      }
      await alterRows.finish();
      await tieRows.finish();
    } finally {
      await egoRows.return(undefined);
      await alterRows.close();
      await tieRows.close();
    }
  }

  /** One reading's builder: it remembers the tables warned about for rows with no type. */
  const builder = (): EgoBuilder => {
    const warned = new Set<string>();
    return {
      setup,
      build: (p, sink) => {
        if (p.kind !== "three-file") throw new Error("bug: not three-table parts");
        return buildThreeFileEgo(p, setup.threeFile!, codebook, warned, sink);
      },
      builtElsewhere: () => undefined,
    };
  };

  /** The interviews in input order, each checked; problems met on the way go to `problems`. */
  async function* egos(problems: ProblemSink): AsyncGenerator<EgoNetwork> {
    const build = builder();
    for await (const p of parts(problems)) yield build.build(p, problems);
  }

  return {
    format: "three-file",
    input,
    files: [egosTable.path, altersTable.path, tiesTable.path].sort(),
    codebook,
    egos: () => egos(ctx.problems),
    parts: (sink: ProblemSink) => parts(sink),
    builder,
  };
}

/** Tables of at least this many bytes are scanned in the worker threads a caller offers. */
const SCAN_IN_THREADS_FROM = 1024 * 1024;

/** Each table's scan: the large ones in the pool's threads (when given) while the others are scanned here. */
async function scanTables(jobs: TableScanJob[], pool: TableScanPool | undefined): Promise<TableScan[]> {
  const sizes = await Promise.all(jobs.map(async (j) => (await stat(j.table.path)).size));
  const large = pool ? jobs.filter((_, i) => sizes[i] >= SCAN_IN_THREADS_FROM) : [];
  const pooled = large.length > 0 ? pool!.scan(large) : Promise.resolve([]);
  pooled.catch(() => undefined); // awaited below, unless a table scanned here fails first
  // In table order, one at a time, so that the first table with a fault is the one reported.
  const here: Array<TableScan | undefined> = [];
  for (const j of jobs) here.push(large.includes(j) ? undefined : await scanTable(j.table, j.egoIdIndex, j.typeIndex));
  const away = await pooled;
  const out: TableScan[] = [];
  for (const [i, j] of jobs.entries()) out.push(here[i] ?? away[large.indexOf(j)] ?? (await scanTable(j.table, j.egoIdIndex, j.typeIndex)));
  return out;
}

/** The folder holding the tables: the input itself, or the folder of a table given as the input. */
async function inputFolder(input: string): Promise<string> {
  const absolute = path.resolve(input);
  try {
    return (await stat(absolute)).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    throw new InputError("no such file or folder", { file: input });
  }
}

async function openTable(folder: string, name: string, what: "egos" | "alters" | "ties", ctx: ReaderContext): Promise<ThreeFileTable> {
  const absolute = path.resolve(folder, name);
  const file = path.relative(folder, absolute).split(path.sep).join("/");
  try {
    if (!(await stat(absolute)).isFile()) throw new Error("not a file");
  } catch {
    throw new InputError(
      `the three-file format needs the ${what} table ${name} in this folder` +
        (name === `${what}.csv`
          ? ` (if yours has another name, set columns.${what} in netsp.config.json)`
          : ` (named by columns.${what} in the config)`),
      { file: folder },
    );
  }
  const first = await readFirstLine({ path: absolute, file });
  if (first.trim() === "") throw new InputError("the file is empty: a header line is needed", { file, line: 1 });
  const delimiter = detectDelimiter(first);
  let header: string[] | undefined;
  for await (const row of readCsvRows({ path: absolute, file }, delimiter, { report: () => undefined })) {
    header = row.cells;
    break;
  }
  if (header === undefined) throw new InputError("the file is empty: a header line is needed", { file, line: 1 });
  // Spreadsheets saved as CSV often end every line with empty cells (`a;b;;`): those columns have no name.
  let trailing = 0;
  while (header.length > 1 && header[header.length - 1].trim() === "") {
    header = header.slice(0, -1);
    trailing++;
  }
  if (trailing > 0) {
    ctx.problems.report({
      severity: "warning",
      code: "empty-header-cells",
      file,
      line: 1,
      message: `the header ends with ${trailing} empty cell${trailing === 1 ? "" : "s"} (as spreadsheets save them); ${trailing === 1 ? "that column is" : "those columns are"} ignored`,
    });
  }
  const seen = new Set<string>();
  for (const [i, column] of header.entries()) {
    if (column.trim() === "") throw new InputError(`column ${i + 1} of the header has no name`, { file, line: 1, column: i + 1 });
    if (seen.has(column)) throw new InputError(`the header names column "${column}" twice`, { file, line: 1, column: i + 1 });
    seen.add(column);
  }
  return { path: absolute, file, delimiter, header, width: header.length + trailing, ...(ctx.config.decimal ? { decimal: ctx.config.decimal } : {}) };
}

type RequiredColumn = keyof typeof DEFAULT_COLUMNS;

/** Index of a required column: the configured name, else the first default name present. */
function findColumn(table: ThreeFileTable, columns: ThreeFileColumns, key: RequiredColumn, what: string): number {
  const configured = columns[key];
  if (configured !== undefined) return configuredColumn(table, configured, key);
  const defaults: readonly string[] = DEFAULT_COLUMNS[key];
  let index = defaults.map((d) => table.header.indexOf(d)).find((i) => i >= 0);
  if (index === undefined) {
    const lower = defaults.map((d) => d.toLowerCase());
    const i = table.header.findIndex((h) => lower.includes(h.toLowerCase()));
    if (i >= 0) index = i;
  }
  if (index === undefined)
    throw new InputError(
      `no ${what} column: looked for ${defaults.map((d) => `"${d}"`).join(" or ")}; ` +
        `name your column with columns.${key} in netsp.config.json (the header has ${listColumns(table)})`,
      { file: table.file, line: 1 },
    );
  return index;
}

/** Index of an optional column (node or edge type): only when the config names it. */
function findOptionalColumn(table: ThreeFileTable, columns: ThreeFileColumns, key: "nodeType" | "edgeType"): number | undefined {
  const configured = columns[key];
  return configured === undefined ? undefined : configuredColumn(table, configured, key);
}

function configuredColumn(table: ThreeFileTable, name: string, key: string): number {
  const index = table.header.indexOf(name);
  if (index < 0)
    throw new InputError(`no column "${name}" (named by columns.${key} in the config); the header has ${listColumns(table)}`, {
      file: table.file,
      line: 1,
    });
  return index;
}

function listColumns(table: ThreeFileTable): string {
  const shown = table.header.slice(0, 12).map((h) => `"${h}"`);
  return shown.join(", ") + (table.header.length > 12 ? ", ..." : "");
}

/** The node (or edge) types of the codebook: the values of the type column, else the default type. */
function typeNames(scan: TableScan, typeIndex: number | undefined, fallback: string): string[] {
  const names = typeIndex === undefined ? [fallback] : [...scan.types];
  if (typeIndex !== undefined && scan.untyped > 0) names.push(fallback);
  return names.sort();
}

function typesOf(scan: TableScan, typeIndex: number | undefined, fallback: string, variables: VariableSet): Record<string, VariableSet> {
  const out: Record<string, VariableSet> = {};
  for (const name of typeNames(scan, typeIndex, fallback)) out[name] = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { ...v } as Variable]));
  return out;
}
