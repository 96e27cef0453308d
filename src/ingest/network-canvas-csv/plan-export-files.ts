import type { Codebook, ProblemSink } from "../../model/index.js";
import { planColumns, type ColumnPlan } from "../plan-columns.js";
import { variablesFor } from "./build-codebook.js";
import { EGO_ID_COLUMN, fixedColumns, type EgoIdField, type ExportFile } from "./export-file.js";

/**
 * Gives every readable file of an export its column plan (file.plan; node and edge files also the plain
 * description a worker thread needs, file.side), warning of repeated columns and of an ego file without
 * the column the ego id comes from.
 */
export function planExportFiles(readable: ExportFile[], codebook: Codebook, egoIdField: EgoIdField, problems: ProblemSink): void {
  // Files of one type with one header share one plan (per-session exports repeat the same few headers).
  const plans = new Map<string, ColumnPlan>();
  for (const file of readable) {
    const variables = variablesFor(codebook, file);
    const planKey = `${file.kind}\u0000${file.type}\u0000${file.header!.join("\u0000")}`;
    let plan = plans.get(planKey);
    if (!plan) plans.set(planKey, (plan = planColumns(file.header!, variables, fixedColumns(file.kind))));
    file.plan = plan;
    if (file.kind !== "ego") file.side = { name: file.source.name, kind: file.kind, type: file.type, plan, width: file.header!.length };
    if (file.plan.duplicates.length > 0) {
      problems.report({
        severity: "warning",
        code: "duplicate-column",
        file: file.source.name,
        line: 1,
        message: `the header repeats ${file.plan.duplicates.join(", ")}; only the first column of each name is read`,
      });
    }
    if (file.kind === "ego" && file.plan.fixed[EGO_ID_COLUMN[egoIdField]] === undefined) {
      problems.report({
        severity: "warning",
        code: "missing-column",
        file: file.source.name,
        line: 1,
        message: `no ${EGO_ID_COLUMN[egoIdField]} column, so the ego id is the networkCanvasEgoUUID`,
      });
    }
  }
}
