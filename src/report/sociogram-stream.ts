import type { SociogramEgo } from "./sociogram-graph.js";
import { buildSociogram, type Sociogram, type SociogramOptions } from "./sociogram-model.js";

/** Which egos get a sociogram: the ones named (in that order), else every ego in input order; at most `max`. */
export interface SociogramSelection {
  egos: readonly string[] | null;
  max: number;
  /**
   * How many egos the stream holds, when known: reading then stops at the cap instead of
   * streaming the rest of a large study only to count it.
   */
  total?: number;
}

export interface DrawnSociograms<T> {
  /** What `draw` made of each chosen ego, in the order drawn. */
  drawn: Array<{ egoId: string; figure: T }>;
  /** Egos that would have had a sociogram but for the cap. */
  leftOut: number;
}

/**
 * Draws the chosen egos' sociograms from the study's stream one at a time, keeping only what `draw` returns
 * (the SVG text), so memory stays that of one ego however large the study. Builds the graph of drawn egos
 * only, and stops reading as soon as every named ego is drawn, or the cap is reached when the total is known.
 */
export async function drawSociograms<T>(
  egos: AsyncIterable<SociogramEgo>,
  options: SociogramOptions,
  selection: SociogramSelection,
  draw: (sociogram: Sociogram, index: number) => T,
): Promise<DrawnSociograms<T>> {
  const wanted = selection.egos === null ? null : new Map(selection.egos.slice(0, selection.max).map((id, i) => [id, i]));
  const byOrder = new Map<number, { egoId: string; figure: T }>();
  const drawn: Array<{ egoId: string; figure: T }> = [];
  let eligible = 0;
  for await (const ego of egos) {
    const egoId = ego.egoId;
    if (wanted !== null) {
      const order = wanted.get(egoId);
      if (order === undefined || byOrder.has(order)) continue;
      byOrder.set(order, { egoId, figure: draw(buildSociogram(ego.graph(), options), order) });
      if (byOrder.size === wanted.size) break;
      continue;
    }
    eligible++;
    if (drawn.length < selection.max) drawn.push({ egoId, figure: draw(buildSociogram(ego.graph(), options), drawn.length) });
    if (drawn.length === selection.max && selection.total !== undefined) break;
  }
  if (wanted !== null) {
    const ordered = [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
    return { drawn: ordered, leftOut: Math.max(0, (selection.egos?.length ?? 0) - selection.max) };
  }
  return { drawn, leftOut: (selection.total ?? eligible) - drawn.length };
}
