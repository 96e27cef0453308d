import { correlatePairs, type CorrelationMethod, type CorrelationPair } from "../stats/index.js";
import type { Column, Table } from "../model/table.js";
import { jsonNumberGuard } from "./write-json.js";

/**
 * Every pair of `variables` (numeric columns of a per-ego table), correlated by each method, partial on
 * `controls` when given: the table's cells as the statistics read them (a missing value is null).
 */
export function correlateColumns(
  table: Table,
  variables: readonly string[],
  methods: readonly CorrelationMethod[],
  controls: readonly string[] = [],
  options: { exact?: boolean } = {},
): CorrelationPair[] {
  const data: Record<string, (number | null)[]> = {};
  for (const column of [...variables, ...controls]) data[column] = table.rows.map((r) => (r[column] ?? null) as number | null);
  return correlatePairs(data, [...variables], [...methods], [...controls], options);
}

/**
 * Correlations as a table: one row per pair (and method), with n, r, p and the 95% CI; `control` when partial,
 * `reason` when something is null. `decimals` (for display) rounds r, p and the CI.
 */
export function correlateTable(pairs: readonly CorrelationPair[], decimals?: number): Table {
  const partial = pairs.some((p) => p.control.length > 0);
  const exact = pairs.some((p) => p.pExact !== undefined);
  const methods = new Set(pairs.map((p) => p.method));
  const columns: Column[] = [
    { id: "x" }, { id: "y" },
    ...(methods.size > 1 || partial ? [{ id: "method" }] : []),
    ...(partial ? [{ id: "control" }, { id: "df" }] : []),
    { id: "n" }, { id: "r", decimals }, { id: "p", decimals, pValue: true },
    ...(exact ? [{ id: "p_exact", label: "exact p", decimals, pValue: true }] : []),
    { id: "ci_low", decimals }, { id: "ci_high", decimals },
  ];
  if (pairs.some((p) => p.reason !== null)) columns.push({ id: "reason" });
  const name: Record<string, string> = { pearson: "Pearson", spearman: "Spearman", kendall: "Kendall τ-b" };
  const title = `${[...methods].map((m) => name[m]).join(" and ")} correlation${partial ? " (partial)" : ""}`;
  return {
    name: "correlate",
    title,
    columns,
    rows: pairs.map((p) => ({
      x: p.x, y: p.y, method: p.method, control: p.control.join(";"), df: p.df, n: p.n, r: p.r, p: p.p, p_exact: p.pExact ?? null,
      ci_low: p.ciLow, ci_high: p.ciHigh, reason: p.reason ?? "",
    })),
    notes: [
      "p from t = r√(df/(1 − r²)), df = n − 2 − (controls); 95% CI by Fisher's z, se = 1/√(n − 3 − controls). " +
        "Missing values dropped pairwise; n per pair." + (methods.has("spearman") ? " Spearman: Pearson r of midranks." : "") +
        (methods.has("kendall")
          ? " Kendall: τ-b; p exact for n < 50 without ties, else from z = S/σ with σ corrected for ties (= R cor.test); no confidence interval."
          : "") +
        (exact
          ? " Exact p (Spearman): the permutation distribution of Σd², for untied data and n ≤ 10 (= R cor.test(exact = TRUE) up to n = 9); empty otherwise."
          : ""),
    ],
  };
}

/** `{method, control?, pairs: [{x, y, method?, control?, n, r, p, ci_low, ci_high, df, reason}]}`. */
export function correlateJson(pairs: readonly CorrelationPair[], method: "pearson" | "spearman" | "kendall" | "both", control: readonly string[]): string {
  const out = {
    method,
    ...(control.length > 0 ? { control } : {}),
    pairs: pairs.map((p) => ({
      x: p.x,
      y: p.y,
      ...(method === "both" ? { method: p.method } : {}),
      ...(control.length > 0 ? { control: p.control } : {}),
      n: p.n, r: p.r, p: p.p, ...(p.pExact !== undefined ? { p_exact: p.pExact } : {}), ci_low: p.ciLow, ci_high: p.ciHigh, df: p.df, reason: p.reason,
    })),
  };
  return JSON.stringify(out, jsonNumberGuard, 2) + "\n";
}
