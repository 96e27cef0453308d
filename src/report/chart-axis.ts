import { formatNumber, roundHalfAwayFromZero } from "../tables/index.js";

/** Ticks of a numeric axis: the values, their labels, and the range they span (which covers the data). */
export interface AxisTicks {
  values: number[];
  labels: string[];
  min: number;
  max: number;
}

/**
 * "Nice" ticks covering [min, max]: a step of 1, 2 or 5 × 10^e chosen to give at most `maxTicks` ticks,
 * starting and ending on multiples of the step (Heckbert 1990, "Nice numbers for graph labels", Graphics
 * Gems). Labels are printed by the one number formatter after rounding to the step's decimals, so 0.1 × 3
 * reads 0.3. A range of zero width is widened by one step each side (or to 0…1 at zero).
 *
 * Example: niceTicks(3, 97) → values 0, 20, 40, 60, 80, 100; niceTicks(0.02, 0.31) → 0, 0.1, 0.2, 0.3, 0.4.
 */
export function niceTicks(min: number, max: number, maxTicks = 6): AxisTicks {
  let lo = min;
  let hi = max;
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
    if (min >= 0 && lo < 0) lo = 0;
  }
  const rough = (hi - lo) / Math.max(1, maxTicks - 1);
  const exponent = Math.floor(Math.log10(rough));
  const base = 10 ** exponent;
  const step = [1, 2, 5, 10].map((m) => m * base).find((s) => Math.ceil(hi / s) - Math.floor(lo / s) + 1 <= maxTicks) ?? 10 * base;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(roundHalfAwayFromZero(i * step, decimals));
  return { values, labels: values.map((v) => formatNumber(v)), min: values[0], max: values[values.length - 1] };
}
