import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

/**
 * The report of the thesis fixture in a real headless Chromium (Debian's /usr/bin/chromium, which .ci/run
 * installs): it must render every chart and sociogram, request nothing from anywhere, and show ego LW10's
 * k-core structure as the thesis publishes it. A screenshot is saved to the temporary folder each run;
 * `NETSP_UPDATE_SCREENSHOT=1 npx vitest run test/report/report-chromium.test.ts` also refreshes
 * docs/report-screenshot.png for the README.
 */
// The page.evaluate callbacks run in the browser; the project compiles without the DOM library, so the few
// browser globals they use are declared here, for this file only.
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PAGE_URL = "http://netsp-report.test/report.html";

/** Published Table 12 (fixtures/thesis/published/table12_subgroups.csv, copied from the thesis). */
async function publishedTable12(): Promise<Array<Record<string, string>>> {
  return parse(await readFile("fixtures/thesis/published/table12_subgroups.csv", "utf8"), { columns: true }) as Array<Record<string, string>>;
}

describe("netsp report in headless Chromium", () => {
  let dir: string;
  let html: string;
  let context: BrowserContext;
  const requests: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "netsp-report-chromium-"));
    const run = await runCli(["report", "fixtures/thesis", "--out", path.join(dir, "report.html"), "--quiet"]);
    expect(run.exitCode, run.stderr).toBe(0);
    html = await readFile(path.join(dir, "report.html"), "utf8");
    // A fresh profile for every run; CSP bypassed so that any request the page tried would reach the router
    // below and be counted, rather than being stopped silently by the page's own policy.
    context = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      bypassCSP: true,
      viewport: { width: 1200, height: 1400 },
    });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      if (url.startsWith("data:")) return route.continue();
      refused.push(url);
      return route.abort();
    });
    context.on("request", (r) => requests.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("loads with no request but the page itself, renders every figure with a size and saves a screenshot", async () => {
    const page = await context.newPage();
    await page.goto(PAGE_URL, { waitUntil: "load" });
    expect(await page.title()).toBe("netsp report: fixtures/thesis/interviews");
    expect(refused).toEqual([]);
    expect(requests.filter((u) => u !== PAGE_URL && !u.startsWith("data:"))).toEqual([]);
    expect(requests).toContain(PAGE_URL);

    const figures = await page.evaluate(() =>
      [...document.querySelectorAll("svg")].map((svg: any) => {
        const box = svg.getBoundingClientRect();
        return {
          kind: svg.classList.contains("sociogram") ? "sociogram" : svg.classList.contains("box-plot") ? "box-plot" : svg.classList.contains("stacked-bars") ? "stacked-bars" : "other",
          ego: svg.getAttribute("data-ego"),
          width: box.width,
          height: box.height,
          marks: svg.querySelectorAll("path.node, rect.segment, rect.box, circle.point").length,
          labelled: (svg.getAttribute("aria-labelledby") ?? "").split(" ").every((id: string) => id !== "" && document.getElementById(id) !== null),
        };
      }),
    );
    const egos = (await publishedTable12()).map((r) => r.id);
    expect(figures.filter((f) => f.kind === "sociogram").map((f) => f.ego)).toEqual(egos);
    // Composition of sector by each of the 3 groupings; 11 main measures × 3 groupings of box plots.
    expect(figures.filter((f) => f.kind === "stacked-bars")).toHaveLength(3);
    expect(figures.filter((f) => f.kind === "box-plot")).toHaveLength(33);
    expect(figures.filter((f) => f.kind === "other")).toEqual([]);
    for (const f of figures) {
      expect(f.width, `${f.kind} ${f.ego ?? ""}`).toBeGreaterThan(100);
      expect(f.height, `${f.kind} ${f.ego ?? ""}`).toBeGreaterThan(100);
      expect(f.marks, `${f.kind} ${f.ego ?? ""}`).toBeGreaterThan(0);
      expect(f.labelled).toBe(true);
    }
    // Every node of every sociogram is drawn with an area.
    const emptyNodes = await page.evaluate(
      () => [...document.querySelectorAll("svg.sociogram path.node")].filter((n: any) => {
        const b = n.getBBox();
        return !(b.width > 0 && b.height > 0);
      }).length,
    );
    expect(emptyNodes).toBe(0);

    const shot = path.join(tmpdir(), "netsp-report-screenshot.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).subarray(1, 4).toString()).toBe("PNG");
    if (process.env.NETSP_UPDATE_SCREENSHOT === "1") {
      await page.setViewportSize({ width: 1000, height: 860 });
      await page.evaluate(() => document.querySelector('svg.sociogram[data-ego="LW10"]')!.closest("figure")!.scrollIntoView());
      await writeFile("docs/report-screenshot.png", await page.screenshot());
    }
    await page.close();
  }, 120_000);

  it("shows ego LW10 as published: 12 nodes in the 3-core, 3 with k = 2, 3 with k = 1 and 8 isolates, each in its legend colour", async () => {
    const lw10 = (await publishedTable12()).find((r) => r.id === "LW10")!;
    // Published: network size 33, isolates 8, core distribution {1: 3, 2: 3, 3: 12}; the rest (33 − 8 − 18 = 7)
    // are link-worker colleagues, left off the sociogram.
    const distribution = Object.fromEntries([...lw10.core_distribution.matchAll(/(\d+): (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(distribution).toEqual({ "1": 3, "2": 3, "3": 12 });
    const onGraph = Object.values(distribution).reduce((a, b) => a + b, 0);
    const expected = { ...distribution, isolate: Number(lw10.isolates), excluded: Number(lw10.network_size) - onGraph - Number(lw10.isolates) };

    const page = await context.newPage();
    await page.goto(PAGE_URL);
    const seen = await page.evaluate(() => {
      const svg = document.querySelector('svg.sociogram[data-ego="LW10"]')!;
      const legend = new Map<string, string>();
      const legendFills: string[] = [];
      for (const entry of svg.querySelectorAll("g.legend-entry")) {
        const fill = getComputedStyle(entry.querySelector(".swatch")!).fill;
        legendFills.push(fill);
        legend.set(fill, entry.getAttribute("data-legend")!);
      }
      const counts: Record<string, number> = {};
      const unmatched: string[] = [];
      for (const node of svg.querySelectorAll("path.node")) {
        const key = legend.get(getComputedStyle(node).fill);
        if (key === undefined) unmatched.push(getComputedStyle(node).fill);
        else counts[key] = (counts[key] ?? 0) + 1;
      }
      return { counts, unmatched, legendFills };
    });
    expect(new Set(seen.legendFills).size).toBe(seen.legendFills.length); // one colour per legend entry
    expect(seen.unmatched).toEqual([]);
    expect(seen.counts).toEqual(expected);
    await page.close();
  }, 60_000);

  it("prints each ego's sociogram on a page of its own, without backgrounds", async () => {
    const page = await context.newPage();
    await page.goto(PAGE_URL);
    await page.emulateMedia({ media: "print" });
    const styles = await page.evaluate(() => ({
      breaks: [...document.querySelectorAll(".sociogram-figure")].map((f: any) => getComputedStyle(f).breakBefore),
      nav: getComputedStyle(document.querySelector("nav")!).display,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(styles.breaks).toHaveLength(21);
    expect(new Set(styles.breaks)).toEqual(new Set(["page"]));
    expect(styles.nav).toBe("none");
    expect(styles.background).toBe("rgba(0, 0, 0, 0)");
    await page.close();
  }, 60_000);
});
