import type { AlterLevelSpec } from "./alter-level-spec.js";
import { unpackAlterRows, type EgoAlterRows, type PackedAlterRows } from "./measure-alters.js";
import { SpillStore } from "./spill-store.js";

/** What laying out alters.csv and ties.csv needs to know of every ego, gathered as they are measured. */
export interface AlterLevelSummary {
  /** Per spec alter variable, then tie variable: whether any value held several options. */
  multiple: boolean[];
  /** Per spec alter variable, then tie variable: every option its categorical values held. */
  seen: Array<Set<string>>;
  edgeTypes: Set<string>;
}

/** What re-laying out one ego's lines needs (PackedAlterRows' several, empty, extraTypes); kept only when not empty. */
export type LineNotes = Pick<PackedAlterRows, "several" | "empty" | "extraTypes">;

/**
 * Every ego's packed alter and tie rows, by ego index (in the order added), and their summary. The lines
 * (and the JSON) are kept in a SpillStore; the rest, small, in memory.
 */
export class AlterLevelStore {
  readonly summary: AlterLevelSummary;
  private readonly texts = new SpillStore();
  /** Per ego: the store indexes of its alter lines, tie lines and JSON (-1 without). */
  private readonly at: Array<[number, number, number]> = [];
  private readonly counts: Array<[number, number]> = [];
  private readonly notes = new Map<number, LineNotes>();

  constructor(readonly spec: AlterLevelSpec) {
    const n = spec.alterVariables.length + spec.tieVariables.length;
    this.summary = { multiple: new Array<boolean>(n).fill(false), seen: Array.from({ length: n }, () => new Set<string>()), edgeTypes: new Set() };
  }

  add(packed: PackedAlterRows): number {
    packed.multiple.forEach((m, k) => (this.summary.multiple[k] ||= m));
    packed.seen.forEach((options, k) => options.forEach((o) => this.summary.seen[k].add(o)));
    for (const t of packed.edgeTypes) this.summary.edgeTypes.add(t);
    const index = this.at.length;
    this.at.push([this.texts.add(packed.alterLines), this.texts.add(packed.tieLines), packed.json === undefined ? -1 : this.texts.add(packed.json)]);
    this.counts.push([packed.alterCount, packed.tieCount]);
    const { several, empty, extraTypes } = packed;
    if (several.some((x) => x.length > 0) || empty.some((x) => x.length > 0) || extraTypes.length > 0) this.notes.set(index, { several, empty, extraTypes });
    return index;
  }

  /** How many alter and tie rows ego `index` has. */
  rowCounts(index: number): { alters: number; ties: number } {
    const [alters, ties] = this.counts[index] ?? [0, 0];
    return { alters, ties };
  }

  /** Ego `index`'s CSV lines (see PackedAlterRows), and what re-laying them out needs. */
  lines(index: number): { alters: string; ties: string; notes: LineNotes | undefined } {
    const [a, t] = this.entry(index);
    return { alters: this.texts.get(a), ties: this.texts.get(t), notes: this.notes.get(index) };
  }

  /** Ego `index`'s typed rows (spec.typed only). */
  rows(index: number): Pick<EgoAlterRows, "alters" | "ties"> {
    const json = this.entry(index)[2];
    if (json < 0) throw new Error("bug: typed alter rows were not kept (AlterLevelSpec.typed)");
    return unpackAlterRows(this.texts.get(json));
  }

  dispose(): void {
    this.texts.dispose();
  }

  private entry(index: number): [number, number, number] {
    const entry = this.at[index];
    if (entry === undefined) throw new Error(`bug: no alter rows for ego ${index}`);
    return entry;
  }
}
