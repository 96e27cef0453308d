import { presentPValues } from "./present-p-values.js";

/**
 * Holm's step-down adjustment: with the m non-null p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted
 * p₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎), returned in input order. Null entries stay null and do
 * not count in m (as R p.adjust does with NA).
 * Reference: Holm (1979), Scand. J. Statist. 6:65–70; = R p.adjust(p, method = "holm").
 *
 * Example: holmAdjust([0.01, 0.04, 0.03]) → [0.03, 0.06, 0.06].
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const { present, out } = presentPValues(pValues);
  present.sort((a, b) => a.p - b.p || a.i - b.i);
  const m = present.length;
  let running = 0;
  present.forEach((e, j) => {
    running = Math.max(running, Math.min(1, (m - j) * e.p));
    out[e.i] = running;
  });
  return out;
}
