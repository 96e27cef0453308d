import { buildEgoGraph, connectedComponents, coreNumbers, type ComponentSummary, type EgoGraph } from "../graph/index.js";
import type { Ego, EgoNetwork } from "../model/index.js";
import { tallyCategories, type CategoryTally } from "./category-tally.js";
import { toFiniteNumber } from "./category-values.js";
import type { AlterVariable, CompositionVariable, StudyPlan, VariableRef } from "../model/study-plan.js";

/**
 * One ego being measured: builds the ego graph, the core numbers, the components and the category tallies
 * at most once, on first use, so measures that share them (max_k, max_k_core_size, core_distribution) do
 * not repeat the work and an ego measured only for composition never builds a graph.
 */
export class MeasureContext {
  readonly plan: StudyPlan;
  private readonly network: EgoNetwork | null;
  private egoGraph: EgoGraph | undefined;
  private cores: Int32Array | undefined;
  private componentSummary: ComponentSummary | undefined;
  private readonly tallies: Map<string, CategoryTally>;
  private readonly numbers = new Map<string, number[]>();

  constructor(plan: StudyPlan, network: EgoNetwork | null, tallies?: Map<string, CategoryTally>) {
    this.plan = plan;
    this.network = network;
    this.tallies = tallies ?? new Map();
  }

  get ego(): Ego {
    return this.requireNetwork().ego;
  }

  get graph(): EgoGraph {
    this.egoGraph ??= buildEgoGraph(this.requireNetwork(), this.plan);
    return this.egoGraph;
  }

  /** Core number of every node of G. */
  get coreNumbers(): Int32Array {
    this.cores ??= coreNumbers(this.graph.adjacency);
    return this.cores;
  }

  get components(): ComponentSummary {
    this.componentSummary ??= connectedComponents(this.graph.adjacency);
    return this.componentSummary;
  }

  tally(variable: CompositionVariable): CategoryTally {
    let tally = this.tallies.get(variable.id);
    if (tally === undefined) {
      tally = tallyCategories(this.graph.alters, this.ego, variable);
      this.tallies.set(variable.id, tally);
    }
    return tally;
  }

  /**
   * The values of a numeric alter variable over the alters of the node types that have it (excluded alters
   * included); missing and non-numeric values left out.
   */
  numericValues(variable: AlterVariable): number[] {
    let values = this.numbers.get(variable.id);
    if (values === undefined) {
      values = [];
      const types = variable.nodeTypes === null ? null : new Set(variable.nodeTypes);
      for (const alter of this.graph.alters) {
        if (types !== null && !types.has(alter.nodeType)) continue;
        const value = toFiniteNumber(alter.attributes[variable.variable]);
        if (value !== null) values.push(value);
      }
      this.numbers.set(variable.id, values);
    }
    return values;
  }

  compositionVariable(id: string | undefined): CompositionVariable {
    return lookup(this.plan, "composition", id) as CompositionVariable;
  }

  numericVariable(id: string | undefined): AlterVariable {
    return lookup(this.plan, "numeric", id) as AlterVariable;
  }

  denominator(id: string | undefined): VariableRef {
    return lookup(this.plan, "denominators", id);
  }

  private requireNetwork(): EgoNetwork {
    if (this.network === null) throw new Error("bug: this measure needs the ego network, which was not kept");
    return this.network;
  }
}

type VariableList = "composition" | "numeric" | "denominators";
const indexes = new WeakMap<StudyPlan, Record<VariableList, Map<string, VariableRef>>>();

function lookup(plan: StudyPlan, list: VariableList, id: string | undefined): VariableRef {
  let index = indexes.get(plan);
  if (index === undefined) {
    const byId = (vs: readonly VariableRef[]) => new Map(vs.map((v) => [v.id, v]));
    index = { composition: byId(plan.composition), numeric: byId(plan.numeric), denominators: byId(plan.denominators) };
    indexes.set(plan, index);
  }
  const found = id === undefined ? undefined : index[list].get(id);
  if (found === undefined) throw new Error(`bug: no ${list} variable "${id}" in the study plan`);
  return found;
}
