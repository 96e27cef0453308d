import type { Cell, Column, Table } from "../model/table.js";
import { legalVariableNames, type NameRules, type Renaming } from "./legal-variable-names.js";
import { utf8 } from "./byte-writer.js";

export type Level = "nominal" | "ordinal" | "scale";

/** One column as the SPSS and Stata writers store it. */
export type StatisticalVariable = NumericVariable | StringVariable;

interface VariableBase {
  id: string;
  /** Legal under the package's rules, unique. */
  name: string;
  label?: string;
  level: Level;
}

export interface NumericVariable extends VariableBase {
  kind: "numeric";
  /** One per row; null is missing. */
  values: Array<number | null>;
  /** Every value is an integer (codes, counts, booleans). */
  integer: boolean;
  valueLabels: Array<{ value: number; label: string }>;
}

export interface StringVariable extends VariableBase {
  kind: "string";
  /** One per row as UTF-8; null is the empty string (neither package has a missing string). */
  values: Uint8Array[];
  /** The longest value in bytes, at least 1. */
  width: number;
}

/**
 * A table's columns as numeric or string variables with legal names, ready for a .sav or .dta writer.
 * Numbers stay numbers (NaN and ±Infinity are missing); booleans are 0/1 labelled "false"/"true"; a text
 * column with value labels (a labelled categorical or ordinal) becomes integer codes 1, 2 … in the order of
 * its labels, values the labels do not name coded after them (sorted) and labelled with themselves, so the
 * order of an ordinal survives and Stata, whose value labels attach only to integers, can label it too; other
 * text stays text. Mixed numbers and text are text.
 */
export function statisticalVariables(table: Table, rules: NameRules): { variables: StatisticalVariable[]; renamed: Renaming[] } {
  const { names, renamed } = legalVariableNames(
    table.columns.map((c) => c.id),
    rules,
  );
  const variables = table.columns.map((column, i) => {
    const cells = table.rows.map((r) => r[column.id] ?? null);
    const label = column.description ?? column.label;
    const base: VariableBase = { id: column.id, name: names[i]!, level: "scale", ...(label ? { label } : {}) };
    return toVariable(base, column, cells);
  });
  return { variables, renamed };
}

function toVariable(base: VariableBase, column: Column, cells: Cell[]): StatisticalVariable {
  const present = cells.filter((c) => c !== null);
  const hasText = present.some((c) => typeof c === "string");
  const allBoolean = present.length > 0 && present.every((c) => typeof c === "boolean");
  if (hasText) {
    const labels = column.valueLabels ?? [];
    if (labels.length > 0) return encoded(base, column, cells);
    const values = cells.map((c) => utf8(c === null ? "" : String(c)));
    const width = Math.max(1, ...values.map((v) => v.length));
    return { ...base, level: column.level ?? "nominal", kind: "string", values, width };
  }
  const values = cells.map((c) => (c === null ? null : typeof c === "boolean" ? (c ? 1 : 0) : Number.isFinite(c) ? (c as number) : null));
  const given = (column.valueLabels ?? []).flatMap((l) => {
    const value = typeof l.value === "number" ? l.value : Number(l.value);
    return Number.isFinite(value) && (typeof l.value === "number" || l.value.trim() !== "") ? [{ value, label: l.label }] : [];
  });
  const valueLabels =
    given.length > 0 ? given : allBoolean ? [{ value: 0, label: "false" }, { value: 1, label: "true" }] : [];
  const level = column.level ?? (valueLabels.length > 0 ? "nominal" : "scale");
  const integer = values.every((v) => v === null || Number.isInteger(v));
  return { ...base, level, kind: "numeric", values, integer, valueLabels };
}

function encoded(base: VariableBase, column: Column, cells: Cell[]): NumericVariable {
  const codes = new Map<string, number>();
  const valueLabels: Array<{ value: number; label: string }> = [];
  for (const l of column.valueLabels ?? []) {
    const key = String(l.value);
    if (codes.has(key)) continue;
    codes.set(key, codes.size + 1);
    valueLabels.push({ value: codes.size, label: l.label });
  }
  const unnamed = [...new Set(cells.filter((c) => c !== null).map(String))].filter((v) => !codes.has(v)).sort();
  for (const v of unnamed) {
    codes.set(v, codes.size + 1);
    valueLabels.push({ value: codes.size, label: v });
  }
  const values = cells.map((c) => (c === null ? null : codes.get(String(c))!));
  return { ...base, level: column.level ?? "nominal", kind: "numeric", values, integer: true, valueLabels };
}
