import type { Alter, Attributes, Codebook, EgoNetwork, ProblemSink, Tie, VariableSet } from "../model/index.js";
import { checkNetwork } from "./check-network.js";
import { decodeCell } from "./decode-cell.js";
import type { CsvRow } from "./three-file-csv.js";
import { splitJoined, type JoinedRows } from "./three-file-join.js";

/**
 * Building one interview of the three tables from its rows, in the reading thread or a worker: its ego row
 * and the alter and tie rows joined to it, still text, decoded and checked here.
 */

/** One interview's rows (the reader has joined them and checked the ego id). */
export interface ThreeFileEgoParts {
  kind: "three-file";
  egoId: string;
  ego: CsvRow;
  alters: JoinedRows;
  ties: JoinedRows;
}

/** One table as decoding needs it: its name for messages, header, and the columns that are variables. */
export interface ThreeFileTableSetup {
  file: string;
  header: string[];
  /** Cells per row as written (see ThreeFileTable.width). */
  width: number;
  columns: number[];
  variables: VariableSet;
}

/** What decoding the three tables needs: plain data, the same in every thread. */
export interface ThreeFileSetup {
  egos: ThreeFileTableSetup;
  alters: ThreeFileTableSetup & { id: number; type: number | undefined; fallback: string };
  ties: ThreeFileTableSetup & { source: number; target: number; type: number | undefined; fallback: string };
}

/**
 * The interview of one ego's rows, its problems to `problems`. `warned` holds the tables already warned
 * about for rows with no type (once per table and reading).
 */
export function buildThreeFileEgo(parts: ThreeFileEgoParts, setup: ThreeFileSetup, codebook: Codebook, warned: Set<string>, problems: ProblemSink): EgoNetwork {
  const { egoId } = parts;
  const decodeRow = (table: ThreeFileTableSetup, row: CsvRow): Attributes => {
    const attributes: Attributes = {};
    for (const i of table.columns) {
      const name = table.header[i];
      attributes[name] = decodeCell(row.cells[i], table.variables[name], { file: table.file, line: row.line, column: i + 1, egoId }, problems);
    }
    return attributes;
  };
  const typeOf = (table: ThreeFileTableSetup & { type: number | undefined; fallback: string }, row: CsvRow): string => {
    const index = table.type;
    if (index === undefined) return table.fallback;
    if (row.cells[index] !== "") return row.cells[index];
    if (!warned.has(table.file)) {
      warned.add(table.file);
      const message = `rows with an empty ${table.header[index]} are read as type "${table.fallback}"`;
      problems.report({ severity: "warning", code: "missing-type", file: table.file, line: row.line, message });
    }
    return table.fallback;
  };

  const ego = { egoId, attributes: decodeRow(setup.egos, parts.ego), meta: {}, source: { file: setup.egos.file, line: parts.ego.line } };
  const alters: Alter[] = [];
  for (const r of splitJoined(parts.alters, setup.alters.width, setup.alters.file, problems)) {
    const alterId = r.cells[setup.alters.id];
    if (alterId === "") {
      problems.report({ severity: "error", code: "missing-id", file: setup.alters.file, line: r.line, egoId, message: "this alter row has no alter id; it was skipped" });
      continue;
    }
    alters.push({
      egoId,
      alterId,
      nodeType: typeOf(setup.alters, r),
      attributes: decodeRow(setup.alters, r),
      source: { file: setup.alters.file, line: r.line },
    });
  }
  const ties: Tie[] = splitJoined(parts.ties, setup.ties.width, setup.ties.file, problems).map((r) => ({
    egoId,
    sourceId: r.cells[setup.ties.source],
    targetId: r.cells[setup.ties.target],
    edgeType: typeOf(setup.ties, r),
    attributes: decodeRow(setup.ties, r),
    source: { file: setup.ties.file, line: r.line },
  }));
  const network: EgoNetwork = { ego, alters, ties };
  checkNetwork(network, codebook, problems);
  return network;
}
