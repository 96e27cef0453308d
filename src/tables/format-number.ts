/**
 * The one number formatter. Full precision by default: the shortest decimal string that reads back as
 * the same double (ECMAScript Number#toString), never in exponent form, so spreadsheets and R read the
 * same value. With `decimals`, rounds half away from zero, as SPSS and Excel print; a value of 1e21 or more
 * (an integer, where toFixed would switch to exponent form) is written out in full with the zero decimals.
 *
 * Example: formatNumber(0.1 + 0.2) === "0.30000000000000004"; formatNumber(2.345, 2) === "2.35";
 * formatNumber(1e21, 1) === "1000000000000000000000.0".
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`bug: non-finite number ${value} reached an output (undefined values must be null)`);
  }
  if (decimals === undefined) return fullPrecision(value);
  if (Math.abs(value) >= 1e21) return fullPrecision(value) + (decimals > 0 ? "." + "0".repeat(decimals) : "");
  return roundHalfAwayFromZero(value, decimals).toFixed(decimals).replace(/^-(0\.?0*)$/, "$1");
}

/**
 * Half away from zero at `decimals`, correcting for binary representation (2.345 → 2.35, not 2.34). Values
 * of 2⁵² or more are integers already and come back unchanged (scaling them could overflow). The nudge of a
 * few ulps is left out where it would reach a quarter unit of the last decimal (scaled values from about
 * 2.8e14): there it would no longer correct a representation error but move the value (1e12 to 3 decimals
 * would print 1000000000000.001).
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (Math.abs(value) >= 2 ** 52) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Nudge by a few ulps so values printed as ...5 in decimal round up as a person expects.
  const nudged = scaled * 4 * Number.EPSILON < 0.25 ? scaled * (1 + 4 * Number.EPSILON) : scaled;
  const rounded = Math.round(nudged) / factor;
  return value < 0 ? -rounded : rounded;
}

function fullPrecision(value: number): string {
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Expand exponent form (1e-7, 1.5e+21) to plain decimal digits.
  const [mantissa, exponentText] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const pointAt = (mantissa.replace("-", "").indexOf(".") === -1 ? mantissa.replace("-", "").length : mantissa.replace("-", "").indexOf(".")) + exponent;
  let out: string;
  if (pointAt <= 0) out = "0." + "0".repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + "0".repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + "." + digits.slice(pointAt);
  return (negative ? "-" : "") + out;
}
