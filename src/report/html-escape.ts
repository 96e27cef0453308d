/**
 * Text made safe for HTML and SVG, in element content and in quoted attribute values: `&`, `<`, `>`, `"`
 * and `'` become entities. Every piece of data that reaches the report or a plot passes through here.
 *
 * Example: escapeXml(`Men's "Shed" <1>`) === "Men&#39;s &quot;Shed&quot; &lt;1&gt;".
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
