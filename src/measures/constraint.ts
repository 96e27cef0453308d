import type { CompactAdjacency } from "../graph/index.js";
import { ExactSum } from "./exact-sum.js";
import { scalarMeasure } from "./measure-definition.js";

/**
 * Burt's (1992) aggregate constraint on the ego, in G plus the ego tied to every sociogram alter,
 * unweighted: c = Σ_j (p_ej + Σ_q p_eq p_qj)², with p_ij = 1/deg(i) for tied i, j (networkx's normalised
 * mutual weight) — equal to networkx.constraint(G + ego)[ego].
 *
 * Algorithm, O(n + m) (networkx's loop over alters j and their common neighbours q costs O(d³) for an ego
 * of degree d): in G + ego the ego has degree n and an alter q has degree d_q + 1, so p_ej = 1/n and
 * p_eq p_qj = 1/(n (d_q + 1)) for each q tied to j in G. Hence
 *   c = (1/n²) Σ_j (1 + S_j)²,  S_j = Σ_{q ∈ N_G(j)} 1/(d_q + 1),
 * one pass over each alter's neighbour list; both sums are rounded once (ExactSum), so the value does not
 * depend on the order of the alters or ties. Null when n = 0: the ego has no contact to be constrained by
 * (networkx returns NaN).
 *
 * Example: two untied alters → (1/4)(1 + 1) = 0.5; a tied pair → S = 1/2 each, (1/4)(2 × 1.5²) = 1.125.
 */
export function egoConstraint(adjacency: CompactAdjacency): number | null {
  const { n, offsets, neighbours } = adjacency;
  if (n === 0) return null;
  const weight = new Float64Array(n);
  for (let q = 0; q < n; q++) weight[q] = 1 / (offsets[q + 1] - offsets[q] + 1);
  const sum = new ExactSum();
  for (let j = 0; j < n; j++) {
    const indirect = new ExactSum();
    indirect.add(1);
    for (let e = offsets[j]; e < offsets[j + 1]; e++) indirect.add(weight[neighbours[e]]);
    const local = indirect.value();
    sum.add(local * local);
  }
  return sum.value() / (n * n);
}

export const constraintMeasure = scalarMeasure({
  id: "constraint",
  label: "Constraint",
  description: "Burt's aggregate constraint on the ego: how much its alters are tied to each other.",
  definition: "Σ_j (p_ej + Σ_q p_eq p_qj)², p from G plus the ego tied to every alter (unweighted); null when n = 0",
  family: "structural-holes",
  compute: (c) => egoConstraint(c.graph.adjacency),
});
