import type { Point } from "./layout-force-atlas.js";

/** A rectangle in SVG user units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Scales and moves points to fit inside `box` less `padding` on every side, with one scale for both axes
 * (so distances keep their meaning), centred. A single point, or points all at one place, go to the centre.
 *
 * Example: fitToBox([{x: 0, y: 0}, {x: 2, y: 1}], {x: 0, y: 0, width: 100, height: 100}, 10) →
 * [{x: 10, y: 30}, {x: 90, y: 70}].
 */
export function fitToBox(points: readonly Point[], box: Box, padding: number): Point[] {
  if (points.length === 0) return [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const innerWidth = Math.max(0, box.width - 2 * padding);
  const innerHeight = Math.max(0, box.height - 2 * padding);
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  if (!Number.isFinite(scale)) return points.map(() => ({ x: cx, y: cy }));
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;
  return points.map((p) => ({ x: cx + (p.x - midX) * scale, y: cy + (p.y - midY) * scale }));
}
