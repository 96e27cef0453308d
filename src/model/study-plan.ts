import { resolveAlias } from "./resolve-alias.js";
import type { Codebook } from "./codebook.js";
import type { ExcludeRule, StudyConfig } from "./study-config.js";
import { assignRoles } from "./variable-roles.js";
import type { Variable } from "./variable.js";

/**
 * What measuring needs from the codebook and the study configuration, worked out once per study:
 * which node and edge types count, which alters are left off the sociogram, and which variables the
 * per-variable measures (composition, diversity, E-I, numeric summaries, denominators) expand over.
 * Names are resolved through `config.aliases`; column ids use the name as the configuration writes it.
 */
export interface StudyPlan {
  /** Node types whose alters count (`config.nodeTypes`); null = every type. */
  nodeTypes: readonly string[] | null;
  /** Node types that get an `alters_<type>` column: the counted types the config or the codebook names. */
  alterTypes: readonly string[];
  /** Edge types whose ties count (`config.edgeTypes`); null = every type. */
  edgeTypes: readonly string[] | null;
  /** Alters matching any rule are left off the sociogram (counted in composition, not in structure). */
  exclude: readonly AlterRule[];
  /** Categorical and ordinal alter variables (role `composition`) for count_/share_/missing_/blau_/iqv_/ei_. */
  composition: readonly CompositionVariable[];
  /** Numeric alter variables (role `numeric`: numbers, never ordinal codes) for mean_/median_. */
  numeric: readonly AlterVariable[];
  /** Ego variables for alters_per_<var>. */
  denominators: readonly VariableRef[];
  /** Ego variables that group egos (config.groups keys; without them the ego variables of role `group`). */
  groupVariables: readonly VariableRef[];
  /** `config.aliases`: short name → variable name. */
  aliases: Readonly<Record<string, string>>;
  /** Things the user should know about the plan (a configured variable the codebook lacks, …). */
  warnings: readonly string[];
  /** How values were decided where the data could not say (e.g. K for IQV from observed categories). */
  notes: readonly string[];
}

/** A variable as the columns name it (`id`) and as the data name it (`variable`, alias resolved). */
export interface VariableRef {
  id: string;
  variable: string;
}

/** An alter variable, with the node types it belongs to (null = every counted type). */
export interface AlterVariable extends VariableRef {
  nodeTypes: readonly string[] | null;
}

export interface CompositionVariable extends AlterVariable {
  /** Every category the variable can take, in display order; null = not known before reading the data. */
  categories: readonly string[] | null;
  /** Where `categories` (K for IQV) came from. */
  categorySource: "config" | "codebook" | "observed";
  /** Ego variable holding the ego's own category, for E-I; null = no E-I column. */
  egoVariable: string | null;
  /** `egoValues`: the ego variable's values as categories of this one (absent: as they are). */
  egoValues?: Readonly<Record<string, string>>;
}

/** An exclusion rule with its variable resolved and its values as a list. */
export interface AlterRule {
  variable: string;
  values: ReadonlyArray<string | number | boolean>;
  nodeType?: string;
}

/** Builds the plan. Pure: the same codebook and config always give the same plan. */
export function makeStudyPlan(given: Codebook, config: StudyConfig): StudyPlan {
  // Roles as the config decides them (the same as the readers assigned; a copy, so the plan stays pure).
  const codebook = assignRoles(structuredClone(given), config);
  const warnings: string[] = [];
  const notes: string[] = [];
  const nodeTypes = config.nodeTypes ? [...config.nodeTypes] : null;
  const countedCodebookTypes = Object.keys(codebook.node).filter((t) => nodeTypes === null || nodeTypes.includes(t));
  const alterTypes = nodeTypes ?? countedCodebookTypes;
  for (const t of nodeTypes ?? []) {
    if (Object.keys(codebook.node).length > 0 && !(t in codebook.node)) {
      warnings.push(`config nodeTypes names "${t}", which is not a node type of the codebook`);
    }
  }
  const edgeTypes = config.edgeTypes ? [...config.edgeTypes] : null;
  for (const t of edgeTypes ?? []) {
    if (Object.keys(codebook.edge).length > 0 && !(t in codebook.edge)) {
      warnings.push(`config edgeTypes names "${t}", which is not an edge type of the codebook`);
    }
  }

  /** Node types (among the counted ones) whose codebook defines `name`. */
  const typesDefining = (name: string): string[] => countedCodebookTypes.filter((t) => name in codebook.node[t]);
  const alterVariable = (name: string): Variable | undefined => {
    for (const t of countedCodebookTypes) if (name in codebook.node[t]) return codebook.node[t][name];
    return undefined;
  };

  const exclude = (config.exclude ?? []).map((rule) => toAlterRule(rule, config));
  for (const rule of exclude) {
    const types = rule.nodeType !== undefined ? [rule.nodeType] : Object.keys(codebook.node);
    if (types.length > 0 && !types.some((t) => codebook.node[t] && rule.variable in codebook.node[t])) {
      warnings.push(`exclusion rule on "${rule.variable}": no node type in the codebook has that variable, so it excludes no alter`);
    }
  }

  const composition: CompositionVariable[] = [];
  const compositionNames = config.composition
    ? Object.keys(config.composition)
    : uniqueNames(countedCodebookTypes.map((t) => Object.values(codebook.node[t]).filter((v) => v.role === "composition")));
  for (const id of compositionNames) {
    const variable = resolveAlias(id, config);
    const settings = config.composition?.[id] ?? {};
    const defining = typesDefining(variable);
    if (defining.length === 0 && Object.keys(codebook.node).length > 0) {
      warnings.push(`composition variable "${id}" is not a variable of any counted node type: every alter will count as missing`);
    }
    let categories: string[] | null = null;
    let categorySource: CompositionVariable["categorySource"] = "observed";
    if (settings.categories && settings.categories.length > 0) {
      categories = settings.categories.map(String);
      categorySource = "config";
    } else {
      const options = uniqueValues(defining.map((t) => (codebook.node[t][variable].options ?? []).map((o) => String(o.value))));
      if (options.length > 0) {
        categories = options;
        categorySource = "codebook";
        if (codebook.source === "inferred") {
          notes.push(`iqv_${id}: K = ${options.length}, the categories named by the export's columns (no protocol or configured categories)`);
        }
      }
    }
    const egoName = settings.egoVariable !== undefined ? resolveAlias(settings.egoVariable, config) : null;
    let egoVariable: string | null = null;
    if (egoName !== null) {
      egoVariable = egoName;
      if (Object.keys(codebook.ego).length > 0 && !(egoName in codebook.ego)) {
        warnings.push(`composition "${id}": egoVariable "${settings.egoVariable}" is not an ego variable of the codebook`);
      }
    } else if (variable in codebook.ego) {
      egoVariable = variable;
    }
    if (settings.egoValues !== undefined && egoVariable === null) warnings.push(`composition "${id}": egoValues is ignored without an egoVariable`);
    for (const [from, to] of Object.entries(settings.egoValues ?? {})) {
      if (categories !== null && !categories.includes(to)) {
        warnings.push(`composition "${id}": egoValues reads ego value "${from}" as "${to}", which is not one of its categories (${categories.join(", ")})`);
      }
    }
    const egoValues = egoVariable !== null && settings.egoValues !== undefined ? { egoValues: { ...settings.egoValues } } : {};
    composition.push({ id, variable, nodeTypes: defining.length > 0 ? defining : null, categories, categorySource, egoVariable, ...egoValues });
  }

  const numeric: AlterVariable[] = uniqueNames(
    countedCodebookTypes.map((t) => Object.values(codebook.node[t]).filter((v) => v.role === "numeric" && (v.type === "number" || v.type === "scalar"))),
  ).map((name) => ({ id: name, variable: name, nodeTypes: typesDefining(name) }));

  const denominators: VariableRef[] = (config.denominators ?? []).map((id) => ({ id, variable: resolveAlias(id, config) }));
  for (const d of denominators) {
    if (Object.keys(codebook.ego).length > 0 && !(d.variable in codebook.ego)) {
      warnings.push(`denominator "${d.id}" is not an ego variable of the codebook: alters_per_${d.id} will be empty`);
    }
  }

  const groupVariables: VariableRef[] = config.groups
    ? Object.keys(config.groups).map((id) => ({ id, variable: resolveAlias(id, config) }))
    : Object.values(codebook.ego)
        .filter((v) => v.role === "group")
        .map((v) => ({ id: v.name, variable: v.name }));

  return {
    nodeTypes,
    alterTypes,
    edgeTypes,
    exclude,
    composition,
    numeric,
    denominators,
    groupVariables,
    aliases: { ...(config.aliases ?? {}) },
    warnings,
    notes,
  };
}

function toAlterRule(rule: ExcludeRule, config: StudyConfig): AlterRule {
  const values = rule.in !== undefined ? [...rule.in] : rule.equals !== undefined ? [rule.equals] : [];
  const out: AlterRule = { variable: resolveAlias(rule.variable, config), values };
  if (rule.nodeType !== undefined) out.nodeType = rule.nodeType;
  return out;
}

function uniqueNames(groups: Variable[][]): string[] {
  return uniqueValues(groups.map((vs) => vs.map((v) => v.name)));
}

function uniqueValues(groups: string[][]): string[] {
  const seen = new Set<string>();
  for (const g of groups) for (const v of g) seen.add(v);
  return [...seen];
}
