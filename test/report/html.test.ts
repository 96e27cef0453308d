import { describe, expect, it } from "vitest";
import { compareGroups } from "../../src/stats/index.js";
import { boxPlotSvg } from "../../src/report/chart-box-plot.js";
import { stackedBarsSvg } from "../../src/report/chart-stacked-bars.js";
import { reportDocument } from "../../src/report/html-document.js";
import { escapeXml } from "../../src/report/html-escape.js";
import { testCaption } from "../../src/report/html-study-report.js";
import { tableHtml } from "../../src/report/html-table.js";
import { findAll, hasClass, parseXml } from "./parse-svg.js";

const asXml = (svg: string) => parseXml(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '));

describe("escapeXml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeXml(`Men's "Shed" <1> & co`)).toBe("Men&#39;s &quot;Shed&quot; &lt;1&gt; &amp; co");
  });
});

describe("tableHtml", () => {
  const table = {
    name: "t",
    title: "A <table>",
    columns: [{ id: "group", label: "Group" }, { id: "x", label: "x̄", decimals: 2 }, { id: "pct", percent: true, decimals: 0 }],
    rows: [
      { group: "a & b", x: 2.345, pct: 12.5 },
      { group: "c", x: null, pct: 3 },
    ],
    notes: ["x is a mean"],
  };

  it("formats through the one number formatter, shows missing as NA and escapes every text", () => {
    const html = tableHtml(table);
    expect(html).toContain("<caption>A &lt;table&gt;</caption>");
    expect(html).toContain('<th scope="col">Group</th>');
    expect(html).toContain('<td>a &amp; b</td><td class="num">2.35</td><td class="num">13%</td>');
    expect(html).toContain('<td>c</td><td>NA</td><td class="num">3%</td>');
    expect(html).toContain('<p class="note">x is a mean</p>');
  });

  it("shows at most maxRows rows and says where the rest are", () => {
    const html = tableHtml(table, { maxRows: 1, csvName: "t.csv" });
    expect(html).not.toContain("<td>c</td>");
    expect(html).toContain("Showing the first 1 of 2 rows; t.csv has them all.");
  });
});

describe("testCaption", () => {
  it("prints the Mann–Whitney result as the compare tables do (values checked with scipy)", () => {
    // python3 -c "from scipy.stats import mannwhitneyu as m; print(m([1,2,3],[4,5,6,7],method='exact').pvalue,
    //   m([1,2,3],[4,5,6,7],method='asymptotic',use_continuity=False).pvalue)" → 0.05714285714285714 0.03389485352468927
    // U = 0; Z = (0 − 6)/√(3·4·8/12) = −2.1213.
    expect(testCaption(compareGroups(["No", "Yes"], [[1, 2, 3], [4, 5, 6, 7]]))).toBe(
      "Mann–Whitney U = 0.000, Z = -2.121, p = 0.034 (exact p = 0.057); N = 7.",
    );
  });

  it("prints Kruskal–Wallis with df, and says why a test is missing", () => {
    // python3 -c "from scipy.stats import kruskal; print(kruskal([1,2,3],[4,5,6],[7,8,9]))" → H = 7.2, p = 0.02732
    expect(testCaption(compareGroups(["a", "b", "c"], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toBe(
      "Kruskal–Wallis H = 7.200, df = 2, p = 0.027; N = 9.",
    );
    expect(testCaption(compareGroups(["a", "b"], [[1, 2], []]))).toMatch(/^Mann–Whitney U not computed: no values in level "b"/);
  });
});

describe("charts", () => {
  it("box plot: one box per group at its quartiles, one point per value, and a text alternative", () => {
    const svg = boxPlotSvg({
      measureLabel: "Network size",
      groupLabel: "Area",
      idPrefix: "b1",
      groups: [
        { label: "High", values: [1, 2, 3, 4], min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 },
        { label: "Low", values: [], min: null, q1: null, median: null, q3: null, max: null },
      ],
    });
    const root = asXml(svg);
    expect(root.attributes.role).toBe("img");
    const groups = findAll(root, (e) => hasClass(e, "group"));
    expect(groups.map((g) => [g.attributes["data-level"], g.attributes["data-n"]])).toEqual([["High", "4"], ["Low", "0"]]);
    expect(findAll(groups[0], (e) => hasClass(e, "box"))).toHaveLength(1);
    expect(findAll(groups[0], (e) => hasClass(e, "point"))).toHaveLength(4);
    expect(findAll(groups[1], (e) => hasClass(e, "box"))).toHaveLength(0);
    expect(root.children.find((c) => c.name === "desc")!.text).toContain("High: n = 4, median 2.5, quartiles 1.75 to 3.25, range 1 to 4; Low: no values");
  });

  it("stacked bars: segments in proportion to the shares, in the category's colour", () => {
    const svg = stackedBarsSvg({
      title: "Composition",
      idPrefix: "c1",
      categories: ["vcs", "health"],
      rows: [
        { label: "High", n: 15, shares: [75, 25] },
        { label: "Low", n: 3, shares: [null, 100] },
      ],
    });
    const root = asXml(svg);
    const segments = findAll(root, (e) => hasClass(e, "segment"));
    expect(segments.map((s) => [s.attributes["data-category"], Number(s.attributes.width)])).toEqual([
      ["vcs", 330],
      ["health", 110],
      ["health", 440],
    ]);
    expect(root.children.find((c) => c.name === "desc")!.text).toContain("Low (n = 3): vcs no data, health 100.0%");
  });
});

describe("reportDocument", () => {
  it("is one HTML page with inline styles, a policy forbidding every request, and no script", () => {
    const html = reportDocument({ title: "T & T", lead: "lead", sections: [{ id: "s1", heading: "One", html: "<p>x</p>" }] });
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain("<title>T &amp; T</title>");
    expect(html).toContain('<a href="#s1">One</a>');
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\//i);
  });
});
