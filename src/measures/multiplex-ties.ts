import { scalarMeasure } from "./measure-definition.js";

/**
 * `multiplex_ties`: typed ties — the distinct (pair, relation type) combinations among the sociogram's
 * alters, over the counted edge types: a pair tied by three relation types counts 3, while duplicate rows of
 * one type count once (multiplexity: Wasserman & Faust 1994, multirelational networks). Never null (0 for an
 * empty graph). See average_degree_multiplex for why it matters.
 *
 * Example: rows a–b work, b–a work, a–b advice, a–b referral → 3.
 */
export const multiplexTiesMeasure = scalarMeasure({
  id: "multiplex_ties",
  label: "Multiplex ties",
  description: "Alter–alter ties counting each relation type separately (duplicate rows of one type once).",
  definition: "distinct (pair, edge type) ties among sociogram alters",
  family: "structure",
  compute: (c) => c.graph.multiplexTies,
});
