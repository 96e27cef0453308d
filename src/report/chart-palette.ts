/**
 * Colours of the report and the plots, chosen to survive greyscale printing and colour-blindness:
 * - k-core shells: viridis (van der Walt & Smith, matplotlib 2015), a sequential palette whose luminance
 *   rises monotonically from dark purple to yellow, so shells stay ordered in greyscale; the innermost
 *   shell is the darkest.
 * - categories: Okabe & Ito (2008), "Color Universal Design", eight colours distinguishable with every
 *   common form of colour-blindness; the report adds a shape per category as a second cue.
 * Colours are lower-case `#rrggbb`, so the same input always gives the same bytes.
 */

/** Eleven evenly spaced samples (t = 0, 0.1, …, 1) of matplotlib's viridis colormap. */
export const VIRIDIS_SAMPLES = [
  "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725",
] as const;

/** Okabe–Ito colours for categories, black left out (it is the colour of text and strokes). */
export const OKABE_ITO = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"] as const;

/** Isolates (core number 0) when colouring by core: light grey, drawn as squares. */
export const ISOLATE_FILL = "#d9d9d9";
/** Alters not on the sociogram: white, drawn with a dashed outline. */
export const EXCLUDED_FILL = "#ffffff";
/** Alters with no value of the colouring variable: white (with a dashed outline as the second cue). */
export const MISSING_FILL = "#f7f7f7";
/** Categories past the seventh share one grey. */
export const OTHER_CATEGORIES_FILL = "#999999";
/** Stroke of nodes and text. */
export const INK = "#222222";

/**
 * Viridis at t in [0, 1], linearly interpolated in sRGB between the eleven samples.
 *
 * Example: viridis(0) === "#440154"; viridis(1) === "#fde725"; viridis(0.05) is halfway to "#482475".
 */
export function viridis(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const position = clamped * (VIRIDIS_SAMPLES.length - 1);
  const i = Math.min(VIRIDIS_SAMPLES.length - 2, Math.floor(position));
  const f = position - i;
  const a = rgb(VIRIDIS_SAMPLES[i]);
  const b = rgb(VIRIDIS_SAMPLES[i + 1]);
  return hex(a.map((v, c) => v + (b[c] - v) * f) as [number, number, number]);
}

/**
 * The colour of the shell at `rank` (1 = the lowest core number present, `shells` = the highest) in an ego
 * whose sociogram has `shells` distinct non-zero core numbers: viridis from 0.9 (rank 1, light) down to 0
 * (the main core, darkest), evenly spaced over the shells present, so a deeper core is always darker, in
 * colour and in grey, and shells that exist are as far apart as the palette allows. One shell: mid-palette.
 *
 * Example: shells {1, 2, 3} → shellColour(3, 3) === "#440154", shellColour(1, 3) === "#bddf26".
 */
export function shellColour(rank: number, shells: number): string {
  if (shells <= 1) return viridis(0.5);
  return viridis(0.9 * (1 - (rank - 1) / (shells - 1)));
}

/** The colour of the i-th category (0-based) of a categorical variable; past the seventh, one grey. */
export function categoryColour(i: number): string {
  return i < OKABE_ITO.length ? OKABE_ITO[i] : OTHER_CATEGORIES_FILL;
}

/**
 * WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white): the grey level a colour prints as.
 * Reference: W3C WCAG 2.1, "relative luminance". Example: relativeLuminance("#ffffff") === 1.
 */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever reads better on the given fill (WCAG contrast). */
export function textColourOn(fill: string): string {
  const l = relativeLuminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

function rgb(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) throw new Error(`bug: not a #rrggbb colour: ${colour}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

function hex(channels: [number, number, number]): string {
  return "#" + channels.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
}
