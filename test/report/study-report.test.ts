import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/study/analyse-study.js";
import { studyReportHtml } from "../../src/report/html-study-report.js";
import { prepareStudyReport } from "../../src/study/prepare-study-report.js";

describe("studyReportHtml", () => {
  it("gives sociograms the ids the analysis shows when the analysis replaced ego ids", async () => {
    const analysis = await analyseStudy({ input: "fixtures/thesis" });
    // As a pseudonymised analysis would be: every row's ego id replaced.
    const rename = (id: string) => `P-${id.split("").reverse().join("")}`;
    const renamed = { ...analysis, measures: { ...analysis.measures, rows: analysis.measures.rows.map((r) => ({ ...r, ego_id: rename(String(r.ego_id)) })) } };
    const input = prepareStudyReport(renamed, { egoIdOf: rename, egos: [rename("LW10")] });
    const html = await studyReportHtml(input, { inputLabel: "thesis", version: "test" });
    expect(html).toContain('data-ego="P-01WL"');
    expect(html).not.toMatch(/data-ego="LW|Sociogram of ego LW|<strong>Ego LW/);
    // The caption found the renamed row: LW10's network size (published Table 12: 33).
    expect(html).toMatch(/<strong>Ego P-01WL<\/strong>network size 33,/);
  });
});
