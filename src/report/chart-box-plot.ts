import { Random } from "../random.js";
import { formatNumber, roundHalfAwayFromZero } from "../tables/index.js";
import { niceTicks } from "./chart-axis.js";
import { INK } from "./chart-palette.js";
import { escapeXml } from "./html-escape.js";
import { coord } from "./svg-coordinate.js";

/** One group of a box plot: its label, its values (missing left out) and its five-number summary. */
export interface BoxPlotGroup {
  label: string;
  values: readonly number[];
  /** Quartiles as the statistics module computes them for the tables, so the picture and the tables agree. */
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

export interface BoxPlotInput {
  /** What is measured, e.g. "Network size" (the y axis). */
  measureLabel: string;
  /** What the groups are, e.g. "Area deprivation" (the x axis). */
  groupLabel: string;
  groups: readonly BoxPlotGroup[];
  /** Unique within the page: ids of <title> and <desc>. */
  idPrefix: string;
  /** Points are drawn over the boxes up to this many per group (default 300). */
  maxPoints?: number;
  /** Seed of the horizontal jitter of the points. */
  seed?: number;
}

const HEIGHT = 240;
const TOP = 14;
const BOTTOM = 44;
const LEFT = 52;

/**
 * A box plot of one measure by group, with the egos' values as jittered points over the boxes (a strip
 * plot) when there are few enough: box from the first to the third quartile, a thick line at the median,
 * whiskers from the minimum to the maximum (no outlier rule: every ego is a point). Grey and black only,
 * so it prints the same in greyscale. Accessible: role="img", <title> and a <desc> listing each group's n,
 * median and quartiles.
 */
export function boxPlotSvg(input: BoxPlotInput): string {
  const { groups } = input;
  const slot = Math.max(84, ...groups.map((g) => 12 + 6 * g.label.length));
  const width = Math.ceil(LEFT + slot * groups.length + 10);
  const all = groups.flatMap((g) => g.values);
  const ticks = niceTicks(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1, 6);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plotHeight * (1 - (v - ticks.min) / (ticks.max - ticks.min));
  const parts: string[] = [];
  // Axis and grid.
  ticks.values.forEach((v, i) => {
    parts.push(`<line x1="${LEFT}" x2="${width - 6}" y1="${coord(y(v))}" y2="${coord(y(v))}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${coord(y(v) + 3.5)}" text-anchor="end">${escapeXml(ticks.labels[i])}</text>`);
  });
  parts.push(`<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${TOP + plotHeight}" stroke="${INK}"/>`);
  parts.push(
    `<text transform="translate(12 ${coord(TOP + plotHeight / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(input.measureLabel)}</text>`,
  );
  const random = new Random(input.seed ?? 1);
  const maxPoints = input.maxPoints ?? 300;
  groups.forEach((g, i) => {
    const cx = LEFT + slot * (i + 0.5);
    const group: string[] = [];
    if (g.q1 !== null && g.q3 !== null && g.median !== null && g.min !== null && g.max !== null) {
      const half = 18;
      group.push(`<line class="whisker" x1="${coord(cx)}" x2="${coord(cx)}" y1="${coord(y(g.min))}" y2="${coord(y(g.max))}" stroke="${INK}"/>`);
      for (const v of [g.min, g.max]) {
        group.push(`<line x1="${coord(cx - half / 2)}" x2="${coord(cx + half / 2)}" y1="${coord(y(v))}" y2="${coord(y(v))}" stroke="${INK}"/>`);
      }
      group.push(
        `<rect class="box" x="${coord(cx - half)}" y="${coord(y(g.q3))}" width="${2 * half}" height="${coord(Math.max(0.5, y(g.q1) - y(g.q3)))}" fill="#d9d9d9" stroke="${INK}"/>`,
      );
      group.push(`<line class="median" x1="${coord(cx - half)}" x2="${coord(cx + half)}" y1="${coord(y(g.median))}" y2="${coord(y(g.median))}" stroke="${INK}" stroke-width="3"/>`);
    }
    if (g.values.length <= maxPoints) {
      const dots = g.values.map((v) => `<circle class="point" cx="${coord(cx + (random.next() - 0.5) * 26)}" cy="${coord(y(v))}" r="2.4"/>`);
      group.push(`<g fill="${INK}" fill-opacity="0.55">${dots.join("")}</g>`);
    }
    group.push(`<text x="${coord(cx)}" y="${TOP + plotHeight + 16}" text-anchor="middle">${escapeXml(g.label)}</text>`);
    group.push(`<text x="${coord(cx)}" y="${TOP + plotHeight + 30}" text-anchor="middle" fill="#555555">n = ${g.values.length}</text>`);
    parts.push(`<g class="group" data-level="${escapeXml(g.label)}" data-n="${g.values.length}">${group.join("")}</g>`);
  });
  const description = groups
    .map((g) =>
      g.median === null
        ? `${g.label}: no values`
        : `${g.label}: n = ${g.values.length}, median ${short(g.median)}, quartiles ${short(g.q1!)} to ${short(g.q3!)}, range ${short(g.min!)} to ${short(g.max!)}`,
    )
    .join("; ");
  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  return (
    `<svg class="chart box-plot" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="10" fill="${INK}">` +
    `<title id="${titleId}">${escapeXml(`${input.measureLabel} by ${input.groupLabel}`)}</title>` +
    `<desc id="${descId}">${escapeXml(`Box plot with one point per ego. ${description}.`)}</desc>` +
    parts.join("") +
    `</svg>`
  );
}

/** A number for the text alternative: at most three decimals, shortest form. */
function short(value: number): string {
  return formatNumber(roundHalfAwayFromZero(value, 3));
}
