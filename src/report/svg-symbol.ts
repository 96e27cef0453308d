import { coord } from "./svg-coordinate.js";

/** Node shapes: the second cue beside colour (isolates are squares; categories get one shape each). */
export const SHAPES = ["circle", "square", "diamond", "triangle", "triangle-down", "hexagon", "cross"] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * An SVG path drawing `shape` centred on (x, y) with "radius" r (shapes are scaled to look about as large
 * as a circle of radius r). Every node and legend swatch is a path, so tests and styles find them alike.
 *
 * Example: symbolPath("square", 10, 10, 5) === "M5.6 5.6h8.9v8.9h-8.9z".
 */
export function symbolPath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${coord(x - r)} ${coord(y)}a${coord(r)} ${coord(r)} 0 1 0 ${coord(2 * r)} 0a${coord(r)} ${coord(r)} 0 1 0 ${coord(-2 * r)} 0z`;
    case "square": {
      const h = r * 0.89; // same area as the circle
      return `M${coord(x - h)} ${coord(y - h)}h${coord(2 * h)}v${coord(2 * h)}h${coord(-2 * h)}z`;
    }
    case "diamond": {
      const h = r * 1.25;
      return `M${coord(x)} ${coord(y - h)}L${coord(x + h)} ${coord(y)}L${coord(x)} ${coord(y + h)}L${coord(x - h)} ${coord(y)}z`;
    }
    case "triangle":
    case "triangle-down": {
      const s = shape === "triangle" ? 1 : -1;
      const h = r * 1.35;
      return `M${coord(x)} ${coord(y - s * h)}L${coord(x + h * 0.866)} ${coord(y + s * h * 0.5)}L${coord(x - h * 0.866)} ${coord(y + s * h * 0.5)}z`;
    }
    case "hexagon": {
      const h = r * 1.1;
      const points = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${coord(x + h * Math.cos(a))} ${coord(y + h * Math.sin(a))}`;
      });
      return `M${points.join("L")}z`;
    }
    case "cross": {
      const a = r * 1.1;
      const b = r * 0.4;
      return (
        `M${coord(x - b)} ${coord(y - a)}h${coord(2 * b)}v${coord(a - b)}h${coord(a - b)}v${coord(2 * b)}h${coord(b - a)}` +
        `v${coord(a - b)}h${coord(-2 * b)}v${coord(b - a)}h${coord(b - a)}v${coord(-2 * b)}h${coord(a - b)}z`
      );
    }
  }
}
