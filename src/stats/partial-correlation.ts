import { allEqual } from "./all-equal.js";
import { centredValues } from "./centred-values.js";
import type { CorrelationResult } from "./correlation-result.js";
import { correlationTest } from "./correlation-test.js";
import { midranks } from "./ranks.js";

export interface PartialCorrelationOptions {
  /** Replace every variable by its midranks first (partial Spearman). */
  ranks?: boolean;
}

/**
 * Partial correlation of x and y controlling for k variables z₁..z_k: the Pearson r of the residuals of x and
 * of y after least-squares regression on (1, z₁, …, z_k); df = n − 2 − k, p from Student's t, 95% Fisher z
 * interval with se = 1/√(n − 3 − k). Cases with any value missing are dropped (n = complete cases).
 * With `ranks`, every variable is first replaced by its midranks over those cases (partial Spearman, as
 * R ppcor::pcor.test(method = "spearman")). Residuals by modified Gram–Schmidt with re-orthogonalisation, on
 * each variable scaled by a power of two to unit size and centred on its exactly summed mean (centredValues),
 * so values near 1e±300 or with a large offset lose nothing to overflow or cancellation.
 * Null with a reason when a control is constant (every value equal) or the controls are collinear, or x or
 * y is constant or fully explained by them.
 * Reference: Anderson (2003), An Introduction to Multivariate Statistical Analysis, §2.5; = numpy lstsq
 * residuals + scipy.stats.pearsonr; SPSS PARTIAL CORR.
 *
 * Example: partialCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], [[1, 1, 2, 2, 3]]) → r −0.8666666666666667 (= −13/15), df 2.
 */
export function partialCorrelation(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  controls: readonly (readonly (number | null)[])[],
  options: PartialCorrelationOptions = {},
): CorrelationResult {
  const k = controls.length;
  const columns = [x, y, ...controls];
  const length = Math.min(...columns.map((c) => c.length));
  const rows: number[] = [];
  for (let i = 0; i < length; i++) {
    if (columns.every((c) => typeof c[i] === "number" && Number.isFinite(c[i]))) rows.push(i);
  }
  const n = rows.length;
  let data = columns.map((c) => rows.map((i) => c[i] as number));
  if (options.ranks) data = data.map((c) => midranks(c));
  if (n < k + 2) {
    return correlationTest({ r: null, reason: `n = ${n}: too few complete cases for ${k} control${k === 1 ? "" : "s"}` }, n, k);
  }

  if (data.slice(2).some((c) => allEqual(c))) {
    return correlationTest({ r: null, reason: "the control variables are constant or collinear: the partial correlation is undefined" }, n, k);
  }
  if (allEqual(data[0]) || allEqual(data[1])) {
    return correlationTest(
      { r: null, reason: "x or y is constant or fully determined by the controls: the partial correlation is undefined" },
      n,
      k,
    );
  }
  const centred = data.map((c) => Array.from(centredValues(c).deviations));

  // Orthonormal basis of the design (1, z₁..z_k).
  const basis: number[][] = [normalise(new Array<number>(n).fill(1))];
  for (let j = 0; j < k; j++) {
    const column = centred[2 + j];
    const residual = project(column, basis);
    if (norm(residual) <= 1e-10 * norm(column)) {
      return correlationTest(
        { r: null, reason: "the control variables are constant or collinear: the partial correlation is undefined" },
        n,
        k,
      );
    }
    basis.push(normalise(residual));
  }
  const ex = project(centred[0], basis);
  const ey = project(centred[1], basis);
  const nx = norm(ex);
  const ny = norm(ey);
  if (nx <= 1e-10 * norm(centred[0]) || ny <= 1e-10 * norm(centred[1]) || nx === 0 || ny === 0) {
    return correlationTest(
      { r: null, reason: "x or y is constant or fully determined by the controls: the partial correlation is undefined" },
      n,
      k,
    );
  }
  let dot = 0;
  for (let i = 0; i < n; i++) dot += ex[i] * ey[i];
  const r = Math.max(-1, Math.min(1, dot / (nx * ny)));
  return correlationTest({ r, reason: null }, n, k);
}

/** The part of v orthogonal to the (orthonormal) basis: modified Gram–Schmidt, applied twice for stability. */
function project(v: readonly number[], basis: readonly number[][]): number[] {
  const out = [...v];
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      let dot = 0;
      for (let i = 0; i < out.length; i++) dot += out[i] * q[i];
      for (let i = 0; i < out.length; i++) out[i] -= dot * q[i];
    }
  }
  return out;
}

function norm(v: readonly number[]): number {
  let s = 0;
  for (const a of v) s += a * a;
  return Math.sqrt(s);
}

function normalise(v: readonly number[]): number[] {
  const length = norm(v);
  return v.map((a) => a / length);
}
