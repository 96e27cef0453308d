import { escapeXml } from "./html-escape.js";
import { REPORT_CSS } from "./html-styles.js";

/** A section of the report: an anchor id, a heading, and its HTML (already escaped). */
export interface ReportSection {
  id: string;
  heading: string;
  html: string;
}

/**
 * The report page: one self-contained HTML5 document with the stylesheet inline, no script, and a
 * Content-Security-Policy that forbids every request except inline styles and data: images, so even a
 * browser that would fetch something cannot. A contents list links the sections.
 */
export function reportDocument(page: { title: string; lead: string; sections: readonly ReportSection[] }): string {
  const nav = page.sections.map((s) => `<li><a href="#${s.id}">${escapeXml(s.heading)}</a></li>`).join("");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeXml(page.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${escapeXml(page.title)}</h1>`,
    `<p class="lead">${page.lead}</p>`,
    `<nav aria-label="Contents"><ol>${nav}</ol></nav>`,
    "</header>",
    "<main>",
    ...page.sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${escapeXml(s.heading)}</h2>\n${s.html}\n</section>`),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
