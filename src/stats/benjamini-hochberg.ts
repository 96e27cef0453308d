import { presentPValues } from "./present-p-values.js";

/**
 * Benjamini–Hochberg step-up adjustment (false discovery rate): with the m non-null p-values sorted
 * ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j), returned in input
 * order. Null entries stay null and do not count in m (as R p.adjust does with NA).
 * Reference: Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57:289–300; = R p.adjust(p, method = "BH").
 *
 * Example: benjaminiHochbergAdjust([0.01, 0.04, 0.03]) → [0.03, 0.04, 0.04].
 */
export function benjaminiHochbergAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const { present, out } = presentPValues(pValues);
  // Largest first, as R orders them (ties: the later entry first, which gives the same values).
  present.sort((a, b) => b.p - a.p || b.i - a.i);
  const m = present.length;
  let running = 1;
  present.forEach((e, k) => {
    running = Math.min(running, (m / (m - k)) * e.p);
    out[e.i] = Math.min(1, running);
  });
  return out;
}
