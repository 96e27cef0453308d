import { scalarMeasure } from "./measure-definition.js";

/**
 * The innermost core: max_k = the largest core number in G (0 when G has no tie or no node), and
 * max_k_core_size = the nodes whose core number equals max_k (0 when max_k = 0: isolates are reported
 * separately, as in thesis Table 12). Core numbers by Batagelj–Zaversnik peeling (core-numbers.ts).
 *
 * Example: a 4-clique plus a pendant node → max_k 3, max_k_core_size 4.
 */
export function maxCore(cores: Int32Array): { maxK: number; size: number } {
  let maxK = 0;
  for (const k of cores) if (k > maxK) maxK = k;
  if (maxK === 0) return { maxK: 0, size: 0 };
  let size = 0;
  for (const k of cores) if (k === maxK) size++;
  return { maxK, size };
}

export const maxKMeasure = scalarMeasure({
  id: "max_k",
  label: "Max k",
  description: "The largest k for which the sociogram has a k-core.",
  definition: "largest core number (Batagelj–Zaversnik; isolates have core number 0); 0 when n = 0",
  family: "k-core",
  compute: (c) => maxCore(c.coreNumbers).maxK,
});

export const maxKCoreSizeMeasure = scalarMeasure({
  id: "max_k_core_size",
  label: "Max-k core size",
  description: "Alters whose core number equals max_k.",
  definition: "nodes whose core number equals max_k; 0 when max_k = 0",
  family: "k-core",
  compute: (c) => maxCore(c.coreNumbers).size,
});
