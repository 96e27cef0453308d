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

/** Every ego's packed alter and tie rows, by index, and their summary. */
export class AlterLevelStore {
  readonly summary: AlterLevelSummary;
  private readonly texts = new SpillStore();
  private readonly alterCounts: number[] = [];
  private readonly tieCounts: number[] = [];

  constructor(readonly spec: AlterLevelSpec) {
    const n = spec.alterVariables.length + spec.tieVariables.length;
    this.summary = { multiple: new Array<boolean>(n).fill(false), seen: Array.from({ length: n }, () => new Set<string>()), edgeTypes: new Set() };
  }

  add(packed: PackedAlterRows): number {
    packed.multiple.forEach((m, k) => (this.summary.multiple[k] ||= m));
    packed.seen.forEach((options, k) => options.forEach((o) => this.summary.seen[k].add(o)));
    for (const t of packed.edgeTypes) this.summary.edgeTypes.add(t);
    this.alterCounts.push(packed.alterCount);
    this.tieCounts.push(packed.tieCount);
    return this.texts.add(packed.text);
  }

  /** How many alter and tie rows ego `index` has. */
  counts(index: number): { alters: number; ties: number } {
    return { alters: this.alterCounts[index] ?? 0, ties: this.tieCounts[index] ?? 0 };
  }

  rows(index: number): Pick<EgoAlterRows, "alters" | "ties"> {
    return unpackAlterRows(this.texts.get(index));
  }

  dispose(): void {
    this.texts.dispose();
  }
}
