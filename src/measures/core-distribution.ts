import { scalarMeasure } from "./measure-definition.js";

/**
 * The k-core distribution as the thesis prints it (Table 12): `{k: nodes whose core number is k}` for every
 * k ≥ 1 held by at least one node, ascending, e.g. `{1: 18, 2: 12, 3: 4, 4: 6}`. Isolates (core number 0)
 * are reported separately, so they are not listed; `{}` when no alter has a tie. Never null.
 *
 * Example: cores [0, 1, 1, 3, 3, 3, 3] → "{1: 2, 3: 4}".
 */
export function coreDistribution(cores: Int32Array): string {
  const counts = new Map<number, number>();
  for (const k of cores) if (k > 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  const ks = [...counts.keys()].sort((a, b) => a - b);
  return `{${ks.map((k) => `${k}: ${counts.get(k)}`).join(", ")}}`;
}

export const coreDistributionMeasure = scalarMeasure({
  id: "core_distribution",
  label: "Core distribution",
  description: "Nodes per core number k ≥ 1, printed as in the thesis: {1: 18, 2: 12, 3: 4, 4: 6}.",
  definition: "{k: nodes with core number k} for k ≥ 1 with at least one node, ascending; {} when none",
  family: "k-core",
  compute: (c) => coreDistribution(c.coreNumbers),
});
