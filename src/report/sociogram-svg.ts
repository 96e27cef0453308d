import { INK } from "./chart-palette.js";
import { escapeXml } from "./html-escape.js";
import { fitToBox } from "./layout-fit.js";
import type { Sociogram, SociogramNode } from "./sociogram-model.js";
import { coord } from "./svg-coordinate.js";
import { symbolPath } from "./svg-symbol.js";

export interface SociogramSvgOptions {
  /** A file of its own (XML declaration, namespace) rather than inline in HTML. */
  standalone: boolean;
  /** Makes the ids of <title> and <desc> unique within a page (letters, digits, hyphens). */
  idPrefix: string;
  /** A heading drawn at the top of the picture (the HTML report puts it in a figure caption instead). */
  heading?: string;
}

const WIDTH = 760;
const GRAPH_WIDTH = 560;
const GRAPH_HEIGHT = 440;
const SMALL_GRAPH_HEIGHT = 300;
const LEGEND_X = 580;
const ROW_CELL = 44;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/**
 * One sociogram as SVG: the graph (ties as one grey path, nodes as shapes in their legend colour), the
 * isolates in a row below it, the alters not on the sociogram in a dashed band labelled so, and a legend
 * with counts. Accessible: role="img" with a <title> and a <desc> (the sociogram's description) named by
 * aria-labelledby; every node has its own <title>. Machine-readable: nodes are `path.node` with
 * `data-place`, `data-shell` (core number) and `data-legend-key`; legend entries are `g.legend-entry` with
 * `data-legend`. Labels are the pseudonyms or names the sociogram carries; nothing else from the data.
 */
export function sociogramSvg(s: Sociogram, options: SociogramSvgOptions): string {
  const n = s.graphNodes.length + s.isolates.length + s.excluded.length;
  const radius = n <= 40 ? 7 : n <= 120 ? 5.5 : n <= 400 ? 4 : 3;
  const showLabels = n <= 200;
  const top = options.heading ? 34 : 10;
  const parts: string[] = [];

  // The graph.
  const graphHeight = s.graphNodes.length === 0 ? 40 : s.graphNodes.length <= 12 ? SMALL_GRAPH_HEIGHT : GRAPH_HEIGHT;
  const graphBox = { x: 0, y: top, width: GRAPH_WIDTH, height: graphHeight };
  const placed = fitToBox(s.graphNodes, graphBox, radius + 26);
  if (s.graphNodes.length === 0) {
    parts.push(`<text x="${coord(GRAPH_WIDTH / 2)}" y="${coord(top + 24)}" text-anchor="middle" font-size="12" fill="${INK}">No ties among the alters on the sociogram.</text>`);
  }
  if (s.ties.length > 0) {
    const d = s.ties.map(([a, b]) => `M${coord(placed[a].x)} ${coord(placed[a].y)}L${coord(placed[b].x)} ${coord(placed[b].y)}`).join("");
    parts.push(`<path class="ties" d="${d}" fill="none" stroke="#8c8c8c" stroke-width="1" stroke-opacity="0.7"/>`);
  }
  parts.push(nodeGroup(s.graphNodes, placed, radius, showLabels, "graph"));
  let y = graphBox.y + graphBox.height;

  // Isolates, in rows below the graph.
  if (s.isolates.length > 0) {
    y += 16;
    parts.push(sectionLabel(8, y, `Isolates (${s.isolates.length}): alters on the sociogram with no ties to other alters`));
    const rows = gridPositions(s.isolates.length, 8, y + 8, GRAPH_WIDTH - 16, radius, cellWidth(s.isolates, radius, showLabels));
    parts.push(nodeGroup(s.isolates, rows.points, radius, showLabels, "isolates"));
    y = rows.bottom;
  }

  // Alters not on the sociogram, in a dashed band.
  if (s.excluded.length > 0) {
    y += 14;
    const bandTop = y;
    const rows = gridPositions(s.excluded.length, 16, bandTop + 30, GRAPH_WIDTH - 32, radius, cellWidth(s.excluded, radius, showLabels));
    const bandHeight = rows.bottom - bandTop + 6;
    parts.push(
      `<rect class="band" x="2" y="${coord(bandTop)}" width="${coord(GRAPH_WIDTH - 4)}" height="${coord(bandHeight)}" fill="none" stroke="${INK}" stroke-dasharray="4 3" rx="4"/>`,
    );
    parts.push(sectionLabel(12, bandTop + 18, `Not on the sociogram (${s.excluded.length}): left off by the study's exclusion rules`));
    parts.push(nodeGroup(s.excluded, rows.points, radius, showLabels, "excluded"));
    y = bandTop + bandHeight;
  }

  // Legend.
  const legend: string[] = [`<text x="${LEGEND_X}" y="${coord(top + 14)}" font-size="12" font-weight="bold" fill="${INK}">${escapeXml(s.legendTitle)}</text>`];
  s.legend.forEach((e, i) => {
    const ly = top + 36 + i * 22;
    legend.push(
      `<g class="legend-entry" data-legend="${escapeXml(e.key)}">` +
        `<path class="swatch" d="${symbolPath(e.shape, LEGEND_X + 8, ly - 4, 7)}" fill="${e.fill}" stroke="${INK}"${e.dashed ? ' stroke-dasharray="3 2"' : ""}/>` +
        `<text x="${LEGEND_X + 22}" y="${coord(ly)}" font-size="11" fill="${INK}">${escapeXml(e.label)} (${e.count})</text></g>`,
    );
  });
  parts.push(`<g class="legend">${legend.join("")}</g>`);
  const legendBottom = top + 36 + s.legend.length * 22;

  const height = Math.ceil(Math.max(y, legendBottom) + 10);
  // Wide enough for the longest legend line (about 6.3 px a character at 11 px; 7.5 at 12 px bold).
  const legendWidth = Math.max(7.5 * s.legendTitle.length, ...s.legend.map((e) => 22 + 6.3 * `${e.label} (${e.count})`.length));
  const width = Math.max(WIDTH, Math.ceil(LEGEND_X + legendWidth + 10));
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  const head = options.standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n` : "";
  const ns = options.standalone ? ` xmlns="http://www.w3.org/2000/svg"` : "";
  const heading = options.heading
    ? `<text x="8" y="22" font-size="15" font-weight="bold" fill="${INK}">${escapeXml(options.heading)}</text>`
    : "";
  return (
    `${head}<svg${ns} class="sociogram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-labelledby="${titleId} ${descId}" font-family="${FONT}" data-ego="${escapeXml(s.egoId)}">` +
    `<title id="${titleId}">Sociogram of ego ${escapeXml(s.egoId)}</title>` +
    `<desc id="${descId}">${escapeXml(s.description)}</desc>` +
    `<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>` +
    heading +
    parts.join("") +
    `</svg>` +
    (options.standalone ? "\n" : "")
  );
}

function nodeGroup(nodes: readonly SociogramNode[], points: ReadonlyArray<{ x: number; y: number }>, r: number, labels: boolean, name: string): string {
  if (nodes.length === 0) return "";
  const shapes: string[] = [];
  const texts: string[] = [];
  nodes.forEach((node, i) => {
    const { x, y } = points[i];
    const what =
      node.place === "excluded" ? "not on the sociogram" : node.coreNumber === 0 ? "isolate" : `core number ${node.coreNumber}`;
    shapes.push(
      `<path class="node" data-place="${node.place}" data-shell="${node.coreNumber ?? ""}" data-legend-key="${escapeXml(node.legend)}" ` +
        `d="${symbolPath(node.shape, x, y, r)}" fill="${node.fill}"${node.dashed ? ' stroke-dasharray="3 2"' : ""}>` +
        `<title>${escapeXml(node.label)}: ${what}</title></path>`,
    );
    if (labels) texts.push(`<text x="${coord(x + r + 2)}" y="${coord(y + 3.5)}">${escapeXml(node.label)}</text>`);
  });
  const labelGroup = labels
    ? `<g class="labels" font-size="9" fill="${INK}" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">${texts.join("")}</g>`
    : "";
  return `<g class="nodes ${name}" stroke="${INK}" stroke-width="1">${shapes.join("")}</g>${labelGroup}`;
}

function sectionLabel(x: number, y: number, text: string): string {
  return `<text class="section-label" x="${coord(x)}" y="${coord(y)}" font-size="11" fill="${INK}">${escapeXml(text)}</text>`;
}

/** Width of a cell in a row of nodes: room for the node and its label (9 px text, about 5.5 px a character). */
function cellWidth(nodes: readonly SociogramNode[], r: number, labels: boolean): number {
  if (!labels) return 2 * r + 6;
  const longest = nodes.reduce((m, node) => Math.max(m, node.label.length), 0);
  return Math.min(270, Math.max(ROW_CELL, 2 * r + 10 + 5.5 * longest));
}

/** Positions in rows of fixed cells from (x, y), wrapping at `width`; and the y below the last row. */
function gridPositions(
  count: number,
  x: number,
  y: number,
  width: number,
  r: number,
  cell: number,
): { points: Array<{ x: number; y: number }>; bottom: number } {
  const perRow = Math.max(1, Math.floor(width / cell));
  const rowHeight = Math.max(20, 2 * r + 8);
  const points: Array<{ x: number; y: number }> = [];
  for (let i = 0; i < count; i++) {
    points.push({ x: x + r + 2 + (i % perRow) * cell, y: y + r + 4 + Math.floor(i / perRow) * rowHeight });
  }
  return { points, bottom: y + Math.ceil(count / perRow) * rowHeight };
}
