import type { Alter, Attributes, Codebook, EgoNetwork, Tie, Variable } from "../../src/model/index.js";

/** For tests: an ego network from short descriptions. Alters default to node type Person. */
export interface AlterSpec {
  id: string;
  type?: string;
  attributes?: Attributes;
}

export function makeNetwork(options: {
  egoId?: string;
  egoAttributes?: Attributes;
  alters?: Array<string | AlterSpec>;
  /** `[source, target]` or `[source, target, edgeType]` (default edge type `tie`). */
  ties?: Array<[string, string] | [string, string, string]>;
}): EgoNetwork {
  const egoId = options.egoId ?? "ego";
  const source = { file: "test.csv", line: 2 };
  const alters: Alter[] = (options.alters ?? []).map((a, i) => {
    const spec = typeof a === "string" ? { id: a } : a;
    return {
      egoId,
      alterId: spec.id,
      nodeType: spec.type ?? "Person",
      attributes: spec.attributes ?? {},
      source: { file: "alters.csv", line: i + 2 },
    };
  });
  const ties: Tie[] = (options.ties ?? []).map(([s, t, type], i) => ({
    egoId,
    sourceId: s,
    targetId: t,
    edgeType: type ?? "tie",
    attributes: {},
    source: { file: "ties.csv", line: i + 2 },
  }));
  return { ego: { egoId, attributes: options.egoAttributes ?? {}, meta: {}, source }, alters, ties };
}

/** For tests: a codebook from `{nodeType: {variable: type | [categorical options]}}`. */
export function makeCodebook(spec: {
  source?: Codebook["source"];
  node?: Record<string, Record<string, Variable["type"] | string[]>>;
  ego?: Record<string, Variable["type"] | string[]>;
  edge?: string[];
}): Codebook {
  const variables = (vs: Record<string, Variable["type"] | string[]>) =>
    Object.fromEntries(
      Object.entries(vs).map(([name, t]) => [
        name,
        Array.isArray(t)
          ? { name, type: "categorical" as const, options: t.map((value) => ({ value, label: value })) }
          : { name, type: t },
      ]),
    );
  return {
    source: spec.source ?? "protocol",
    ego: variables(spec.ego ?? {}),
    node: Object.fromEntries(Object.entries(spec.node ?? { Person: {} }).map(([t, vs]) => [t, variables(vs)])),
    edge: Object.fromEntries((spec.edge ?? []).map((t) => [t, {}])),
  };
}
