import { formatNumber } from "./format-number.js";

/**
 * A p-value as APA style prints it (Publication Manual, 7th ed., 6.36): `decimals` places with no leading
 * zero, since p cannot exceed 1 (".042"); below 10^−decimals, "< .001". For reading only: CSV and JSON keep
 * full precision.
 *
 * Example: formatPValue(0.04213) → ".042"; formatPValue(0.00002) → "< .001"; formatPValue(1) → "1.000".
 */
export function formatPValue(p: number, decimals = 3): string {
  const floor = 10 ** -decimals;
  if (p < floor) return `< ${formatNumber(floor, decimals).replace(/^0\./, ".")}`;
  return formatNumber(p, decimals).replace(/^0\./, ".");
}
