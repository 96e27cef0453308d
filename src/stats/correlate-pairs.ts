import type { CorrelationResult } from "./correlation-result.js";
import { partialCorrelation } from "./partial-correlation.js";
import { pearson } from "./pearson.js";
import { spearman } from "./spearman.js";
import { kendall } from "./kendall.js";
import { spearmanExactP } from "./spearman-exact-p.js";

export type CorrelationMethod = "pearson" | "spearman" | "kendall";

export interface CorrelationPair extends CorrelationResult {
  x: string;
  y: string;
  method: CorrelationMethod;
  /** The controlled variables (empty for a plain correlation). */
  control: string[];
  /** With the `exact` option, Spearman pairs without controls: spearmanExactP's p (null with ties or n > 10). */
  pExact?: number | null;
}

/**
 * Every pair of the named variables (in the order given: (1,2), (1,3), …, (2,3), …), by each method asked for;
 * with controls, the partial correlation (Spearman: on midranks; Kendall has none: null with a reason). Missing values are dropped pairwise (with
 * controls: cases missing any of x, y or a control), and each result carries its n. With `exact`, Spearman
 * pairs also carry the exact permutation p (spearmanExactP), others null.
 * Reference: see pearson, spearman, kendall, partialCorrelation.
 *
 * Example: correlatePairs({ a: [1, 2, 3, 4, 5], b: [2, 1, 4, 3, 5] }, ["a", "b"], ["pearson"])[0].r → 0.8.
 */
export function correlatePairs(
  data: Readonly<Record<string, readonly (number | null)[]>>,
  variables: readonly string[],
  methods: readonly CorrelationMethod[],
  control: readonly string[] = [],
  options: { exact?: boolean } = {},
): CorrelationPair[] {
  const out: CorrelationPair[] = [];
  const controls = control.map((c) => data[c]);
  for (let i = 0; i < variables.length; i++) {
    for (let j = i + 1; j < variables.length; j++) {
      const x = data[variables[i]];
      const y = data[variables[j]];
      for (const method of methods) {
        const result =
          method === "kendall"
            ? controls.length > 0
              ? { n: 0, r: null, df: null, p: null, ciLow: null, ciHigh: null, reason: "no partial Kendall's τ: use pearson or spearman with controls" }
              : kendall(x, y)
            : controls.length > 0
              ? partialCorrelation(x, y, controls, { ranks: method === "spearman" })
              : method === "pearson"
                ? pearson(x, y)
                : spearman(x, y);
        const pair: CorrelationPair = { x: variables[i], y: variables[j], method, control: [...control], ...result };
        if (options.exact) pair.pExact = method === "spearman" && controls.length === 0 ? spearmanExactP(x, y).p : null;
        out.push(pair);
      }
    }
  }
  return out;
}
