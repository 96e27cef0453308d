import type { Codebook, CompositionVariable, StudyPlan, Variable, VariableType } from "../model/index.js";

/** An alter or tie variable written to alters.csv or ties.csv, merged by name over the node (edge) types. */
export interface LevelVariable {
  name: string;
  type: VariableType;
  label?: string;
  /** The options the codebook lists (categorical, ordinal), in its order, over every type that defines it. */
  options: Array<{ value: string; label: string }>;
}

/** What measuring the alters and ties of one ego needs; plain data, so a worker thread can have it. */
export interface AlterLevelSpec {
  /** Non-identifying variables of the counted node types, in codebook order. */
  alterVariables: LevelVariable[];
  /** Composition variables with an ego variable: one `same_<id>` column each. */
  same: CompositionVariable[];
  /** Non-identifying variables of the counted edge types. */
  tieVariables: LevelVariable[];
  /** Edge types with a 0/1 column in ties.csv whatever the data hold: the counted ones, else the codebook's. */
  tieTypes: string[];
  /** Keep the rows typed too (as JSON), for the formats that take them whole (SPSS, Stata, JSON, xlsx, R, GraphML). */
  typed: boolean;
}

/** Types written as data: text and datetime identify people (and are `identifying` anyway); layout is positions. */
const WRITTEN: ReadonlySet<VariableType> = new Set(["categorical", "ordinal", "number", "scalar", "boolean"]);

/**
 * The alter and tie variables alters.csv and ties.csv hold: every variable of the counted node (edge) types
 * whose role is not `identifying` and whose type is a value (categorical, ordinal, number, scalar, boolean),
 * one column per name when several types define it.
 *
 * Example: Person {name: text, sector: categorical, link_worker: boolean} → sector, link_worker.
 */
export function alterLevelSpec(codebook: Codebook, plan: StudyPlan, typed: boolean): AlterLevelSpec {
  return {
    alterVariables: merged(counted(codebook.node, plan.nodeTypes)),
    same: plan.composition.filter((v) => v.egoVariable !== null),
    tieVariables: merged(counted(codebook.edge, plan.edgeTypes)),
    tieTypes: [...(plan.edgeTypes ?? Object.keys(codebook.edge))],
    typed,
  };
}

function counted(sets: Codebook["node"], types: readonly string[] | null): Variable[][] {
  return Object.entries(sets)
    .filter(([type]) => types === null || types.includes(type))
    .map(([, variables]) => Object.values(variables));
}

function merged(sets: Variable[][]): LevelVariable[] {
  const byName = new Map<string, LevelVariable>();
  for (const variables of sets) {
    for (const v of variables) {
      if (v.role === "identifying" || !WRITTEN.has(v.type)) continue;
      const seen = byName.get(v.name);
      if (seen === undefined) {
        byName.set(v.name, { name: v.name, type: v.type, ...(v.label ? { label: v.label } : {}), options: [...(v.options ?? [])] });
        continue;
      }
      // Types that disagree on a name: the values are written as they are (numbers, text), unlabelled.
      if (seen.type !== v.type) seen.type = seen.type === "number" || v.type === "number" ? "number" : "unknown";
      for (const o of v.options ?? []) if (!seen.options.some((x) => x.value === o.value)) seen.options.push(o);
    }
  }
  return [...byName.values()];
}
