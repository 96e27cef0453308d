import type { Problem, Table } from "../model/index.js";
import type { BoxPlotGroup } from "./chart-box-plot.js";
import type { StackedBarsInput } from "./chart-stacked-bars.js";
import type { SociogramEgo } from "./sociogram-graph.js";
import type { SociogramOptions } from "./sociogram-model.js";
import type { SociogramSelection } from "./sociogram-stream.js";

/** One table of the analysis, as the report shows it (its CSV is `<name>.csv`). */
export interface ReportTable {
  name: string;
  title: string;
  data: Table;
}

/** A grouping variable the report charts by (2 to 12 levels among the egos), with how many egos each level has. */
export interface ReportGrouping {
  id: string;
  label: string;
  /** Levels in the config's order (else sorted), those with egos only. */
  levels: ReadonlyArray<{ label: string; count: number }>;
}

/** A main measure over all egos: its descriptives (quartiles R type 7). */
export interface MainMeasureSummary {
  title: string;
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** One stacked-bar chart: a composition variable by a grouping (or over all egos), the composition table's numbers. */
export interface CompositionChart {
  variable: string;
  /** E.g. "sector by Area deprivation", or "sector, all egos". */
  title: string;
  categories: StackedBarsInput["categories"];
  rows: StackedBarsInput["rows"];
}

/** The omnibus test of a measure across the levels of a grouping, as the compare tables give it. */
export interface GroupTest {
  test: "mann-whitney" | "kruskal-wallis";
  /** Why the test is null, else null. */
  reason: string | null;
  mannWhitney?: { u: number | null; z: number | null; p: number | null; pExact: number | null; n: number; reason: string | null };
  kruskalWallis?: { h: number | null; df: number | null; p: number | null; n: number; reason: string | null };
}

/** One measure by one grouping: each level's values and five numbers, and the test. */
export interface MeasureByGroup {
  measure: string;
  title: string;
  test: GroupTest;
  groups: readonly BoxPlotGroup[];
}

/** The main measures compared across the levels of one grouping. */
export interface GroupComparisons {
  id: string;
  label: string;
  measures: readonly MeasureByGroup[];
}

/**
 * Everything the study report shows, made by the study: the report renders it and computes nothing.
 * Ego ids are as the tables show them (pseudonyms when the analysis replaced them).
 */
export interface StudyReportInput {
  /** The input's format and how many files were read. */
  format: string;
  fileCount: number;
  counts: { egos: number; alters: number; ties: number; nodeTypes: Record<string, number>; edgeTypes: Record<string, number> };
  /** One row per analysed ego (measures.csv): the count of egos and the sociograms' captions. */
  measures: Table;
  /** Egos left out for errors in their data. */
  leftOut: readonly string[];
  tables: readonly ReportTable[];
  groupings: readonly ReportGrouping[];
  mainMeasures: readonly MainMeasureSummary[];
  /** Errors, then warnings. */
  problems: readonly Problem[];
  /** Warnings about the analysis itself. */
  notes: readonly string[];
  composition: readonly CompositionChart[];
  comparisons: readonly GroupComparisons[];
  sociograms: {
    /** The analysed egos, in input order, one at a time. */
    egos: AsyncIterable<SociogramEgo>;
    options: SociogramOptions;
    selection: SociogramSelection;
    /** The variable labelling the alters (`--show-names`), or null: pseudonyms. */
    nameVariable: string | null;
  };
}
