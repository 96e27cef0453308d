import { UsageError } from "../errors.js";
import { resolveAlias } from "../model/resolve-alias.js";
import type { Codebook, StudyConfig, Variable } from "../model/index.js";
import type { ColourScheme } from "./sociogram-model.js";

/**
 * What `--colour-by` names, checked against the codebook: `core` (or nothing) colours by k-core shell; any
 * other name must be a categorical, ordinal or boolean alter variable (aliases work). Its categories come
 * from the config's composition categories, else the codebook's options, in order, so a category has the
 * same colour in every ego. Text and numeric variables are refused: a plot never shows free text.
 *
 * Example: resolveColourScheme("sector", codebook, config) → {kind: "variable", variable: "sector",
 * label: "sector", categories: [{value: "vcs", label: "Voluntary and community sector"}, …]}.
 */
export function resolveColourScheme(spec: string | undefined, codebook: Codebook, config: StudyConfig): ColourScheme {
  if (spec === undefined || spec === "core") return { kind: "core" };
  const variable = resolveAlias(spec, config);
  const found = alterVariables(codebook).filter((v) => v.name === variable);
  if (found.length === 0) {
    const usable = [...new Set(alterVariables(codebook).filter(isCategorical).map((v) => v.name))];
    throw new UsageError(
      `--colour-by: no alter variable "${spec}"; use "core" or one of: ${usable.length ? usable.join(", ") : "(none: the codebook has no categorical alter variables)"}`,
    );
  }
  const kind = found.find(isCategorical) ?? found[0];
  if (kind.type === "text") {
    throw new UsageError(`--colour-by: "${spec}" is a text variable; netsp never draws text variables (choose a categorical, ordinal or boolean one)`);
  }
  if (!isCategorical(kind)) {
    throw new UsageError(`--colour-by: "${spec}" is a ${kind.type} variable; colour takes a categorical, ordinal or boolean alter variable`);
  }
  const settings = config.composition?.[spec] ?? config.composition?.[variable];
  let categories: Array<{ value: string; label: string }>;
  if (kind.type === "boolean") {
    categories = [
      { value: "true", label: "yes" },
      { value: "false", label: "no" },
    ];
  } else {
    const labels = new Map<string, string>();
    for (const v of found) for (const o of v.options ?? []) if (!labels.has(String(o.value))) labels.set(String(o.value), o.label);
    const values = settings?.categories?.map(String) ?? [...labels.keys()];
    if (values.length === 0) throw new UsageError(`--colour-by: "${spec}" has no categories in the codebook or the config`);
    categories = values.map((value) => ({ value, label: settings?.labels?.[value] ?? labels.get(value) ?? value }));
  }
  return { kind: "variable", variable, label: kind.label ?? spec, categories };
}

/**
 * The alter variable whose values name the alters on a plot (`--show-names [variable]`, default `name`):
 * it must be a variable of some node type. Returns the variable's name in the data (aliases resolved).
 */
export function resolveNameVariable(spec: string, codebook: Codebook, config: StudyConfig): string {
  const variable = resolveAlias(spec, config);
  if (alterVariables(codebook).some((v) => v.name === variable)) return variable;
  const text = [...new Set(alterVariables(codebook).filter((v) => v.type === "text").map((v) => v.name))];
  throw new UsageError(
    `--show-names: no alter variable "${spec}" to take names from` + (text.length ? `; text variables of the alters: ${text.join(", ")}` : ""),
  );
}

function alterVariables(codebook: Codebook): Variable[] {
  return Object.values(codebook.node).flatMap((vars) => Object.values(vars));
}

function isCategorical(v: Variable): boolean {
  return v.type === "categorical" || v.type === "ordinal" || v.type === "boolean";
}
