import { formatNumber } from "../tables/index.js";
import { categoryColour, INK, textColourOn } from "./chart-palette.js";
import { escapeXml } from "./html-escape.js";
import { coord } from "./svg-coordinate.js";
import { symbolPath, SHAPES } from "./svg-symbol.js";

export interface StackedBarsInput {
  /** The categories, in order: colour i goes to category i (Okabe–Ito). */
  categories: readonly string[];
  /** One bar per row: a label (a group, or All), how many egos, and each category's share in percent. */
  rows: ReadonlyArray<{ label: string; n: number; shares: ReadonlyArray<number | null> }>;
  /** Unique within the page: ids of <title> and <desc>. */
  idPrefix: string;
  title: string;
}

const WIDTH = 760;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 440;
const BAR_HEIGHT = 26;
const GAP = 10;

/**
 * Composition as stacked horizontal bars: one bar per group, each segment a category's mean share of the
 * egos' alters (the composition table's numbers), in Okabe–Ito colours, with the percentage printed in
 * every segment wide enough to hold it and white gaps between segments, so the chart still reads in
 * greyscale. The legend repeats each colour with a shape. Accessible: role="img", <title>, and a <desc>
 * giving every percentage.
 */
export function stackedBarsSvg(input: StackedBarsInput): string {
  const parts: string[] = [];
  input.rows.forEach((row, r) => {
    const y = 8 + r * (BAR_HEIGHT + GAP);
    const segments: string[] = [];
    let x = LABEL_WIDTH;
    row.shares.forEach((share, c) => {
      if (share === null || share <= 0) return;
      const w = (BAR_WIDTH * share) / 100;
      const fill = categoryColour(c);
      segments.push(
        `<rect class="segment" data-category="${escapeXml(input.categories[c])}" data-share="${formatNumber(share)}" x="${coord(x)}" y="${y}" width="${coord(w)}" height="${BAR_HEIGHT}" fill="${fill}" stroke="#ffffff" stroke-width="1.5"/>`,
      );
      if (w >= 30) {
        segments.push(
          `<text x="${coord(x + w / 2)}" y="${y + BAR_HEIGHT / 2 + 4}" text-anchor="middle" fill="${textColourOn(fill)}">${formatNumber(share, 0)}%</text>`,
        );
      }
      x += w;
    });
    parts.push(
      `<g class="bar" data-level="${escapeXml(row.label)}">` +
        `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2 + 4}" text-anchor="end">${escapeXml(row.label)}</text>` +
        segments.join("") +
        `<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + BAR_HEIGHT / 2 + 4}" fill="#555555">n = ${row.n}</text></g>`,
    );
  });
  const legendTop = 8 + input.rows.length * (BAR_HEIGHT + GAP) + 6;
  const legend: string[] = [];
  let lx = LABEL_WIDTH;
  let ly = legendTop + 10;
  input.categories.forEach((label, c) => {
    const w = 26 + 6.2 * label.length;
    if (lx + w > WIDTH && lx > LABEL_WIDTH) {
      lx = LABEL_WIDTH;
      ly += 18;
    }
    legend.push(
      `<g class="legend-entry" data-legend="${escapeXml(label)}"><path d="${symbolPath(SHAPES[c % (SHAPES.length - 1)], lx + 6, ly - 4, 6)}" fill="${categoryColour(c)}" stroke="${INK}"/>` +
        `<text x="${coord(lx + 16)}" y="${ly}">${escapeXml(label)}</text></g>`,
    );
    lx += w;
  });
  const height = Math.ceil(ly + 10);
  const description = input.rows
    .map((row) => `${row.label} (n = ${row.n}): ${row.shares.map((s, c) => `${input.categories[c]} ${s === null ? "no data" : `${formatNumber(s, 1)}%`}`).join(", ")}`)
    .join("; ");
  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  return (
    `<svg class="chart stacked-bars" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11" fill="${INK}">` +
    `<title id="${titleId}">${escapeXml(input.title)}</title>` +
    `<desc id="${descId}">${escapeXml(`Mean share of each category of the egos' alters, in percent. ${description}.`)}</desc>` +
    parts.join("") +
    legend.join("") +
    `</svg>`
  );
}
