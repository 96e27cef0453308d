import { formatNumber, roundHalfAwayFromZero } from "../tables/index.js";

/**
 * A coordinate or length for SVG: rounded to 0.1 px and printed by the one number formatter (shortest form,
 * no exponent), so layouts give the same bytes on every run and the files stay small.
 *
 * Example: coord(12.345) === "12.3"; coord(7) === "7"; coord(-0.04) === "0".
 */
export function coord(value: number): string {
  return formatNumber(roundHalfAwayFromZero(value, 1));
}
