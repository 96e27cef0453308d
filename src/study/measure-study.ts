import type { Problem, Table } from "../model/index.js";
import { compareEgoIds, measureDataset, type MeasuredDataset } from "./measure-ego-rows.js";
import type { OpenedStudy } from "./open-study.js";
import { learnIds, learningIds, pseudonymiseRows, type Pseudonymiser } from "./pseudonymise.js";
import type { UnfinishedInterview } from "./unfinished-interviews.js";

export interface MeasureStudyOptions {
  /** Measure selectors (see planMeasureColumns); every measure when absent. */
  measures?: readonly string[];
  /** Ego variables carried into each row after `ego_id`; default: the plan's grouping variables. */
  groupVariables?: readonly string[];
  /** `--jobs`: worker threads (see measureDataset). */
  jobs?: number;
  /** `--pseudonymise`: ego ids in rows, problems, notes and warnings become pseudonyms. */
  pseudonymiser?: Pseudonymiser;
  /** Called after each ego with the number measured so far, and the number expected when the reader can tell. */
  onProgress?: (egos: number, expected?: number) => void;
  /** Also measure each ego's alters and ties (see measureDataset). */
  alterLevel?: { typed: boolean };
}

/** A study measured: one row per ego, and everything said on the way, as a command may show it. */
export interface MeasuredStudy {
  /**
   * One row per ego: `ego_id`, the group variables, then the measures. In ego-id order; with a pseudonymiser
   * the ids are pseudonyms and the rows keep the real ids' order, so statistics add up to the same bits
   * (sortByEgoId puts them in ego-id order for a table that lists egos).
   */
  rows: Table;
  /** Whether `rows`, problems and notes carry pseudonyms. */
  pseudonymised: boolean;
  /** What measureDataset returned, for the plan, the measure columns, counts and notes (real ids). */
  measured: MeasuredDataset;
  /** The data's errors and warnings, as shown (pseudonymised when asked). */
  errors: Problem[];
  warnings: Problem[];
  /** Warnings about the plan and the measuring, not tied to a file (pseudonymised when asked). */
  notes: string[];
  /** Interviews left out as not completed (none with includeUnfinished), ego ids as shown. */
  unfinished: UnfinishedInterview[];
}

/**
 * Measures an opened study: the one place per-ego rows are made and pseudonymised. Streams the interviews
 * through the measures (in worker threads for large studies), then teaches the pseudonymiser every id the
 * result mentions and replaces them. Never throws for data errors: they are in `errors`, for the command
 * to decide.
 */
export async function measureStudy(opened: OpenedStudy, options: MeasureStudyOptions = {}): Promise<MeasuredStudy> {
  const { dataset, plan, problems } = opened;
  const pseudo = options.pseudonymiser;
  const measured = await measureDataset(pseudo ? learningIds(dataset, pseudo) : dataset, plan, {
    measures: options.measures,
    groupVariables: options.groupVariables ?? plan.groupVariables.map((g) => g.id),
    onProgress: options.onProgress,
    jobs: options.jobs,
    problems,
    includeUnfinished: opened.includeUnfinished,
    alterLevel: options.alterLevel,
    ...(pseudo ? { showEgoId: (id: string) => pseudo.id(id) } : {}),
  });
  if (pseudo) learnIds(pseudo, measured.table.rows, problems.problems);
  const shown = (list: Problem[]) => (pseudo ? list.map((p) => pseudo.problem(p)) : list);
  const unfinished = opened.includeUnfinished ? [] : measured.unfinished;
  return {
    rows: pseudo ? pseudonymiseRows(measured.table, pseudo, { sort: false }) : measured.table,
    pseudonymised: pseudo !== undefined,
    measured,
    errors: shown(problems.errors),
    warnings: shown(problems.warnings),
    notes: [...plan.warnings, ...measured.warnings].map((n) => (pseudo ? pseudo.text(n) : n)),
    unfinished: pseudo ? unfinished.map((u) => ({ ...u, egoId: pseudo.id(u.egoId) })) : unfinished,
  };
}

/**
 * Rows in ego-id order (natural order: case_2 before case_10), for a table that lists egos. Measured rows are
 * already in that order; pseudonymised ones keep the real ids' order, which would tell who is who, so they
 * are put in pseudonym order. `egoIdOf` finds the id of a row that holds it elsewhere (default: `ego_id`).
 */
export function sortByEgoId<T>(rows: readonly T[], egoIdOf: (row: T) => unknown = (row) => (row as Record<string, unknown>).ego_id): T[] {
  return [...rows].sort((a, b) => compareEgoIds(String(egoIdOf(a) ?? ""), String(egoIdOf(b) ?? "")));
}
