import type { StudyPlan } from "../model/index.js";

/** What the study's summed per-ego counts say about each node type. */
export interface NodeTypeTally {
  /** Alters of each node type, over the study. */
  alters: Record<string, number>;
  /** Egos with at least one alter of each node type. */
  egos: Record<string, number>;
  /** Ties of the counted edge types touching an alter of each node type. */
  ties: Record<string, number>;
}

/**
 * One warning per counted node type whose alters no tie touches in any interview, while other node types
 * have ties: a roster (places, services, organisations picked from a list) that nobody was tied to. Its
 * alters count in network_size and as isolates, which is rarely what a study means. The warning gives the
 * exact config line that leaves them out: the counted node types that have ties, in the config's order
 * (else the codebook's, then as met). A study with no ties at all gets no warning (its alters are all
 * isolates by design).
 *
 * Example: Person alters with ties, Venue alters with none → `node type Venue: 37 alters in 12 interviews,
 * and no tie touches any of them: … "nodeTypes": ["Person"]`.
 */
export function rosterWarnings(tally: NodeTypeTally, plan: StudyPlan, codebookOrder: readonly string[]): string[] {
  const counted = (type: string) => plan.nodeTypes === null || plan.nodeTypes.includes(type);
  const present = Object.keys(tally.alters).filter((t) => counted(t) && tally.alters[t] > 0);
  const untied = present.filter((t) => (tally.ties[t] ?? 0) === 0);
  const tied = present.filter((t) => (tally.ties[t] ?? 0) > 0);
  if (untied.length === 0 || tied.length === 0) return [];
  const order = [...(plan.nodeTypes ?? []), ...codebookOrder, ...Object.keys(tally.alters)];
  const keep = [...new Set(order)].filter((t) => tied.includes(t));
  const line = `"nodeTypes": [${keep.map((t) => JSON.stringify(t)).join(", ")}]`;
  return untied.map((type) => {
    const alters = tally.alters[type];
    const egos = tally.egos[type] ?? 0;
    return (
      `node type ${type}: ${alters} alter${alters === 1 ? "" : "s"} in ${egos} interview${egos === 1 ? "" : "s"}, and no tie touches any of them ` +
      `in any interview (a roster nobody was tied to?): they count in network_size and as isolates. To leave them out, ` +
      `put ${line} in netsp.config.json`
    );
  });
}
